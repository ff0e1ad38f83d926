/**
 * The report as PDF (pdfmake with the embedded Noto Serif, as the printed forms): the same heading blocks (forms'
 * `nationalHeading`), title, body and signature as the DOCX on A4 with the NĐ 30/2020 margins and page numbers from
 * page 2. pdfmake has no footnotes, so the footnote texts follow the body under a short rule, numbered as in the
 * text (the DOCX, the document that is signed and sent, carries real Word footnotes).
 */
import type { Content, ContentText } from 'pdfmake/interfaces';
import type { Paragraph as ReportParagraph, ReportDocument } from '../../../shared/schemas/cchc-report';
import { nationalHeading, pageGeometry } from '../forms/pdf/blocks';
import { renderPdf } from '../forms/pdf/pdf-engine';
import { narrativeParagraphs } from './report-narratives';

const geometry = { ...pageGeometry({ pageSize: 'A4', orientation: 'portrait' }), fontSize: 12.5, headingSize: 11 };

function paragraph(p: ReportParagraph): Content {
  const heading = p.style.startsWith('heading');
  const prefix = p.style === 'dash' ? '- ' : p.style === 'plus' ? '+ ' : '';
  const text: ContentText['text'] = [
    ...(prefix ? [prefix] : []),
    ...p.parts.map((part) => (part.kind === 'footnote' ? { text: String(part.n), sup: true } : { text: part.text })),
  ];
  return { text, bold: heading, italics: p.style === 'heading3', alignment: 'justify', leadingIndent: 36, margin: [0, 6, 0, 0] } as Content;
}

export async function renderReportPdf(doc: ReportDocument): Promise<Buffer> {
  const g = geometry;
  const h = doc.header;
  const body: Content[] = [];
  for (const section of doc.sections) {
    for (const p of section.paragraphs) body.push(paragraph(p));
    if (section.narrative) for (const p of narrativeParagraphs(section.narrative.text)) body.push(paragraph(p));
  }
  body.push(paragraph({ style: 'body', parts: [{ kind: 'text', text: doc.closing }] }));

  const recipients = [...h.recipients.map((r) => `- ${r.replace(/[.;,\s]+$/, '')};`), `- Lưu: ${h.archive.replace(/[.;,\s]+$/, '')}.`];
  const signature: Content = {
    columns: [
      { width: '50%', stack: [{ text: 'Nơi nhận:', bold: true, italics: true, fontSize: 11.5 }, ...recipients.map((r) => ({ text: r, fontSize: 10.5 }))] },
      {
        width: '50%',
        alignment: 'center',
        stack: [
          ...(h.signerAuthority ? [{ text: h.signerAuthority.toLocaleUpperCase('vi'), bold: true }] : []),
          { text: h.signerTitle.toLocaleUpperCase('vi'), bold: true },
          { text: ' ', margin: [0, 0, 0, 56] },
          { text: h.signerName, bold: true },
        ],
      },
    ],
    margin: [0, 14, 0, 0],
    unbreakable: true,
  };
  const notes: Content[] =
    doc.footnotes.length === 0
      ? []
      : [
          { canvas: [{ type: 'line', x1: 0, y1: 0, x2: 140, y2: 0, lineWidth: 0.6 }], margin: [0, 16, 0, 4] },
          ...doc.footnotes.map((f) => ({ text: [{ text: String(f.n), sup: true }, ` ${f.text}`], fontSize: 9.5, alignment: 'justify' as const, margin: [0, 0, 0, 2] as [number, number, number, number] })),
        ];

  return renderPdf({
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins: g.pageMargins,
    info: { title: `${doc.title} ${doc.subject}`, subject: doc.subject, creator: 'MotCua', producer: 'MotCua' },
    language: 'vi-VN',
    defaultStyle: { fontSize: g.fontSize, lineHeight: 1.15 },
    header: (currentPage: number) => (currentPage === 1 ? null : { text: String(currentPage), alignment: 'center', fontSize: 12, margin: [0, 28, 0, 0] }),
    content: [
      nationalHeading(g, { parentName: h.parentBody, name: h.issuingBody, deskName: null, place: h.place, phone: null }, { documentNumber: doc.numberText }),
      { text: doc.placeDate, italics: true, alignment: 'right', margin: [0, 4, 20, 0] },
      { stack: [{ text: doc.title, bold: true, fontSize: 13.5 }, { text: doc.subject, bold: true }], alignment: 'center', margin: [30, 14, 30, 2] },
      { canvas: [{ type: 'line', x1: g.contentWidth / 2 - 60, y1: 0, x2: g.contentWidth / 2 + 60, y2: 0, lineWidth: 0.6 }], margin: [0, 2, 0, 6] },
      ...body,
      signature,
      ...notes,
    ],
  });
}
