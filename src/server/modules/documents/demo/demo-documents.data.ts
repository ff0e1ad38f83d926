/**
 * The documents cited by the seed report (Sở Nội vụ tỉnh Hậu Giang, «Báo cáo kết quả thực hiện công tác cải cách
 * hành chính Nhà nước 6 tháng đầu năm 2021», shared/seed/000_cd032ae05bc5befe.txt): its footnotes and body, with the
 * numbers, symbols, dates and subjects as the seed writes them (its typing slips included). The report's footnotes are
 * regenerated from these rows: footnote 1 = tag `reform_programme`, 2 = `online_services`, 3 = `covid`, 6 = legal
 * resolutions of the provincial council, 7 = legal decisions of the provincial committee, 9 = `law_monitoring`.
 *
 * Not in the seed, hence demonstration assumptions: the effective date of each legal document (10 days after its
 * issue, the shortest delay the Law on legal documents 2015, art. 151, allows a provincial document), the dates and
 * subjects of the older documents the 2021 ones amend or abolish (07/2013, 01/2016, 13/2017, 17/2018, as far as the
 * seed cites them), the subjects of the decrees on financial autonomy and of Nghị quyết 19-NQ/TW.
 */
import type { DocumentType, IssuerLevel } from '../../../../shared/schemas/documents';
import type { ReformArea } from '../../../../shared/reform-areas';

export interface DemoIssuer {
  name: string;
  level: IssuerLevel;
  /** Demo agency key when the issuer is an agency of the system. */
  agencyKey?: string;
}

export const demoIssuers = {
  UBND: { name: 'Ủy ban nhân dân tỉnh Hậu Giang', level: 'provincial', agencyKey: 'UBND_TINH' },
  CT_UBND: { name: 'Chủ tịch Ủy ban nhân dân tỉnh Hậu Giang', level: 'provincial', agencyKey: 'UBND_TINH' },
  VP_UBND: { name: 'Văn phòng Ủy ban nhân dân tỉnh Hậu Giang', level: 'provincial', agencyKey: 'UBND_TINH' },
  HDND: { name: 'Hội đồng nhân dân tỉnh Hậu Giang', level: 'provincial_council' },
  BCD_LE: { name: 'Ban Chỉ đạo các ngày Lễ lớn của tỉnh Hậu Giang', level: 'provincial' },
  TBPCD: { name: 'Tiểu ban Phòng chống dịch Covid-19 và bảo vệ chăm sóc sức khỏe trong công tác bầu cử tỉnh Hậu Giang', level: 'provincial' },
  BCH_TU: { name: 'Ban Chấp hành Đảng bộ tỉnh Hậu Giang', level: 'party' },
  BTV_TU: { name: 'Ban Thường vụ Tỉnh ủy Hậu Giang', level: 'party' },
  TU: { name: 'Tỉnh ủy Hậu Giang', level: 'party' },
  BBT: { name: 'Ban Bí thư Trung ương Đảng', level: 'party' },
  BCH_TW: { name: 'Ban Chấp hành Trung ương Đảng', level: 'party' },
  TTG: { name: 'Thủ tướng Chính phủ', level: 'central' },
  CP: { name: 'Chính phủ', level: 'central' },
  VPCP: { name: 'Văn phòng Chính phủ', level: 'central' },
  BNV: { name: 'Bộ Nội vụ', level: 'central' },
  BTP: { name: 'Bộ Tư pháp', level: 'central' },
  BT_BTP: { name: 'Bộ trưởng Bộ Tư pháp', level: 'central' },
} as const satisfies Record<string, DemoIssuer>;
export type DemoIssuerKey = keyof typeof demoIssuers;

export interface DemoDocument {
  numberSymbol: string;
  docType: DocumentType;
  issuer: DemoIssuerKey;
  issuedOn: string;
  subject: string;
  areas: ReformArea[];
  tags: string[];
  /** VBQPPL: gets an effective date and an effect history. */
  legal?: boolean;
}

type Row = [numberSymbol: string, docType: DocumentType, issuer: DemoIssuerKey, issuedOn: string, subject: string, areas: ReformArea[], tags: string[]];
const rows = (list: Row[], extra: Partial<DemoDocument> = {}): DemoDocument[] =>
  list.map(([numberSymbol, docType, issuer, issuedOn, subject, areas, tags]) => ({ numberSymbol, docType, issuer, issuedOn, subject, areas, tags, ...extra }));

const D: ReformArea = 'direction';
const INST: ReformArea = 'institutions';
const PROC: ReformArea = 'procedures';
const ORG: ReformArea = 'organisation';
const FIN: ReformArea = 'public_finance';
const DIG: ReformArea = 'digital_government';

