/**
 * Invented applicants for simulated dossiers: Vietnamese names (NFC), valid-looking 12-digit ID numbers (province
 * code 093, Hậu Giang), mobile numbers and addresses in the agency's area. None is a real person.
 */
import type { Random } from './seeded-random';

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Huỳnh', 'Hoàng', 'Phan', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý', 'Trương', 'Lâm', 'Châu', 'Thái', 'Quách'];
const MIDDLE_MALE = ['Văn', 'Hữu', 'Minh', 'Quốc', 'Thanh', 'Công', 'Đức', 'Hoàng'];
const MIDDLE_FEMALE = ['Thị', 'Ngọc', 'Thanh', 'Kim', 'Mỹ', 'Thu', 'Bích', 'Hồng'];
const GIVEN_MALE = ['An', 'Bình', 'Cường', 'Dũng', 'Hải', 'Hùng', 'Khang', 'Khoa', 'Long', 'Nam', 'Phúc', 'Quang', 'Tài', 'Thắng', 'Tín', 'Trung', 'Tuấn', 'Việt', 'Vinh', 'Lợi'];
const GIVEN_FEMALE = ['Anh', 'Chi', 'Diễm', 'Giang', 'Hạnh', 'Hoa', 'Hương', 'Lan', 'Linh', 'Mai', 'Nga', 'Ngân', 'Nhung', 'Phương', 'Quyên', 'Thảo', 'Trang', 'Tuyết', 'Vân', 'Yến'];
const STREETS = ['Trần Hưng Đạo', 'Nguyễn Trãi', 'Hùng Vương', 'Lê Lợi', '30 Tháng 4', 'Võ Văn Kiệt', 'Ngô Quốc Trị', 'Điện Biên Phủ'];
const PHONE_PREFIXES = ['032', '033', '034', '035', '036', '037', '038', '039', '070', '076', '077', '078', '079', '081', '082', '083', '084', '085', '086', '088', '089', '090', '091', '093', '094', '096', '097', '098'];

export interface SimApplicant {
  fullName: string;
  idNumber: string;
  phone: string;
  address: string;
}

const digits = (rng: Random, n: number) => Array.from({ length: n }, () => rng.int(0, 9)).join('');

export function simulatedApplicant(rng: Random, place: string, year: number): SimApplicant {
  const female = rng.chance(0.5);
  const fullName = [rng.pick(FAMILY), rng.pick(female ? MIDDLE_FEMALE : MIDDLE_MALE), rng.pick(female ? GIVEN_FEMALE : GIVEN_MALE)].join(' ');
  // Born between 1940 and 18 years before the dossier; century digit 0/1 (1900s) or 2/3 (2000s), by sex.
  const birthYear = rng.int(1940, year - 18);
  const centuryDigit = (birthYear >= 2000 ? 2 : 0) + (female ? 1 : 0);
  const idNumber = `093${centuryDigit}${String(birthYear % 100).padStart(2, '0')}${digits(rng, 6)}`;
  const phone = `${rng.pick(PHONE_PREFIXES)}${digits(rng, 7)}`;
  const address = `Số ${rng.int(1, 250)} đường ${rng.pick(STREETS)}, ${place}`;
  return { fullName, idNumber, phone, address };
}
