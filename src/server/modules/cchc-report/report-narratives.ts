/**
 * The editable narrative sections of the provincial report and their drafts: from the units' accepted periodic
 * reports when they wrote something for that section, otherwise a neutral starting text that holds no figure
 * (every number of the report comes from the figure functions). Plain text: one paragraph per line, "- " for a dash
 * item, "+ " for a sub-item.
 */
import type { NarrativeOrigin, Paragraph, ReportPeriod } from '../../../shared/schemas/cchc-report';
import type { UnitReportInputs } from './reform-inputs';

export interface NarrativeDef {
  key: string;
  label: string;
  /** Unit-report narrative keys (reform areas or section keys) drafted into it. */
  unitKeys: string[];
  fallback(ctx: { period: ReportPeriod; agencyName: string }): string;
}

export const NARRATIVES: Record<string, NarrativeDef> = {
  intro: {
    key: 'intro',
    label: 'Mở đầu',
    unitKeys: [],
    fallback: ({ period, agencyName }) =>
      `Thực hiện Kế hoạch cải cách hành chính nhà nước năm ${period.year} của Ủy ban nhân dân tỉnh, ${agencyName} báo cáo kết quả thực hiện công tác cải cách hành chính nhà nước ${period.name} và phương hướng, nhiệm vụ ${period.nextName}, cụ thể như sau:`,
  },
  direction: {
    key: 'direction',
    label: 'I.2. Tổ chức, chỉ đạo, điều hành',
    unitKeys: ['direction'],
    fallback: () =>
      '- Ủy ban nhân dân tỉnh thường xuyên chỉ đạo các sở, ban, ngành tỉnh và Ủy ban nhân dân các huyện, thị xã, thành phố triển khai đồng bộ các nhiệm vụ cải cách hành chính theo kế hoạch; gắn kết quả cải cách hành chính với đánh giá, xếp loại người đứng đầu.',
  },
  communication: {
    key: 'communication',
    label: 'I.4. Tuyên truyền cải cách hành chính',
    unitKeys: [],
    fallback: () =>
      'Thường xuyên đăng tải các văn bản pháp quy, văn bản chỉ đạo điều hành về công tác cải cách hành chính trên Cổng Thông tin điện tử tỉnh để cán bộ, công chức, viên chức và Nhân dân được biết, góp phần nâng cao chất lượng phục vụ người dân trong việc tiếp cận, kê khai, giải quyết thủ tục hành chính.',
  },
  institutions: {
    key: 'institutions',
    label: 'II.1.c. Theo dõi thi hành pháp luật',
    unitKeys: ['institutions'],
    fallback: () =>
      'Công tác theo dõi tình hình thi hành pháp luật được triển khai theo kế hoạch, tập trung vào các lĩnh vực trọng tâm: đất đai, bảo vệ môi trường, phòng cháy và chữa cháy, phòng, chống tham nhũng, chính sách ưu đãi người có công với cách mạng.',
  },
  procedures: {
    key: 'procedures',
    label: 'II.2.a. Công bố, công khai thủ tục hành chính',
    unitKeys: ['procedures'],
    fallback: () =>
      '- Các thủ tục hành chính sau khi có Quyết định công bố của Chủ tịch Ủy ban nhân dân tỉnh đều được niêm yết đầy đủ tại Bộ phận Một cửa của từng cơ quan, đăng tải công khai trên Cổng Dịch vụ công của tỉnh và Cơ sở dữ liệu quốc gia về thủ tục hành chính.',
  },
  simplification: {
    key: 'simplification',
    label: 'II.2.d. Rà soát, đơn giản hóa thủ tục hành chính',
    unitKeys: [],
    fallback: () =>
      '- Công tác rà soát thủ tục hành chính được thực hiện thường xuyên, liên tục; các sở, ban, ngành tỉnh và Ủy ban nhân dân cấp huyện tiếp tục rà soát, đề xuất cắt giảm thời gian giải quyết thủ tục hành chính.',
  },
  procedureInspection: {
    key: 'procedureInspection',
    label: 'II.2.e. Kiểm tra việc thực hiện kiểm soát thủ tục hành chính',
    unitKeys: [],
    fallback: () => 'Việc kiểm tra công tác kiểm soát thủ tục hành chính được lồng ghép trong kế hoạch kiểm tra cải cách hành chính và công vụ của tỉnh.',
  },
  organisation: {
    key: 'organisation',
    label: 'II.3.a. Tổ chức bộ máy',
    unitKeys: ['organisation'],
    fallback: () => 'Tiếp tục rà soát, sắp xếp tổ chức bộ máy các cơ quan, đơn vị theo hướng tinh gọn, hoạt động hiệu lực, hiệu quả.',
  },
  civilService: {
    key: 'civilService',
    label: 'II.4. Chế độ công vụ',
    unitKeys: ['civil_service'],
    fallback: () => '',
  },
  publicFinance: {
    key: 'publicFinance',
    label: 'II.5. Tài chính công',
    unitKeys: ['public_finance'],
    fallback: () =>
      'Triển khai kịp thời các chính sách cải cách về thuế, thu nhập, tiền lương, tiền công và các chính sách an sinh xã hội; thực hiện cơ chế tự chủ tại các cơ quan hành chính, đơn vị sự nghiệp công lập.',
  },
  digitalGovernment: {
    key: 'digitalGovernment',
    label: 'II.6. Chính phủ điện tử, Chính phủ số',
    unitKeys: ['digital_government'],
    fallback: () =>
      '- Quản lý, vận hành Trung tâm dữ liệu, Cổng thông tin điện tử, Cổng Dịch vụ công, hệ thống quản lý văn bản và thư điện tử công vụ bảo đảm hoạt động ổn định; đồng bộ số liệu thống kê xử lý hồ sơ với Cổng Dịch vụ công quốc gia.',
  },
  strengths: {
    key: 'strengths',
    label: 'III.1. Ưu điểm',
    unitKeys: ['strengths'],
    fallback: () =>
      '- Công tác cải cách hành chính nhận được sự quan tâm lãnh đạo, chỉ đạo kịp thời của Tỉnh ủy, Hội đồng nhân dân tỉnh, sự chỉ đạo điều hành của Ủy ban nhân dân tỉnh và sự chủ động của các ngành, địa phương.\n- Thủ tục hành chính được công bố, công khai đầy đủ; việc tiếp nhận, giải quyết hồ sơ trên Cổng Dịch vụ công của tỉnh được duy trì.',
  },
  limitations: {
    key: 'limitations',
    label: 'III.2. Hạn chế',
    unitKeys: ['limitations'],
    fallback: () =>
      '- Số hồ sơ nộp trực tuyến ở một số thủ tục còn thấp; người dân, doanh nghiệp vẫn quen giao dịch trực tiếp.\n- Việc triển khai các văn bản chỉ đạo về cải cách hành chính ở một số cơ quan, đơn vị còn chậm.',
  },
  tasks: {
    key: 'tasks',
    label: 'IV. Phương hướng, nhiệm vụ',
    unitKeys: ['next_tasks'],
    fallback: () =>
      '- Tiếp tục thực hiện hiệu quả cơ chế một cửa, một cửa liên thông; đẩy mạnh tiếp nhận và giải quyết thủ tục hành chính trực tuyến.\n- Tiếp tục rà soát, kiến nghị đơn giản hóa thủ tục hành chính; tiếp nhận, xử lý phản ánh, kiến nghị về quy định hành chính.\n- Tiếp tục kiện toàn tổ chức bộ máy các cơ quan nhà nước theo hướng tinh gọn, giảm đầu mối.\n- Tiếp tục kiểm tra công tác cải cách hành chính và công vụ theo kế hoạch.',
  },
};

