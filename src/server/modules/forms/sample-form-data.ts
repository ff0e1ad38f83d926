/**
 * Realistic data for every form, for tests and previews: a birth-registration dossier at a commune and a land
 * dossier with an inter-agency hand-off. `receivedAt` decides which set applies.
 */
import { fromLocal } from '../../../shared/calendar';
import type { FormDataOf } from '../../../shared/schemas/forms';

export interface SampleOptions {
  /** Local receipt date, YYYY-MM-DD. */
  receivedOn: string;
  code?: string;
}

export function sampleForms(options: SampleOptions) {
  const { receivedOn } = options;
  const code = options.code ?? `000.00.06.H56-${receivedOn.slice(2, 4)}${receivedOn.slice(5, 7)}${receivedOn.slice(8, 10)}-0361`;
  const receivedAt = fromLocal(receivedOn, '08:15');
  const dueAt = new Date(receivedAt.getTime() + 7 * 86_400_000);
  const agency = {
    parentName: 'UBND tỉnh Hậu Giang',
    name: 'Sở Tài nguyên và Môi trường',
    deskName: null,
    place: 'Vị Thanh',
    phone: '0293 3876 543',
  };
  const applicant = {
    name: 'Nguyễn Thị Hồng Nhung',
    organisation: null,
    idNumber: '093190001234',
    address: 'Số 12 đường Trần Hưng Đạo, phường 5, thành phố Vị Thanh, tỉnh Hậu Giang',
    phone: '0912345678',
    email: 'hongnhung@example.vn',
  };
  const request = 'Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất do chuyển nhượng';
  const base = { agency, code, applicant, request, issuedAt: receivedAt, documentNumber: null };

  const receipt: FormDataOf<'receipt'> = {
    ...base,
    documentNumber: '361/TNHS',
    trackingUrl: `http://localhost:3000/tra-cuu?ma=${encodeURIComponent(code)}&s=K7Q2M9`,
    trackingSecret: 'K7Q2M9',
    documents: [
      { name: 'Đơn đăng ký biến động đất đai, tài sản gắn liền với đất (Mẫu số 09/ĐK)', originals: 1, copies: 0 },
      { name: 'Hợp đồng chuyển nhượng quyền sử dụng đất đã công chứng', originals: 1, copies: 0 },
      { name: 'Giấy chứng nhận quyền sử dụng đất đã cấp', originals: 1, copies: 0 },
      { name: 'Căn cước công dân của bên nhận chuyển nhượng', originals: 0, copies: 1, note: 'bản sao có chứng thực' },
    ],
    sets: 1,
    legalTime: { value: 10, unit: 'working_days' },
    receivedAt,
    appointmentAt: dueAt,
    fee: { amount: 150_000, method: 'nộp trực tiếp tại Bộ phận Một cửa hoặc trực tuyến' },
    resultDelivery: 'Tại Bộ phận Một cửa Sở Tài nguyên và Môi trường',
    bookEntry: { book: '02', entry: '361' },
    receivedBy: { title: 'Người tiếp nhận hồ sơ', name: 'Trần Văn Đức' },
  };
  const supplement: FormDataOf<'supplement'> = {
    ...base,
    receivedAt,
    items: [
      { name: 'Hợp đồng chuyển nhượng quyền sử dụng đất', requirement: 'Thiếu chữ ký của đồng sở hữu là ông Lê Văn Bình' },
      { name: 'Sơ đồ thửa đất', requirement: 'Bổ sung bản trích đo địa chính có xác nhận của Văn phòng đăng ký đất đai' },
    ],
    reasons: 'Hồ sơ chưa đủ thành phần theo quy định tại Quyết định công bố thủ tục hành chính của Chủ tịch UBND tỉnh.',
    contact: { name: 'Trần Văn Đức', phone: '0293 3876 543' },
    officer: { title: 'Người hướng dẫn', name: 'Trần Văn Đức' },
  };
  const refusal: FormDataOf<'refusal'> = {
    ...base,
    receivedAt,
    reasons: ['Thửa đất đang có tranh chấp, đã được Tòa án nhân dân thành phố Vị Thanh thụ lý.', 'Thửa đất đang bị kê biên để bảo đảm thi hành án.'],
    officer: { title: 'Người tiếp nhận hồ sơ', name: 'Trần Văn Đức' },
  };
  const apology: FormDataOf<'apology'> = {
    ...base,
    documentNumber: '125/STNMT-VPĐK',
    issuedAt: new Date(dueAt.getTime() - 86_400_000),
    lateAgencyName: 'Văn phòng Đăng ký đất đai',
    receivedAt,
    originalDueAt: dueAt,
    reason: 'cần xác minh thêm nguồn gốc sử dụng đất tại Ủy ban nhân dân phường 5.',
    newDueAt: new Date(dueAt.getTime() + 5 * 86_400_000),
    signer: { title: 'KT. Giám đốc\nPhó Giám đốc', name: 'Lê Minh Khải' },
    recipients: ['Bộ phận Một cửa'],
  };
  const stopNotice: FormDataOf<'stop_notice'> = {
    ...base,
    documentNumber: '130/TB-STNMT',
    issuedAt: new Date(receivedAt.getTime() + 3 * 86_400_000),
    receivedAt,
    requestedAt: new Date(receivedAt.getTime() + 2 * 86_400_000),
    reason: 'các bên thỏa thuận hủy hợp đồng chuyển nhượng.',
    returned: 'Trả lại bản chính Giấy chứng nhận quyền sử dụng đất; lệ phí đã nộp không hoàn trả.',
    signer: { title: 'KT. Giám đốc\nPhó Giám đốc', name: 'Lê Minh Khải' },
    recipients: ['Bộ phận Một cửa'],
  };
  const processControl: FormDataOf<'process_control'> = {
    agency,
    code,
    applicant,
    request,
    receivedAt,
    dueAt,
    leadAgencyName: 'Văn phòng Đăng ký đất đai',
    coordinatingAgencyNames: ['Chi cục Thuế khu vực Vị Thanh - Vị Thủy'],
    handoffs: [
      { fromName: 'Bộ phận Một cửa', toName: 'Văn phòng Đăng ký đất đai', at: new Date(receivedAt.getTime() + 2 * 3_600_000), deliveredBy: 'Trần Văn Đức', receivedBy: 'Phạm Thị Lan', result: 'early' },
      { fromName: 'Văn phòng Đăng ký đất đai', toName: 'Chi cục Thuế khu vực Vị Thanh - Vị Thủy', at: new Date(receivedAt.getTime() + 2 * 86_400_000), deliveredBy: 'Phạm Thị Lan', receivedBy: 'Huỳnh Văn Tâm', result: 'on_time', note: 'Xác định nghĩa vụ tài chính' },
    ],
    blankRows: 2,
  };
  const trackingBook: FormDataOf<'tracking_book'> = {
    agency,
    period: { from: receivedOn.slice(0, 8) + '01', to: receivedOn },
    issuedAt: receivedAt,
    rows: [
      {
        code,
        procedureName: request,
        sets: 1,
        applicantName: applicant.name,
        address: applicant.address,
        phone: applicant.phone,
        leadAgencyName: 'Văn phòng Đăng ký đất đai',
        receivedAt,
        dueAt,
        forwardedAt: new Date(receivedAt.getTime() + 2 * 3_600_000),
        resultAt: new Date(dueAt.getTime() - 86_400_000),
        returnedAt: dueAt,
        collectedBy: 'Nguyễn Thị Hồng Nhung',
      },
      {
        code: code.replace(/-\d{4}$/, '-0362'),
        procedureName: 'Cấp đổi Giấy chứng nhận quyền sử dụng đất',
        sets: 1,
        applicantName: 'Công ty TNHH Phát Đạt',
        address: 'Khu công nghiệp Tân Phú Thạnh, huyện Châu Thành A',
        phone: '0293 3953 111',
        leadAgencyName: 'Văn phòng Đăng ký đất đai',
        receivedAt: new Date(receivedAt.getTime() + 3_600_000),
        dueAt: new Date(dueAt.getTime() + 86_400_000),
      },
    ],
  };
  return { receipt, supplement, refusal, apology, stopNotice, processControl, trackingBook };
}
