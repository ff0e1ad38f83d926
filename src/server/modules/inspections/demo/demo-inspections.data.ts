/**
 * Inspections of the first half of 2021 (seed, section I.1.c and footnotes 4–5): under Kế hoạch 40/KH-UBND and the
 * team formed by Quyết định 804/QĐ-UBND, the province inspected two provincial departments (Sở Tư pháp, Sở Lao động –
 * Thương binh và Xã hội) and three districts (thành phố Vị Thanh, huyện Phụng Hiệp, huyện Châu Thành A). The seed
 * gives neither the dates nor the findings: the dates below fall after the team's decision (05/05/2021) and before
 * the data cut-off, and the findings restate limitations the seed reports for the province as a whole. Both are
 * demonstration assumptions.
 */
import type { ReformArea } from '../../../../shared/reform-areas';

export const DEMO_INSPECTION_PLAN = {
  agencyKey: 'UBND_TINH',
  year: 2021,
  title: 'Kiểm tra công tác Cải cách hành chính và công vụ năm 2021',
  document: '40/KH-UBND',
  teamDocument: '804/QĐ-UBND',
};

export interface DemoInspection {
  agencyKey: string;
  startedOn: string;
  endedOn: string;
  areas: ReformArea[];
  findings: { area: ReformArea; finding: string; recommendation: string; dueOn: string; status: 'open' | 'in_progress' | 'resolved'; resolvedOn?: string }[];
}

const ALL: ReformArea[] = ['direction', 'institutions', 'procedures', 'organisation', 'civil_service', 'public_finance', 'digital_government'];

export const demoInspections: DemoInspection[] = [
  {
    agencyKey: 'STP',
    startedOn: '2021-05-18',
    endedOn: '2021-05-18',
    areas: ALL,
    findings: [{ area: 'direction', finding: 'Báo cáo định kỳ về công tác CCHC chưa đủ nội dung theo đề cương hướng dẫn', recommendation: 'Báo cáo định kỳ đầy đủ nội dung, đúng thời hạn', dueOn: '2021-06-30', status: 'resolved', resolvedOn: '2021-06-10' }],
  },
  {
    agencyKey: 'SLDTBXH',
    startedOn: '2021-05-20',
    endedOn: '2021-05-20',
    areas: ALL,
    findings: [{ area: 'digital_government', finding: 'Hồ sơ trực tuyến mức độ 3, 4 phát sinh còn ít so với số thủ tục đã cung cấp', recommendation: 'Tăng cường hướng dẫn người dân nộp hồ sơ trực tuyến', dueOn: '2021-09-30', status: 'in_progress' }],
  },
  {
    agencyKey: 'UBND_VITHANH',
    startedOn: '2021-05-25',
    endedOn: '2021-05-26',
    areas: ALL,
    findings: [{ area: 'procedures', finding: 'Thái độ ứng xử của một số công chức tại Bộ phận Một cửa còn bị người dân phản ánh', recommendation: 'Chấn chỉnh thái độ, tác phong; công khai đường dây nóng tiếp nhận phản ánh', dueOn: '2021-07-31', status: 'in_progress' }],
  },
  {
    agencyKey: 'UBND_PHUNGHIEP',
    startedOn: '2021-06-01',
    endedOn: '2021-06-02',
    areas: ALL,
    findings: [{ area: 'direction', finding: 'Triển khai các văn bản chỉ đạo của cấp trên về CCHC còn chậm', recommendation: 'Ban hành kịp thời văn bản triển khai, phân công rõ trách nhiệm', dueOn: '2021-07-31', status: 'open' }],
  },
  {
    agencyKey: 'UBND_CHAUTHANHA',
    startedOn: '2021-06-08',
    endedOn: '2021-06-09',
    areas: ALL,
    findings: [{ area: 'direction', finding: 'Công tác tuyên truyền CCHC chưa thường xuyên, chủ yếu theo các đợt phát động của cấp trên', recommendation: 'Xây dựng kế hoạch tuyên truyền thường xuyên, đa dạng hình thức', dueOn: '2021-09-30', status: 'open' }],
  },
];
