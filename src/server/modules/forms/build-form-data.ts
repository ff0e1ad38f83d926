/**
 * From a dossier to the data of one of its forms: the set follows the receipt instant (`selectFormSet`), the
 * heading comes from the receiving desk's agency (desk forms) or the competent agency (letters), and each notice
 * reads the action of the log that it documents (the supplement request, the refusal, the apology, the stop).
 */
import { AppError } from '../../../shared/errors';
import { classifyOutcome } from '../../../shared/calendar';
import { deliveryMethodLabels, type DeliveryMethod } from '../../../shared/schemas/dossiers';
import { findForm, selectFormSet, type FormDataOf, type FormDescriptor, type FormKind, type FormSet } from '../../../shared/schemas/forms';
import type { Executor } from '../../db/client';
import { getDossierPaymentState } from '../payments/payment-state';
import { findFormDossier, type FormActionRow, type FormDossier } from './form-data.queries';

export interface BuildFormOptions {
  publicUrl: string;
  /** The receipt's tracking secret, when the caller has it (at intake, or typed back by the officer). */
  trackingSecret?: string | null;
  now?: Date;
}

export type BuiltForm = { [K in FormKind]: { form: FormDescriptor & { kind: K }; data: FormDataOf<K> } }[FormKind];

const notAvailable = (message: string) => new AppError('FORM_NOT_AVAILABLE', { message });

/** The public tracking address printed as a QR code on the receipt. */
export function trackingUrlFor(publicUrl: string, code: string, secret?: string | null): string {
  const url = new URL('/tra-cuu', publicUrl);
  url.searchParams.set('ma', code);
  if (secret) url.searchParams.set('s', secret);
  return url.toString();
}

const lastAction = (d: FormDossier, action: string): FormActionRow | undefined => [...d.actions].reverse().find((a) => a.action === action);

function applicantOf(d: FormDossier) {
  const r = d.row;
  return { name: r.applicantName, organisation: r.organisationName, idNumber: r.applicantIdNumber, address: r.applicantAddress, phone: r.applicantPhone, email: r.applicantEmail };
}

function baseOf(d: FormDossier, heading: 'receiving' | 'competent', issuedAt: Date) {
  return { agency: d[heading], documentNumber: null, issuedAt, code: d.row.code, applicant: applicantOf(d), request: d.row.procedure.name };
}

function receivedAtOf(d: FormDossier): Date {
  return d.row.receivedAt ?? d.row.submittedAt;
}

async function receiptData(executor: Executor, d: FormDossier, options: BuildFormOptions): Promise<FormDataOf<'receipt'>> {
  const r = d.row;
  if (!r.receivedAt) throw notAvailable('Hồ sơ trực tuyến chưa được tiếp nhận: chưa lập Giấy tiếp nhận và hẹn trả kết quả');
  const appointmentAt = r.originalDueAt ?? r.dueAt;
  if (!appointmentAt) throw notAvailable('Hồ sơ chưa có thời hạn trả kết quả');
  const payment = await getDossierPaymentState(executor, r.id);
  const desk = payment.payments.find((p) => p.status === 'paid' && p.method === 'desk');
  const method =
    payment.state === 'paid'
      ? desk
        ? `đã nộp tại Bộ phận Một cửa, biên lai số ${desk.receiptNumber}`
        : 'đã thanh toán trực tuyến'
      : 'nộp tại Bộ phận Một cửa hoặc thanh toán trực tuyến';
  const delivery = deliveryMethodLabels[r.deliveryMethod as DeliveryMethod] ?? r.deliveryMethod;
  return {
    ...baseOf(d, 'receiving', r.receivedAt),
    trackingUrl: trackingUrlFor(options.publicUrl, r.code, options.trackingSecret),
    trackingSecret: options.trackingSecret ?? null,
    documents: d.documents
      .filter((doc) => doc.kind === 'application')
      .map((doc) => ({ name: doc.name, originals: doc.originals, copies: doc.copies, note: doc.fileId && !doc.originals && !doc.copies ? 'bản điện tử' : null })),
    sets: r.procedure.sets || 1,
    legalTime: r.procedure.time,
    receivedAt: r.receivedAt,
    appointmentAt,
    fee: payment.amountDue > 0 ? { amount: payment.amountDue, method } : null,
    resultDelivery: r.deliveryMethod === 'post' && r.deliveryAddress ? `${delivery}: ${r.deliveryAddress}` : delivery === deliveryMethodLabels.at_desk ? `${delivery} ${d.receiving.name}` : delivery,
    receivedBy: { title: 'Người tiếp nhận hồ sơ', name: d.receivedByName },
  };
}

