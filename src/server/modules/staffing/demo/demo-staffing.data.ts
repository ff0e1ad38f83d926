/**
 * Staffing, personnel and autonomy records of the demo province for the first half of 2021. The seed report gives
 * province totals only (section II.3–II.5): quotas 1.466 / 14.073 / 132 / 729 / 98; 14.954 staff (592 post-graduate,
 * 10.093 university, 4.269 college or below; political theory 641 senior, 1.855 intermediate; education and health
 * over 80%); 3 retirements, 4 resignations, 44 appointments, 84 recruits in 6 units, 25 + 10 sent to promotion exams;
 * 40 restructuring schemes in 12 agencies; 214/214 administrative bodies (and 44 voluntary), 433/433 public service
 * units (18 self-financing, 37 partly, 378 state-funded).
 *
 * The records below split those totals over the demo agencies (weights are demonstration assumptions; `distribute`
 * keeps the sums exact), so every report figure is a sum over records. Names of individual schools, centres and
 * bodies are generated placeholders where the seed names none; the dates of personnel changes and schemes are
 * assumptions within the period.
 */
import { districtRows, provincialDepartmentRows } from '../../units/demo/demo-province.source';
import type { AutonomyClass, PersonnelChangeKind, QuotaKind, StaffCategory } from '../../../../shared/schemas/staffing';

/** Splits `total` over `weights` in proportion, largest remainders first, so the parts sum to `total` exactly. */
export function distribute(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const raw = weights.map((w) => (total * w) / sum);
  const parts = raw.map(Math.floor);
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  const missing = total - parts.reduce((a, b) => a + b, 0);
  for (let k = 0; k < missing; k++) parts[order[k % order.length]![1]]! += 1;
  return parts;
}

export const DEMO_STAFF_AS_OF = '2021-06-14';
export const DEMO_STAFFING_YEAR = 2021;

const districtKeys = districtRows.map((d) => `UBND_${d.key}`);
const DEPARTMENTS = ['SNV', 'STP', 'SCT', 'SNNPTNT', 'STNMT', 'STTTT', 'SLDTBXH', 'SVHTTDL', 'SKHCN', 'SGDDT', 'SYT', 'SKHDT', 'STC', 'SXD', 'SGTVT'] as const;

/** Relative head count per agency (education and health, at the Sở and in the districts' schools, weigh most). */
const staffWeights: Record<string, number> = {
  UBND_TINH: 95,
  SNV: 70, STP: 45, SCT: 60, SNNPTNT: 260, STNMT: 90, STTTT: 40, SLDTBXH: 110, SVHTTDL: 120, SKHCN: 40, SGDDT: 2150, SYT: 3450, SKHDT: 45, STC: 50, SXD: 45, SGTVT: 60,
  UBND_VITHANH: 1010, UBND_NGABAY: 880, UBND_CHAUTHANHA: 1120, UBND_CHAUTHANH: 1040, UBND_PHUNGHIEP: 1450, UBND_VITHUY: 980, UBND_HLONGMY: 960, UBND_TXLONGMY: 850,
};
/** Share of an agency's staff in education and health. */
const educationHealthShare = (key: string) => (key === 'SGDDT' || key === 'SYT' ? 1 : key.startsWith('UBND_') && key !== 'UBND_TINH' ? 0.86 : 0);
/** Post-graduates weigh more in the departments, college-or-below in the districts' schools. */
const postgraduateBias = (key: string) => (DEPARTMENTS.includes(key as never) || key === 'UBND_TINH' ? 2.5 : 0.7);
const collegeBias = (key: string) => (key.startsWith('UBND_') && key !== 'UBND_TINH' ? 1.2 : 0.8);

export interface DemoStaffCount {
  agencyKey: string;
  postgraduate: number;
  university: number;
  collegeOrBelow: number;
  theorySenior: number;
  theoryIntermediate: number;
  educationHealth: number;
}

