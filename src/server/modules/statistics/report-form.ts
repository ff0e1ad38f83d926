/**
 * The statutory table "Tình hình, kết quả giải quyết TTHC", one row per field (lĩnh vực):
 * - Biểu số 07a/BTP/KSTT (TT 09/2026/TT-BTP, in force 1 August 2026) for an agency or a commune;
 * - Biểu số 07b/BTP/KSTT for the province as a whole: I. procedures of provincial (and, before 1 July 2025, district)
 *   competence, II. commune competence;
 * - Biểu II.06a (TT 01/2020/TT-VPCP) for periods ending before 1 August 2026, such as the seed's 2021 report. Its
 *   columns are taken from memory of that circular (the text is not in the repository): received (total, carried over,
 *   new online, new in person or by post), resolved (total, early, on time, late), pending (total, within, overdue).
 * Stopped, closed and withdrawn dossiers have no column in any of them: they are written under the table.
 */
import { resolvePeriod, type PeriodSpec } from '../../../shared/periods';
import type { ReportForm, ReportFormCode } from '../../../shared/schemas/statistics';
import type { Actor } from '../../auth/actor';
import type { Executor } from '../../db/client';
import { statisticsRows } from './dossier-statistics';
import { resolveStatScope } from './statistics-scope';

/** TT 09/2026/TT-BTP takes effect on this day; earlier periods use the TT 01/2020/TT-VPCP form. */
export const TT09_IN_FORCE = '2026-08-01';

export function formFor(periodTo: string, wholeProvince: boolean): ReportFormCode {
  if (periodTo < TT09_IN_FORCE) return 'II.06a';
  return wholeProvince ? '07b' : '07a';
}

const FORMS: Record<ReportFormCode, { formNumber: string; title: string; legalBasis: string; receiving: string }> = {
  '07a': {
    formNumber: 'Biểu số 07a/BTP/KSTT',
    title: 'TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH TẠI CƠ QUAN, ĐƠN VỊ TRỰC TIẾP GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH',
    legalBasis: 'Thông tư số 09/2026/TT-BTP',
    receiving: 'Ủy ban nhân dân cấp tỉnh',
  },
  '07b': {
    formNumber: 'Biểu số 07b/BTP/KSTT',
    title: 'TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH CỦA UBND CẤP TỈNH',
    legalBasis: 'Thông tư số 09/2026/TT-BTP',
    receiving: 'Bộ Tư pháp',
  },
  'II.06a': {
    formNumber: 'Biểu mẫu II.06a/VPCP/KSTT',
    title: 'TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH TẠI CƠ QUAN, ĐƠN VỊ TRỰC TIẾP GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH',
    legalBasis: 'Thông tư số 01/2020/TT-VPCP (biểu mẫu theo hiểu biết của dự án, chưa đối chiếu văn bản gốc)',
    receiving: 'Văn phòng Ủy ban nhân dân tỉnh',
  },
};

export async function getReportForm(executor: Executor, actor: Actor, input: PeriodSpec & { agencyId?: string | undefined }): Promise<ReportForm> {
  const period = resolvePeriod(input);
  const scope = await resolveStatScope(executor, actor, { agencyId: input.agencyId });
  // The whole province: no agency subtree, or the subtree of a root agency (the provincial People's Committee).
  const wholeProvince = scope.agencyPath === null || scope.agencyPath.split('/').filter(Boolean).length === 1;
  const form = formFor(period.to, wholeProvince);
  const meta = FORMS[form];
  const sections: ReportForm['sections'] = [];
  let total;
  if (form === '07b') {
    const upperLevels: ('province' | 'district')[] = ['province', 'district'];
    const upper = await statisticsRows(executor, period, 'field', { ...scope, filter: { ...scope.filter, levels: upperLevels } });
    const communes = await statisticsRows(executor, period, 'field', { ...scope, filter: { ...scope.filter, levels: ['commune'] } });
    sections.push({ title: 'I. Tình hình, kết quả giải quyết TTHC thuộc phạm vi thẩm quyền của UBND cấp tỉnh', levels: upperLevels, rows: upper.rows });
    sections.push({ title: 'II. Tổng hợp tình hình, kết quả giải quyết TTHC thuộc phạm vi thẩm quyền của UBND cấp xã', levels: ['commune'], rows: communes.rows });
    total = (await statisticsRows(executor, period, 'none', scope)).total;
  } else {
    const all = await statisticsRows(executor, period, 'field', scope);
    sections.push({ title: null, levels: null, rows: all.rows });
    total = all.total;
  }
  const notes = [
    `Hồ sơ chờ bổ sung, hoàn thiện tại ngày cuối kỳ (đã tính trong số đang giải quyết trong hạn): ${total.pending.waitingForSupplement}.`,
    `Hồ sơ dừng giải quyết theo yêu cầu trong kỳ: ${total.stopped}; đóng do không bổ sung trong kỳ: ${total.closedNoSupplement}.`,
    `Hồ sơ trực tuyến chưa được tiếp nhận đã kết thúc trong kỳ (không tính vào số tiếp nhận): rút ${total.notReceived.withdrawn}, từ chối ${total.notReceived.refused}, đóng do không bổ sung ${total.notReceived.closedNoSupplement}.`,
    'Hồ sơ liên thông chỉ tính một lần tại cơ quan có thẩm quyền giải quyết.',
  ];
  return {
    form,
    formNumber: meta.formNumber,
    title: meta.title,
    legalBasis: meta.legalBasis,
    period,
    reportingAgency: scope.label,
    receivingAgency: meta.receiving,
    sections,
    total,
    notes,
  };
}
