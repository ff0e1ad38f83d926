/**
 * Source tables for the demonstration province: tỉnh Hậu Giang as it stood in 2021.
 * `demo-units.data.ts` turns these rows into `DemoUnit` and `DemoAgency` records; edit the rows here.
 *
 * Administrative-unit codes (mã đơn vị hành chính) follow the General Statistics Office list
 * (QĐ 124/2004/QĐ-TTg and its updates): province 93, districts 930–937, five-digit commune codes.
 * Commune codes were cross-checked against public copies of that list; re-verify against
 * danhmuchanhchinh.gso.gov.vn before using them for anything beyond a demonstration.
 * Names use modern tone placement (Hỏa, Hòa, Thủy) where the GSO list still writes Hoả, Hoà, Thuỷ.
 *
 * The province, its districts and all these communes ceased on 30 June 2025: the district level
 * was abolished and, by Nghị quyết 202/2025/QH15, Hậu Giang merged with Sóc Trăng into thành phố
 * Cần Thơ, whose communes were rearranged on the same day.
 */
import type { DemoUnitKind } from './demo-units.types.js';

export const PROVINCE_NAME = 'Hậu Giang';
/** Letter code of the province on the national document-exchange / public-service portal. */
export const PROVINCE_IDENTIFIER_SUFFIX = 'H33';

/** Tỉnh Hậu Giang was split from tỉnh Cần Thơ by Nghị quyết 22/2003/QH11, effective 1 January 2004. */
export const PROVINCE_VALID_FROM = '2004-01-01';
/** Last day of the three-level structure and of Hậu Giang as a province (see the file comment). */
export const PROVINCE_LAST_DAY = '2025-06-30';

export interface CommuneRow {
  /** Key suffix; the unit key is `<districtKey>_<slug>`. */
  slug: string;
  code: string;
  kind: Extract<DemoUnitKind, 'ward' | 'township' | 'commune'>;
  /** Name without the kind word, e.g. `I` for Phường I, `Hỏa Lựu` for Xã Hỏa Lựu. */
  properName: string;
  /** Set when the commune is younger than its district record; otherwise the district's date applies. */
  validFrom?: string;
}

export interface DistrictRow {
  key: string;
  code: string;
  kind: Extract<DemoUnitKind, 'city' | 'town' | 'district'>;
  properName: string;
  /**
   * First day of the district-level unit with its 2021 boundaries. A change of kind or name of the
   * same unit (thị xã → thành phố) does not reset it; a boundary split that created it does.
   */
  validFrom: string;
  committeeAddress?: string;
  communes: CommuneRow[];
}

