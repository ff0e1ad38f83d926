/**
 * Demo: the shipped report templates and the H1 2021 round (data cut-off 15/12/2020–14/06/2021, due 20/06/2021)
 * organised by Sở Nội vụ for every department and district committee of the demo province, with the reports as the
 * seed report describes them: most sent on time and accepted, some late, one returned as "không đủ nội dung, còn
 * mang tính đối phó" and sent again, one still returned, two never sent (Sở KH&CN left a draft, TX Long Mỹ nothing).
 *
 * History is written as the use cases would have written it in June 2021 (recordReportAction, dated). Catalog and
 * petition figures are the system's; dossier figures were compiled by the units from their one-stop software before
 * the system held their dossiers, so they are recorded as the unit's with that reason. Idempotent: nothing is added
 * when the round exists.
 */
import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { agencies, reformReportRounds, reformReportTemplates, reformUnitReports } from '../../db/schema';
import { toLocalDate } from '../../../shared/calendar';
import type { Actor } from '../../auth/actor';
import type { DemoSeeder } from '../../seed/seed-demo';
import type { UnitReportAction, UnitReportStatus } from '../../../shared/workflow/unit-report-workflow';
import { REPORT_PERIOD_TYPES } from '../../../shared/schemas/unit-reports';
import { DEFAULT_TEMPLATE_NAMES, defaultTemplateContent } from './default-template';
import { insertTemplateVersion } from './save-report-template';
import { createReportRound } from './open-report-round';
import { recordReportAction, type ReportChange } from './unit-report-actions';
import { systemFiguresOf } from './report-figures';
import { findUnitReport, type LoadedReport, type StoredFigures } from './unit-reports.queries';

const ORGANIZER_KEY = 'SNV';
const PERIOD = { from: '2020-12-15', to: '2021-06-14', due: '2021-06-20' };
const REVIEWER = 'Lê Thị Thu Hà (Phòng Cải cách hành chính, Sở Nội vụ)';

/** 09:00 in Vietnam on a June 2021 day. */
const june = (day: number, hour = 9) => new Date(Date.UTC(2021, 5, day, hour - 7));

type Step = { action: UnitReportAction; at: Date; note?: string; thin?: boolean };

/** Each unit's June 2021; units not listed sent on time (day by key) and were accepted a few days later. */
const stories: Record<string, Step[]> = {
  SCT: [{ action: 'submit', at: june(23) }, { action: 'accept', at: june(28) }],
  SXD: [{ action: 'submit', at: june(22) }],
  STNMT: [{ action: 'submit', at: june(19) }],
  SKHCN: [{ action: 'save_draft', at: june(18) }],
  UBND_TXLONGMY: [],
  UBND_HLONGMY: [{ action: 'submit', at: june(25) }, { action: 'accept', at: june(29) }],
  UBND_PHUNGHIEP: [
    { action: 'submit', at: june(17), thin: true },
    {
      action: 'return',
      at: june(21),
      note: 'Báo cáo chưa đủ nội dung, còn mang tính đối phó: chưa nêu kết quả từng lĩnh vực CCHC, thiếu số liệu tuyển dụng, bổ nhiệm và tự chủ tài chính. Đề nghị bổ sung, gửi lại trước ngày 25/6/2021.',
    },
    { action: 'submit', at: june(24) },
    { action: 'accept', at: june(28) },
  ],
  SYT: [
    { action: 'submit', at: june(18), thin: true },
    { action: 'return', at: june(23), note: 'Đề nghị bổ sung kết quả thực hiện cơ chế tự chủ của các đơn vị sự nghiệp y tế và số liệu hồ sơ TTHC đã giải quyết.' },
  ],
};

const defaultStory = (key: string): Step[] => {
  const day = 14 + (hashOf(key, 'day') % 6); // 14–19 June
  return [{ action: 'submit', at: june(day, 8 + (hashOf(key, 'hour') % 8)) }, { action: 'accept', at: june(Math.max(day + 3, 22)) }];
};

function hashOf(...parts: string[]): number {
  return createHash('sha256').update(parts.join('|')).digest().readUInt32BE(0);
}
const between = (key: string, code: string, lo: number, hi: number) => lo + (hashOf(key, code) % (hi - lo + 1));

const inspected = new Set(['STP', 'SLDTBXH', 'UBND_VITHANH', 'UBND_PHUNGHIEP', 'UBND_CHAUTHANHA']);
const restructured = new Set(['SNV', 'STP', 'SCT', 'SNNPTNT', 'STNMT', 'STTTT', 'SLDTBXH', 'SVHTTDL', 'SKHCN', 'SGDDT', 'SYT']);
const contestPrizes: Record<string, string> = {
  UBND_VITHUY: 'giải nhất',
  UBND_HLONGMY: 'giải nhì',
  UBND_CHAUTHANHA: 'giải ba',
  UBND_VITHANH: 'giải ba',
};