export const SEED_STAFF = { postgraduate: 592, university: 10_093, collegeOrBelow: 4_269, theorySenior: 641, theoryIntermediate: 1_855 } as const;

function buildStaffCounts(): DemoStaffCount[] {
  const keys = Object.keys(staffWeights);
  const w = keys.map((k) => staffWeights[k]!);
  const post = distribute(SEED_STAFF.postgraduate, keys.map((k, i) => w[i]! * postgraduateBias(k)));
  const college = distribute(SEED_STAFF.collegeOrBelow, keys.map((k, i) => w[i]! * collegeBias(k)));
  const heads = distribute(SEED_STAFF.postgraduate + SEED_STAFF.university + SEED_STAFF.collegeOrBelow, w);
  // University = head count less the other two; adjust so no agency goes negative (the weights keep it positive).
  const senior = distribute(SEED_STAFF.theorySenior, w);
  const intermediate = distribute(SEED_STAFF.theoryIntermediate, w);
  return keys.map((agencyKey, i) => ({
    agencyKey,
    postgraduate: post[i]!,
    collegeOrBelow: college[i]!,
    university: heads[i]! - post[i]! - college[i]!,
    theorySenior: senior[i]!,
    theoryIntermediate: intermediate[i]!,
    educationHealth: Math.floor(heads[i]! * educationHealthShare(agencyKey)),
  }));
}
export const demoStaffCounts: DemoStaffCount[] = buildStaffCounts();

export const SEED_QUOTAS: Record<QuotaKind, number> = {
  civil_servant: 1_466,
  public_employee: 14_073,
  contract68_admin: 132,
  contract68_service_unit: 729,
  contract68_association: 98,
};

/** Weights of each quota kind over agencies (civil servants in the offices, public employees in the service units). */
const quotaWeights: Record<QuotaKind, Record<string, number>> = {
  civil_servant: {
    UBND_TINH: 70, SNV: 60, STP: 35, SCT: 45, SNNPTNT: 150, STNMT: 55, STTTT: 30, SLDTBXH: 45, SVHTTDL: 40, SKHCN: 30, SGDDT: 50, SYT: 60, SKHDT: 40, STC: 45, SXD: 35, SGTVT: 40,
    ...Object.fromEntries(districtKeys.map((k) => [k, 90])),
  },
  public_employee: { SNNPTNT: 110, STNMT: 35, SLDTBXH: 70, SVHTTDL: 85, SKHCN: 12, SGDDT: 2100, SYT: 3350, SCT: 15, STTTT: 10, ...Object.fromEntries(districtKeys.map((k) => [k, staffWeights[k]! * 0.95])) },
  contract68_admin: { UBND_TINH: 8, ...Object.fromEntries(DEPARTMENTS.map((k) => [k, 4])), ...Object.fromEntries(districtKeys.map((k) => [k, 6])) },
  contract68_service_unit: { SGDDT: 150, SYT: 220, SNNPTNT: 25, SVHTTDL: 20, SLDTBXH: 15, ...Object.fromEntries(districtKeys.map((k) => [k, 35])) },
  contract68_association: { SNV: 40, ...Object.fromEntries(districtKeys.map((k) => [k, 7])) },
};

export const demoQuotas: { agencyKey: string; kind: QuotaKind; quota: number }[] = (Object.keys(SEED_QUOTAS) as QuotaKind[]).flatMap((kind) => {
  const keys = Object.keys(quotaWeights[kind]);
  const parts = distribute(SEED_QUOTAS[kind], keys.map((k) => quotaWeights[kind][k]!));
  return keys.map((agencyKey, i) => ({ agencyKey, kind, quota: parts[i]! }));
});

export interface DemoPersonnelChange {
  agencyKey: string;
  kind: PersonnelChangeKind;
  staffCategory: StaffCategory;
  occurredOn: string;
  personCount: number;
  note?: string;
}

