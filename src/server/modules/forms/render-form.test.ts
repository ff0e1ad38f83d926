import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { FORM_CATALOG, FORM_SET_2025_FROM, selectFormSet, type FormSet } from '../../../shared/schemas/forms';
import { extractPdfText, hasPdftotext, inspectPdf } from './pdf/pdf-inspection';
import { renderForm, renderFormUnchecked, renderReceipt, renderTrackingBook, trackingBookFormSet } from './render-form';
import { sampleForms } from './sample-form-data';
import { trackingQrDataUrl } from './templates/receipt';

const A4 = [595.28, 841.89];
const A5 = [419.53, 595.28];

/** A dossier received on 05/03/2021 (2018 set) and one received on 05/03/2026 (2025 set). */
const samples = {
  '2018': { data: sampleForms({ receivedOn: '2021-03-05' }), received: '05/03/2021', due: '12/03/2021', circular: '01/2018/TT-VPCP' },
  '2025': { data: sampleForms({ receivedOn: '2026-03-05' }), received: '05/03/2026', due: '12/03/2026', circular: '03/2025/TT-VPCP' },
} as const;

function dataFor(set: FormSet, kind: string): unknown {
  const d = samples[set].data;
  const byKind: Record<string, unknown> = {
    receipt: d.receipt,
    supplement: d.supplement,
    refusal: d.refusal,
    apology: d.apology,
    stop_notice: d.stopNotice,
    process_control: d.processControl,
    tracking_book: d.trackingBook,
  };
  return byKind[kind];
}

/** Text every form of the kind must show, besides the heading, the form number and the dossier's identity. */
function expectedText(set: FormSet, kind: string): string[] {
  const s = samples[set];
  const d = s.data;
  switch (kind) {
    case 'receipt':
      return [
        'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
        `Số định danh cá nhân: ${d.receipt.applicant.idNumber}`,
        `Số điện thoại: ${d.receipt.applicant.phone}`,
        `Thư điện tử: ${d.receipt.applicant.email}`,
        `Địa chỉ: ${d.receipt.applicant.address}`,
        'Hợp đồng chuyển nhượng quyền sử dụng đất đã công chứng',
        'Bản chính',
        'Bản sao',
        'bản sao có chứng thực',
        'Số lượng hồ sơ: 01 bộ',
        'Thời gian giải quyết hồ sơ theo quy định: 10 ngày làm việc',
        `Thời gian nhận hồ sơ: 08 giờ 15 phút, ngày ${s.received}`,
        `Thời gian trả kết quả giải quyết hồ sơ: 08 giờ 15 phút, ngày ${s.due}`,
        'Phí, lệ phí: 150.000 đ',
        'Nơi nhận kết quả: Tại Bộ phận Một cửa Sở Tài nguyên và Môi trường',
        'Mã tra cứu: K7Q2M9',
        'NGƯỜI NỘP HỒ SƠ',
        'NGƯỜI TIẾP NHẬN HỒ SƠ',
        'Trần Văn Đức',
        'Vị Thanh, ngày 05 tháng 3 năm',
      ];
    case 'supplement':
      return [
        'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ',
        'Thiếu chữ ký của đồng sở hữu là ông Lê Văn Bình',
        'Bổ sung bản trích đo địa chính',
        'Lý do: Hồ sơ chưa đủ thành phần',
        'Trần Văn Đức, số điện thoại 0293 3876 543',
        `ngày ${s.received}`,
      ];
    case 'refusal':
      return ['PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ', 'Thửa đất đang có tranh chấp', 'Thửa đất đang bị kê biên', `ngày ${s.received}`];
    case 'apology':
      return [
        set === '2018' ? 'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ' : 'VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT',
        'Kính gửi: Nguyễn Thị Hồng Nhung',
        'cần xác minh thêm nguồn gốc sử dụng đất',
        `Thời hạn trả kết quả theo quy định: 08 giờ 15 phút, ngày ${s.due}`,
        `08 giờ 15 phút, ngày 17/03/${s.due.slice(6)}`,
        'Văn phòng Đăng ký đất đai',
        'Lê Minh Khải',
        'Nơi nhận:',
      ];
    case 'stop_notice':
      return ['THÔNG BÁO', 'Về việc dừng giải quyết hồ sơ thủ tục hành chính', 'các bên thỏa thuận hủy hợp đồng chuyển nhượng', 'Điều 21 Nghị định số 118/2025/NĐ-CP', 'Trả lại bản chính Giấy chứng nhận'];
    case 'process_control':
      return [
        'PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ',
        'Kèm theo hồ sơ của: Nguyễn Thị Hồng Nhung',
        'Giao: Bộ phận Một cửa',
        'Nhận: Văn phòng Đăng ký đất đai',
        'Chi cục Thuế khu vực Vị Thanh - Vị Thủy',
        `10 giờ 15 phút, ngày ${s.received}`,
        'Người giao',
        'Người nhận',
        'Phạm Thị Lan',
        'Trước hạn',
        'Đúng hạn',
        'Xác định nghĩa vụ tài chính',
      ];
    case 'tracking_book':
      return [
        'SỔ THEO DÕI HỒ SƠ',
        `Từ ngày 01/03/${s.due.slice(6)} đến ngày ${s.received}`,
        'Tên thủ tục hành chính',
        'Ngày, tháng, năm',
        'Công ty TNHH Phát Đạt',
        d.trackingBook.rows[1]!.code,
        s.received,
      ];
    default:
      throw new Error(`no expectation for ${kind}`);
  }
}

