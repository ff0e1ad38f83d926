/** Vietnamese text helpers shared by the server and the web app. */

/** Lower-case, strip diacritics (đ → d), collapse spaces: the form search compares. Mirrors SQL f_unaccent(lower(x)). */
export function foldVietnamese(input: string): string {
  return input
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Unicode NFC with trimmed, single spaces: how Vietnamese text is stored. */
export function cleanText(input: string): string {
  return input.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** Masks a personal ID number for lists and logs: 001203004567 → 0012******67. */
export function maskIdNumber(idNumber: string | null | undefined): string | null {
  if (!idNumber) return idNumber ?? null;
  if (idNumber.length <= 6) return '*'.repeat(idNumber.length);
  return idNumber.slice(0, 4) + '*'.repeat(idNumber.length - 6) + idNumber.slice(-2);
}

/** Masks a phone number: 0912345678 → 091****678. */
export function maskPhone(phone: string | null | undefined): string | null {
  if (!phone) return phone ?? null;
  if (phone.length <= 6) return '*'.repeat(phone.length);
  return phone.slice(0, 3) + '*'.repeat(phone.length - 6) + phone.slice(-3);
}

/** Money as Vietnamese users write it: 1500000 → '1.500.000 đ'. */
export function formatMoney(amount: number): string {
  const sign = amount < 0 ? '-' : '';
  const digits = Math.round(Math.abs(amount)).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${sign}${digits} đ`;
}

const VN_OFFSET_MS = 7 * 60 * 60 * 1000;

function vnParts(value: Date | string) {
  const d = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : new Date(value);
  const local = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? d : new Date(d.getTime() + VN_OFFSET_MS);
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    date: `${pad(local.getUTCDate())}/${pad(local.getUTCMonth() + 1)}/${local.getUTCFullYear()}`,
    time: `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`,
  };
}

/** DD/MM/YYYY in Vietnam time; a 'YYYY-MM-DD' string is taken as a calendar date. */
export function formatDate(value: Date | string | null | undefined): string {
  if (!value) return '';
  return vnParts(value).date;
}

/** HH:mm DD/MM/YYYY in Vietnam time (the receipt's format). */
export function formatDateTime(value: Date | string | null | undefined): string {
  if (!value) return '';
  const p = vnParts(value);
  return `${p.time} ${p.date}`;
}