const appointments = distribute(44, [6, 4, 3, 5, 3, 2, 3, 3, 2, 4, 5, 4]);
const appointmentAgencies = ['SNV', 'STP', 'SCT', 'SNNPTNT', 'STNMT', 'STTTT', 'SLDTBXH', 'SVHTTDL', 'SKHCN', 'UBND_VITHANH', 'UBND_PHUNGHIEP', 'UBND_CHAUTHANHA'];
const recruits = distribute(84, [22, 18, 12, 12, 10, 10]);
const recruitAgencies = ['SGDDT', 'SYT', 'UBND_PHUNGHIEP', 'UBND_VITHUY', 'UBND_CHAUTHANH', 'UBND_NGABAY'];

export const demoPersonnelChanges: DemoPersonnelChange[] = [
  { agencyKey: 'STP', kind: 'retirement', staffCategory: 'civil_servant', occurredOn: '2021-02-01', personCount: 1 },
  { agencyKey: 'SCT', kind: 'retirement', staffCategory: 'civil_servant', occurredOn: '2021-04-01', personCount: 1 },
  { agencyKey: 'SNNPTNT', kind: 'retirement', staffCategory: 'civil_servant', occurredOn: '2021-05-01', personCount: 1 },
  { agencyKey: 'SYT', kind: 'resignation', staffCategory: 'public_employee', occurredOn: '2021-01-20', personCount: 2 },
  { agencyKey: 'SGDDT', kind: 'resignation', staffCategory: 'public_employee', occurredOn: '2021-03-15', personCount: 1 },
  { agencyKey: 'STNMT', kind: 'resignation', staffCategory: 'civil_servant', occurredOn: '2021-05-10', personCount: 1 },
  ...appointmentAgencies.map((agencyKey, i) => ({
    agencyKey,
    kind: 'appointment' as const,
    staffCategory: 'leader' as const,
    occurredOn: `2021-0${1 + (i % 5)}-${String(10 + i).padStart(2, '0')}`,
    personCount: appointments[i]!,
    note: 'Bổ nhiệm, bổ nhiệm lại cấp trưởng, phó phòng',
  })),
  ...recruitAgencies.map((agencyKey, i) => ({
    agencyKey,
    kind: 'recruitment' as const,
    staffCategory: 'public_employee' as const,
    occurredOn: `2021-0${2 + (i % 4)}-${String(5 + i * 3).padStart(2, '0')}`,
    personCount: recruits[i]!,
    note: 'Công nhận kết quả xét tuyển viên chức',
  })),
  { agencyKey: 'SNV', kind: 'promotion_exam', staffCategory: 'civil_servant', occurredOn: '2021-04-20', personCount: 25, note: 'Cử thi nâng ngạch công chức hành chính năm 2020 tại tỉnh Bến Tre' },
  { agencyKey: 'SNV', kind: 'promotion_exam', staffCategory: 'public_employee', occurredOn: '2021-04-20', personCount: 10, note: 'Cử thi thăng hạng viên chức hành chính năm 2020 tại tỉnh Bến Tre' },
];

/** Section II.3.a: 40 schemes for units of these 12 agencies (the seed's list). */
const schemeAgencies = ['UBND_TINH', 'SNV', 'STP', 'SCT', 'SNNPTNT', 'STNMT', 'STTTT', 'SLDTBXH', 'SVHTTDL', 'SKHCN', 'SGDDT', 'SYT'];
const schemeCounts = distribute(40, [3, 2, 2, 3, 6, 3, 2, 3, 3, 2, 5, 6]);
export const demoRestructuringSchemes: { agencyKey: string; title: string; approvedOn: string }[] = schemeAgencies.flatMap((agencyKey, i) =>
  Array.from({ length: schemeCounts[i]! }, (_, k) => ({
    agencyKey,
    title: `Đề án sắp xếp, kiện toàn tổ chức bộ máy, nâng cao chất lượng và hiệu quả hoạt động của đơn vị sự nghiệp công lập trực thuộc (đề án ${k + 1}/${schemeCounts[i]})`,
    approvedOn: `2021-0${1 + ((i + k) % 5)}-${String(8 + ((i * 3 + k * 5) % 20)).padStart(2, '0')}`,
  })),
);