describe('selectFormSet', () => {
  it('gives the TT 01/2018 set to a 2021 dossier and the TT 03/2025 set to a 2026 dossier', () => {
    expect(selectFormSet(samples['2018'].data.receipt.receivedAt)).toBe('2018');
    expect(selectFormSet(samples['2025'].data.receipt.receivedAt)).toBe('2025');
  });

  it('switches at 00:00 on 15/09/2025 Vietnam time', () => {
    expect(selectFormSet('2025-09-14T23:59:59+07:00')).toBe('2018');
    expect(selectFormSet('2025-09-15T00:00:00+07:00')).toBe('2025');
    expect(FORM_SET_2025_FROM.toISOString()).toBe('2025-09-14T17:00:00.000Z');
  });

  it('prints a tracking book in the set in force on the first day of its period', () => {
    expect(trackingBookFormSet({ from: '2025-09-14' })).toBe('2018');
    expect(trackingBookFormSet({ from: '2025-09-15' })).toBe('2025');
  });
});

describe.each(['2018', '2025'] as const)('forms of the %s set', (set) => {
  it.each(FORM_CATALOG[set].map((f) => [f.formNo, f.kind, f] as const))('Mẫu số %s (%s) renders a valid, filled-in PDF', async (formNo, kind, form) => {
    const pdf = await renderFormUnchecked(set, formNo, dataFor(set, kind));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const structure = inspectPdf(pdf);
    expect(structure.pageCount).toBe(1);
    const paper = form.pageSize === 'A5' ? A5 : A4;
    const expectedBox = form.orientation === 'landscape' ? [paper[1], paper[0]] : paper;
    expect(structure.mediaBoxes).toEqual([expectedBox]);
    expect(structure.embeddedFonts).toEqual(expect.arrayContaining(['NotoSerif-Regular', 'NotoSerif-Bold']));
    expect(structure.imageCount > 0).toBe(kind === 'receipt');

    const text = extractPdfText(pdf);
    if (text === undefined) return; // pdftotext not installed: the structure was still checked
    const s = samples[set];
    const common = ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG', 'UBND TỈNH HẬU GIANG', `Mẫu số ${formNo}`, s.circular];
    const identity = kind === 'tracking_book' ? [s.data.receipt.code, 'Nguyễn Thị Hồng Nhung'] : [`Mã hồ sơ: ${s.data.receipt.code}`, 'Nguyễn Thị Hồng Nhung'];
    for (const expected of [...common, ...identity, ...expectedText(set, kind)]) expect(text, `Mẫu số ${formNo} ${set} should show "${expected}"`).toContain(expected);
  });

  it('names the desk as the set did at the time', async () => {
    const pdf = await renderFormUnchecked(set, '03', dataFor(set, 'refusal'));
    const text = extractPdfText(pdf);
    if (text === undefined) return;
    const desk = set === '2018' ? 'BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ' : 'BỘ PHẬN MỘT CỬA';
    expect(text).toContain(desk);
  });
});