/** Introduction and section I.1 (direction): the guidance, the year's plan, footnote 1, the Tết documents. */
const direction = rows([
  ['6459/BNV-CCHC', 'official_letter', 'BNV', '2020-12-07', 'về việc hướng dẫn xây dựng kế hoạch và báo cáo cải cách hành chính năm 2021', [D], ['report_basis']],
  ['1996/KH-UBND', 'plan', 'UBND', '2020-12-30', 'về ban hành Kế hoạch Cải cách hành chính Nhà nước tỉnh Hậu Giang năm 2021', [D], ['reform_plan']],
  ['03-NQ/TU', 'resolution', 'BCH_TU', '2020-12-31', 'về cải cách hành chính nhà nước tỉnh Hậu Giang giai đoạn 2021 – 2025', [D], ['party_direction']],
  ['20/KH-UBND', 'plan', 'UBND', '2021-01-29', 'về Tổng thể cải cách hành chính nhà nước tỉnh Hậu Giang giai đoạn 2021 - 2030', [D], ['reform_programme']],
  ['40/KH-UBND', 'plan', 'UBND', '2021-03-04', 'về Kiểm tra công tác Cải cách hành chính và công vụ năm 2021', [D], ['reform_programme', 'inspection']],
  ['44/KH-UBND', 'plan', 'UBND', '2021-03-05', 'về tuyên truyền Cải cách hành chính năm 2021', [D], ['reform_programme', 'communication']],
  ['04/CTr-UBND', 'programme', 'UBND', '2021-03-30', 'về cải cách hành chính và xây dựng Chính quyền điện tử tỉnh Hậu Giang giai đoạn 2021 – 2025', [D, DIG], ['reform_programme']],
  ['1993/KH-UBND', 'plan', 'UBND', '2020-12-28', 'thực hiện công tác tự kiểm tra, kiểm tra và rà soát, hệ thống hóa văn bản quy phạm pháp luật năm 2021 trên địa bàn tỉnh Hậu Giang', [D, INST], ['reform_programme', 'legal_review']],
  ['15/KH-UBND', 'plan', 'UBND', '2021-01-21', 'công tác theo dõi thi hành pháp luật năm 2021 trên địa bàn tỉnh Hậu Giang', [D, INST], ['reform_programme', 'law_monitoring']],
  ['19/QĐ-UBND', 'decision', 'CT_UBND', '2021-01-07', 'về việc thành lập BCĐ xây dựng Chính quyền điện tử, CCHC và chuyển đổi số tỉnh Hậu Giang', [D, DIG], ['reform_programme']],
  ['267/VPCP-TH', 'official_letter', 'VPCP', '2021-01-12', 'về việc tổ chức trực và báo cáo tình hình trong dịp Tết Nguyên đán Tân Sửu 2021', [D], ['tet']],
  ['672/VPCP-TH', 'official_letter', 'VPCP', '2021-01-27', 'về việc Báo cáo bổ sung tình hình Tết Nguyên đán Tân Sửu 2021', [D], ['tet']],
  ['137-CV/TU', 'official_letter', 'TU', '2021-01-19', 'về việc báo cáo tình hình tổ chức Tết Nguyên đán Tân Sửu 2021', [D], ['tet']],
  ['04-CT/TU', 'directive', 'BTV_TU', '2020-12-28', 'về lãnh đạo, chỉ đạo tổ chức Tết năm 2021 trên địa bàn Tỉnh', [D], ['tet']],
  ['1465/CT-UBND', 'directive', 'CT_UBND', '2020-12-25', 'về việc tăng cường các biện pháp đón Xuân Tân Sửu năm 2021 và kỷ niệm 91 năm Ngày thành lập Đảng Cộng sản Việt Nam trên địa bàn tỉnh bảo đảm vui tươi, lành mạnh, an toàn, tiết kiệm', [D], ['tet']],
  ['48-CT/TW', 'directive', 'BBT', '2020-12-09', 'về việc tổ chức Tết năm 2020', [D], ['tet']],
  ['44-CT/TTg', 'directive', 'TTG', '2020-12-21', 'về việc tăng cường các biện pháp bảo đảm đón Tết Nguyên đán Tân Sửu 2021 vui tươi, lành mạnh, an toàn, tiết kiệm', [D], ['tet']],
  ['1950/BCĐ-UBND', 'plan', 'BCD_LE', '2020-12-24', 'tuyên truyền và tổ chức các hoạt động “Mừng Đảng quang vinh - Mừng Xuân Tân Sửu 2021”', [D], ['tet']],
  ['804/QĐ-UBND', 'decision', 'UBND', '2021-05-05', 'về việc thành lập Đoàn Kiểm tra và Tổ Kiểm tra đột xuất công tác cải cách hành chính và công vụ; Dân vận chính quyền và Quy chế dân chủ ở cơ sở năm 2021', [D], ['inspection']],
  ['65/KH-UBND', 'plan', 'UBND', '2021-04-09', 'về tổ chức Hội thi tuyên truyền cải cách hành chính năm 2021 gắn với tuyên truyền cuộc bầu cử đại biểu Quốc hội khoá XV và đại biểu Hội đồng nhân dân các cấp nhiệm kỳ 2021 – 2026 bằng hình thức sân khấu hóa', [D], ['communication']],
]);