export interface DemoAutonomyUnit {
  agencyKey: string;
  name: string;
  kind: 'administrative_body' | 'public_service_unit';
  mandatory: boolean;
  autonomyClass: AutonomyClass | null;
  legalBasis: string;
}

export const SEED_AUTONOMY = { bodies: 214, voluntaryBodies: 44, selfFinancing: 18, partly: 37, stateFunded: 378 } as const;

const districtName = (d: (typeof districtRows)[number]) => `${{ city: 'thành phố', town: 'thị xã', district: 'huyện' }[d.kind]} ${d.properName}`;
const DISTRICT_BODIES = ['Văn phòng HĐND và UBND', 'Phòng Nội vụ', 'Phòng Tư pháp', 'Phòng Tài chính - Kế hoạch', 'Phòng Tài nguyên và Môi trường', 'Phòng Kinh tế và Hạ tầng', 'Phòng Nông nghiệp và Phát triển nông thôn', 'Phòng Lao động - Thương binh và Xã hội', 'Phòng Văn hóa và Thông tin', 'Phòng Giáo dục và Đào tạo', 'Phòng Y tế', 'Thanh tra'];
const PROVINCIAL_BODIES: [string, string][] = [
  ['UBND_TINH', 'Văn phòng Ủy ban nhân dân tỉnh'], ['UBND_TINH', 'Thanh tra tỉnh'], ['UBND_TINH', 'Ban Quản lý các khu công nghiệp tỉnh'], ['UBND_TINH', 'Văn phòng Đoàn ĐBQH và HĐND tỉnh'],
  ...provincialDepartmentRows.map((r) => [r.key, `${r.name} tỉnh Hậu Giang`] as [string, string]),
  ['SNNPTNT', 'Chi cục Kiểm lâm'], ['SNNPTNT', 'Chi cục Thủy lợi'], ['SNNPTNT', 'Chi cục Trồng trọt và Bảo vệ thực vật'], ['SNNPTNT', 'Chi cục Chăn nuôi và Thú y'], ['SNNPTNT', 'Chi cục Thủy sản'], ['SNNPTNT', 'Chi cục Phát triển nông thôn'],
  ['STNMT', 'Chi cục Bảo vệ môi trường'], ['STNMT', 'Chi cục Quản lý đất đai'], ['SKHCN', 'Chi cục Tiêu chuẩn Đo lường Chất lượng'], ['SYT', 'Chi cục Dân số - Kế hoạch hóa gia đình'], ['SYT', 'Chi cục An toàn vệ sinh thực phẩm'],
  ['SNV', 'Chi cục Văn thư - Lưu trữ'], ['SNV', 'Ban Thi đua - Khen thưởng'], ['SNV', 'Ban Tôn giáo'],
];
const VOLUNTARY_DISTRICT = ['Ủy ban Mặt trận Tổ quốc Việt Nam', 'Hội Nông dân', 'Hội Liên hiệp Phụ nữ', 'Huyện đoàn', 'Hội Cựu chiến binh'];
const VOLUNTARY_PROVINCE = ['Hội Chữ thập đỏ tỉnh', 'Hội Văn học Nghệ thuật tỉnh', 'Hội Nhà báo tỉnh', 'Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh'];