/** Figures a unit typed in 2021: plausible, stable per unit and indicator. */
function unitFigures(key: string, isDistrict: boolean, system: Map<string, number | null>, report: LoadedReport): StoredFigures {
  const out: StoredFigures = {};
  const dossierReason = 'Số liệu đơn vị tổng hợp từ phần mềm một cửa đang dùng năm 2021, trước khi hồ sơ được chuyển vào hệ thống';
  const received = isDistrict ? between(key, 'received', 2_500, 6_500) : between(key, 'received', 300, 4_200);
  const resolved = Math.round(received * (0.8 + (hashOf(key, 'resolved') % 10) / 100));
  const late = Math.round(resolved * ((hashOf(key, 'late') % 5) / 100));
  const dossierValues: Record<string, number> = {
    'procedures.dossiers_received': received,
    'procedures.dossiers_received_online': Math.round(received * ((5 + (hashOf(key, 'online') % 20)) / 100)),
    'procedures.dossiers_resolved': resolved,
    'procedures.dossiers_on_time': resolved - late,
    'procedures.dossiers_late': late,
    'procedures.dossiers_pending': received - resolved,
  };
  const staff = isDistrict ? between(key, 'staff', 900, 2_100) : between(key, 'staff', 40, 420);
  const ranges: Record<string, [number, number]> = {
    'direction.plans_issued': [3, 12],
    'direction.inspections': [1, 4],
    'direction.units_inspected': [2, 8],
    'direction.communication_activities': [2, 10],
    'institutions.legal_docs_advised': isDistrict ? [0, 0] : [0, 3],
    'institutions.legal_docs_reviewed': [4, 30],
    'institutions.legal_docs_proposed_change': [0, 3],
    'procedures.simplification_proposed': [0, 6],
    'procedures.petitions_resolved': [0, 0],
    'organisation.restructuring_schemes': restructured.has(key) ? [1, 6] : [0, 0],
    'organisation.quota_civil_servants': isDistrict ? [80, 120] : [25, 75],
    'organisation.quota_public_employees': isDistrict ? [800, 1_900] : [10, 380],
    'organisation.contracts_decree_68': isDistrict ? [10, 40] : [2, 12],
    'civil_service.retired': [0, 2],
    'civil_service.resigned': [0, 2],
    'civil_service.appointed': [0, 6],
    'civil_service.recruited': [0, 12],
    'civil_service.trained': [10, 120],
    'public_finance.autonomous_agencies': isDistrict ? [12, 14] : [1, 2],
    'public_finance.units_self_financed': [0, 2],
    'public_finance.units_partly_financed': [0, 4],
    'public_finance.units_state_financed': isDistrict ? [30, 60] : [1, 12],
    'digital_government.iso_processes': [20, 120],
  };
  for (const indicator of report.template.content.indicators) {
    const code = indicator.code;
    if (code in dossierValues) {
      out[code] = { value: dossierValues[code]!, source: 'unit', systemValue: null, overrideReason: dossierReason };
    } else if (indicator.prefill) {
      const sys = system.get(code) ?? null;
      out[code] = { value: sys, source: 'system', systemValue: sys, overrideReason: null };
    } else if (code === 'civil_service.staff_total') {
      out[code] = { value: staff, source: 'unit', systemValue: null, overrideReason: null };
    } else if (indicator.unit === '%') {
      out[code] = { value: 85 + (hashOf(key, code) % 150) / 10, source: 'unit', systemValue: null, overrideReason: null };
    } else {
      const [lo, hi] = ranges[code] ?? [0, 5];
      out[code] = { value: between(key, code, lo, hi), source: 'unit', systemValue: null, overrideReason: null };
    }
  }
  return out;
}

