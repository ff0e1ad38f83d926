/**
 * Removes a petitioner's personal data from text about to be published on the portal: their own name,
 * organisation, address, phone, e-mail and ID number wherever they were typed, and anything shaped like an
 * ID number, a phone number or an e-mail address.
 */
export const REDACTED = '[đã ẩn]';

export interface PersonalData {
  fullName?: string | null;
  organisationName?: string | null;
  idNumber?: string | null;
  phone?: string | null;
  email?: string | null;
  address?: string | null;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const PATTERNS: RegExp[] = [
  /[\w.+-]+@[\w-]+(\.[\w-]+)+/g,
  // Phone numbers, with or without separators or +84.
  /(\+84|\b0)(\s?[.-]?\d){9,10}\b/g,
  // ID numbers: 12-digit CCCD, 9-digit CMND, and any other long digit run.
  /\b\d{9,}\b/g,
];

export function redactPersonalData(text: string, person: PersonalData): string {
  let out = text.normalize('NFC');
  const own = [person.fullName, person.organisationName, person.address, person.email, person.idNumber, person.phone]
    .map((v) => v?.normalize('NFC').trim())
    .filter((v): v is string => !!v && v.length >= 3)
    .sort((a, b) => b.length - a.length);
  for (const value of own) out = out.replace(new RegExp(escapeRegExp(value), 'giu'), REDACTED);
  for (const pattern of PATTERNS) out = out.replace(pattern, REDACTED);
  return out;
}
