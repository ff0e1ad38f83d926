/**
 * Survey campaigns measuring satisfaction (SIPAS, QĐ 2640/QĐ-BNV 2017): a questionnaire grouped by the five
 * elements, answered by a sample of dossiers (personal links) or through an open link, results by element and agency.
 */
import { z } from 'zod';
import { IsoDate, RequiredText, Text, Uuid } from './common';
import { MultilineText } from './petitions';
import { RatingScale } from './ratings';

export const SurveyElement = {
  ACCESS: 'access',
  PROCEDURE: 'procedure',
  CIVIL_SERVANTS: 'civil_servants',
  RESULT: 'result',
  FEEDBACK_HANDLING: 'feedback_handling',
} as const;
export type SurveyElement = (typeof SurveyElement)[keyof typeof SurveyElement];
export const SURVEY_ELEMENTS = Object.values(SurveyElement) as [SurveyElement, ...SurveyElement[]];
export const surveyElementLabels: Record<SurveyElement, string> = {
  access: 'Tiếp cận dịch vụ',
  procedure: 'Thủ tục hành chính',
  civil_servants: 'Công chức trực tiếp giải quyết công việc',
  result: 'Kết quả cung ứng dịch vụ',
  feedback_handling: 'Tiếp nhận, xử lý ý kiến góp ý, phản ánh, kiến nghị',
};

export const SurveyStatus = { DRAFT: 'draft', OPEN: 'open', CLOSED: 'closed' } as const;
export type SurveyStatus = (typeof SurveyStatus)[keyof typeof SurveyStatus];
export const SURVEY_STATUSES = Object.values(SurveyStatus) as [SurveyStatus, ...SurveyStatus[]];
export const surveyStatusLabels: Record<SurveyStatus, string> = { draft: 'Đang soạn', open: 'Đang khảo sát', closed: 'Đã kết thúc' };

export const SurveyAction = { UPDATE: 'update', OPEN: 'open', CLOSE: 'close', SAMPLE: 'sample' } as const;
export type SurveyAction = (typeof SurveyAction)[keyof typeof SurveyAction];
export const SURVEY_ACTIONS = Object.values(SurveyAction) as [SurveyAction, ...SurveyAction[]];

/** Status → allowed actions → resulting status (`null` keeps it). Invitations may be prepared before opening. */
export const surveyWorkflow: Record<SurveyStatus, Partial<Record<SurveyAction, SurveyStatus | null>>> = {
  draft: { update: null, open: 'open', sample: null },
  open: { close: 'closed', sample: null },
  closed: {},
};

export const SurveyQuestionInput = z
  .object({
    element: z.enum(SURVEY_ELEMENTS, { message: 'Yếu tố đánh giá không hợp lệ' }),
    text: RequiredText(500, 'Nội dung câu hỏi'),
    /** scale: a level on the scale; text: an open answer (not counted in the results). */
    kind: z.enum(['scale', 'text']).default('scale'),
    scale: RatingScale.default(5),
    required: z.boolean().default(true),
  })
  .transform((q) => ({ ...q, scale: q.kind === 'scale' ? q.scale : null }));
export type SurveyQuestionInput = z.infer<typeof SurveyQuestionInput>;

export const SurveyCampaignInput = z
  .object({
    title: RequiredText(200, 'Tên đợt khảo sát'),
    description: MultilineText(5000, 'Mô tả').optional(),
    /** Agencies surveyed. */
    targetAgencyIds: z.array(Uuid).min(1, 'Chọn ít nhất một cơ quan được khảo sát').max(500),
    opensOn: IsoDate,
    closesOn: IsoDate,
    /** Also collect answers through a public link (besides a sample of dossiers). */
    openLink: z.boolean().default(true),
    questions: z.array(SurveyQuestionInput).min(1, 'Bảng hỏi cần ít nhất một câu hỏi').max(100),
  })
  .refine((c) => c.opensOn <= c.closesOn, { message: 'Ngày kết thúc phải sau hoặc bằng ngày bắt đầu', path: ['closesOn'] })
  .refine((c) => c.questions.some((q) => q.kind === 'scale'), { message: 'Bảng hỏi cần ít nhất một câu hỏi chấm điểm', path: ['questions'] });
