/**
 * The shipped template of the units' periodic CCHC report (quarter, half-year, year): the seed report's outline
 * (I direction; II results in the six areas of NQ 76/NQ-CP; III strengths and limitations; IV next-period tasks)
 * with the figures the Department of Home Affairs asks of departments and districts. Figures the system knows
 * name a prefill source; the others are entered by the unit. A province edits it by saving a new version.
 */
import type { ReportIndicator, ReportPeriodType, ReportSection, ReportTemplateContent } from '../../../shared/schemas/unit-reports';
import { REFORM_RESULT_AREAS, reformAreaLabels, type ReformArea } from '../../../shared/reform-areas';

const ind = (code: string, area: ReformArea, label: string, unit: string, prefill: string | null = null, decimals = 0): ReportIndicator => ({
  code,
  area,
  label,
  unit,
  prefill,
  decimals,
  help: null,
});

export const DEFAULT_INDICATORS: ReportIndicator[] = [
  ind('direction.plans_issued', 'direction', 'Số kế hoạch, văn bản chỉ đạo, điều hành CCHC đã ban hành', 'văn bản'),
  ind('direction.inspections', 'direction', 'Số cuộc kiểm tra CCHC đã thực hiện', 'cuộc'),
  ind('direction.units_inspected', 'direction', 'Số cơ quan, đơn vị được kiểm tra', 'đơn vị'),
  ind('direction.communication_activities', 'direction', 'Số hoạt động tuyên truyền CCHC', 'hoạt động'),
  ind('institutions.legal_docs_advised', 'institutions', 'Số văn bản QPPL đã tham mưu ban hành', 'văn bản'),
  ind('institutions.legal_docs_reviewed', 'institutions', 'Số văn bản QPPL đã rà soát, kiểm tra', 'văn bản'),
  ind('institutions.legal_docs_proposed_change', 'institutions', 'Số văn bản QPPL kiến nghị sửa đổi, bổ sung, bãi bỏ', 'văn bản'),
  ind('procedures.in_force', 'procedures', 'Số TTHC đang thực hiện', 'thủ tục', 'catalog.procedures_in_force'),
  ind('procedures.on_the_spot', 'procedures', 'Số TTHC thực hiện "5 tại chỗ"', 'thủ tục', 'catalog.procedures_on_the_spot'),
  ind('procedures.online_partial', 'procedures', 'Số TTHC cung cấp DVC trực tuyến mức độ 3 (một phần)', 'thủ tục', 'catalog.procedures_online_partial'),
  ind('procedures.online_full', 'procedures', 'Số TTHC cung cấp DVC trực tuyến mức độ 4 (toàn trình)', 'thủ tục', 'catalog.procedures_online_full'),
  ind('procedures.simplification_proposed', 'procedures', 'Số TTHC đã rà soát, đề xuất đơn giản hóa', 'thủ tục'),
  ind('procedures.dossiers_received', 'procedures', 'Tổng số hồ sơ TTHC tiếp nhận', 'hồ sơ', 'dossiers.received_total'),
  ind('procedures.dossiers_received_online', 'procedures', 'Số hồ sơ tiếp nhận trực tuyến', 'hồ sơ', 'dossiers.received_online'),
  ind('procedures.dossiers_resolved', 'procedures', 'Số hồ sơ đã giải quyết', 'hồ sơ', 'dossiers.resolved'),
  ind('procedures.dossiers_on_time', 'procedures', 'Số hồ sơ giải quyết trước hạn, đúng hạn', 'hồ sơ', 'dossiers.resolved_on_time'),
  ind('procedures.dossiers_late', 'procedures', 'Số hồ sơ giải quyết quá hạn', 'hồ sơ', 'dossiers.resolved_late'),
  ind('procedures.dossiers_pending', 'procedures', 'Số hồ sơ đang giải quyết', 'hồ sơ', 'dossiers.pending'),
  ind('procedures.petitions_received', 'procedures', 'Số phản ánh, kiến nghị về quy định hành chính tiếp nhận', 'phản ánh, kiến nghị', 'petitions.received'),
  ind('procedures.petitions_resolved', 'procedures', 'Số phản ánh, kiến nghị đã xử lý', 'phản ánh, kiến nghị'),
  ind('organisation.restructuring_schemes', 'organisation', 'Số đề án sắp xếp, kiện toàn tổ chức được phê duyệt', 'đề án'),
  ind('organisation.quota_civil_servants', 'organisation', 'Biên chế công chức được giao', 'biên chế'),
  ind('organisation.quota_public_employees', 'organisation', 'Số lượng người làm việc được giao (viên chức)', 'người'),
  ind('organisation.contracts_decree_68', 'organisation', 'Hợp đồng theo Nghị định 68/2000/NĐ-CP', 'người'),
  ind('civil_service.staff_total', 'civil_service', 'Tổng số cán bộ, công chức, viên chức', 'người'),
  ind('civil_service.retired', 'civil_service', 'Số trường hợp nghỉ hưu', 'người'),
  ind('civil_service.resigned', 'civil_service', 'Số trường hợp thôi việc', 'người'),
  ind('civil_service.appointed', 'civil_service', 'Số trường hợp bổ nhiệm, bổ nhiệm lại', 'người'),
  ind('civil_service.recruited', 'civil_service', 'Số công chức, viên chức được tuyển dụng', 'người'),
  ind('civil_service.trained', 'civil_service', 'Số lượt cán bộ, công chức, viên chức được đào tạo, bồi dưỡng', 'lượt'),
  ind('public_finance.autonomous_agencies', 'public_finance', 'Số cơ quan hành chính thực hiện cơ chế tự chủ', 'cơ quan'),
  ind('public_finance.units_self_financed', 'public_finance', 'Số đơn vị sự nghiệp tự bảo đảm chi thường xuyên', 'đơn vị'),
  ind('public_finance.units_partly_financed', 'public_finance', 'Số đơn vị sự nghiệp tự bảo đảm một phần chi thường xuyên', 'đơn vị'),
  ind('public_finance.units_state_financed', 'public_finance', 'Số đơn vị sự nghiệp do NSNN bảo đảm chi thường xuyên', 'đơn vị'),
  ind('digital_government.e_documents_rate', 'digital_government', 'Tỷ lệ văn bản đi được gửi dưới dạng điện tử', '%', null, 1),
  ind('digital_government.digital_signature_rate', 'digital_government', 'Tỷ lệ văn bản điện tử được ký số', '%', null, 1),
  ind('digital_government.iso_processes', 'digital_government', 'Số quy trình áp dụng TCVN ISO 9001:2015', 'quy trình'),
];

