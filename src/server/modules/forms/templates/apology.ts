/**
 * Mẫu số 04: Phiếu xin lỗi và hẹn lại ngày trả kết quả (TT 01/2018) / Văn bản xin lỗi và đề nghị gia hạn thời gian
 * giải quyết (TT 03/2025). Sent by the competent agency at the latest one day before the due date, once.
 */
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { FormDescriptor, ParsedFormDataOf } from '../../../../shared/schemas/forms';
import { longDate, timeAndDate } from '../form-text';
import { formDocument, formNumberLine, nationalHeading, pageGeometry, paragraph, recipientsNote, signatures, title } from '../pdf/blocks';

export function apologyDocument(form: FormDescriptor, data: ParsedFormDataOf<'apology'>): TDocumentDefinitions {
  const g = pageGeometry(form);
  const a = data.applicant;
  const agencyName = data.agency.name;
  const lateAgency = data.lateAgencyName ?? agencyName;
  const heading =
    form.set === '2018'
      ? title(g, 'Phiếu xin lỗi và hẹn lại ngày trả kết quả', `Mã hồ sơ: ${data.code}`)
      : title(g, 'Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết', `Mã hồ sơ: ${data.code}`);
  const ending =
    form.set === '2018'
      ? ['Sự chậm trễ này đã gây phiền hà, tốn kém thời gian, công sức của Ông/Bà. ', agencyName, ' xin lỗi Ông/Bà và hẹn lại thời gian trả kết quả vào ']
      : ['Sự chậm trễ này đã gây phiền hà, tốn kém thời gian, công sức của Ông/Bà. ', agencyName, ' trân trọng xin lỗi Ông/Bà và đề nghị gia hạn thời gian trả kết quả đến '];
  const content: Content[] = [
    formNumberLine(g, form),
    nationalHeading(g, data.agency, { documentNumber: data.documentNumber, dated: data.issuedAt }),
    heading,
    { text: [{ text: 'Kính gửi: ' }, { text: a.name + (a.organisation ? ` (${a.organisation})` : ''), bold: true }], alignment: 'center', margin: [0, 0, 0, 6] },
    paragraph(
      `${capitalise(longDate(data.receivedAt))}, ${agencyName} tiếp nhận hồ sơ của Ông/Bà đề nghị giải quyết thủ tục: ${data.request}. Mã hồ sơ: ${data.code}.`,
      { indent: true },
    ),
    paragraph(`Thời hạn trả kết quả theo quy định: ${timeAndDate(data.originalDueAt)}.`, { indent: true }),
    paragraph(`Tuy nhiên đến nay, ${lateAgency} chưa giải quyết xong hồ sơ của Ông/Bà. Lý do: ${data.reason}`, { indent: true }),
    paragraph({ text: [...ending, { text: timeAndDate(data.newDueAt), bold: true }, '.'] }, { indent: true }),
    paragraph('Xin trân trọng cảm ơn./.', { indent: true }),
    signatures(g, [{ title: data.signer.title, name: data.signer.name, hint: '(Ký, ghi rõ họ tên và đóng dấu)' }], {
      leftNote: recipientsNote(g, ['Như trên', ...data.recipients]),
    }),
  ];
  return formDocument(g, form, data.code, content);
}

export function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
}