export type SurveyCampaignInput = z.infer<typeof SurveyCampaignInput>;

export const SurveySampleInput = z
  .object({
    /** How many returned dossiers to invite, drawn at random. */
    size: z.number().int().min(1).max(5000),
    /** Dossiers whose result was returned between these days. */
    returnedFrom: IsoDate,
    returnedTo: IsoDate,
  })
  .refine((s) => s.returnedFrom <= s.returnedTo, { message: 'Khoảng thời gian không hợp lệ', path: ['returnedTo'] });
export type SurveySampleInput = z.infer<typeof SurveySampleInput>;

export const SurveyAnswerInput = z.object({
  questionId: Uuid,
  score: z.number().int().min(1).max(5).optional(),
  text: Text(2000).optional(),
});
export const SurveyResponseInput = z.object({
  /** The agency the answers are about (open link only; an invitation knows its agency). */
  agencyId: Uuid.optional(),
  answers: z.array(SurveyAnswerInput).max(100),
  submissionKey: Uuid.optional(),
});
export type SurveyResponseInput = z.infer<typeof SurveyResponseInput>;

export const SurveyListQuery = z.object({ status: z.enum(SURVEY_STATUSES).optional() });

const Ref = z.object({ id: z.string(), name: z.string() });
export const SurveyQuestionView = z.object({
  id: z.string(),
  element: z.enum(SURVEY_ELEMENTS),
  elementLabel: z.string(),
  position: z.number(),
  text: z.string(),
  kind: z.enum(['scale', 'text']),
  scale: RatingScale.nullable(),
  levels: z.array(z.object({ level: z.number(), label: z.string() })),
  required: z.boolean(),
});

export const SurveyCampaignView = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  organiser: Ref,
  targetAgencies: z.array(Ref),
  status: z.enum(SURVEY_STATUSES),
  statusLabel: z.string(),
  opensOn: z.string(),
  closesOn: z.string(),
  openLink: z.object({ token: z.string(), url: z.string() }).nullable(),
  questions: z.array(SurveyQuestionView),
  counts: z.object({ invitations: z.number(), responses: z.number() }),
  abilities: z.record(z.enum(SURVEY_ACTIONS), z.boolean()),
});
export type SurveyCampaignView = z.infer<typeof SurveyCampaignView>;

export const SurveyCampaignSummary = SurveyCampaignView.omit({ questions: true, targetAgencies: true, description: true, abilities: true });
export const SurveyCampaignList = z.array(SurveyCampaignSummary);

export const SurveySampleResult = z.object({
  invited: z.number(),
  invitations: z.array(z.object({ id: z.string(), dossierCode: z.string(), agency: Ref, url: z.string() })),
});

/** What a respondent sees: the questionnaire and the agencies to choose from (open link) or the fixed one. */
export const SurveyForm = z.object({
  campaignId: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  closesOn: z.string(),
  questions: z.array(SurveyQuestionView),
  agencies: z.array(Ref),
  /** Set for a personal invitation: the answers are about this agency. */
  agency: Ref.nullable(),
});
export type SurveyForm = z.infer<typeof SurveyForm>;

export const SurveySubmitted = z.object({ responseId: z.string() });

export const SurveyElementResult = z.object({
  element: z.enum(SURVEY_ELEMENTS),
  label: z.string(),
  /** Scale answers counted. */
  answers: z.number(),
  /** Mean of score / scale maximum × 100, one decimal; null without answers. */
  averagePercent: z.number().nullable(),
  /** Share of answers at "hài lòng" or above × 100, one decimal; null without answers. */
  satisfiedRate: z.number().nullable(),
});
export type SurveyElementResult = z.infer<typeof SurveyElementResult>;

export const SurveyResults = z.object({
  campaignId: z.string(),
  responses: z.number(),
  overall: SurveyElementResult.omit({ element: true, label: true }),
  byElement: z.array(SurveyElementResult),
  byAgency: z.array(
    z.object({
      agency: Ref,
      responses: z.number(),
      overall: SurveyElementResult.omit({ element: true, label: true }),
      elements: z.array(SurveyElementResult),
    }),
  ),
  formulas: z.record(z.string(), z.string()),
});
export type SurveyResults = z.infer<typeof SurveyResults>;