function narrativeOf(key: string, name: string, isDistrict: boolean, thin: boolean): Record<string, string> {
  if (thin) {
    return {
      direction: `${name} đã triển khai thực hiện công tác cải cách hành chính theo kế hoạch.`,
      'results.institutions': 'Thực hiện tốt.',
      'results.procedures': 'Giải quyết hồ sơ đúng quy định.',
      'results.organisation': 'Ổn định.',
      'results.civil_service': 'Thực hiện đúng quy định.',
      'results.public_finance': 'Thực hiện tốt.',
      'results.digital_government': 'Duy trì hoạt động.',
      strengths: 'Công tác CCHC được quan tâm thực hiện.',
      limitations: 'Không có.',
      next_tasks: 'Tiếp tục thực hiện kế hoạch.',
    };
  }
  const inspection = inspected.has(key)
    ? ` Đơn vị được Đoàn Kiểm tra công tác CCHC và công vụ của tỉnh kiểm tra theo Kế hoạch số 40/KH-UBND ngày 04/3/2021; đã xây dựng kế hoạch khắc phục các tồn tại được chỉ ra.`
    : '';
  const prize = contestPrizes[key] ? ` Đội của ${isDistrict ? 'địa phương' : 'đơn vị'} đạt ${contestPrizes[key]} Hội thi tuyên truyền CCHC năm 2021 (Kế hoạch số 65/KH-UBND ngày 09/4/2021).` : '';
  const timeCut = key === 'SVHTTDL' ? ' Đã rà soát, đề xuất cắt giảm thời hạn giải quyết TTHC, tỷ lệ giảm thời gian đạt 80% so với quy định.' : '';
  const schemes = restructured.has(key) ? ' Đề án sắp xếp, kiện toàn các đơn vị sự nghiệp trực thuộc theo Nghị quyết số 19-NQ/TW đã được phê duyệt.' : '';
  return {
    direction: `${name} ban hành kế hoạch CCHC năm 2021 triển khai Kế hoạch số 1996/KH-UBND ngày 30/12/2020 của UBND tỉnh, kế hoạch tuyên truyền CCHC và kế hoạch tự kiểm tra; phân công lãnh đạo phụ trách từng lĩnh vực.${inspection}${prize}`,
    'results.institutions': isDistrict
      ? 'Rà soát văn bản do HĐND, UBND cấp huyện ban hành; không phát hiện văn bản trái pháp luật. Triển khai công tác theo dõi thi hành pháp luật theo Kế hoạch số 15/KH-UBND ngày 21/01/2021.'
      : 'Tham mưu UBND tỉnh xây dựng, rà soát văn bản QPPL thuộc lĩnh vực quản lý; tự kiểm tra văn bản theo Kế hoạch số 1993/KH-UBND ngày 28/12/2020.',
    'results.procedures': `100% TTHC thuộc thẩm quyền được niêm yết công khai tại Bộ phận Một cửa và trên Cổng Dịch vụ công; chưa nhận phản ánh, kiến nghị về quy định hành chính.${timeCut}`,
    'results.organisation': `Tiếp tục rà soát, sắp xếp tổ chức bộ máy theo hướng tinh gọn; quản lý, sử dụng biên chế đúng số được giao.${schemes}`,
    'results.civil_service': 'Thực hiện đúng quy định về nghỉ hưu, thôi việc, bổ nhiệm, bổ nhiệm lại; cử công chức, viên chức tham gia đào tạo, bồi dưỡng; duy trì kỷ luật, kỷ cương hành chính.',
    'results.public_finance': 'Thực hiện cơ chế tự chủ về tài chính theo Nghị định số 130/2005/NĐ-CP và Nghị định số 16/2015/NĐ-CP; công khai dự toán, quyết toán ngân sách.',
    'results.digital_government': 'Sử dụng phần mềm quản lý văn bản, thư điện tử công vụ và chữ ký số trong gửi, nhận văn bản; duy trì hệ thống quản lý chất lượng TCVN ISO 9001:2015.',
    strengths: 'Lãnh đạo quan tâm chỉ đạo; công chức Bộ phận Một cửa tận tình hướng dẫn người dân; ứng dụng công nghệ thông tin ngày càng hiệu quả.',
    limitations: isDistrict
      ? 'Hồ sơ trực tuyến mức độ 3, 4 phát sinh còn ít do người dân quen giao dịch trực tiếp, thiếu máy scan, máy vi tính; thái độ ứng xử của một số công chức tại Bộ phận tiếp nhận và trả kết quả còn bị người dân phản ánh.'
      : 'Hồ sơ trực tuyến phát sinh còn ít; tuyên truyền CCHC chủ yếu theo các đợt phát động của cấp trên, chưa thường xuyên.',
    proposals: 'Đề nghị tỉnh tiếp tục đầu tư hạ tầng công nghệ thông tin cho Bộ phận Một cửa và tập huấn nghiệp vụ cho công chức làm công tác CCHC.',
    next_tasks: 'Tiếp tục thực hiện Nghị quyết số 03-NQ/TU và Chương trình số 04/CTr-UBND ngày 30/3/2021; thực hiện nghiêm các biện pháp phòng, chống dịch Covid-19; đẩy mạnh tiếp nhận, giải quyết hồ sơ trực tuyến mức độ 3, 4; tiếp tục rà soát, đơn giản hóa TTHC.',
  };
}