/** Footnote 2: online public services. */
const onlineServices = rows([
  ['221/QĐ-UBND', 'decision', 'UBND', '2021-02-04', 'về việc phê duyệt Danh mục dịch vụ công trực tuyến mức độ 3, mức độ 4 được cung cấp trên Cổng Dịch vụ công tỉnh Hậu Giang và Cổng Dịch vụ công quốc gia', [D, DIG], ['online_services']],
  ['90/UBND-NC', 'official_letter', 'UBND', '2021-01-20', 'về việc đẩy mạnh nộp hồ sơ trực tuyến trên Cổng Dịch vụ công trực tuyến tỉnh', [D, DIG], ['online_services']],
  ['1031/VP.UBND-NC', 'official_letter', 'VP_UBND', '2021-03-25', 'về việc tích hợp cung cấp dịch vụ công trực tuyến', [D, DIG], ['online_services']],
]);

/** Footnote 3: Covid-19 prevention. */
const covid = rows([
  ['2790/UBND-NCTH', 'official_letter', 'UBND', '2020-12-28', 'về việc tiếp tục phối hợp chặt chẽ trong công tác phòng, chống dịch Covid-19', [D], ['covid']],
  ['47/UBND-NCTH', 'official_letter', 'UBND', '2021-01-10', 'về việc tăng cường các biện pháp phòng, chống dịch bệnh Covid-19 dịp Tết Nguyên đán Tân Sửu năm 2021', [D], ['covid']],
  ['58/QĐ-UBND', 'decision', 'UBND', '2021-01-12', 'về việc công bố Danh mục thủ tục hành chính sửa đổi, bổ sung thuộc phạm vi chức năng quản lý của ngành Lao động - Thương binh và Xã hội tỉnh Hậu Giang về việc thực hiện các chính sách hỗ trợ người dân gặp khó khăn do đại dịch COVID-19 (Lĩnh vực Lao động - Tiền lương)', [D, PROC], ['covid', 'procedure_publication']],
  ['162/UBND-NCTH', 'official_letter', 'UBND', '2021-01-28', 'về việc triển khai thực hiện ngay các biện pháp phòng, chống dịch COVID-19 trên địa bàn Tỉnh', [D], ['covid']],
  ['187/QĐ-UBND', 'decision', 'UBND', '2021-02-02', 'về việc kiện toàn Ban Chỉ đạo phòng, chống dịch bệnh viêm đường hô hấp do chủng mới của vi rút Corona gây ra (COVID-19) trên địa bàn tỉnh Hậu Giang', [D], ['covid']],
  ['177/UBND-NCTH', 'official_letter', 'UBND', '2021-02-03', 'về việc tăng cường các biện pháp giám sát, chủ động phòng, chống dịch COVID-19 trên địa bàn Tỉnh', [D], ['covid']],
  ['476/VP.UBND-NC', 'official_letter', 'VP_UBND', '2021-02-04', 'về việc tăng cường gửi, nhận văn bản điện tử giữa các cơ quan hành chính nhà nước nhằm phòng, chống dịch COVID-19', [D, DIG], ['covid']],
  ['280/UBND-NCTH', 'official_letter', 'UBND', '2021-03-05', 'về việc tiếp tục tăng cường các biện pháp phòng, chống dịch COVID-19', [D], ['covid']],
  ['265/KH-TBPCD', 'plan', 'TBPCD', '2021-03-16', 'về phòng, chống dịch Covid-19 và bảo vệ chăm sóc sức khỏe trong công tác bầu cử đại biểu Quốc hội khóa XV và đại biểu Hội đồng nhân dân các cấp nhiệm kỳ 2021-2026', [D], ['covid']],
  ['444/UBND-NCTH', 'official_letter', 'UBND', '2021-04-07', 'về việc tiếp tục tăng cường các biện pháp phòng, chống dịch COVID-19', [D], ['covid']],
  ['70/KH-UBND', 'plan', 'UBND', '2021-04-16', 'về việc tổ chức phong tỏa, cách ly một địa phương cấp huyện để phòng, chống dịch bệnh COVID-19 trên địa bàn tỉnh Hậu Giang', [D], ['covid']],
  ['1428/UBND-NCTH', 'official_letter', 'UBND', '2021-04-20', 'về việc khẩn trương triển khai thực hiện hướng dẫn việc lập danh sách và phương án thực hiện bỏ phiếu đối với các trường hợp đang cách ly y tế phòng, chống dịch Covid-19', [D], ['covid']],
  ['285/TB-TBPCD', 'notice', 'TBPCD', '2021-04-22', 'về phân công nhiệm vụ các thành viên Tiểu ban Phòng chống dịch Covid-19 và bảo vệ chăm sóc sức khỏe trong công tác bầu cử đại biểu Quốc hội khóa XV và đại biểu Hội đồng nhân dân các cấp nhiệm kỳ 2021-2026', [D], ['covid']],
  ['77/KH-UBND', 'plan', 'UBND', '2021-04-22', 'về hoạt động tiêm vắc xin phòng COVID-19 giai đoạn 2021 - 2022 trên địa bàn tỉnh Hậu Giang', [D], ['covid']],
  ['545/UBND-NCTH', 'official_letter', 'UBND', '2021-04-28', 'về việc tiếp tục tăng cường các biện pháp phòng, chống dịch COVID-19', [D], ['covid']],
  ['596/UBND-NCTH', 'official_letter', 'UBND', '2021-05-06', 'về việc tiếp tục tăng cường các biện pháp phòng, chống dịch COVID-19 trên địa bàn tỉnh', [D], ['covid']],
  ['838/QĐ-UBND', 'decision', 'UBND', '2021-05-12', 'về việc kiện toàn Ban Chỉ đạo phòng, chống dịch bệnh viêm đường hô hấp do chủng mới của vi rút Corona gây ra (COVID-19) trên địa bàn tỉnh Hậu Giang', [D], ['covid']],
  ['694/UBND-NCTH', 'official_letter', 'UBND', '2021-05-21', 'về việc thực hiện nghiêm các biện pháp phòng, chống dịch COVID-19 trước, trong và sau thời gian bầu cử đại biểu Quốc hội khoá XV và HĐND các cấp nhiệm kỳ 2021 – 2026', [D], ['covid']],
  ['1952/UBND-NCTH', 'official_letter', 'UBND', '2021-05-26', 'tham mưu thành lập 02 Tổ phản ứng nhanh phòng, chống dịch COVID-19 tại 02 địa bàn khu công nghiệp - cụm công nghiệp tập trung thuộc huyện Châu Thành, huyện Châu Thành A', [D], ['covid']],
  ['111/KH-UBND', 'plan', 'UBND', '2021-06-01', 'về phòng, chống dịch bệnh COVID-19 tại các cơ sở sản xuất, kinh doanh, khu, cụm công nghiệp trên địa bàn tỉnh Hậu Giang', [D], ['covid']],
  ['746/UBND-NCTH', 'official_letter', 'UBND', '2021-06-05', 'về việc triển khai thực hiện một số biện pháp khẩn cấp phòng, chóng dịch Covid-19 trên địa bàn tỉnh', [D], ['covid']],
]);

