/** Câu hỏi thường gặp (FAQ): citizens ask, staff answer and publish, per procedure and field. */
import { z } from 'zod';
import { Email, Text, Uuid } from './common';
import { MultilineText } from './petitions';

export const FaqStatus = {
  /** Câu hỏi của người dân, chờ trả lời. */
  ASKED: 'asked',
  ANSWERED: 'answered',
  /** Đã công khai trên Cổng. */
  PUBLISHED: 'published',
  /** Không trả lời (trùng lặp, không liên quan đến thủ tục hành chính). */
  DECLINED: 'declined',
} as const;
export type FaqStatus = (typeof FaqStatus)[keyof typeof FaqStatus];
export const FAQ_STATUSES = Object.values(FaqStatus) as [FaqStatus, ...FaqStatus[]];
export const faqStatusLabels: Record<FaqStatus, string> = {
  asked: 'Chờ trả lời',
  answered: 'Đã trả lời, chưa công khai',
  published: 'Đã công khai',
  declined: 'Không trả lời',
};

export const FaqAction = { ANSWER: 'answer', UPDATE: 'update', PUBLISH: 'publish', UNPUBLISH: 'unpublish', DECLINE: 'decline' } as const;
export type FaqAction = (typeof FaqAction)[keyof typeof FaqAction];
export const FAQ_ACTIONS = Object.values(FaqAction) as [FaqAction, ...FaqAction[]];

/** Status → allowed actions → resulting status (`null` keeps the status). */
export const faqWorkflow: Record<FaqStatus, Partial<Record<FaqAction, FaqStatus | null>>> = {
  asked: { answer: 'answered', update: null, decline: 'declined' },
  answered: { answer: null, update: null, publish: 'published' },
  published: { answer: null, update: null, unpublish: 'answered' },
  declined: {},
};

const faqLinks = {
  procedureId: Uuid.optional(),
  /** Lĩnh vực; taken from the procedure when only the procedure is given. */
  fieldId: Uuid.optional(),
  agencyId: Uuid.optional(),
};

export const FaqAskInput = z.object({
  question: MultilineText(2000, 'Câu hỏi'),
  ...faqLinks,
  askerName: Text(120).optional(),
  /** To be told when the answer is published (optional; the account's e-mail when signed in). */
  askerEmail: Email.optional(),
});
export type FaqAskInput = z.infer<typeof FaqAskInput>;

export const FaqCreateInput = z.object({
  question: MultilineText(2000, 'Câu hỏi'),
  answer: MultilineText(20_000, 'Câu trả lời'),
  ...faqLinks,
  publish: z.boolean().default(false),
});
export type FaqCreateInput = z.infer<typeof FaqCreateInput>;

export const FaqUpdateInput = z.object({
  question: MultilineText(2000, 'Câu hỏi').optional(),
  answer: MultilineText(20_000, 'Câu trả lời').optional(),
  procedureId: Uuid.nullable().optional(),
  fieldId: Uuid.nullable().optional(),
  agencyId: Uuid.nullable().optional(),
});
export type FaqUpdateInput = z.infer<typeof FaqUpdateInput>;

export const FaqAnswerInput = z.object({ answer: MultilineText(20_000, 'Câu trả lời'), publish: z.boolean().default(false) });
export type FaqAnswerInput = z.infer<typeof FaqAnswerInput>;
export const FaqDeclineInput = z.object({ reason: MultilineText(1000, 'Lý do') });
export type FaqDeclineInput = z.infer<typeof FaqDeclineInput>;

const pageFields = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
};

export const PublicFaqQuery = z.object({
  q: z.string().trim().max(200).optional(),
  procedureId: Uuid.optional(),
  fieldId: Uuid.optional(),
  agencyId: Uuid.optional(),
  ...pageFields,
});
export type PublicFaqQuery = z.infer<typeof PublicFaqQuery>;

export const FaqListQuery = PublicFaqQuery.extend({ status: z.enum(FAQ_STATUSES).optional() });
export type FaqListQuery = z.infer<typeof FaqListQuery>;

const Ref = z.object({ id: z.string(), name: z.string() });
const ProcedureRef = z.object({ id: z.string(), code: z.string(), name: z.string() });

export const PublicFaq = z.object({
  id: z.string(),
  question: z.string(),
  answer: z.string(),
  procedure: ProcedureRef.nullable(),
  field: Ref.nullable(),
  agency: Ref.nullable(),
  publishedAt: z.string(),
});
export type PublicFaq = z.infer<typeof PublicFaq>;
export const PublicFaqList = z.object({ items: z.array(PublicFaq), total: z.number(), page: z.number(), pageSize: z.number() });

export const FaqEntry = z.object({
  id: z.string(),
  status: z.enum(FAQ_STATUSES),
  statusLabel: z.string(),
  question: z.string(),
  answer: z.string().nullable(),
  procedure: ProcedureRef.nullable(),
  field: Ref.nullable(),
  agency: Ref.nullable(),
  asker: z.object({ name: z.string().nullable(), email: z.string().nullable(), hasAccount: z.boolean() }).nullable(),
  askedAt: z.string().nullable(),
  answeredAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  declineReason: z.string().nullable(),
  abilities: z.record(z.enum(FAQ_ACTIONS), z.boolean()),
});
export type FaqEntry = z.infer<typeof FaqEntry>;
export const FaqEntryList = z.object({ items: z.array(FaqEntry), total: z.number(), page: z.number(), pageSize: z.number() });

/** A citizen's own question and where it stands. */
export const OwnFaqQuestion = z.object({
  id: z.string(),
  status: z.enum(FAQ_STATUSES),
  statusLabel: z.string(),
  question: z.string(),
  answer: z.string().nullable(),
  askedAt: z.string(),
  answeredAt: z.string().nullable(),
  declineReason: z.string().nullable(),
});
export const OwnFaqQuestionList = z.array(OwnFaqQuestion);
export const FaqAsked = z.object({ id: z.string(), status: z.enum(FAQ_STATUSES) });