const section = (code: string, kind: ReportSection['kind'], area: ReformArea | null, title: string, guidance: string | null, required: boolean): ReportSection => ({
  code,
  kind,
  area,
  title,
  guidance,
  required,
});

const areaGuidance: Record<ReformArea, string> = {
  direction: '',
  institutions: 'Xây dựng, ban hành văn bản QPPL; rà soát, kiểm tra, hệ thống hóa văn bản; theo dõi thi hành pháp luật.',
  procedures: 'Công bố, công khai TTHC; kết quả giải quyết TTHC; tiếp nhận, xử lý phản ánh, kiến nghị; rà soát, đơn giản hóa; kiểm tra.',
  organisation: 'Sắp xếp tổ chức bộ máy; quản lý, sử dụng biên chế; đơn vị sự nghiệp công lập.',
  civil_service: 'Tuyển dụng, bổ nhiệm, đánh giá, đào tạo, bồi dưỡng; kỷ luật, kỷ cương hành chính.',
  public_finance: 'Thực hiện cơ chế tự chủ tài chính; quản lý, sử dụng ngân sách, tài sản công.',
  digital_government: 'Ứng dụng công nghệ thông tin, dịch vụ công trực tuyến, văn bản điện tử, chữ ký số, ISO.',
};

export const DEFAULT_SECTIONS: ReportSection[] = [
  section('direction', 'direction', 'direction', 'I. Công tác chỉ đạo, điều hành cải cách hành chính', 'Kế hoạch CCHC; văn bản chỉ đạo; kiểm tra; tuyên truyền.', true),
  ...REFORM_RESULT_AREAS.map((area, i) =>
    section(`results.${area}`, 'area_results', area, `II.${i + 1}. ${reformAreaLabels[area]}`, areaGuidance[area], true),
  ),
  section('strengths', 'strengths', null, 'III.1. Ưu điểm', null, true),
  section('limitations', 'limitations', null, 'III.2. Hạn chế, nguyên nhân', null, true),
  section('proposals', 'proposals', null, 'Đề xuất, kiến nghị', null, false),
  section('next_tasks', 'next_tasks', null, 'IV. Phương hướng, nhiệm vụ kỳ tới', null, true),
];

export function defaultTemplateContent(): ReportTemplateContent {
  return { indicators: DEFAULT_INDICATORS.map((i) => ({ ...i })), sections: DEFAULT_SECTIONS.map((s) => ({ ...s })) };
}

export const DEFAULT_TEMPLATE_NAMES: Record<Exclude<ReportPeriodType, 'custom'>, { code: string; name: string }> = {
  quarter: { code: 'cchc_quy', name: 'Báo cáo kết quả thực hiện công tác CCHC quý' },
  half_year: { code: 'cchc_6_thang', name: 'Báo cáo kết quả thực hiện công tác CCHC 6 tháng' },
  year: { code: 'cchc_nam', name: 'Báo cáo kết quả thực hiện công tác CCHC năm' },
};