/** Footnote 6: resolutions of the provincial council (VBQPPL). */
const councilResolutions = rows(
  [
    ['01/2021/NQ-HĐND', 'resolution', 'HDND', '2021-03-10', 'sửa đổi, bổ sung điểm a khoản 3 Điều 1 của Nghị quyết số 17/2018/NQ-HĐND ngày 07 tháng 12 năm 2018 của Hội đồng nhân dân tỉnh về phân cấp thẩm quyền xác lập quyền sở hữu toàn dân về tài sản và phê duyệt phương án xử lý tài sản được xác lập quyền sở hữu toàn dân thuộc phạm vi quản lý của địa phương trên địa bàn tỉnh Hậu Giang', [INST], []],
    ['02/2021/NQ-HĐND', 'resolution', 'HDND', '2021-03-10', 'thông qua “Đề án Tổ chức xây dựng, huấn luyện, hoạt động và bảo đảm chế độ, chính sách cho lực lượng Dân quân tự vệ trên địa bàn tỉnh Hậu Giang giai đoạn 2021 – 2025', [INST], []],
    ['03/2021/NQ-HĐND', 'resolution', 'HDND', '2021-03-10', 'Quy định nội dung chi và mức chi kinh phí bầu cử đại biểu Quốc hội khóa XV và đại biểu Hội đồng nhân dân các cấp nhiệm kỳ 2021 - 2026 trên địa bàn tỉnh Hậu Giang', [INST], []],
    ['04/2021/NQ-HĐND', 'resolution', 'HDND', '2021-03-10', 'Quy định khu vực không được phép chăn nuôi và vùng nuôi chim yến trên địa bàn tỉnh Hậu Giang', [INST], []],
    ['05/2021/NQ-HĐND', 'resolution', 'HDND', '2021-03-10', 'về điều chỉnh, bổ sung Kế hoạch đầu tư công năm 2021 (lần 1)', [INST], []],
    ['06/2021/NQ-HĐND', 'resolution', 'HDND', '2021-03-10', 'Nghị quyết Quy định về nguyên tắc, tiêu chí, định mức phân bổ vốn đầu tư nguồn ngân sách địa phương giai đoạn 2021 - 2025', [INST], []],
    ['07/2021/NQ-HĐND', 'resolution', 'HDND', '2021-03-10', 'bổ sung Danh mục công trình, dự án phát triển kinh tế - xã hội vì lợi ích Quốc gia, công cộng cần thu hồi đất và các công trình, dự án có sử dụng đất phải chuyển mục đích sử dụng đất trồng lúa (dưới 10 ha) trên địa bàn tỉnh Hậu Giang năm 2021 (lần 1)', [INST], []],
    ['08/2021/NQ-HĐND', 'resolution', 'HDND', '2021-05-11', 'sửa đổi, bổ sung danh mục các dự án phát triển kinh tế - xã hội vì lợi ích Quốc gia, công cộng cần thu hồi đất trên địa bàn tỉnh Hậu Giang năm 2021 (lần 2)', [INST], []],
  ],
  { legal: true },
);