async function ensureTemplates(tx: Tx, actor: Actor): Promise<{ added: number; halfYearId: string }> {
  let added = 0;
  const ids = new Map<string, string>();
  for (const type of REPORT_PERIOD_TYPES) {
    if (type === 'custom') continue;
    const { code, name } = DEFAULT_TEMPLATE_NAMES[type];
    const [existing] = await tx.select({ id: reformReportTemplates.id }).from(reformReportTemplates).where(eq(reformReportTemplates.code, code)).limit(1);
    ids.set(type, existing?.id ?? (await insertTemplateVersion(tx, actor, { code, name, periodType: type, content: defaultTemplateContent() })));
    if (!existing) added++;
  }
  return { added, halfYearId: ids.get('half_year')! };
}

export const unitReportsSeeder: DemoSeeder = {
  name: 'unit-reports',
  async run(tx, actor, state) {
    const templates = await ensureTemplates(tx, actor);
    const organizerId = state.agencyIds.get(ORGANIZER_KEY);
    if (!organizerId) throw new Error(`Demo unit reports: agency ${ORGANIZER_KEY} is missing`);
    const [existing] = await tx
      .select({ id: reformReportRounds.id })
      .from(reformReportRounds)
      .where(and(eq(reformReportRounds.organizerAgencyId, organizerId), eq(reformReportRounds.periodFrom, PERIOD.from), eq(reformReportRounds.periodTo, PERIOD.to)));
    if (existing) return templates.added;
    const [organizer] = await tx.select({ id: agencies.id, path: agencies.path }).from(agencies).where(eq(agencies.id, organizerId));
    const roundId = await createReportRound(tx, actor, organizer!, { templateId: templates.halfYearId, period: { preset: 'reform_h1', year: 2021 }, dueOn: PERIOD.due });
    await tx.update(reformReportRounds).set({ openedAt: june(1) }).where(eq(reformReportRounds.id, roundId));

    const keyOf = new Map([...state.agencyIds].map(([key, id]) => [id, key]));
    const reports = await tx.select({ id: reformUnitReports.id }).from(reformUnitReports).where(eq(reformUnitReports.roundId, roundId));
    let added = templates.added + 1;
    for (const { id } of reports) {
      let report = (await findUnitReport(tx, id))!;
      const key = keyOf.get(report.agency.id) ?? report.agency.id;
      const isDistrict = report.agency.kind === 'district_committee';
      const system = await systemFiguresOf(tx, report);
      const figures = unitFigures(key, isDistrict, system, report);
      const unitLabel = `Cán bộ đầu mối CCHC, ${report.agency.shortName}`;
      let returned = 0;
      for (const step of stories[key] ?? defaultStory(key)) {
        const from = report.row.status as UnitReportStatus;
        const narrative = narrativeOf(key, report.agency.name, isDistrict, step.thin === true);
        const change: ReportChange = (() => {
          switch (step.action) {
            case 'save_draft':
              return { set: { figures, narrative: { direction: narrative.direction! }, figuresComputedAt: step.at } };
            case 'submit': {
              const first = report.row.firstSubmittedAt === null;
              return {
                set: {
                  figures,
                  narrative,
                  figuresComputedAt: step.at,
                  submittedContent: { figures, narrative },
                  lastSubmittedAt: step.at,
                  ...(first ? { firstSubmittedAt: step.at, firstSubmittedOn: toLocalDate(step.at) } : {}),
                },
                payload: { submittedOn: toLocalDate(step.at), late: toLocalDate(step.at) > PERIOD.due, resubmission: !first },
              };
            }
            case 'return':
              returned++;
              return { set: { reviewComment: step.note!, returnCount: returned }, note: step.note! };
            case 'accept':
              return { set: { acceptedAt: step.at, reviewComment: null } };
            default: {
              const unknown: never = step.action;
              throw new Error(`unknown step ${String(unknown)}`);
            }
          }
        })();
        const to: UnitReportStatus = step.action === 'save_draft' ? 'draft' : step.action === 'submit' ? 'submitted' : step.action === 'return' ? 'returned' : 'accepted';
        const by = step.action === 'return' || step.action === 'accept' ? 'manager' : 'unit';
        await recordReportAction(tx, actor, report, { action: step.action, from, to, by, change, at: step.at, actorLabel: by === 'manager' ? REVIEWER : unitLabel });
        report = (await findUnitReport(tx, id))!;
        added++;
      }
    }
    return added;
  },
};
