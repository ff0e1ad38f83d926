/**
 * Phiếu kiểm soát quá trình giải quyết hồ sơ (TT 01/2018 Mẫu số 05, TT 03/2025 Mẫu số 06): travels with the paper
 * dossier; one row per hand-off with both signatures and the step's result against its own time.
 */
import type { Content, TDocumentDefinitions, TableCell } from 'pdfmake/interfaces';
import type { FormDescriptor, ParsedFormDataOf } from '../../../../shared/schemas/forms';
import { BLANK, OUTCOME_LABELS, timeAndDate } from '../form-text';
import { formDocument, formNumberLine, grid, labelled, nationalHeading, pageGeometry, title, type PageGeometry } from '../pdf/blocks';
import { deskNameFor } from './wording';

type Handoff = ParsedFormDataOf<'process_control'>['handoffs'][number];

function handoffRow(g: PageGeometry, h: Handoff | null): TableCell[] {
  const small = g.fontSize - 2;
  return [
    {
      stack: [
        { text: [{ text: '1. Giao: ', bold: true }, h?.fromName ?? BLANK] },
        { text: [{ text: '2. Nhận: ', bold: true }, h?.toName ?? BLANK], margin: [0, 3, 0, 0] },
      ],
    },
    {
      stack: [
        { text: h ? timeAndDate(h.at) : '…… giờ …… phút, ngày ……/……/………', alignment: 'center' },
        {
          columns: [
            { width: '*', stack: [{ text: 'Người giao', italics: true, fontSize: small }, { text: ' ', margin: [0, 0, 0, 16] }, { text: h?.deliveredBy ?? '', fontSize: small }] },
            { width: '*', stack: [{ text: 'Người nhận', italics: true, fontSize: small }, { text: ' ', margin: [0, 0, 0, 16] }, { text: h?.receivedBy ?? '', fontSize: small }] },
          ],
          alignment: 'center',
          margin: [0, 3, 0, 0],
        },
      ],
    },
    { text: h?.result ? OUTCOME_LABELS[h.result] : '', alignment: 'center' },
    { text: h?.note ?? '' },
  ];
}

export function processControlDocument(form: FormDescriptor, data: ParsedFormDataOf<'process_control'>): TDocumentDefinitions {
  const g = pageGeometry(form);
  const a = data.applicant;
  const rows = [...data.handoffs.map((h) => handoffRow(g, h)), ...Array.from({ length: data.blankRows }, () => handoffRow(g, null))];
  const content: Content[] = [
    formNumberLine(g, form),
    nationalHeading(g, data.agency, { deskName: deskNameFor(form.set, data.agency) }),
    title(g, 'Phiếu kiểm soát quá trình giải quyết hồ sơ', `Mã hồ sơ: ${data.code}`),
    { text: `(Kèm theo hồ sơ của: ${a.name}${a.organisation ? ` - ${a.organisation}` : ''})`, italics: true, alignment: 'center', margin: [0, -4, 0, 6] },
    labelled('Nội dung yêu cầu giải quyết', data.request),
    labelled('Thời gian nhận hồ sơ', timeAndDate(data.receivedAt)),
    labelled('Thời gian hẹn trả kết quả', data.dueAt ? timeAndDate(data.dueAt) : null),
    labelled('Cơ quan (bộ phận) chủ trì giải quyết hồ sơ', data.leadAgencyName, { boldValue: true }),
    labelled('Cơ quan phối hợp giải quyết hồ sơ', data.coordinatingAgencyNames.length > 0 ? data.coordinatingAgencyNames.join('; ') : 'Không'),
    grid(
      g,
      [
        [
          'TÊN CƠ QUAN',
          'THỜI GIAN GIAO, NHẬN HỒ SƠ',
          { text: [{ text: 'KẾT QUẢ GIẢI QUYẾT HỒ SƠ', bold: true }, '\n(Trước hạn/ Đúng hạn/ Quá hạn)'], alignment: 'center' },
          'GHI CHÚ',
        ],
      ],
      rows,
      ['27%', '40%', '19%', '14%'],
    ),
  ];
  return formDocument(g, form, data.code, content);
}