/** Footnote 7: legal decisions of the provincial committee. */
const committeeDecisions = rows(
  [
    ['01/2021/QĐ-UBND', 'decision', 'UBND', '2021-01-22', 'ban hành định mức kinh tế kỹ thuật áp dụng cho một số mô hình khuyến nông chủ yếu trên địa bàn tỉnh Hậu Giang', [INST], []],
    ['02/2021/QĐ-UBND', 'decision', 'UBND', '2021-02-08', 'ủy quyền thực hiện thẩm định dự án và thiết kế, dự toán xây dựng đối với các dự án, công trình trong khu công nghiệp, cụm công nghiệp tập trung trên địa bàn tỉnh Hậu Giang', [INST], []],
    ['03/2021/QĐ-UBND', 'decision', 'UBND', '2021-02-08', 'ban hành Quy định tổ chức quản lý các nhiệm vụ hỗ trợ khởi nghiệp đổi mới sáng tạo tỉnh Hậu Giang', [INST], []],
    ['04/2021/QĐ-UBND', 'decision', 'UBND', '2021-02-26', 'quy định về Danh mục tài sản cố định đặc thù; Danh mục, thời gian sử dụng, tỷ lệ hao mòn tài sản cố định thuộc phạm vi quản lý của tỉnh Hậu Giang', [INST], []],
    ['05/2021/QĐ-UBND', 'decision', 'UBND', '2021-03-05', 'Bãi bỏ văn bản quy phạm pháp luật do Ủy ban nhân dân tỉnh Hậu Giang ban hành', [INST], []],
    ['06/2021/QĐ-UBND', 'decision', 'UBND', '2021-03-11', 'quy định tiêu chuẩn, định mức sử dụng máy móc, thiết bị chuyên dùng tại cơ quan, tổ chức, đơn vị thuộc phạm vi quản lý của địa phương trên địa bàn tỉnh Hậu Giang', [INST], []],
    ['07/2021/QĐ-UBND', 'decision', 'UBND', '2021-03-16', 'Quy định tiêu chuẩn, định mức sử dụng xe ô tô chuyên dùng tại cơ quan, tổ chức, đơn vị thuộc phạm vi quản lý của địa phương trên địa bàn tỉnh Hậu Giang', [INST], []],
    ['08/2021/QĐ-UBND', 'decision', 'UBND', '2021-03-22', 'sửa đổi, bổ sung một số điều của Quy chế xây dựng, quản lý và thực hiện Chương trình xúc tiến thương mại tỉnh Hậu Giang ban hành kèm theo Quyết định số 13/2017/QĐ-UBND ngày 13 tháng 4 năm 2017 của UBND tỉnh Hậu Giang', [INST], []],
    ['09/2021/QĐ-UBND', 'decision', 'UBND', '2021-03-24', 'ban hành Đơn giá dịch vụ thực hiện thủ tục đăng ký, cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn liền với đất cho hộ gia đình, cá nhân trên địa bàn tỉnh Hậu Giang', [INST], []],
  ],
  { legal: true },
);

