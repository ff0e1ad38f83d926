/**
 * Types of the demonstration province data (administrative units and agencies).
 * Kept free of Node and database APIs so seeders, tests and the web client can all import them.
 */

/** tỉnh | thành phố thuộc tỉnh | thị xã | huyện | phường | thị trấn | xã */
export type DemoUnitKind = 'province' | 'city' | 'town' | 'district' | 'ward' | 'township' | 'commune';

/** Cấp hành chính: tỉnh, huyện (until 30 June 2025), xã. */
export type DemoUnitLevel = 'province' | 'district' | 'commune';

/** Đơn vị hành chính. Dates are ISO `YYYY-MM-DD`; `validTo` is the last day the unit existed (inclusive). */
export interface DemoUnit {
  /** Stable key, uppercase ASCII (`[A-Z0-9_]`), unique across all units. */
  key: string;
  /** Mã đơn vị hành chính (General Statistics Office list): 2 digits province, 3 district, 5 commune. */
  code: string;
  /** Official name with its kind, e.g. `Thành phố Vị Thanh`, `Phường I`, `Xã Hỏa Lựu` (NFC). */
  name: string;
  kind: DemoUnitKind;
  level: DemoUnitLevel;
  parentKey: string | null;
  validFrom: string;
  validTo: string | null;
}

export type DemoAgencyKind =
  | 'provincial_committee'
  | 'department'
  | 'public_service_centre'
  | 'district_committee'
  | 'commune_committee';

/** Phòng, bộ phận or công chức chuyên môn inside an agency. */
export interface DemoAgencyDepartment {
  /** Uppercase ASCII key, unique within its agency. */
  key: string;
  name: string;
  /** Bộ phận Một cửa (NĐ 61/2018/NĐ-CP): where dossiers are received and results returned. */
  isOneStopDesk?: boolean;
}

/** Cơ quan: UBND, sở, Trung tâm Phục vụ hành chính công. */
export interface DemoAgency {
  /** Stable key, uppercase ASCII, unique across all agencies. */
  key: string;
  /** Full Vietnamese name (NFC). */
  name: string;
  shortName: string;
  kind: DemoAgencyKind;
  /** The administrative unit the agency governs or serves. */
  unitKey: string;
  parentKey: string | null;
  /** Mã định danh điện tử (TT 10/2016/TT-BTTTT); prefixes dossier codes. */
  identifierCode: string;
  address?: string;
  phone?: string;
  departments: DemoAgencyDepartment[];
}
