/**
 * The demo catalog's long tail (danh mục mở rộng): the procedures of the demo province beyond the hand-described core
 * (demo-procedures.*.ts), so that the catalog as of June 2021 counts what the seed's report counts (1,895 procedures,
 * 147 at online level 3, 356 at level 4, 199 handled "5 tại chỗ" at the public service centre).
 *
 * Each entry states what the catalog shows of a procedure — name, field, agency, time, online level, documents,
 * result, fee, legal basis — and `extensionProcedure` (extension.ts) derives the rest (steps, methods, internal
 * process) with the same builder as the core. Names and legal bases follow the national procedure database as of
 * 2021; codes keep the national pattern but are demonstration data, as in the core.
 */
import type { DistrictDepartmentKey, ProvincialDepartmentKey } from '../demo-procedures.helpers';

/** A legal document: number and symbol, title, date of issue (`YYYY-MM-DD`). */
export type ExtensionBasis = readonly [number: string, title: string, issuedOn: string];

export interface ExtensionEntry {
  /** National code pattern, e.g. `1.004227.000.00.00.H33` (unique across the catalog). */
  code: string;
  /** Tên thủ tục, as in the national database. */
  name: string;
  /** Lĩnh vực, as named in the national database (e.g. `Lưu thông hàng hóa trong nước`). */
  field: string;
  /** Province level: the Sở that handles it; district level: the phòng that appraises it; commune: the civil servant. */
  agency: ProvincialDepartmentKey | DistrictDepartmentKey | 'TPHT' | 'DCXD' | 'VHXH';
  /** Thời hạn giải quyết: a number with `wd` (working days), `wh` (working hours) or `cd` (calendar days). */
  time: `${number}${'wd' | 'wh' | 'cd'}`;
  /** Mức độ dịch vụ công trực tuyến in 2021 (NĐ 43/2011/NĐ-CP): 2, 3 or 4. */
  online: 2 | 3 | 4;
  /** Handled "5 tại chỗ" at the provincial public service centre (province level only). */
  onTheSpot?: true;
  /** Đối tượng thực hiện: individuals, organisations or both. */
  subjects: 'individual' | 'organisation' | 'both';
  /** Thành phần hồ sơ: names; a name starting with `Bản sao` is a copy, any other an original. */
  documents: readonly string[];
  /** Kết quả thực hiện. */
  result: string;
  /** Phí, lệ phí in VND: one amount, or named amounts; omitted when nothing is charged. */
  fee?: number | readonly (readonly [name: string, amount: number])[];
  /** Căn cứ pháp lý, most general first. */
  basis: readonly ExtensionBasis[];
}