function supplementData(d: FormDossier): FormDataOf<'supplement'> {
  const action = lastAction(d, 'request_supplement');
  if (!action) throw notAvailable('Hồ sơ chưa có yêu cầu bổ sung, hoàn thiện');
  const items = ((action.payload as { items?: { name: string; reason: string }[] }).items ?? []).map((i) => ({ name: i.name, requirement: i.reason }));
  return {
    ...baseOf(d, 'receiving', action.at),
    receivedAt: d.row.receivedAt,
    items: items.length > 0 ? items : [{ name: 'Thành phần hồ sơ', requirement: action.comment }],
    reasons: action.comment ?? 'Hồ sơ chưa đầy đủ, chính xác theo quy định',
    contact: action.actorName ? { name: action.actorName, phone: d.receiving.phone } : null,
    officer: { title: 'Người hướng dẫn', name: action.actorName },
  };
}

function refusalData(d: FormDossier): FormDataOf<'refusal'> {
  const action = lastAction(d, 'refuse');
  if (!action) throw notAvailable('Hồ sơ không bị từ chối tiếp nhận, giải quyết');
  const reason = (action.payload as { reason?: string | null }).reason ?? action.comment ?? '';
  return {
    ...baseOf(d, 'receiving', action.at),
    receivedAt: d.row.receivedAt,
    reasons: reason.split(/\n+/).map((s) => s.trim()).filter(Boolean),
    officer: { title: 'Người tiếp nhận hồ sơ', name: action.actorName },
  };
}

function apologyData(d: FormDossier): FormDataOf<'apology'> {
  const action = lastAction(d, 'apologise_extend');
  if (!action) throw notAvailable('Hồ sơ chưa có văn bản xin lỗi và hẹn lại ngày trả kết quả');
  const p = action.payload as { dueAt: string; previousDueAt: string; reason: string };
  return {
    ...baseOf(d, 'competent', action.at),
    receivedAt: receivedAtOf(d),
    originalDueAt: new Date(p.previousDueAt),
    newDueAt: new Date(p.dueAt),
    reason: p.reason,
    signer: { title: 'Thủ trưởng cơ quan', name: null },
    recipients: [`Bộ phận Một cửa ${d.receiving.name}`],
  };
}

function stopNoticeData(d: FormDossier): FormDataOf<'stop_notice'> {
  const action = lastAction(d, 'stop');
  if (!action) throw notAvailable('Hồ sơ không có yêu cầu dừng giải quyết');
  return {
    ...baseOf(d, 'competent', action.at),
    receivedAt: receivedAtOf(d),
    requestedAt: action.at,
    reason: (action.payload as { reason?: string | null }).reason ?? action.comment ?? 'Theo đề nghị của người nộp hồ sơ',
    returned: 'Hồ sơ giấy và phí, lệ phí (nếu có) được trả lại theo quy định của pháp luật chuyên ngành.',
    signer: { title: 'Thủ trưởng cơ quan', name: null },
    recipients: [`Bộ phận Một cửa ${d.receiving.name}`],
  };
}

/** Where the paper dossier is after an action: a step's department or label, another agency, or the desk. */
function holderAfter(d: FormDossier, a: FormActionRow, current: string): string {
  const p = a.payload as { toStep?: number | null; agencyId?: string | null; departmentId?: string | null; externalAgencyName?: string | null };
  switch (a.action) {
    case 'send_to_agency':
      return p.externalAgencyName ?? (p.agencyId ? d.names.get(p.agencyId) : undefined) ?? current;
    case 'forward':
    case 'receive_from_agency':
    case 'accept': {
      const step = p.toStep !== null && p.toStep !== undefined ? d.row.procedure.steps.find((s) => s.position === p.toStep) : undefined;
      const dept = p.departmentId ? d.names.get(p.departmentId) : undefined;
      return dept ?? step?.responsibleLabel ?? step?.name ?? current;
    }
    case 'issue':
      return `Bộ phận Một cửa ${d.receiving.name}`;
    case 'return_result':
      return (a.payload as { receiverName?: string | null }).receiverName ?? 'Người nộp hồ sơ';
    default:
      return current;
  }
}

