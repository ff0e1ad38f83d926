/**
 * How a report cites a document (NĐ 30/2020 writing of dates: day < 10 and months 1–2 with a leading zero):
 * «Kế hoạch số 1996/KH-UBND ngày 30 tháng 12 năm 2020 của Ủy ban nhân dân tỉnh Hậu Giang về ...».
 */
import { documentTypeLabels, type DocumentType } from './schemas/documents';

/** `2021-03-04` → `ngày 04 tháng 3 năm 2021`; `2021-01-07` → `ngày 07 tháng 01 năm 2021`. */
export function formatLongDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const day = String(d).padStart(2, '0');
  const month = m <= 2 ? String(m).padStart(2, '0') : String(m);
  return `ngày ${day} tháng ${month} năm ${y}`;
}

export interface CitableDocument {
  docType: string;
  numberSymbol: string;
  issuedOn: string;
  issuerName: string;
  subject: string;
}

/** The citation; `withIssuer: false` drops «của <issuer>» where the sentence already names it. */
export function formatDocumentCitation(doc: CitableDocument, options: { withIssuer?: boolean } = {}): string {
  const label = documentTypeLabels[doc.docType as DocumentType] ?? 'Văn bản';
  const issuer = options.withIssuer === false ? '' : ` của ${doc.issuerName}`;
  return `${label} số ${doc.numberSymbol} ${formatLongDate(doc.issuedOn)}${issuer} ${doc.subject}`.replace(/\s+/g, ' ').trim();
}
