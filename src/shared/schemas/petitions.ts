/** Petitions (phản ánh, kiến nghị, NĐ 20/2008): inputs, views and figures shared by the server and the web app. */
import { z } from 'zod';
import { Email, IdNumber, Phone, RequiredText, Text, Uuid } from './common';
import { RatingLevel, RatingScale } from './ratings';
import {
  PETITION_ACTIONS,
  PETITION_CATEGORIES,
  PETITION_STATUSES,
  STAFF_ENTERED_CHANNELS,
} from '../workflow/petition-workflow';

/** Multi-paragraph text: NFC, single spaces inside lines, at most one blank line between paragraphs. */
export function cleanMultilineText(input: string): string {
  return input
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export const MultilineText = (max: number, label = 'Nội dung') =>
  z
    .string()
    .transform(cleanMultilineText)
    .pipe(z.string().min(1, `${label} không được để trống`).max(max, `${label} tối đa ${max} ký tự`));

/** Retry key of an action: the same id sent twice applies the action once. */
const ActionId = Uuid.optional();

export const PetitionCategorySchema = z.enum(PETITION_CATEGORIES, { message: 'Loại phản ánh, kiến nghị không hợp lệ' });
export const PetitionStatusSchema = z.enum(PETITION_STATUSES);
export const PetitionActionSchema = z.enum(PETITION_ACTIONS);

/** Người phản ánh: name and address, and a phone number or e-mail to receive the answer (NĐ 20/2008). */
export const PetitionerInput = z
  .object({
    fullName: RequiredText(120, 'Họ và tên'),
    organisationName: Text(200).optional(),
    idNumber: IdNumber.optional(),
    phone: Phone.optional(),
    email: Email.optional(),
    address: RequiredText(300, 'Địa chỉ'),
  })
  .refine((p) => p.phone || p.email, {
    message: 'Vui lòng cung cấp số điện thoại hoặc thư điện tử để nhận kết quả trả lời',
    path: ['phone'],
  });
export type PetitionerInput = z.infer<typeof PetitionerInput>;

const petitionSubject = {
  title: RequiredText(200, 'Tiêu đề'),
  content: MultilineText(10_000, 'Nội dung phản ánh, kiến nghị'),
  procedureId: Uuid.optional(),
  dossierId: Uuid.optional(),
  publishConsent: z.boolean().default(false),
  submissionKey: Uuid.optional(),
  /** Uploads (POST /api/files) of the signed-in sender, attached to the petition. */
  fileIds: z.array(Uuid).max(20, 'Tối đa 20 tệp đính kèm').default([]),
};

/** Filed online on the portal: by a signed-in citizen (contact from the account unless given) or anyone with contact details. */
export const PetitionSubmitInput = z.object({
  /** The agency addressed. */
  agencyId: Uuid,
  ...petitionSubject,
  petitioner: PetitionerInput.optional(),
});
export type PetitionSubmitInput = z.infer<typeof PetitionSubmitInput>;

/** A letter, e-mail, phone call or paper handed in, registered by staff. */
export const PetitionRegisterInput = z.object({
  channel: z.enum(STAFF_ENTERED_CHANNELS, { message: 'Kênh tiếp nhận không hợp lệ' }),
  /** When the petition reached the agency (a letter's arrival), not in the future. */
  receivedAt: z.iso.datetime({ offset: true, message: 'Thời điểm tiếp nhận không hợp lệ' }),
  /** Defaults to the officer's agency. */
  agencyId: Uuid.optional(),
  ...petitionSubject,
  petitioner: PetitionerInput,
  category: PetitionCategorySchema.optional(),
});
export type PetitionRegisterInput = z.infer<typeof PetitionRegisterInput>;

export const ClassifyPetitionInput = z.object({ category: PetitionCategorySchema, note: Text(1000).optional(), actionId: ActionId });
export const AssignPetitionInput = z.object({ assigneeId: Uuid, note: Text(1000).optional(), actionId: ActionId });
export const ForwardPetitionInput = z
  .object({
    /** An agency in the system: it receives the petition and the clock restarts there. */
    toAgencyId: Uuid.optional(),
    /** Name of a competent agency outside the system (a ministry, another province). */
    toExternalAgency: Text(300).optional(),
    note: RequiredText(1000, 'Lý do chuyển'),
    actionId: ActionId,
  })
  .refine((f) => !!f.toAgencyId !== !!f.toExternalAgency, {
    message: 'Chọn một cơ quan trong hệ thống hoặc nhập tên cơ quan có thẩm quyền bên ngoài',
    path: ['toAgencyId'],
  });
export const RejectPetitionInput = z.object({ reason: MultilineText(2000, 'Lý do'), actionId: ActionId });
export const AnswerPetitionInput = z.object({
  answer: MultilineText(20_000, 'Nội dung trả lời'),
  /** The signed answer letter and other documents (the officer's own uploads). */
  fileIds: z.array(Uuid).max(20, 'Tối đa 20 tệp đính kèm').default([]),
  actionId: ActionId,
});
/** Published wording; left out, it is the petition's text with the petitioner's personal data removed. */
export const PublishPetitionInput = z.object({
  publicTitle: RequiredText(200, 'Tiêu đề công khai').optional(),
  publicQuestion: MultilineText(10_000, 'Nội dung công khai').optional(),
  publicAnswer: MultilineText(20_000, 'Nội dung trả lời công khai').optional(),
  actionId: ActionId,
});
export const UnpublishPetitionInput = z.object({ reason: Text(1000).optional(), actionId: ActionId });
export const WithdrawPetitionInput = z.object({ reason: Text(1000).optional(), actionId: ActionId });
export const PetitionConsentInput = z.object({ publishConsent: z.boolean(), actionId: ActionId });
export const RatePetitionAnswerInput = z.object({ level: RatingLevel, comment: Text(2000).optional(), actionId: ActionId });

export type ClassifyPetitionInput = z.infer<typeof ClassifyPetitionInput>;
export type AssignPetitionInput = z.infer<typeof AssignPetitionInput>;
export type ForwardPetitionInput = z.infer<typeof ForwardPetitionInput>;
export type RejectPetitionInput = z.infer<typeof RejectPetitionInput>;
export type AnswerPetitionInput = z.infer<typeof AnswerPetitionInput>;
export type PublishPetitionInput = z.infer<typeof PublishPetitionInput>;
export type UnpublishPetitionInput = z.infer<typeof UnpublishPetitionInput>;
export type WithdrawPetitionInput = z.infer<typeof WithdrawPetitionInput>;
export type PetitionConsentInput = z.infer<typeof PetitionConsentInput>;
export type RatePetitionAnswerInput = z.infer<typeof RatePetitionAnswerInput>;

/** Petitioner access without an account: the code and the tracking token given at submission. */
export const PetitionTrackInput = z.object({
  code: z.string().trim().toUpperCase().regex(/^PAKN-\d{6}-\d{4,}$/, 'Mã phản ánh, kiến nghị không đúng dạng PAKN-YYMMDD-NNNN'),
  token: z.string().trim().min(10, 'Mã tra cứu không hợp lệ').max(100),
});
export type PetitionTrackInput = z.infer<typeof PetitionTrackInput>;

export const PetitionListQuery = z.object({
  status: PetitionStatusSchema.optional(),
  category: PetitionCategorySchema.optional(),
  /** Open petitions whose answer deadline has passed. */
  overdue: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  assignedToMe: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  q: z.string().trim().max(200).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type PetitionListQuery = z.infer<typeof PetitionListQuery>;

export const PublishedPetitionQuery = z.object({
  q: z.string().trim().max(200).optional(),
  category: PetitionCategorySchema.optional(),
  agencyId: Uuid.optional(),
  procedureId: Uuid.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type PublishedPetitionQuery = z.infer<typeof PublishedPetitionQuery>;

const Ref = z.object({ id: z.string(), name: z.string() });

/** Where the petition stands against its deadlines (local dates). */
export const PetitionDeadlineState = z.enum(['within_deadline', 'overdue', 'answered_on_time', 'answered_late', 'closed']);

export const PetitionListItem = z.object({
  id: z.string(),
  code: z.string(),
  title: z.string(),
  channel: z.string(),
  status: PetitionStatusSchema,
  statusLabel: z.string(),
  category: PetitionCategorySchema.nullable(),
  agency: Ref,
  petitionerName: z.string(),
  receivedAt: z.string(),
  forwardDueOn: z.string(),
  answerDueOn: z.string(),
  deadlineState: PetitionDeadlineState,
  assignedTo: Ref.nullable(),
});
export type PetitionListItem = z.infer<typeof PetitionListItem>;

export const PetitionListResponse = z.object({ items: z.array(PetitionListItem), total: z.number(), page: z.number(), pageSize: z.number() });

export const PetitionHistoryEntry = z.object({
  action: z.string(),
  actionLabel: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string(),
  actorLabel: z.string().nullable(),
  agencyName: z.string(),
  note: z.string().nullable(),
  at: z.string(),
});

export const PetitionDetail = PetitionListItem.extend({
  content: z.string(),
  categoryLabel: z.string().nullable(),
  channelLabel: z.string(),
  receivedBy: Ref,
  procedure: z.object({ id: z.string(), code: z.string(), name: z.string() }).nullable(),
  dossierId: z.string().nullable(),
  petitioner: z.object({
    fullName: z.string(),
    organisationName: z.string().nullable(),
    /** Always masked (0012******67). */
    idNumberMasked: z.string().nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    address: z.string().nullable(),
    hasAccount: z.boolean(),
  }),
  publishConsent: z.boolean(),
  registeredAt: z.string(),
  enteredBy: Ref.nullable(),
  forwarding: z.object({
    dueOn: z.string(),
    forwardedAt: z.string().nullable(),
    fromAgency: Ref.nullable(),
    toExternal: z.string().nullable(),
    late: z.boolean().nullable(),
  }),
  answer: z.object({ text: z.string(), answeredAt: z.string(), answeredBy: Ref.nullable(), late: z.boolean() }).nullable(),
  rejectionReason: z.string().nullable(),
  publication: z
    .object({ title: z.string(), question: z.string(), answer: z.string(), publishedAt: z.string().nullable() })
    .nullable(),
  answerRating: z
    .object({ scale: RatingScale, level: z.number(), label: z.string(), satisfied: z.boolean(), comment: z.string().nullable(), ratedAt: z.string() })
    .nullable(),
  attachments: z.array(
    z.object({ fileId: z.string(), fileName: z.string(), size: z.number(), mimeType: z.string(), kind: z.enum(['petition', 'answer']), addedAt: z.string() }),
  ),
  history: z.array(PetitionHistoryEntry),
  /** What the current actor may do now: the UI shows only these buttons. */
  abilities: z.record(PetitionActionSchema, z.boolean()),
});
export type PetitionDetail = z.infer<typeof PetitionDetail>;

export const PetitionCreated = z.object({
  petition: PetitionDetail,
  /** Keep with the code to follow the petition and rate the answer without an account. */
  trackingToken: z.string(),
});
export type PetitionCreated = z.infer<typeof PetitionCreated>;

/** The published answer: never the petitioner's name, contact or ID number. */
export const PublishedPetition = z.object({
  id: z.string(),
  code: z.string(),
  title: z.string(),
  question: z.string(),
  answer: z.string(),
  category: PetitionCategorySchema.nullable(),
  categoryLabel: z.string().nullable(),
  agency: Ref,
  procedure: z.object({ id: z.string(), code: z.string(), name: z.string() }).nullable(),
  receivedOn: z.string(),
  answeredOn: z.string().nullable(),
  publishedAt: z.string(),
});
export type PublishedPetition = z.infer<typeof PublishedPetition>;
export const PublishedPetitionList = z.object({ items: z.array(PublishedPetition), total: z.number(), page: z.number(), pageSize: z.number() });

export const PetitionFiguresRow = z.object({
  agencyId: z.string().nullable(),
  agencyName: z.string(),
  received: z.number(),
  receivedOnline: z.number(),
  answered: z.number(),
  answeredOnTime: z.number(),
  answeredLate: z.number(),
  forwarded: z.number(),
  forwardedLate: z.number(),
  rejected: z.number(),
  withdrawn: z.number(),
  pendingWithinDeadline: z.number(),
  pendingOverdue: z.number(),
  /** (answered on time + forwarded on time) / (answered + forwarded) × 100; null with nothing handled. */
  handledOnTimeRate: z.number().nullable(),
  rated: z.number(),
  satisfied: z.number(),
  satisfactionRate: z.number().nullable(),
});
export type PetitionFiguresRow = z.infer<typeof PetitionFiguresRow>;

export const PetitionFigures = z.object({
  from: z.string(),
  to: z.string(),
  total: PetitionFiguresRow,
  byAgency: z.array(PetitionFiguresRow),
  formulas: z.record(z.string(), z.string()),
});
export type PetitionFigures = z.infer<typeof PetitionFigures>;
