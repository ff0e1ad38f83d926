/** Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (Mẫu số 02 of both sets): everything missing, listed at once. */
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { FormDescriptor, ParsedFormDataOf } from '../../../../shared/schemas/forms';
import { BLANK, timeAndDate } from '../form-text';
import { formDocument, formNumberLine, grid, labelled, labelledRow, nationalHeading, pageGeometry, paragraph, signatures, title } from '../pdf/blocks';
import { deskNameFor } from './wording';

export function supplementDocument(form: FormDescriptor, data: ParsedFormDataOf<'supplement'>): TDocumentDefinitions {
  const g = pageGeometry(form);
  const a = data.applicant;
  const rows = data.items.map((item, i) => [
    { text: String(i + 1), alignment: 'center' as const },
    item.name,
    item.requirement ?? '',
  ]);
  const contact = data.contact
    ? `${data.contact.name}${data.contact.phone ? `, số điện thoại ${data.contact.phone}` : ''}`
    : BLANK;
  const content: Content[] = [
    formNumberLine(g, form),
    nationalHeading(g, data.agency, { deskName: deskNameFor(form.set, data.agency), documentNumber: data.documentNumber, dated: data.issuedAt }),
    title(g, 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ', `Mã hồ sơ: ${data.code}`),
    labelled('Hồ sơ của', a.name + (a.organisation ? ` (${a.organisation})` : ''), { boldValue: true }),
    labelled('Nội dung yêu cầu giải quyết', data.request),
    ...(data.receivedAt ? [labelled('Thời gian tiếp nhận', timeAndDate(data.receivedAt))] : []),
    labelled('Địa chỉ', a.address),
    labelledRow([
      ['Số điện thoại', a.phone],
      ['Thư điện tử', a.email],
    ]),
    { text: 'Yêu cầu bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:', margin: [0, 3, 0, 0] },
    grid(g, [['TT', 'Giấy tờ, nội dung', 'Yêu cầu bổ sung, hoàn thiện']], rows, [16, '*', '*']),
    labelled('Lý do', data.reasons),
    paragraph(`Trong quá trình bổ sung, hoàn thiện hồ sơ, nếu có vướng mắc, Ông/Bà liên hệ với ${contact} để được hướng dẫn.`),
  ];
  if (form.set === '2025') {
    content.push(
      paragraph(
        'Sau 15 ngày kể từ ngày thông báo mà hồ sơ chưa được bổ sung, hoàn thiện, Bộ phận Một cửa đóng hồ sơ trên Hệ thống thông tin giải quyết thủ tục hành chính (khoản 5 Điều 19 Nghị định số 118/2025/NĐ-CP).',
      ),
    );
  }
  content.push(signatures(g, [{ title: data.officer.title, name: data.officer.name }], { leftNote: { text: '' } }));
  return formDocument(g, form, data.code, content);
}