export interface ResolvedNarrative {
  key: string;
  label: string;
  text: string;
  origin: NarrativeOrigin;
  sources: string[];
}

/** The narrative of a section: as edited, else drafted from the unit reports, else the starting text. */
export function resolveNarrative(
  def: NarrativeDef,
  edited: Record<string, string>,
  units: UnitReportInputs | null,
  ctx: { period: ReportPeriod; agencyName: string },
): ResolvedNarrative {
  const fromUnits = def.unitKeys.flatMap((k) => units?.narratives[k] ?? []).filter((n) => n.text.trim() !== '');
  const sources = fromUnits.map((n) => n.unit);
  const own = edited[def.key];
  if (own !== undefined) return { key: def.key, label: def.label, text: own, origin: 'edited', sources };
  if (fromUnits.length > 0) {
    // One item per distinct text, naming every unit that wrote it (units often write the same sentence).
    const byText = new Map<string, string[]>();
    for (const n of fromUnits) {
      for (const item of n.text.split(/\r?\n/).map((l) => l.trim().replace(/^[-+–]\s*/, '')).filter(Boolean)) {
        byText.set(item, [...(byText.get(item) ?? []), n.unit]);
      }
    }
    const named = (units: string[]) => {
      const distinct = [...new Set(units)];
      return distinct.length <= 3 ? distinct.join(', ') : `${distinct.length} đơn vị`;
    };
    const text = [...byText].map(([item, units]) => `- ${item} (${named(units)})`).join('\n');
    return { key: def.key, label: def.label, text, origin: 'unit_reports', sources: [...new Set(sources)] };
  }
  return { key: def.key, label: def.label, text: def.fallback(ctx), origin: 'default', sources };
}

/** Plain narrative text → paragraphs: "- " dash items, "+ " sub-items, other lines body paragraphs. */
export function narrativeParagraphs(text: string): Paragraph[] {
  return text
    .normalize('NFC')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line): Paragraph => {
      if (/^[-–]\s+/.test(line)) return { style: 'dash', parts: [{ kind: 'text', text: line.replace(/^[-–]\s+/, '') }] };
      if (/^\+\s+/.test(line)) return { style: 'plus', parts: [{ kind: 'text', text: line.replace(/^\+\s+/, '') }] };
      return { style: 'body', parts: [{ kind: 'text', text: line }] };
    });
}
