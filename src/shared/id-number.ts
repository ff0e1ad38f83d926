/**
 * Số định danh cá nhân (CCCD, 12 digits; Nghị định 137/2015/NĐ-CP, Thông tư 07/2016/TT-BCA):
 * 3 digits province code of birth registration, 1 digit century+sex, 2 digits birth year, 6 random digits.
 */
const PROVINCE_CODES = new Set([
  '001', '002', '004', '006', '008', '010', '011', '012', '014', '015', '017', '019', '020', '022', '024', '025', '026',
  '027', '030', '031', '033', '034', '035', '036', '037', '038', '040', '042', '044', '045', '046', '048', '049', '051',
  '052', '054', '056', '058', '060', '062', '064', '066', '067', '068', '070', '072', '074', '075', '077', '079', '080',
  '082', '083', '084', '086', '087', '089', '091', '092', '093', '094', '095', '096',
]);

export type IdNumberProblem = 'format' | 'province' | 'century';

/** Returns undefined when valid, otherwise what is wrong. */
export function checkIdNumber(value: string): IdNumberProblem | undefined {
  if (!/^\d{12}$/.test(value)) return 'format';
  if (!PROVINCE_CODES.has(value.slice(0, 3))) return 'province';
  // 0/1: 20th century, 2/3: 21st, 4/5: 22nd ... ; birth year must not be in the future.
  const centuryDigit = Number(value[3]);
  const century = 1900 + Math.floor(centuryDigit / 2) * 100;
  const year = century + Number(value.slice(4, 6));
  if (centuryDigit > 3 || year > new Date().getUTCFullYear()) return 'century';
  return undefined;
}

export const idNumberMessages: Record<IdNumberProblem, string> = {
  format: 'Số định danh cá nhân phải gồm đúng 12 chữ số',
  province: 'Mã tỉnh (3 chữ số đầu) của số định danh cá nhân không hợp lệ',
  century: 'Mã thế kỷ, giới tính hoặc năm sinh trong số định danh cá nhân không hợp lệ',
};

/** Mã số thuế: 10 digits, or 10 digits + '-' + 3 digits for a branch. */
export function isTaxCode(value: string): boolean {
  return /^\d{10}(-\d{3})?$/.test(value);
}

/** Vietnamese mobile number: 10 digits starting with 0 (03, 05, 07, 08, 09) or +84. */
export function normalisePhone(value: string): string | undefined {
  const digits = value.replace(/[\s.-]/g, '').replace(/^\+84/, '0');
  return /^0(3|5|7|8|9)\d{8}$/.test(digits) ? digits : undefined;
}