export const districtRows: DistrictRow[] = [
  {
    // Thị xã from 2004, thành phố thuộc tỉnh since 2010 (Nghị quyết 34/NQ-CP).
    key: 'VITHANH',
    code: '930',
    kind: 'city',
    properName: 'Vị Thanh',
    validFrom: PROVINCE_VALID_FROM,
    communes: [
      { slug: 'P1', code: '31318', kind: 'ward', properName: 'I' },
      { slug: 'P3', code: '31321', kind: 'ward', properName: 'III' },
      { slug: 'P5', code: '31327', kind: 'ward', properName: 'V' },
      { slug: 'P7', code: '31330', kind: 'ward', properName: 'VII' },
      { slug: 'VITAN', code: '31333', kind: 'commune', properName: 'Vị Tân' },
      { slug: 'HOALUU', code: '31336', kind: 'commune', properName: 'Hỏa Lựu' },
    ],
  },
  {
    // Split from huyện Phụng Hiệp as thị xã Tân Hiệp (Nghị định 98/2005/NĐ-CP of 26 July 2005),
    // renamed thị xã Ngã Bảy in 2006, thành phố since 2020 (xã Hiệp Lợi became a phường then).
    key: 'NGABAY',
    code: '931',
    kind: 'city',
    properName: 'Ngã Bảy',
    validFrom: '2005-07-26',
    committeeAddress: 'Số 3015 đường Hùng Vương, phường Ngã Bảy, thành phố Ngã Bảy, tỉnh Hậu Giang',
    communes: [
      { slug: 'NGABAY', code: '31340', kind: 'ward', properName: 'Ngã Bảy' },
      { slug: 'LAIHIEU', code: '31341', kind: 'ward', properName: 'Lái Hiếu' },
      { slug: 'HIEPTHANH', code: '31343', kind: 'ward', properName: 'Hiệp Thành' },
      { slug: 'HIEPLOI', code: '31344', kind: 'ward', properName: 'Hiệp Lợi' },
      { slug: 'DAITHANH', code: '31411', kind: 'commune', properName: 'Đại Thành' },
      { slug: 'TANTHANH', code: '31414', kind: 'commune', properName: 'Tân Thành' },
    ],
  },
  {
    key: 'CHAUTHANHA',
    code: '932',
    kind: 'district',
    properName: 'Châu Thành A',
    validFrom: PROVINCE_VALID_FROM,
    communes: [
      { slug: 'MOTNGAN', code: '31342', kind: 'township', properName: 'Một Ngàn' },
      { slug: 'RACHGOI', code: '31359', kind: 'township', properName: 'Rạch Gòi' },
      { slug: 'CAITAC', code: '31362', kind: 'township', properName: 'Cái Tắc' },
      { slug: 'TANHOA', code: '31345', kind: 'commune', properName: 'Tân Hòa' },
      { slug: 'NHONNGHIAA', code: '31357', kind: 'commune', properName: 'Nhơn Nghĩa A' },
      { slug: 'THANHXUAN', code: '31360', kind: 'commune', properName: 'Thạnh Xuân' },
    ],
  },
  {
    key: 'CHAUTHANH',
    code: '933',
    kind: 'district',
    properName: 'Châu Thành',
    validFrom: PROVINCE_VALID_FROM,
    communes: [
      { slug: 'NGASAU', code: '31366', kind: 'township', properName: 'Ngã Sáu' },
      { slug: 'MAIDAM', code: '31381', kind: 'township', properName: 'Mái Dầm' },
      { slug: 'DONGTHANH', code: '31369', kind: 'commune', properName: 'Đông Thạnh' },
      { slug: 'PHUHUU', code: '31378', kind: 'commune', properName: 'Phú Hữu' },
      { slug: 'DONGPHUOC', code: '31384', kind: 'commune', properName: 'Đông Phước' },
      { slug: 'DONGPHUOCA', code: '31387', kind: 'commune', properName: 'Đông Phước A' },
    ],
  },
  {
    key: 'PHUNGHIEP',
    code: '934',
    kind: 'district',
    properName: 'Phụng Hiệp',
    validFrom: PROVINCE_VALID_FROM,
    committeeAddress: 'Ấp Mỹ Lợi, thị trấn Cây Dương, huyện Phụng Hiệp, tỉnh Hậu Giang',
    communes: [
      { slug: 'CAYDUONG', code: '31396', kind: 'township', properName: 'Cây Dương' },
      { slug: 'KINHCUNG', code: '31393', kind: 'township', properName: 'Kinh Cùng' },
      { slug: 'BUNGTAU', code: '31433', kind: 'township', properName: 'Búng Tàu' },
      { slug: 'HOAAN', code: '31423', kind: 'commune', properName: 'Hòa An' },
      { slug: 'PHUONGBINH', code: '31426', kind: 'commune', properName: 'Phương Bình' },
      { slug: 'TANLONG', code: '31438', kind: 'commune', properName: 'Tân Long' },
    ],
  },
  {
    key: 'VITHUY',
    code: '935',
    kind: 'district',
    properName: 'Vị Thủy',
    validFrom: PROVINCE_VALID_FROM,
    communes: [
      { slug: 'NANGMAU', code: '31441', kind: 'township', properName: 'Nàng Mau' },
      { slug: 'VITRUNG', code: '31444', kind: 'commune', properName: 'Vị Trung' },
      { slug: 'VITHUY', code: '31447', kind: 'commune', properName: 'Vị Thủy' },
      { slug: 'VITHANG', code: '31450', kind: 'commune', properName: 'Vị Thắng' },
      { slug: 'VINHTHUANTAY', code: '31453', kind: 'commune', properName: 'Vĩnh Thuận Tây' },
      { slug: 'VINHTUONG', code: '31459', kind: 'commune', properName: 'Vĩnh Tường' },
    ],
  },
  {
    // The 15 May 2015 resolution of the National Assembly Standing Committee cut thị xã Long Mỹ
    // and its four phường out of huyện Long Mỹ; the huyện seat moved to Vĩnh Viễn.
    key: 'HLONGMY',
    code: '936',
    kind: 'district',
    properName: 'Long Mỹ',
    validFrom: '2015-05-15',
    committeeAddress: 'Đường tỉnh 930, ấp 1, thị trấn Vĩnh Viễn, huyện Long Mỹ, tỉnh Hậu Giang',
    communes: [
      // Thị trấn since 2019 (Nghị quyết 655/NQ-UBTVQH14), on the whole territory of xã Vĩnh Viễn.
      { slug: 'VINHVIEN', code: '31489', kind: 'township', properName: 'Vĩnh Viễn' },
      { slug: 'VINHVIENA', code: '31490', kind: 'commune', properName: 'Vĩnh Viễn A' },
      { slug: 'THUANHUNG', code: '31483', kind: 'commune', properName: 'Thuận Hưng' },
      { slug: 'VINHTHUANDONG', code: '31486', kind: 'commune', properName: 'Vĩnh Thuận Đông' },
      { slug: 'LUONGTAM', code: '31492', kind: 'commune', properName: 'Lương Tâm' },
      { slug: 'XAPHIEN', code: '31495', kind: 'commune', properName: 'Xà Phiên' },
    ],
  },
  {
    key: 'TXLONGMY',
    code: '937',
    kind: 'town',
    properName: 'Long Mỹ',
    validFrom: '2015-05-15',
    committeeAddress: 'Số 74 đường Trần Hưng Đạo, khu vực Bình Thạnh B, phường Bình Thạnh, thị xã Long Mỹ, tỉnh Hậu Giang',
    communes: [
      { slug: 'BINHTHANH', code: '31473', kind: 'ward', properName: 'Bình Thạnh' },
      { slug: 'THUANAN', code: '31471', kind: 'ward', properName: 'Thuận An' },
      { slug: 'TRALONG', code: '31472', kind: 'ward', properName: 'Trà Lồng' },
      { slug: 'VINHTUONG', code: '31475', kind: 'ward', properName: 'Vĩnh Tường' },
      { slug: 'LONGBINH', code: '31474', kind: 'commune', properName: 'Long Bình' },
      { slug: 'LONGTRI', code: '31477', kind: 'commune', properName: 'Long Trị' },
    ],
  },
];

