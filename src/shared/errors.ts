/**
 * Stable error codes with their Vietnamese messages. The API answers
 * `{ "error": { "code", "message", "details" } }`; the web app shows `message` as is.
 */
export const ErrorCode = {
  VALIDATION_FAILED: 'VALIDATION_FAILED',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  CSRF_INVALID: 'CSRF_INVALID',
  RATE_LIMITED: 'RATE_LIMITED',
  INVALID_CREDENTIALS: 'INVALID_CREDENTIALS',
  ACCOUNT_LOCKED: 'ACCOUNT_LOCKED',
  ACCOUNT_DISABLED: 'ACCOUNT_DISABLED',
  ID_NUMBER_TAKEN: 'ID_NUMBER_TAKEN',
  EMAIL_TAKEN: 'EMAIL_TAKEN',
  USERNAME_TAKEN: 'USERNAME_TAKEN',
  RESET_TOKEN_INVALID: 'RESET_TOKEN_INVALID',
  IDEMPOTENCY_KEY_REUSED: 'IDEMPOTENCY_KEY_REUSED',
  ACTION_NOT_ALLOWED: 'ACTION_NOT_ALLOWED',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  UNSUPPORTED_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  IMPORT_REJECTED: 'IMPORT_REJECTED',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  UNIT_KEY_TAKEN: 'UNIT_KEY_TAKEN',
  UNIT_CODE_TAKEN: 'UNIT_CODE_TAKEN',
  UNIT_PARENT_INVALID: 'UNIT_PARENT_INVALID',
  UNIT_DATE_INVALID: 'UNIT_DATE_INVALID',
  UNIT_HAS_CHILDREN: 'UNIT_HAS_CHILDREN',
  AGENCY_KEY_TAKEN: 'AGENCY_KEY_TAKEN',
  AGENCY_IDENTIFIER_TAKEN: 'AGENCY_IDENTIFIER_TAKEN',
  AGENCY_PARENT_INVALID: 'AGENCY_PARENT_INVALID',
  AGENCY_UNIT_INVALID: 'AGENCY_UNIT_INVALID',
  AGENCY_HAS_ACTIVE_CHILDREN: 'AGENCY_HAS_ACTIVE_CHILDREN',
  DEPARTMENT_KEY_TAKEN: 'DEPARTMENT_KEY_TAKEN',
  ONE_STOP_DESK_EXISTS: 'ONE_STOP_DESK_EXISTS',
  INTERNAL: 'INTERNAL',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export const errorMessages: Record<ErrorCode, string> = {
  VALIDATION_FAILED: 'Dữ liệu không hợp lệ',
  UNAUTHENTICATED: 'Vui lòng đăng nhập để tiếp tục',
  FORBIDDEN: 'Bạn không có quyền thực hiện thao tác này',
  NOT_FOUND: 'Không tìm thấy dữ liệu yêu cầu',
  CONFLICT: 'Dữ liệu đã bị thay đổi hoặc trùng lặp',
  CSRF_INVALID: 'Phiên làm việc không hợp lệ, vui lòng tải lại trang',
  RATE_LIMITED: 'Bạn thao tác quá nhanh, vui lòng thử lại sau ít phút',
  INVALID_CREDENTIALS: 'Tên đăng nhập hoặc mật khẩu không đúng',
  ACCOUNT_LOCKED: 'Tài khoản tạm khóa do đăng nhập sai nhiều lần, vui lòng thử lại sau',
  ACCOUNT_DISABLED: 'Tài khoản đã bị vô hiệu hóa',
  ID_NUMBER_TAKEN: 'Số định danh cá nhân đã được đăng ký',
  EMAIL_TAKEN: 'Địa chỉ thư điện tử đã được sử dụng',
  USERNAME_TAKEN: 'Tên đăng nhập đã được sử dụng',
  RESET_TOKEN_INVALID: 'Liên kết đặt lại mật khẩu không hợp lệ hoặc đã hết hạn',
  IDEMPOTENCY_KEY_REUSED: 'Khóa Idempotency-Key đã được dùng cho một yêu cầu khác',
  ACTION_NOT_ALLOWED: 'Thao tác không được phép ở trạng thái hiện tại',
  PAYLOAD_TOO_LARGE: 'Tệp hoặc dữ liệu gửi lên vượt quá dung lượng cho phép',
  UNSUPPORTED_MEDIA_TYPE: 'Định dạng tệp không được hỗ trợ',
  IMPORT_REJECTED: 'Tệp nhập có lỗi, không có dữ liệu nào được ghi',
  SERVICE_UNAVAILABLE: 'Hệ thống tạm thời không sẵn sàng',
  UNIT_KEY_TAKEN: 'Mã khóa đơn vị hành chính đã được dùng cho một đơn vị khác',
  UNIT_CODE_TAKEN: 'Mã đơn vị hành chính đã được dùng cho một đơn vị khác trong cùng thời gian',
  UNIT_PARENT_INVALID: 'Đơn vị cấp trên không phù hợp hoặc không còn hiệu lực vào ngày này',
  UNIT_DATE_INVALID: 'Ngày hiệu lực không phù hợp với lịch sử của đơn vị hành chính',
  UNIT_HAS_CHILDREN: 'Đơn vị còn đơn vị trực thuộc; cần chuyển các đơn vị này sang đơn vị khác',
  AGENCY_KEY_TAKEN: 'Mã khóa cơ quan đã được sử dụng',
  AGENCY_IDENTIFIER_TAKEN: 'Mã định danh điện tử đã được cấp cho cơ quan khác',
  AGENCY_PARENT_INVALID: 'Cơ quan cấp trên không phù hợp',
  AGENCY_UNIT_INVALID: 'Đơn vị hành chính của cơ quan không phù hợp',
  AGENCY_HAS_ACTIVE_CHILDREN: 'Cơ quan còn cơ quan trực thuộc đang hoạt động sau ngày kết thúc',
  DEPARTMENT_KEY_TAKEN: 'Mã khóa phòng, ban đã được sử dụng trong cơ quan',
  ONE_STOP_DESK_EXISTS: 'Cơ quan đã có Bộ phận Một cửa',
  INTERNAL: 'Đã có lỗi xảy ra, vui lòng thử lại sau',
};

export const errorStatus: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  CSRF_INVALID: 403,
  RATE_LIMITED: 429,
  INVALID_CREDENTIALS: 401,
  ACCOUNT_LOCKED: 423,
  ACCOUNT_DISABLED: 403,
  ID_NUMBER_TAKEN: 409,
  EMAIL_TAKEN: 409,
  USERNAME_TAKEN: 409,
  RESET_TOKEN_INVALID: 400,
  IDEMPOTENCY_KEY_REUSED: 422,
  ACTION_NOT_ALLOWED: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  IMPORT_REJECTED: 422,
  SERVICE_UNAVAILABLE: 503,
  UNIT_KEY_TAKEN: 409,
  UNIT_CODE_TAKEN: 409,
  UNIT_PARENT_INVALID: 422,
  UNIT_DATE_INVALID: 422,
  UNIT_HAS_CHILDREN: 409,
  AGENCY_KEY_TAKEN: 409,
  AGENCY_IDENTIFIER_TAKEN: 409,
  AGENCY_PARENT_INVALID: 422,
  AGENCY_UNIT_INVALID: 422,
  AGENCY_HAS_ACTIVE_CHILDREN: 409,
  DEPARTMENT_KEY_TAKEN: 409,
  ONE_STOP_DESK_EXISTS: 409,
  INTERNAL: 500,
};

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

/** A domain error with a stable code; the message defaults to the Vietnamese text for the code. */
export class AppError extends Error {
  readonly code: string;
  readonly status: number;
  readonly details?: unknown;
  constructor(code: ErrorCode | string, options: { message?: string; details?: unknown; status?: number } = {}) {
    super(options.message ?? errorMessages[code as ErrorCode] ?? code);
    this.code = code;
    this.status = options.status ?? errorStatus[code as ErrorCode] ?? 400;
    this.details = options.details;
  }
}
