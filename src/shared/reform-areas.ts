/**
 * The six areas of administrative reform (Nghị quyết 76/NQ-CP, 15/7/2021, Chương trình tổng thể CCHC 2021–2030),
 * in the order the periodic CCHC report presents them, plus `direction` for the report's section I (plans,
 * directives, inspection, communication). Every reform module (documents, plans, unit reports, inspections, the
 * provincial report) uses these codes.
 */
export const ReformArea = {
  DIRECTION: 'direction',
  INSTITUTIONS: 'institutions',
  PROCEDURES: 'procedures',
  ORGANISATION: 'organisation',
  CIVIL_SERVICE: 'civil_service',
  PUBLIC_FINANCE: 'public_finance',
  DIGITAL_GOVERNMENT: 'digital_government',
} as const;
export type ReformArea = (typeof ReformArea)[keyof typeof ReformArea];

/** All codes, in report order: direction first, then the six areas. */
export const REFORM_AREAS: readonly ReformArea[] = Object.values(ReformArea);
/** The six areas of NQ 76/NQ-CP, without `direction`. */
export const REFORM_RESULT_AREAS: readonly ReformArea[] = REFORM_AREAS.filter((a) => a !== ReformArea.DIRECTION);

export const reformAreaLabels: Record<ReformArea, string> = {
  direction: 'Công tác chỉ đạo, điều hành cải cách hành chính',
  institutions: 'Cải cách thể chế',
  procedures: 'Cải cách thủ tục hành chính',
  organisation: 'Cải cách tổ chức bộ máy hành chính nhà nước',
  civil_service: 'Cải cách chế độ công vụ',
  public_finance: 'Cải cách tài chính công',
  digital_government: 'Xây dựng và phát triển Chính phủ điện tử, Chính phủ số',
};

/** Short labels for tables and filters. */
export const reformAreaShortLabels: Record<ReformArea, string> = {
  direction: 'Chỉ đạo, điều hành',
  institutions: 'Thể chế',
  procedures: 'Thủ tục hành chính',
  organisation: 'Tổ chức bộ máy',
  civil_service: 'Chế độ công vụ',
  public_finance: 'Tài chính công',
  digital_government: 'Chính phủ điện tử, số',
};

export function isReformArea(value: string): value is ReformArea {
  return (REFORM_AREAS as readonly string[]).includes(value);
}
