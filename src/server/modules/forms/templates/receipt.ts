/** Giấy tiếp nhận hồ sơ và hẹn trả kết quả (Mẫu số 01 of TT 01/2018/TT-VPCP and of TT 03/2025/TT-VPCP). */
import QRCode from 'qrcode';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { FormDescriptor, ParsedFormDataOf } from '../../../../shared/schemas/forms';
import { formatMoney } from '../../../../shared/text';
import { durationText, timeAndDate, twoDigits } from '../form-text';
import { formDocument, formNumberLine, grid, labelled, labelledRow, nationalHeading, pageGeometry, signatures } from '../pdf/blocks';
import { deskNameFor, deskPhrase } from './wording';

/** The QR code as a PNG data URL (error correction M survives a creased or smudged receipt). */
export function trackingQrDataUrl(url: string): Promise<string> {
  return QRCode.toDataURL(url, { errorCorrectionLevel: 'M', margin: 1, width: 240 });
}

export async function receiptDocument(form: FormDescriptor, data: ParsedFormDataOf<'receipt'>): Promise<TDocumentDefinitions> {
  const g = pageGeometry(form);
  const qrSize = form.pageSize === 'A5' ? 54 : 78;
  const qr = await trackingQrDataUrl(data.trackingUrl);
  const deskName = deskNameFor(form.set, data.agency);
  const tracking = new URL(data.trackingUrl);
  const a = data.applicant;

  const titleBlock: Content = {
    columns: [
      {
        width: '*',
        stack: [
          { text: 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ', bold: true, fontSize: g.fontSize + 2, alignment: 'center', margin: [0, qrSize / 5, 0, 3] },
          { text: [{ text: 'Mã hồ sơ: ' }, { text: data.code, bold: true }], alignment: 'center' },
        ],
      },
      {
        width: qrSize + 10,
        stack: [
          { image: qr, width: qrSize, alignment: 'center' },
          data.trackingSecret ? { text: `Mã tra cứu: ${data.trackingSecret}`, fontSize: g.fontSize - 2.5, alignment: 'center' } : { text: '' },
        ],
      },
    ],
    columnGap: 6,
    margin: [0, g.fontSize * 0.4, 0, g.fontSize * 0.3],
  };

  const documentRows = data.documents.map((doc, i) => [
    { text: String(i + 1), alignment: 'center' as const },
    { text: doc.note ? [doc.name, { text: ` (${doc.note})`, italics: true }] : doc.name },
    { text: doc.originals ? twoDigits(doc.originals) : '', alignment: 'center' as const },
    { text: doc.copies ? twoDigits(doc.copies) : '', alignment: 'center' as const },
  ]);
  const feeText = data.fee ? (data.fee.amount > 0 ? `${formatMoney(data.fee.amount)}; hình thức nộp: ${data.fee.method}` : `Miễn thu; ${data.fee.method}`) : 'Không thu';

  const content: Content[] = [
    formNumberLine(g, form),
    nationalHeading(g, data.agency, { deskName, documentNumber: data.documentNumber, dated: data.issuedAt }),
    titleBlock,
    { text: `${deskPhrase(form.set, data.agency)} tiếp nhận hồ sơ của:`, margin: [0, 0, 0, 2] },
    labelled('Ông/Bà', a.name, { boldValue: true }),
    ...(a.organisation ? [labelled('Đại diện cho tổ chức', a.organisation)] : []),
    labelledRow([
      ['Số định danh cá nhân', a.idNumber],
      ['Số điện thoại', a.phone],
    ]),
    labelled('Địa chỉ', a.address),
    labelled('Thư điện tử', a.email),
    labelled('Nội dung yêu cầu giải quyết', data.request),
    { text: '1. Thành phần hồ sơ nộp gồm:', margin: [0, 3, 0, 0] },
    grid(
      g,
      [['TT', 'Tên giấy tờ', 'Bản chính', 'Bản sao']],
      documentRows.length > 0 ? documentRows : [[{ text: '', colSpan: 4 }, '', '', '']],
      [16, '*', 42, 42],
    ),
    labelled('2. Số lượng hồ sơ', `${twoDigits(data.sets)} bộ`),
    labelled('3. Thời gian giải quyết hồ sơ theo quy định', durationText(data.legalTime)),
    labelled('4. Thời gian nhận hồ sơ', timeAndDate(data.receivedAt)),
    labelled('5. Thời gian trả kết quả giải quyết hồ sơ', timeAndDate(data.appointmentAt), { boldValue: true }),
    labelled('6. Phí, lệ phí', feeText),
    labelled('7. Nơi nhận kết quả', data.resultDelivery),
  ];
  if (data.bookEntry) {
    content.push({ text: `Vào Sổ theo dõi hồ sơ, Quyển số: ${data.bookEntry.book}, Số thứ tự: ${data.bookEntry.entry}.`, italics: true, margin: [0, 2, 0, 0] });
  }
  content.push(
    signatures(g, [
      { title: 'Người nộp hồ sơ', name: a.name },
      { title: data.receivedBy.title, name: data.receivedBy.name },
    ]),
  );
  const note = `Tra cứu tình trạng hồ sơ: quét mã QR hoặc truy cập ${tracking.origin}${tracking.pathname}, nhập mã hồ sơ${data.trackingSecret ? ' và mã tra cứu' : ''}. Khi nhận kết quả, vui lòng mang theo Giấy này.`;
  return formDocument(g, form, data.code, content, { note });
}