/** Older legal documents that the 2021 ones amend or abolish (cited inside the seed's subjects). */
const olderLegal = rows(
  [
    ['07/2013/QĐ-UBND', 'decision', 'UBND', '2013-04-05', 'ban hành, sửa đổi một số chế độ chi tiêu hành chính, sự nghiệp trên địa bàn tỉnh Hậu Giang', [FIN], []],
    ['01/2016/QĐ-UBND', 'decision', 'UBND', '2016-01-21', 'về việc sửa đổi, bổ sung một số chế độ chi tiêu hành chính, sự nghiệp trên địa bàn tỉnh Hậu Giang', [FIN], []],
    ['13/2017/QĐ-UBND', 'decision', 'UBND', '2017-04-13', 'ban hành Quy chế xây dựng, quản lý và thực hiện Chương trình xúc tiến thương mại tỉnh Hậu Giang', [INST], []],
    ['17/2018/NQ-HĐND', 'resolution', 'HDND', '2018-12-07', 'về phân cấp thẩm quyền xác lập quyền sở hữu toàn dân về tài sản và phê duyệt phương án xử lý tài sản được xác lập quyền sở hữu toàn dân thuộc phạm vi quản lý của địa phương trên địa bàn tỉnh Hậu Giang', [INST], []],
  ],
  { legal: true },
);

/** Section II.1: other institution-building documents, review and law-enforcement monitoring (footnote 9). */
const institutions = rows([
  ['05-CT/TU', 'directive', 'BTV_TU', '2021-01-18', 'về tăng cường sự lãnh đạo của Đảng đối với công tác xây dựng và thực thi thể chế, chính sách của tỉnh Hậu Giang giai đoạn 2021 - 2025', [INST], ['legal_drafting']],
  ['02/KH-UBND', 'plan', 'UBND', '2021-03-16', 'thực hiện Kết luận số 73/TW ngày 20 tháng 5 năm 2020 của Ban Bí thư về việc tiếp tục thực hiện Chỉ thị số 39-CT/TW về hợp tác với nước ngoài trong lĩnh vực pháp luật, cải cách hành chính, cải cách tư pháp trên địa bàn tỉnh Hậu Giang', [INST], ['legal_drafting']],
  ['03/KH-UBND', 'plan', 'UBND', '2021-03-31', 'triển khai thực hiện Quyết định số 04/QĐ-TTg ngày 07 tháng 01 năm 2021 của Thủ tướng Chính phủ ban hành Kế hoạch thực hiện Kết luận số 83-KL/TW ngày 29 tháng 7 năm 2020 của Bộ Chính trị về tổng kết việc thực hiện Nghị quyết số 48- NQ/TW ngày 24 tháng 5 năm 2005 của Bộ Chính trị khóa IX về Chiến lược xây dựng và hoàn thiện hệ thống pháp luật Việt Nam đến năm 2010, định hướng đến năm 2020 trên địa bàn tỉnh Hậu Giang', [INST], ['legal_drafting']],
  ['539/UBND-NC', 'official_letter', 'UBND', '2021-04-27', 'về việc hướng dẫn quy trình xây dựng, ban hành văn bản QPPL của HĐND, UBND', [INST], ['legal_drafting']],
  ['584/UBND-NC', 'official_letter', 'UBND', '2021-05-05', 'hướng dẫn, triển khai thực hiện Chỉ số cải thiện các quy định pháp luật', [INST], ['legal_drafting']],
  ['628/UBND-NCTH', 'official_letter', 'UBND', '2021-05-12', 'về việc chấn chỉnh công tác xây dựng, ban hành văn bản QPPL trên địa bàn tỉnh Hậu Giang', [INST], ['legal_drafting']],
  ['63/KH-UBND', 'plan', 'UBND', '2021-04-06', 'Triển khai thi hành Chỉ thị số 43/CT-TTg ngày 11 tháng 12 năm 2020 của Thủ tướng Chính phủ về nâng cao chất lượng công tác xây dựng, hoàn thiện hệ thống pháp luật và tăng cường hiệu quả thi hành pháp luật và Chỉ thị số 05-CT/TU ngày 18 tháng 01 năm 2021 của Ban Thường vụ Tỉnh ủy về tăng cường sự lãnh đạo của Đảng đối với công tác xây dựng và thực thi thể chế, chính sách của tỉnh Hậu Giang giai đoạn 2021 – 2025', [INST], ['legal_drafting']],
  ['150/QĐ-UBND', 'decision', 'UBND', '2021-01-25', 'công bố Danh mục văn bản QPPL của HĐND, UBND tỉnh Hậu Giang hết hiệu lực toàn bộ và hết hiệu lực một phần năm 2020', [INST], ['legal_review', 'effect_list']],
  ['47/KH-UBND', 'plan', 'UBND', '2021-03-12', 'về kiểm tra công tác theo tình hình thi hành pháp luật và thi hành pháp luật về xử lý vi phạm hành chính trên địa bàn tỉnh Hậu Giang năm 2021', [INST], ['law_monitoring']],
  ['104/QĐ-BTP', 'decision', 'BT_BTP', '2021-01-26', 'ban hành Kế hoạch theo dõi tình hình thi hành pháp luật trong lĩnh vực trọng tâm của Bộ Tư pháp năm 2021', [INST], ['law_monitoring']],
  ['702/BTP-QLXLVPHC&TDTHPL', 'official_letter', 'BTP', '2021-03-15', 'về việc hướng dẫn triển khai nhiệm vụ cải thiện điểm số và duy trì thứ hạng Chỉ số B1 năm 2021', [INST], ['law_monitoring']],
  ['1043/BTPQLXLVPHC&TDTHPL', 'official_letter', 'BTP', '2021-04-09', 'về việc ban hành Danh mục văn bản quy phạm pháp luật trong lĩnh vực trọng tâm liên ngành năm 2021', [INST], ['law_monitoring']],
]);

