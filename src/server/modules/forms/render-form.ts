/**
 * Form registry: `renderForm(set, formNo, data)` finds the versioned template, validates the data against the
 * form's schema and renders the PDF. Renderers are pure: data in, PDF bytes out, no database.
 */
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { AppError } from '../../../shared/errors';
import {
  FormDataSchemas,
  findForm,
  findFormByKind,
  selectFormSet,
  type FormDataOf,
  type FormDescriptor,
  type FormKind,
  type FormSet,
  type ParsedFormDataOf,
} from '../../../shared/schemas/forms';
import { fromLocal } from '../../../shared/calendar';
import { renderPdf } from './pdf/pdf-engine';
import { apologyDocument } from './templates/apology';
import { processControlDocument } from './templates/process-control';
import { receiptDocument } from './templates/receipt';
import { refusalDocument } from './templates/refusal';
import { stopNoticeDocument } from './templates/stop-notice';
import { supplementDocument } from './templates/supplement';
import { trackingBookDocument } from './templates/tracking-book';

type Template<K extends FormKind> = (form: FormDescriptor, data: ParsedFormDataOf<K>) => TDocumentDefinitions | Promise<TDocumentDefinitions>;

const TEMPLATES: { [K in FormKind]: Template<K> } = {
  receipt: receiptDocument,
  supplement: supplementDocument,
  refusal: refusalDocument,
  apology: apologyDocument,
  stop_notice: stopNoticeDocument,
  process_control: processControlDocument,
  tracking_book: trackingBookDocument,
};

/** Form numbers of each set and what they are. */
export interface FormNumbers {
  '2018': { '01': 'receipt'; '02': 'supplement'; '03': 'refusal'; '04': 'apology'; '05': 'process_control'; '06': 'tracking_book' };
  '2025': { '01': 'receipt'; '02': 'supplement'; '03': 'refusal'; '04': 'apology'; '05': 'stop_notice'; '06': 'process_control'; '07': 'tracking_book' };
}

async function renderDescribed<K extends FormKind>(form: FormDescriptor, data: unknown): Promise<Buffer> {
  const parsed = FormDataSchemas[form.kind as K].safeParse(data);
  if (!parsed.success) {
    throw new AppError('VALIDATION_FAILED', {
      message: `Dữ liệu của mẫu số ${form.formNo} không hợp lệ`,
      details: { fields: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) },
    });
  }
  const template = TEMPLATES[form.kind as K];
  return renderPdf(await template(form, parsed.data as ParsedFormDataOf<K>));
}

/** Renders form `formNo` of `set`; the data type follows from the pair (e.g. '2018' + '05' is the control sheet). */
export function renderForm<S extends FormSet, N extends keyof FormNumbers[S] & string>(
  set: S,
  formNo: N,
  data: FormDataOf<FormNumbers[S][N] & FormKind>,
): Promise<Buffer> {
  return renderFormUnchecked(set, formNo, data);
}

/** The same for a set and number known only at run time (a route parameter); unknown pairs are NOT_FOUND. */
export function renderFormUnchecked(set: FormSet, formNo: string, data: unknown): Promise<Buffer> {
  const form = findForm(set, formNo);
  if (!form) throw new AppError('NOT_FOUND', { message: `Bộ biểu mẫu ${set} không có mẫu số ${formNo}` });
  return renderDescribed(form, data);
}

/** Renders the form of a kind in `set` (each kind has one number per set). */
export function renderFormOfKind<K extends FormKind>(set: FormSet, kind: K, data: FormDataOf<K>): Promise<Buffer> {
  const form = findFormByKind(set, kind);
  if (!form) throw new AppError('NOT_FOUND', { message: `Bộ biểu mẫu ${set} không có mẫu này` });
  return renderDescribed(form, data);
}

const setOf = (receivedAt: Date | string) => selectFormSet(receivedAt);

/** Giấy tiếp nhận hồ sơ và hẹn trả kết quả; the set follows the receipt instant unless given. */
export const renderReceipt = (data: FormDataOf<'receipt'>, set: FormSet = setOf(data.receivedAt)) => renderFormOfKind(set, 'receipt', data);
/** Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ. */
export const renderSupplement = (set: FormSet, data: FormDataOf<'supplement'>) => renderFormOfKind(set, 'supplement', data);
/** Phiếu từ chối tiếp nhận giải quyết hồ sơ. */
export const renderRefusal = (set: FormSet, data: FormDataOf<'refusal'>) => renderFormOfKind(set, 'refusal', data);
/** Xin lỗi và hẹn lại ngày trả kết quả / đề nghị gia hạn; the set follows the receipt instant unless given. */
export const renderApology = (data: FormDataOf<'apology'>, set: FormSet = setOf(data.receivedAt)) => renderFormOfKind(set, 'apology', data);
/** Thông báo dừng giải quyết hồ sơ: only the 2025 set has it (NĐ 118/2025 Điều 21). */
export const renderStopNotice = (data: FormDataOf<'stop_notice'>) => renderFormOfKind('2025', 'stop_notice', data);
/** Phiếu kiểm soát quá trình giải quyết hồ sơ; the set follows the receipt instant unless given. */
export const renderProcessControl = (data: FormDataOf<'process_control'>, set: FormSet = setOf(data.receivedAt)) =>
  renderFormOfKind(set, 'process_control', data);

/** The set a tracking book is printed in: the one in force on the first day of its period. */
export function trackingBookFormSet(period: { from: string }): FormSet {
  return selectFormSet(fromLocal(period.from));
}

/** Sổ theo dõi hồ sơ as PDF. */
export const renderTrackingBook = (data: FormDataOf<'tracking_book'>, set: FormSet = trackingBookFormSet(data.period)) =>
  renderFormOfKind(set, 'tracking_book', data);
