/**
 * Tài khoản mẫu: the demonstration accounts, as data (printed by the start banner and listed in the README).
 * Every staff account uses DEMO_STAFF_PASSWORD, every citizen DEMO_CITIZEN_PASSWORD: change them, or start with
 * SEED_DEMO=false, on any machine others can reach.
 */
import { Role } from '../../shared/permissions';

export const DEMO_STAFF_PASSWORD = 'MotCua@2021';
export const DEMO_CITIZEN_PASSWORD = 'CongDan@2021';

export interface DemoStaffAccount {
  kind: 'staff';
  username: string;
  fullName: string;
  roles: Role[];
  /** Agency and department keys of the demo province (src/server/modules/units/demo). */
  agencyKey: string;
  departmentKey: string | null;
  /** Where the person works, as the banner shows it. */
  title: string;
  email: string;
}

export interface DemoCitizenAccount {
  kind: 'citizen';
  fullName: string;
  /** Số định danh cá nhân: the sign-in identifier. */
  idNumber: string;
  phone: string;
  email: string;
  dateOfBirth: string;
  address: string;
}

export type DemoAccount = DemoStaffAccount | DemoCitizenAccount;

const staff = (
  username: string,
  fullName: string,
  roles: Role[],
  agencyKey: string,
  departmentKey: string | null,
  title: string,
): DemoStaffAccount => ({ kind: 'staff', username, fullName, roles, agencyKey, departmentKey, title, email: `${username}@haugiang.example` });

export const demoStaffAccounts: DemoStaffAccount[] = [
  staff('admin', 'Phạm Quốc Huy', [Role.ADMINISTRATOR], 'UBND_TINH', 'VP', 'Quản trị hệ thống, UBND tỉnh'),
  staff('cchc.snv', 'Lê Thị Thu Hà', [Role.REFORM_OFFICER], 'SNV', 'PCCHC', 'Cán bộ CCHC, Sở Nội vụ'),
  // Procedure control (kiểm soát TTHC) sits with Văn phòng UBND tỉnh since NĐ 92/2017: it manages the catalog.
  staff('kstthc.vp', 'Trương Minh Tâm', [Role.REFORM_OFFICER], 'UBND_TINH', 'VP', 'Kiểm soát TTHC, Văn phòng UBND tỉnh'),
  staff('motcua.tt', 'Võ Thị Mỹ Linh', [Role.DESK_OFFICER], 'TTPVHCC', 'BPMC', 'Cán bộ Một cửa, Trung tâm Phục vụ hành chính công'),
  staff('cv.stp', 'Huỳnh Văn Phúc', [Role.SPECIALIST], 'STP', 'PHCTP', 'Chuyên viên, Phòng Hành chính tư pháp, Sở Tư pháp'),
  staff('tp.stp', 'Nguyễn Thanh Tùng', [Role.DEPARTMENT_HEAD], 'STP', 'PHCTP', 'Trưởng phòng Hành chính tư pháp, Sở Tư pháp'),
  staff('ld.stp', 'Trần Văn Hải', [Role.AGENCY_LEADER], 'STP', null, 'Phó Giám đốc Sở Tư pháp'),
  staff('vt.stp', 'Đặng Thị Kim Ngân', [Role.CLERK], 'STP', 'VP', 'Văn thư, Văn phòng Sở Tư pháp'),
  staff('motcua.vithanh', 'Lâm Thị Ngọc Trâm', [Role.DESK_OFFICER], 'UBND_VITHANH', 'BPMC', 'Cán bộ Một cửa, UBND thành phố Vị Thanh'),
  staff('cv.vithanh', 'Phan Minh Trí', [Role.SPECIALIST], 'UBND_VITHANH', 'PTP', 'Chuyên viên, Phòng Tư pháp thành phố Vị Thanh'),
  // Reports the city's CCHC results to Sở Nội vụ (báo cáo đơn vị) and approves the city's dossiers.
  staff('ld.vithanh', 'Lê Văn Thành', [Role.AGENCY_LEADER], 'UBND_VITHANH', null, 'Phó Chủ tịch UBND thành phố Vị Thanh'),
  staff('motcua.xa', 'Nguyễn Thị Hồng Nhung', [Role.DESK_OFFICER], 'UBND_VITHANH_HOALUU', 'BPMC', 'Công chức Một cửa, UBND xã Hỏa Lựu'),
];

export const demoCitizenAccounts: DemoCitizenAccount[] = [
  {
    kind: 'citizen',
    fullName: 'Nguyễn Văn An',
    idNumber: '093090001234',
    phone: '0912345678',
    email: 'nguyenvanan@example.com',
    dateOfBirth: '1990-05-12',
    address: 'Số 15 đường Trần Hưng Đạo, phường I, thành phố Vị Thanh, tỉnh Hậu Giang',
  },
  {
    kind: 'citizen',
    fullName: 'Trần Thị Bình',
    idNumber: '093190005678',
    phone: '0987654321',
    email: 'tranthibinh@example.com',
    dateOfBirth: '1990-09-03',
    address: 'Ấp Thạnh Lợi, xã Hỏa Lựu, thành phố Vị Thanh, tỉnh Hậu Giang',
  },
];

export const demoAccounts: DemoAccount[] = [...demoStaffAccounts, ...demoCitizenAccounts];

/** The account table of the start banner and the README: sign-in name, password, who it is. */
export function demoAccountLines(): { login: string; password: string; who: string }[] {
  return demoAccounts.map((a) =>
    a.kind === 'staff'
      ? { login: a.username, password: DEMO_STAFF_PASSWORD, who: `${a.fullName} — ${a.title}` }
      : { login: a.idNumber, password: DEMO_CITIZEN_PASSWORD, who: `${a.fullName} — Công dân` },
  );
}