/** Sections II.2–II.6: procedure control, organisation, the autonomy decrees, e-government. */
const otherAreas = rows([
  ['54/KH-UBND', 'plan', 'UBND', '2021-03-18', 'về kiểm soát TTHC, một cửa một cửa liên thông, CNTT và CQĐT năm 2021', [PROC], ['procedure_control']],
  ['19-NQ/TW', 'resolution', 'BCH_TW', '2017-10-25', 'về tiếp tục đổi mới hệ thống tổ chức và quản lý, nâng cao chất lượng và hiệu quả hoạt động của các đơn vị sự nghiệp công lập', [ORG], ['organisation_basis']],
  ['2054/QĐ-UBND', 'decision', 'UBND', '2020-12-30', 'về việc phê duyệt Kiến trúc Chính quyền điện tử tỉnh Hậu Giang, phiên bản 2.0', [DIG], ['e_government']],
  ['78/KH-UBND', 'plan', 'UBND', '2021-04-27', 'xây dựng Chính quyền điện tử, đô thị thông minh và chuyển đổi số tỉnh Hậu Giang giai đoạn 2021 – 2025', [DIG], ['e_government']],
]);

const autonomyDecrees = rows(
  [
    ['130/2005/NĐ-CP', 'decree', 'CP', '2005-10-17', 'quy định chế độ tự chủ, tự chịu trách nhiệm về sử dụng biên chế và kinh phí quản lý hành chính đối với các cơ quan nhà nước', [FIN], ['autonomy_basis']],
    ['117/2013/NĐ-CP', 'decree', 'CP', '2013-10-07', 'sửa đổi, bổ sung một số điều của Nghị định số 130/2005/NĐ-CP ngày 17 tháng 10 năm 2005 của Chính phủ quy định chế độ tự chủ, tự chịu trách nhiệm về sử dụng biên chế và kinh phí quản lý hành chính đối với các cơ quan nhà nước', [FIN], ['autonomy_basis']],
    ['43/2006/NĐ-CP', 'decree', 'CP', '2006-04-25', 'quy định quyền tự chủ, tự chịu trách nhiệm về thực hiện nhiệm vụ, tổ chức bộ máy, biên chế và tài chính đối với đơn vị sự nghiệp công lập', [FIN], ['autonomy_basis']],
    ['85/2012/NĐ-CP', 'decree', 'CP', '2012-10-15', 'về cơ chế hoạt động, cơ chế tài chính đối với các đơn vị sự nghiệp y tế công lập và giá dịch vụ khám bệnh, chữa bệnh của các cơ sở khám bệnh, chữa bệnh công lập', [FIN], ['autonomy_basis']],
    ['16/2015/NĐ-CP', 'decree', 'CP', '2015-02-14', 'quy định cơ chế tự chủ của đơn vị sự nghiệp công lập', [FIN], ['autonomy_basis']],
    ['141/2016/NĐ-CP', 'decree', 'CP', '2016-10-10', 'quy định cơ chế tự chủ của đơn vị sự nghiệp công lập trong lĩnh vực sự nghiệp kinh tế và sự nghiệp khác', [FIN], ['autonomy_basis']],
    ['54/2016/NĐ-CP', 'decree', 'CP', '2016-06-14', 'quy định cơ chế tự chủ của tổ chức khoa học và công nghệ công lập', [FIN], ['autonomy_basis']],
  ],
  { legal: true },
);

