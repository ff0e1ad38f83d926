/**
 * Demonstration procedure catalog (danh mục thủ tục hành chính) for the demo province.
 *
 * Names follow the national procedure database; times, fees, documents and legal bases are those
 * of the procedures as published around the second half of 2024 (three levels of government,
 * before the district level was abolished on 1 July 2025). Procedure codes keep the national
 * patterns but most are invented: this is demonstration data, not an extract of the database.
 *
 * The data is split by level into sibling files and combined here. Kept free of Node and database
 * APIs so seeders, tests and the web client can all import it.
 */
import { communeProcedures } from './demo-procedures.commune.js';
import { districtProcedures } from './demo-procedures.district.js';
import { provinceEconomyProcedures } from './demo-procedures.province-economy.js';
import { provinceSocietyProcedures } from './demo-procedures.province-society.js';

/** Cấp thực hiện. */
export type DemoLevel = 'province' | 'district' | 'commune';

/** Unit of the legal processing time (thời hạn giải quyết). */
export type DemoTimeUnit = 'working_days' | 'working_hours' | 'calendar_days';

/** Who carries out one step of the internal process (quy trình nội bộ). */
export type DemoProcessRole = 'desk' | 'specialist' | 'department_head' | 'leader' | 'clerk' | 'other_agency';

/** Thành phần hồ sơ. */
export interface DemoDocument {
  name: string;
  /** Số bản chính. */
  originals: number;
  /** Số bản sao. */
  copies: number;
  /** Form template, e.g. `Mẫu số 01 Phụ lục II Nghị định số 15/2021/NĐ-CP`. */
  formName?: string;
}

/** Phí, lệ phí; amounts in VND. */
export interface DemoFee {
  name: string;
  amount: number;
  note?: string;
}

/** Căn cứ pháp lý. */
export interface DemoLegalBasis {
  number: string;
  title: string;
  /** Ngày ban hành, `YYYY-MM-DD`. */
  issuedOn: string;
}

/** One step of the internal process; `hours` are working hours. */
export interface DemoProcessStep {
  name: string;
  responsible: DemoProcessRole;
  hours: number;
}

/** Thủ tục hành chính. */
export interface DemoProcedure {
  /** National code style: `1.001193`, `2.000635` or with the `.000.00.00.H33` suffix. */
  code: string;
  name: string;
  /** Short stable field code, e.g. `HOTICH`. */
  fieldCode: string;
  /** Lĩnh vực, e.g. `Hộ tịch`. */
  fieldName: string;
  level: DemoLevel;
  /** Handling agency: a Sở key at province level, `UBND_HUYEN` or `UBND_XA` below. */
  agencyKey: string;
  /**
   * Phòng (district) or công chức chuyên môn (commune) that appraises the dossier:
   * `PTP`, `PTNMT`, `PKTHT`, `PTCKH`, `PLDTBXH`, `PVHTT`, `PGDDT`, `PYT`, `PNV`, `PNNPTNT`;
   * `TPHT`, `DCXD`, `VHXH` at commune level (keys of the demonstration agencies).
   */
  departmentKey?: string;
  /** Thời hạn giải quyết. */
  time: { value: number; unit: DemoTimeUnit };
  /** Mức độ dịch vụ công trực tuyến (NĐ 43/2011/NĐ-CP). */
  onlineLevel: 2 | 3 | 4;
  /** NĐ 42/2022/NĐ-CP: toàn trình (level 4), một phần (level 3), none (level 2). */
  onlineScope: 'full' | 'partial' | null;
  /** "5 tại chỗ": received, appraised, approved, charged and returned at the one-stop centre. */
  onTheSpot: boolean;
  /** Một cửa liên thông: several agencies process the dossier in turn. */
  interAgency: boolean;
  /** Result can be returned through the public postal service (dịch vụ bưu chính công ích). */
  postalReturn: boolean;
  /** `HH:MM`: a dossier received after it is handled from the next working day. */
  cutoffTime?: string;
  /** Cách thức thực hiện. */
  methods: Array<'in_person' | 'online' | 'post'>;
  /** Đối tượng thực hiện. */
  subjects: Array<'individual' | 'organisation'>;
  /** Trình tự thực hiện. */
  steps: string[];
  documents: DemoDocument[];
  /** Số lượng bộ hồ sơ. */
  sets: number;
  /** Kết quả thực hiện. */
  result: string;
  /** Yêu cầu, điều kiện thực hiện. */
  conditions?: string;
  /** Empty when no fee is charged. */
  fees: DemoFee[];
  feeExemptions?: string;
  legalBasis: DemoLegalBasis[];
  /** Ordered steps; their total never exceeds the legal time (1 working day = 8 working hours). */
  internalProcess: DemoProcessStep[];
}

/** Every demonstration procedure: commune, district, then province level. */
export const demoProcedures: DemoProcedure[] = [
  ...communeProcedures,
  ...districtProcedures,
  ...provinceSocietyProcedures,
  ...provinceEconomyProcedures,
];