function buildAutonomyUnits(): DemoAutonomyUnit[] {
  const body = (agencyKey: string, name: string, mandatory = true): DemoAutonomyUnit => ({ agencyKey, name, kind: 'administrative_body', mandatory, autonomyClass: null, legalBasis: 'NĐ 130/2005/NĐ-CP; NĐ 117/2013/NĐ-CP' });
  const bodies: DemoAutonomyUnit[] = PROVINCIAL_BODIES.map(([k, n]) => body(k, n));
  for (const d of districtRows) for (const n of DISTRICT_BODIES) bodies.push(body(`UBND_${d.key}`, `${n} ${districtName(d)}`));
  for (const d of districtRows) for (const c of d.communes) bodies.push(body(`UBND_${d.key}`, `Ủy ban nhân dân ${{ ward: 'phường', township: 'thị trấn', commune: 'xã' }[c.kind]} ${c.properName}, ${districtName(d)}`));
  // The seed's province counts more communes than the demo units hold: the rest are placeholders per district.
  for (let i = 0; bodies.length < SEED_AUTONOMY.bodies; i++) {
    const d = districtRows[i % districtRows.length]!;
    bodies.push(body(`UBND_${d.key}`, `Ủy ban nhân dân cấp xã khác ${Math.floor(i / districtRows.length) + 1}, ${districtName(d)}`));
  }
  const voluntary = [
    ...VOLUNTARY_PROVINCE.map((n) => body('SNV', n, false)),
    ...districtRows.flatMap((d) => VOLUNTARY_DISTRICT.map((n) => body(`UBND_${d.key}`, `${n} ${districtName(d)}`, false))),
  ];

  const unit = (agencyKey: string, name: string, autonomyClass: AutonomyClass, legalBasis: string): DemoAutonomyUnit => ({ agencyKey, name, kind: 'public_service_unit', mandatory: true, autonomyClass, legalBasis });
  const units: DemoAutonomyUnit[] = [];
  const selfFinancing: [string, string, string][] = [
    ['SYT', 'Bệnh viện Đa khoa tỉnh', 'NĐ 85/2012/NĐ-CP; NĐ 16/2015/NĐ-CP'], ['SYT', 'Bệnh viện Sản - Nhi tỉnh', 'NĐ 85/2012/NĐ-CP; NĐ 16/2015/NĐ-CP'], ['SYT', 'Bệnh viện Đa khoa khu vực Ngã Bảy', 'NĐ 85/2012/NĐ-CP; NĐ 16/2015/NĐ-CP'],
    ['SGTVT', 'Trung tâm Đăng kiểm phương tiện giao thông', 'NĐ 141/2016/NĐ-CP'], ['STNMT', 'Văn phòng Đăng ký đất đai', 'NĐ 141/2016/NĐ-CP'], ['STNMT', 'Trung tâm Kỹ thuật Tài nguyên và Môi trường', 'NĐ 141/2016/NĐ-CP'],
    ['SXD', 'Trung tâm Kiểm định chất lượng xây dựng', 'NĐ 141/2016/NĐ-CP'], ['SKHCN', 'Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng', 'NĐ 54/2016/NĐ-CP'], ['STP', 'Trung tâm Dịch vụ bán đấu giá tài sản', 'NĐ 141/2016/NĐ-CP'],
    ...districtRows.map((d) => [`UBND_${d.key}`, `Ban Quản lý dự án đầu tư xây dựng ${districtName(d)}`, 'NĐ 141/2016/NĐ-CP'] as [string, string, string]),
    ['SNNPTNT', 'Trung tâm Nước sạch và Vệ sinh môi trường nông thôn', 'NĐ 141/2016/NĐ-CP'],
  ];
  for (const [k, n, b] of selfFinancing.slice(0, SEED_AUTONOMY.selfFinancing)) units.push(unit(k, n, 'self_financing', b));
  const partly: [string, string, string][] = [
    ...districtRows.map((d) => [`UBND_${d.key}`, `Trung tâm Y tế ${districtName(d)}`, 'NĐ 85/2012/NĐ-CP; NĐ 16/2015/NĐ-CP'] as [string, string, string]),
    ...districtRows.map((d) => [`UBND_${d.key}`, `Trung tâm Phát triển quỹ đất ${districtName(d)}`, 'NĐ 141/2016/NĐ-CP'] as [string, string, string]),
    ...districtRows.map((d) => [`UBND_${d.key}`, `Trung tâm Văn hóa - Thể thao và Truyền thanh ${districtName(d)}`, 'NĐ 16/2015/NĐ-CP'] as [string, string, string]),
    ['SLDTBXH', 'Trung tâm Dịch vụ việc làm tỉnh', 'NĐ 16/2015/NĐ-CP'], ['SGDDT', 'Trường Cao đẳng Cộng đồng', 'NĐ 16/2015/NĐ-CP'], ['SYT', 'Trung tâm Kiểm soát bệnh tật tỉnh', 'NĐ 16/2015/NĐ-CP'],
    ['SYT', 'Bệnh viện Phổi', 'NĐ 85/2012/NĐ-CP'], ['SYT', 'Bệnh viện Tâm thần', 'NĐ 85/2012/NĐ-CP'], ['SYT', 'Bệnh viện Y học cổ truyền', 'NĐ 85/2012/NĐ-CP'],
    ['SVHTTDL', 'Trung tâm Văn hóa tỉnh', 'NĐ 16/2015/NĐ-CP'], ['STTTT', 'Trung tâm Công nghệ thông tin và Truyền thông', 'NĐ 141/2016/NĐ-CP'], ['SNNPTNT', 'Trung tâm Khuyến nông', 'NĐ 141/2016/NĐ-CP'],
    ['SKHDT', 'Trung tâm Xúc tiến đầu tư', 'NĐ 141/2016/NĐ-CP'], ['SCT', 'Trung tâm Khuyến công và Xúc tiến thương mại', 'NĐ 141/2016/NĐ-CP'], ['SNNPTNT', 'Ban Quản lý rừng phòng hộ và đặc dụng', 'NĐ 141/2016/NĐ-CP'],
    ['SKHCN', 'Trung tâm Thông tin và Ứng dụng khoa học công nghệ', 'NĐ 54/2016/NĐ-CP'],
  ];
  for (const [k, n, b] of partly.slice(0, SEED_AUTONOMY.partly)) units.push(unit(k, n, 'partly_self_financing', b));
  // State-funded: the schools (districts: kindergartens, primary and lower-secondary; the Sở: upper-secondary) and a few centres.
  const stateFunded: [string, string][] = [];
  for (let i = 1; i <= 30; i++) stateFunded.push(['SGDDT', `Trường Trung học phổ thông số ${i}`]);
  for (const d of districtRows) {
    stateFunded.push([`UBND_${d.key}`, `Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên ${districtName(d)}`]);
    for (const [level, n] of [['Mầm non', 14], ['Tiểu học', 17], ['Trung học cơ sở', 11]] as const) {
      for (let i = 1; i <= n; i++) stateFunded.push([`UBND_${d.key}`, `Trường ${level} số ${i} ${districtName(d)}`]);
    }
  }
  for (const [k, n] of [['SLDTBXH', 'Trung tâm Công tác xã hội'], ['SLDTBXH', 'Cơ sở cai nghiện ma túy'], ['SVHTTDL', 'Thư viện tỉnh'], ['SVHTTDL', 'Bảo tàng tỉnh'], ['SNV', 'Trung tâm Lưu trữ lịch sử']] as const) stateFunded.push([k, n]);
  for (let i = 0; stateFunded.length < SEED_AUTONOMY.stateFunded; i++) {
    const d = districtRows[i % districtRows.length]!;
    stateFunded.push([`UBND_${d.key}`, `Trường Mầm non khác ${Math.floor(i / districtRows.length) + 1} ${districtName(d)}`]);
  }
  for (const [k, n] of stateFunded.slice(0, SEED_AUTONOMY.stateFunded)) units.push(unit(k, n, 'state_funded', 'NĐ 16/2015/NĐ-CP'));
  return [...bodies, ...voluntary.slice(0, SEED_AUTONOMY.voluntaryBodies), ...units];
}
export const demoAutonomyUnits: DemoAutonomyUnit[] = buildAutonomyUnits();
/** Since when the bodies and units apply the autonomy mechanism (a demonstration assumption). */
export const DEMO_AUTONOMY_SINCE = '2017-01-01';
export const DEMO_AUTONOMY_VALID_FROM = '2016-01-01';