export const demoDocuments: DemoDocument[] = [
  ...direction,
  ...onlineServices,
  ...covid,
  ...councilResolutions,
  ...committeeDecisions,
  ...olderLegal,
  ...institutions,
  ...otherAreas,
  ...autonomyDecrees,
];

/** Demonstration assumption: a legal document takes effect 10 days after its issue (see the file comment). */
export const DEMO_DAYS_TO_EFFECT = 10;

/** Effect changes the 2021 documents cause (QĐ 05/2021 abolishes; amendments end the amended provisions). */
export const demoEffects: { numberSymbol: string; status: 'expired_whole' | 'expired_part'; basis: string; note: string }[] = [
  { numberSymbol: '07/2013/QĐ-UBND', status: 'expired_part', basis: '05/2021/QĐ-UBND', note: 'Bãi bỏ điểm b khoản 4 Điều 1' },
  { numberSymbol: '01/2016/QĐ-UBND', status: 'expired_whole', basis: '05/2021/QĐ-UBND', note: 'Bãi bỏ toàn bộ' },
  { numberSymbol: '17/2018/NQ-HĐND', status: 'expired_part', basis: '01/2021/NQ-HĐND', note: 'Điểm a khoản 3 Điều 1 được sửa đổi, bổ sung' },
  { numberSymbol: '13/2017/QĐ-UBND', status: 'expired_part', basis: '08/2021/QĐ-UBND', note: 'Một số điều của Quy chế được sửa đổi, bổ sung' },
];

/**
 * Section II.1.b: «tự kiểm tra 17 quyết định; kiểm tra theo thẩm quyền 21 văn bản QPPL do HĐND cấp huyện ban hành;
 * cập nhật 40 văn bản QPPL lên Cơ sở dữ liệu quốc gia» (footnote 8 says 17 of 2021 and 19 of 2020, which is 36; the
 * body's 40 is kept). Documents not in the registry are recorded by description; review dates are assumptions.
 */
export const demoReviewCounts = { selfInspection: 17, authorityInspection: 21, nationalDatabase: 40 } as const;

/**
 * The documents Quyết định 150/QĐ-UBND lists (seed, II.1.b): 26 decisions and 22 resolutions expired in whole and 18
 * decisions and 2 resolutions in part during 2020, and 2 decisions suspended before 01/01/2020. The seed gives only
 * these counts, so each document is a placeholder: its number says so (`DM150-..`), its issue and effect dates are
 * assumptions. They let the report count the list from records.
 */
export const DEMO_EFFECT_LIST = '150/QĐ-UBND';
export interface DemoListedDocument {
  numberSymbol: string;
  docType: 'decision' | 'resolution';
  issuer: 'UBND' | 'HDND';
  issuedOn: string;
  status: 'expired_whole' | 'expired_part' | 'suspended';
  effectiveOn: string;
}
function listed(count: number, docType: 'decision' | 'resolution', status: DemoListedDocument['status'], start: number): DemoListedDocument[] {
  return Array.from({ length: count }, (_, i) => {
    const n = start + i;
    const year = 2008 + (n % 12);
    const month = String(1 + (n % 12)).padStart(2, '0');
    return {
      numberSymbol: `DM150-${String(n).padStart(2, '0')}/${docType === 'decision' ? 'QĐ-UBND' : 'NQ-HĐND'}`,
      docType,
      issuer: docType === 'decision' ? 'UBND' : 'HDND',
      issuedOn: `${year}-${month}-10`,
      status,
      // Within 2020 and before the report period's cut-off (15/12/2020), so only the list counts them for 2021.
      effectiveOn: status === 'suspended' ? `2019-${month}-01` : `2020-${String(1 + (n % 11)).padStart(2, '0')}-01`,
    };
  });
}
export const demoListedDocuments: DemoListedDocument[] = [
  ...listed(26, 'decision', 'expired_whole', 1),
  ...listed(22, 'resolution', 'expired_whole', 27),
  ...listed(18, 'decision', 'expired_part', 49),
  ...listed(2, 'resolution', 'expired_part', 67),
  ...listed(2, 'decision', 'suspended', 69),
];
export const DEMO_LISTED_SUBJECT =
  'Văn bản quy phạm pháp luật thuộc Danh mục công bố kèm Quyết định số 150/QĐ-UBND (dữ liệu mẫu: báo cáo chỉ nêu số lượng, không nêu số, ký hiệu, trích yếu)';