const HANDOFF_ACTIONS = new Set(['forward', 'send_to_agency', 'receive_from_agency', 'issue', 'return_result']);

function processControlData(d: FormDossier): FormDataOf<'process_control'> {
  const r = d.row;
  if (!r.receivedAt) throw notAvailable('Hồ sơ chưa được tiếp nhận');
  let holder = `Bộ phận Một cửa ${d.receiving.name}`;
  const handoffs: FormDataOf<'process_control'>['handoffs'] = [];
  for (const a of d.actions) {
    if (!HANDOFF_ACTIONS.has(a.action)) continue;
    const next = holderAfter(d, a, holder);
    if (next === holder && a.action !== 'return_result') continue;
    // The step being handed on ends now: its own result against its planned due time.
    const finished = a.fromStep !== null ? d.steps.find((s) => s.position === a.fromStep) : undefined;
    const result = finished?.plannedDueAt ? classifyOutcome(a.at, finished.plannedDueAt) : null;
    handoffs.push({ fromName: holder, toName: next, at: a.at, deliveredBy: a.actorName, receivedBy: null, result, note: a.comment });
    holder = next;
  }
  const partners = d.periods.filter((p) => p.role === 'participating').map((p) => p.externalAgencyName ?? (p.agencyId ? d.names.get(p.agencyId) : null) ?? '');
  return {
    agency: d.receiving,
    code: r.code,
    applicant: applicantOf(d),
    request: r.procedure.name,
    receivedAt: r.receivedAt,
    dueAt: r.dueAt,
    leadAgencyName: d.competent.name,
    coordinatingAgencyNames: [...new Set(partners.filter(Boolean))],
    handoffs,
    blankRows: ['returned', 'refused', 'stopped', 'withdrawn', 'closed_no_supplement'].includes(r.status) ? 0 : 2,
  };
}

/**
 * The data of form `formNo` of the set in force when the dossier was received. NOT_FOUND when the dossier does not
 * exist or its set has no such form; FORM_NOT_AVAILABLE when the dossier has not reached the event the form records.
 * The tracking book is not a per-dossier form (see buildTrackingBookData).
 */
export async function buildFormData(executor: Executor, dossierId: string, formNo: string, options: BuildFormOptions): Promise<BuiltForm & { dossier: FormDossier; set: FormSet }> {
  const dossier = await findFormDossier(executor, dossierId);
  if (!dossier) throw new AppError('NOT_FOUND', { message: 'Không tìm thấy hồ sơ' });
  return buildFormDataOf(executor, dossier, formNo, options);
}

export async function buildFormDataOf(executor: Executor, dossier: FormDossier, formNo: string, options: BuildFormOptions): Promise<BuiltForm & { dossier: FormDossier; set: FormSet }> {
  const set = selectFormSet(receivedAtOf(dossier));
  const form = findForm(set, formNo);
  if (!form) throw new AppError('NOT_FOUND', { message: `Bộ biểu mẫu áp dụng cho hồ sơ này (${set === '2018' ? 'Thông tư 01/2018/TT-VPCP' : 'Thông tư 03/2025/TT-VPCP'}) không có mẫu số ${formNo}` });
  const wrap = <K extends FormKind>(data: FormDataOf<K>) => ({ form: form as FormDescriptor & { kind: K }, data, dossier, set }) as BuiltForm & { dossier: FormDossier; set: FormSet };
  switch (form.kind) {
    case 'receipt':
      return wrap<'receipt'>(await receiptData(executor, dossier, options));
    case 'supplement':
      return wrap<'supplement'>(supplementData(dossier));
    case 'refusal':
      return wrap<'refusal'>(refusalData(dossier));
    case 'apology':
      return wrap<'apology'>(apologyData(dossier));
    case 'stop_notice':
      return wrap<'stop_notice'>(stopNoticeData(dossier));
    case 'process_control':
      return wrap<'process_control'>(processControlData(dossier));
    case 'tracking_book':
      throw new AppError('NOT_FOUND', { message: 'Sổ theo dõi hồ sơ được lập theo cơ quan và kỳ: /api/forms/tracking-book.pdf' });
  }
}