describe('renderReceipt', () => {
  it('chooses the set from the receipt instant: A5 under TT 01/2018, A4 under TT 03/2025', async () => {
    const old = await renderReceipt(samples['2018'].data.receipt);
    const current = await renderReceipt(samples['2025'].data.receipt);
    expect(inspectPdf(old).mediaBoxes).toEqual([A5]);
    expect(inspectPdf(current).mediaBoxes).toEqual([A4]);
    if (!hasPdftotext()) return;
    expect(extractPdfText(old)).toContain('01/2018/TT-VPCP');
    expect(extractPdfText(current)).toContain('03/2025/TT-VPCP');
  });

  it('encodes the public tracking address as a PNG QR code and prints where to track', async () => {
    const receipt = samples['2025'].data.receipt;
    const dataUrl = await trackingQrDataUrl(receipt.trackingUrl);
    expect(dataUrl.startsWith('data:image/png;base64,')).toBe(true);
    const png = Buffer.from(dataUrl.split(',')[1]!, 'base64');
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    const text = extractPdfText(await renderReceipt(receipt));
    if (text !== undefined) expect(text).toContain('http://localhost:3000/tra-cuu');
  });

  it('prints "Không thu" when the procedure has no fee and dotted leaders for missing contact details', async () => {
    const receipt = { ...samples['2025'].data.receipt, fee: null, applicant: { ...samples['2025'].data.receipt.applicant, email: null } };
    const text = extractPdfText(await renderReceipt(receipt));
    if (text === undefined) return;
    expect(text).toContain('Phí, lệ phí: Không thu');
    expect(text).toContain('Thư điện tử: ……');
  });

  it('continues on a second page when the document list is long, repeating the table header', async () => {
    const receipt = samples['2018'].data.receipt;
    const documents = Array.from({ length: 40 }, (_, i) => ({ name: `Giấy tờ kèm theo số ${i + 1}`, originals: 1, copies: 0 }));
    const pdf = await renderReceipt({ ...receipt, documents });
    expect(inspectPdf(pdf).pageCount).toBeGreaterThan(1);
    const text = extractPdfText(pdf);
    if (text === undefined) return;
    expect(text).toContain('Giấy tờ kèm theo số 40');
    expect(text.split('Tên giấy tờ').length - 1).toBe(inspectPdf(pdf).pageCount);
  });
});

describe('renderForm', () => {
  it('rejects data that does not fit the form, naming the field', async () => {
    const bad = { ...samples['2018'].data.refusal, reasons: [] };
    const error = await renderForm('2018', '03', bad).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify((error as AppError).details)).toContain('reasons');
  });

  it('answers NOT_FOUND for a form the set does not have (the 2018 set has no stop notice)', async () => {
    expect(() => renderFormUnchecked('2018', '07', {})).toThrow(AppError);
    const stop = samples['2025'].data.stopNotice;
    await expect(renderForm('2025', '05', stop)).resolves.toBeInstanceOf(Buffer);
  });

  it('prints an empty tracking book with its headers', async () => {
    const book = { ...samples['2018'].data.trackingBook, rows: [] };
    const pdf = await renderTrackingBook(book);
    const text = extractPdfText(pdf);
    if (text === undefined) return;
    expect(text).toContain('Mẫu số 06');
    expect(text).toContain('Không có hồ sơ nào trong kỳ.');
  });
});
