/**
 * The province's 2021 reform plan (Kế hoạch 1996/KH-UBND ngày 30/12/2020) as tasks per area. The seed report does not
 * list the plan's tasks; they are reconstructed from the results it reports, each completed on the date of the
 * document that shows it done (`evidence`), or left at the progress the report describes. Due dates and progress
 * percentages of unfinished tasks are demonstration assumptions.
 */
import type { ReformArea } from '../../../../shared/reform-areas';

export interface DemoTask {
  area: ReformArea;
  title: string;
  /** Demo agency key of the responsible agency. */
  responsible: string;
  dueOn: string;
  expectedOutput?: string;
  /** Progress reports in date order; a 100% report completes the task. */
  progress: { reportedOn: string; percent: number; note?: string; evidence?: string }[];
}

export const DEMO_PLAN = {
  agencyKey: 'UBND_TINH',
  year: 2021,
  title: 'Kế hoạch Cải cách hành chính Nhà nước tỉnh Hậu Giang năm 2021',
  document: '1996/KH-UBND',
};

export const demoPlanTasks: DemoTask[] = [
  { area: 'direction', title: 'Ban hành Kế hoạch tổng thể cải cách hành chính nhà nước giai đoạn 2021 - 2030', responsible: 'SNV', dueOn: '2021-01-31', expectedOutput: 'Kế hoạch của UBND tỉnh', progress: [{ reportedOn: '2021-01-29', percent: 100, evidence: '20/KH-UBND' }] },
  { area: 'direction', title: 'Ban hành Kế hoạch kiểm tra công tác cải cách hành chính và công vụ năm 2021', responsible: 'SNV', dueOn: '2021-02-28', expectedOutput: 'Kế hoạch kiểm tra', progress: [{ reportedOn: '2021-03-04', percent: 100, evidence: '40/KH-UBND' }] },
  { area: 'direction', title: 'Ban hành Kế hoạch tuyên truyền cải cách hành chính năm 2021', responsible: 'SNV', dueOn: '2021-03-31', progress: [{ reportedOn: '2021-03-05', percent: 100, evidence: '44/KH-UBND' }] },
  { area: 'direction', title: 'Tổ chức Hội thi tuyên truyền cải cách hành chính năm 2021', responsible: 'SNV', dueOn: '2021-06-30', progress: [{ reportedOn: '2021-04-09', percent: 40, note: 'Đã ban hành Kế hoạch tổ chức Hội thi', evidence: '65/KH-UBND' }, { reportedOn: '2021-05-14', percent: 100, note: '10 đội dự thi; giải nhất huyện Vị Thủy' }] },
  { area: 'direction', title: 'Kiểm tra công tác cải cách hành chính tại các sở, ngành và UBND cấp huyện', responsible: 'SNV', dueOn: '2021-11-30', progress: [{ reportedOn: '2021-06-14', percent: 45, note: 'Đã kiểm tra 02 đơn vị cấp tỉnh và 03 đơn vị cấp huyện', evidence: '804/QĐ-UBND' }] },
  { area: 'institutions', title: 'Xây dựng Kế hoạch tự kiểm tra, kiểm tra, rà soát, hệ thống hóa văn bản QPPL năm 2021', responsible: 'STP', dueOn: '2021-01-15', progress: [{ reportedOn: '2021-01-04', percent: 100, evidence: '1993/KH-UBND' }] },
  { area: 'institutions', title: 'Công bố Danh mục văn bản QPPL hết hiệu lực toàn bộ và một phần năm 2020', responsible: 'STP', dueOn: '2021-01-31', progress: [{ reportedOn: '2021-01-25', percent: 100, evidence: '150/QĐ-UBND' }] },
  { area: 'institutions', title: 'Ban hành Kế hoạch theo dõi tình hình thi hành pháp luật năm 2021', responsible: 'STP', dueOn: '2021-01-31', progress: [{ reportedOn: '2021-01-21', percent: 100, evidence: '15/KH-UBND' }] },
  { area: 'institutions', title: 'Kiểm tra công tác theo dõi thi hành pháp luật và xử lý vi phạm hành chính năm 2021', responsible: 'STP', dueOn: '2021-10-31', progress: [{ reportedOn: '2021-03-12', percent: 20, evidence: '47/KH-UBND' }] },
  { area: 'procedures', title: 'Ban hành Kế hoạch kiểm soát TTHC, một cửa, một cửa liên thông, CNTT và CQĐT năm 2021', responsible: 'UBND_TINH', dueOn: '2021-02-28', progress: [{ reportedOn: '2021-03-18', percent: 100, evidence: '54/KH-UBND' }] },
  { area: 'procedures', title: 'Rà soát, đề xuất cắt giảm thời hạn giải quyết TTHC', responsible: 'UBND_TINH', dueOn: '2021-12-15', progress: [{ reportedOn: '2021-06-14', percent: 60, note: '18 quyết định công bố TTHC; tỷ lệ giảm thời gian giải quyết trên 30%' }] },
  { area: 'procedures', title: 'Phê duyệt quy trình nội bộ giải quyết TTHC của các ngành', responsible: 'UBND_TINH', dueOn: '2021-06-30', progress: [{ reportedOn: '2021-06-14', percent: 80, note: '11 quyết định phê duyệt quy trình nội bộ cho trên 307 TTHC' }] },
  { area: 'organisation', title: 'Sắp xếp, kiện toàn đơn vị sự nghiệp công lập theo Nghị quyết 19-NQ/TW', responsible: 'SNV', dueOn: '2021-12-31', progress: [{ reportedOn: '2021-06-14', percent: 70, note: 'Đã phê duyệt 40 đề án' }] },
  { area: 'organisation', title: 'Giao biên chế công chức, số lượng người làm việc năm 2021', responsible: 'SNV', dueOn: '2021-01-31', progress: [{ reportedOn: '2021-01-15', percent: 100 }] },
  { area: 'civil_service', title: 'Tổ chức xét tuyển viên chức cấp tỉnh, cấp huyện năm 2021', responsible: 'SNV', dueOn: '2021-09-30', progress: [{ reportedOn: '2021-06-10', percent: 50, note: 'Công nhận kết quả xét tuyển 06 đơn vị: 84 trường hợp' }] },
  { area: 'civil_service', title: 'Cập nhật cơ sở dữ liệu cán bộ, công chức, viên chức', responsible: 'SNV', dueOn: '2021-05-31', progress: [{ reportedOn: '2021-04-15', percent: 60 }] },
  { area: 'public_finance', title: 'Thực hiện cơ chế tự chủ tại cơ quan hành chính, đơn vị sự nghiệp công lập', responsible: 'STC', dueOn: '2021-12-31', progress: [{ reportedOn: '2021-06-14', percent: 100, note: '214/214 cơ quan hành chính; 433/433 đơn vị sự nghiệp công lập' }] },
  { area: 'digital_government', title: 'Phê duyệt Danh mục dịch vụ công trực tuyến mức độ 3, mức độ 4 năm 2021', responsible: 'UBND_TINH', dueOn: '2021-02-28', progress: [{ reportedOn: '2021-02-04', percent: 100, evidence: '221/QĐ-UBND' }] },
  { area: 'digital_government', title: 'Ban hành Kế hoạch xây dựng Chính quyền điện tử, đô thị thông minh và chuyển đổi số giai đoạn 2021 – 2025', responsible: 'STTTT', dueOn: '2021-03-31', progress: [{ reportedOn: '2021-04-27', percent: 100, evidence: '78/KH-UBND' }] },
  { area: 'digital_government', title: 'Tích hợp dịch vụ công trực tuyến mức độ 3, 4 lên Cổng Dịch vụ công quốc gia', responsible: 'STTTT', dueOn: '2021-12-31', progress: [{ reportedOn: '2021-06-14', percent: 50, note: 'Đã tích hợp 15 thủ tục mức độ 3, 4' }] },
  { area: 'digital_government', title: 'Chuyển đổi hệ thống quản lý chất lượng sang TCVN ISO 9001:2015', responsible: 'SKHCN', dueOn: '2021-06-30', progress: [{ reportedOn: '2021-06-14', percent: 100, note: 'Toàn tỉnh hoàn thành (tỷ lệ 100%)' }] },
];