export interface ProvincialDepartmentRow {
  key: string;
  /** Name without the province suffix, e.g. `Sở Tư pháp`. */
  name: string;
  shortName: string;
  /** Two-digit level-2 group of the identifier code (see `demo-units.data.ts`). */
  identifierGroup: string;
  departments: { key: string; name: string }[];
}

const officeOf = { key: 'VP', name: 'Văn phòng Sở' };

/** Cơ quan chuyên môn thuộc UBND tỉnh (the sở named in the 2021 reform report, plus Xây dựng and GTVT). */
export const provincialDepartmentRows: ProvincialDepartmentRow[] = [
  {
    key: 'SNV', name: 'Sở Nội vụ', shortName: 'Sở Nội vụ', identifierGroup: '01',
    departments: [
      officeOf,
      { key: 'PCCHC', name: 'Phòng Cải cách hành chính' },
      { key: 'PTCBM', name: 'Phòng Tổ chức, biên chế và tổ chức phi chính phủ' },
      { key: 'PCCVC', name: 'Phòng Công chức, viên chức' },
    ],
  },
  {
    key: 'STP', name: 'Sở Tư pháp', shortName: 'Sở Tư pháp', identifierGroup: '02',
    departments: [
      officeOf,
      { key: 'PHCTP', name: 'Phòng Hành chính tư pháp' },
      { key: 'PXDKTVB', name: 'Phòng Xây dựng và Kiểm tra văn bản quy phạm pháp luật' },
      { key: 'PBTTP', name: 'Phòng Bổ trợ tư pháp' },
    ],
  },
  {
    key: 'SCT', name: 'Sở Công Thương', shortName: 'Sở Công Thương', identifierGroup: '03',
    departments: [
      officeOf,
      { key: 'PQLTM', name: 'Phòng Quản lý thương mại' },
      { key: 'PQLCN', name: 'Phòng Quản lý công nghiệp' },
      { key: 'PQLNL', name: 'Phòng Quản lý năng lượng' },
    ],
  },
  {
    key: 'SNNPTNT', name: 'Sở Nông nghiệp và Phát triển nông thôn', shortName: 'Sở NN&PTNT', identifierGroup: '04',
    departments: [
      officeOf,
      { key: 'PKHTC', name: 'Phòng Kế hoạch - Tài chính' },
      { key: 'PTCCB', name: 'Phòng Tổ chức cán bộ' },
      { key: 'PQLXDCT', name: 'Phòng Quản lý xây dựng công trình' },
    ],
  },
  {
    key: 'STNMT', name: 'Sở Tài nguyên và Môi trường', shortName: 'Sở TN&MT', identifierGroup: '05',
    departments: [
      officeOf,
      { key: 'PQLDD', name: 'Phòng Quản lý đất đai' },
      { key: 'PTNNKS', name: 'Phòng Tài nguyên nước và Khoáng sản' },
    ],
  },
  {
    key: 'STTTT', name: 'Sở Thông tin và Truyền thông', shortName: 'Sở TT&TT', identifierGroup: '06',
    departments: [
      officeOf,
      { key: 'PTTBCXB', name: 'Phòng Thông tin - Báo chí - Xuất bản' },
      { key: 'PCNTT', name: 'Phòng Công nghệ thông tin' },
      { key: 'PBCVT', name: 'Phòng Bưu chính, Viễn thông' },
    ],
  },
  {
    key: 'SLDTBXH', name: 'Sở Lao động - Thương binh và Xã hội', shortName: 'Sở LĐ-TB&XH', identifierGroup: '07',
    departments: [
      officeOf,
      { key: 'PLDVL', name: 'Phòng Lao động - Việc làm' },
      { key: 'PNCC', name: 'Phòng Người có công' },
      { key: 'PBTXH', name: 'Phòng Bảo trợ xã hội' },
    ],
  },
  {
    key: 'SVHTTDL', name: 'Sở Văn hóa, Thể thao và Du lịch', shortName: 'Sở VH-TT&DL', identifierGroup: '08',
    departments: [
      officeOf,
      { key: 'PQLVH', name: 'Phòng Quản lý văn hóa' },
      { key: 'PQLTDTT', name: 'Phòng Quản lý thể dục thể thao' },
      { key: 'PQLDL', name: 'Phòng Quản lý du lịch' },
    ],
  },
  {
    key: 'SKHCN', name: 'Sở Khoa học và Công nghệ', shortName: 'Sở KH&CN', identifierGroup: '09',
    departments: [
      officeOf,
      { key: 'PQLKH', name: 'Phòng Quản lý khoa học' },
      { key: 'PQLCN', name: 'Phòng Quản lý công nghệ' },
    ],
  },
  {
    key: 'SGDDT', name: 'Sở Giáo dục và Đào tạo', shortName: 'Sở GD&ĐT', identifierGroup: '10',
    departments: [
      officeOf,
      { key: 'PGDMNTH', name: 'Phòng Giáo dục Mầm non - Tiểu học' },
      { key: 'PGDTRH', name: 'Phòng Giáo dục Trung học' },
      { key: 'PKTKDCLGD', name: 'Phòng Khảo thí và Kiểm định chất lượng giáo dục' },
    ],
  },
  {
    key: 'SYT', name: 'Sở Y tế', shortName: 'Sở Y tế', identifierGroup: '11',
    departments: [
      officeOf,
      { key: 'PNVY', name: 'Phòng Nghiệp vụ Y' },
      { key: 'PNVD', name: 'Phòng Nghiệp vụ Dược' },
      { key: 'PKHTC', name: 'Phòng Kế hoạch - Tài chính' },
    ],
  },
  {
    key: 'SKHDT', name: 'Sở Kế hoạch và Đầu tư', shortName: 'Sở KH&ĐT', identifierGroup: '12',
    departments: [
      officeOf,
      { key: 'PDKKD', name: 'Phòng Đăng ký kinh doanh' },
      { key: 'PTHQH', name: 'Phòng Tổng hợp, Quy hoạch' },
      { key: 'PKTDN', name: 'Phòng Kinh tế đối ngoại' },
    ],
  },
  {
    key: 'STC', name: 'Sở Tài chính', shortName: 'Sở Tài chính', identifierGroup: '13',
    departments: [
      officeOf,
      { key: 'PQLNS', name: 'Phòng Quản lý ngân sách' },
      { key: 'PQLGCS', name: 'Phòng Quản lý giá và Công sản' },
      { key: 'PTCDN', name: 'Phòng Tài chính doanh nghiệp' },
    ],
  },
  {
    key: 'SXD', name: 'Sở Xây dựng', shortName: 'Sở Xây dựng', identifierGroup: '14',
    departments: [
      officeOf,
      { key: 'PQLHDXD', name: 'Phòng Quản lý hoạt động xây dựng' },
      { key: 'PQHKT', name: 'Phòng Quy hoạch - Kiến trúc' },
      { key: 'PQLNTTBDS', name: 'Phòng Quản lý nhà và Thị trường bất động sản' },
    ],
  },
  {
    key: 'SGTVT', name: 'Sở Giao thông vận tải', shortName: 'Sở GTVT', identifierGroup: '15',
    departments: [
      officeOf,
      { key: 'PQLVTPTNL', name: 'Phòng Quản lý vận tải, phương tiện và người lái' },
      { key: 'PQLKCHTGT', name: 'Phòng Quản lý kết cấu hạ tầng giao thông' },
    ],
  },
];
