/** Phiếu từ chối tiếp nhận giải quyết hồ sơ (Mẫu số 03 of both sets): the reasons, in writing. */
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { FormDescriptor, ParsedFormDataOf } from '../../../../shared/schemas/forms';
import { timeAndDate } from '../form-text';
import { formDocument, formNumberLine, labelled, labelledRow, nationalHeading, pageGeometry, paragraph, signatures, title } from '../pdf/blocks';
import { deskNameFor, deskPhrase } from './wording';

export function refusalDocument(form: FormDescriptor, data: ParsedFormDataOf<'refusal'>): TDocumentDefinitions {
  const g = pageGeometry(form);
  const a = data.applicant;
  const desk = deskPhrase(form.set, data.agency);
  const content: Content[] = [
    formNumberLine(g, form),
    nationalHeading(g, data.agency, { deskName: deskNameFor(form.set, data.agency), documentNumber: data.documentNumber, dated: data.issuedAt }),
    title(g, 'Phiếu từ chối tiếp nhận giải quyết hồ sơ', `Mã hồ sơ: ${data.code}`),
    { text: `${desk} tiếp nhận hồ sơ của:`, margin: [0, 0, 0, 2] },
    labelled('Ông/Bà', a.name + (a.organisation ? ` (${a.organisation})` : ''), { boldValue: true }),
    labelled('Địa chỉ', a.address),
    labelledRow([
      ['Số điện thoại', a.phone],
      ['Thư điện tử', a.email],
    ]),
    labelled('Nội dung yêu cầu giải quyết', data.request),
    ...(data.receivedAt ? [labelled('Thời gian tiếp nhận', timeAndDate(data.receivedAt))] : []),
    paragraph(
      `Qua nghiên cứu, xem xét hồ sơ và đối chiếu với các quy định hiện hành, ${desk} từ chối tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:`,
    ),
    { ol: data.reasons.map((r) => ({ text: r, alignment: 'justify' as const })), margin: [8, 2, 0, 4] },
    paragraph('Xin thông báo để Ông/Bà được biết và thực hiện./.'),
    signatures(g, [{ title: data.officer.title, name: data.officer.name }], { leftNote: { text: '' } }),
  ];
  return formDocument(g, form, data.code, content);
}
