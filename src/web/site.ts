/** Names shown by the web app. One place, so a province deploying MotCua changes them here. */
export const site = {
  provinceName: 'Hậu Giang',
  portalTitle: 'Cổng dịch vụ công tỉnh Hậu Giang',
  portalShortTitle: 'Dịch vụ công Hậu Giang',
  owner: 'Ủy ban nhân dân tỉnh Hậu Giang',
  backOfficeTitle: 'Hệ thống giải quyết thủ tục hành chính',
} as const;
