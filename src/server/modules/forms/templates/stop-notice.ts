/** Thông báo dừng giải quyết hồ sơ (Mẫu số 05 of TT 03/2025; NĐ 118/2025 Điều 21). */
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { FormDescriptor, ParsedFormDataOf } from '../../../../shared/schemas/forms';
import { longDate } from '../form-text';
import { formDocument, formNumberLine, labelled, nationalHeading, pageGeometry, paragraph, recipientsNote, signatures, title } from '../pdf/blocks';
import { capitalise } from './apology';

export function stopNoticeDocument(form: FormDescriptor, data: ParsedFormDataOf<'stop_notice'>): TDocumentDefinitions {
  const g = pageGeometry(form);
  const a = data.applicant;
  const agencyName = data.agency.name;
  const content: Content[] = [
    formNumberLine(g, form),
    nationalHeading(g, data.agency, { documentNumber: data.documentNumber, dated: data.issuedAt }),
    title(g, 'Thông báo', 'Về việc dừng giải quyết hồ sơ thủ tục hành chính'),
    { text: [{ text: 'Kính gửi: ' }, { text: a.name + (a.organisation ? ` (${a.organisation})` : ''), bold: true }], alignment: 'center', margin: [0, 0, 0, 6] },
    paragraph(
      `${capitalise(longDate(data.receivedAt))}, ${agencyName} tiếp nhận hồ sơ của Ông/Bà đề nghị giải quyết thủ tục: ${data.request}. Mã hồ sơ: ${data.code}.`,
      { indent: true },
    ),
    paragraph(`${capitalise(longDate(data.requestedAt))}, Ông/Bà đề nghị dừng giải quyết hồ sơ nêu trên. Lý do: ${data.reason}`, { indent: true }),
    paragraph(
      `Căn cứ Điều 21 Nghị định số 118/2025/NĐ-CP ngày 09/6/2025 của Chính phủ, ${agencyName} thông báo dừng giải quyết hồ sơ mã số ${data.code} kể từ ${longDate(data.issuedAt)}. Trạng thái xử lý và việc dừng giải quyết hồ sơ được lưu đầy đủ trên Hệ thống thông tin giải quyết thủ tục hành chính.`,
      { indent: true },
    ),
    labelled('Việc trả lại hồ sơ giấy và phí, lệ phí (nếu có)', data.returned ?? 'Không có'),
    paragraph('Xin thông báo để Ông/Bà được biết./.', { indent: true }),
    signatures(g, [{ title: data.signer.title, name: data.signer.name, hint: '(Ký, ghi rõ họ tên và đóng dấu)' }], {
      leftNote: recipientsNote(g, ['Như trên', ...data.recipients]),
    }),
  ];
  return formDocument(g, form, data.code, content);
}
