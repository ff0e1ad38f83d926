/**
 * Satisfaction ratings (đánh giá mức độ hài lòng): the rating scale, the NĐ 118/2025 Điều 33 criteria, the
 * per-dossier rating contract and the feedback settings (deadlines and scale) shared with petitions and surveys.
 */
import { z } from 'zod';
import { IsoDate, Text, Uuid } from './common';

/** A scale has 3 or 5 levels, numbered 1 (worst) … N (best). The decree does not fix it: configurable. */
export const RATING_SCALES = [3, 5] as const;
export const RatingScale = z.union([z.literal(3), z.literal(5)], { message: 'Thang đánh giá có 3 hoặc 5 mức' });
export type RatingScale = z.infer<typeof RatingScale>;

export const ratingLevelLabels: Record<RatingScale, readonly string[]> = {
  3: ['Không hài lòng', 'Hài lòng', 'Rất hài lòng'],
  5: ['Rất không hài lòng', 'Không hài lòng', 'Bình thường', 'Hài lòng', 'Rất hài lòng'],
};

/** Lowest level counted as satisfied: "hài lòng" on either scale. */
export const satisfiedThreshold: Record<RatingScale, number> = { 3: 2, 5: 4 };

export function isSatisfied(level: number, scale: RatingScale): boolean {
  return level >= satisfiedThreshold[scale];
}

export function ratingLevelLabel(level: number, scale: RatingScale): string {
  return ratingLevelLabels[scale][level - 1] ?? String(level);
}

/** A level on the given scale, checked where the scale is known (the settings or the stored rating). */
export const RatingLevel = z.number().int('Mức đánh giá phải là số nguyên').min(1, 'Mức đánh giá từ 1').max(5, 'Mức đánh giá tối đa 5');

/** Nội dung đánh giá của tổ chức, cá nhân (NĐ 118/2025 Điều 33 khoản 1, a–i). */
export const RatingCriterion = {
  RESULT_TIME: 'result_time',
  AGENCIES_CONTACTED: 'agencies_contacted',
  CONTACTS_NEEDED: 'contacts_needed',
  INFORMATION_ACCURACY: 'information_accuracy',
  STAFF_ATTITUDE: 'staff_attitude',
  LAWFULNESS_AND_COST: 'lawfulness_and_cost',
  FEEDBACK_HANDLING: 'feedback_handling',
  ONLINE_SERVICE: 'online_service',
  OTHER: 'other',
} as const;
export type RatingCriterion = (typeof RatingCriterion)[keyof typeof RatingCriterion];
export const RATING_CRITERIA = Object.values(RatingCriterion) as [RatingCriterion, ...RatingCriterion[]];

export const ratingCriterionLabels: Record<RatingCriterion, string> = {
  result_time: 'Thời gian trả kết quả so với quy định',
  agencies_contacted: 'Số lượng cơ quan, đơn vị phải liên hệ để hoàn thiện hồ sơ',
  contacts_needed: 'Số lần phải liên hệ với cơ quan tiếp nhận để hoàn thiện hồ sơ',
  information_accuracy: 'Tính chính xác, đầy đủ, kịp thời của thông tin thủ tục được công khai',
  staff_attitude: 'Thái độ ứng xử của cán bộ, công chức hướng dẫn, tiếp nhận, giải quyết hồ sơ',
  lawfulness_and_cost: 'Sự phù hợp với pháp luật của kết quả và chi phí thực hiện; chi phí ngoài quy định',
  feedback_handling: 'Thời gian và chất lượng giải trình đối với phản ánh, kiến nghị, khiếu nại, tố cáo',
  online_service: 'Tiến độ và chất lượng cung cấp dịch vụ công trực tuyến',
  other: 'Nội dung khác',
};

/** How a rating reached the system (NĐ 118 Điều 31). */
export const RatingChannel = {
  ONLINE: 'online',
  /** Thiết bị đánh giá tại Bộ phận Một cửa (máy tính bảng). */
  DESK_TABLET: 'desk_tablet',
  KIOSK: 'kiosk',
  /** Phiếu đánh giá giấy, nhập lại. */
  PAPER_FORM: 'paper_form',
} as const;
export type RatingChannel = (typeof RatingChannel)[keyof typeof RatingChannel];
export const ratingChannelLabels: Record<RatingChannel, string> = {
  online: 'Trực tuyến',
  desk_tablet: 'Máy tính bảng tại Bộ phận Một cửa',
  kiosk: 'Thiết bị đánh giá tại chỗ',
  paper_form: 'Phiếu đánh giá giấy',
};
/** Channels through which a staff member records the applicant's rating. */
export const StaffRatingChannel = z.enum(['desk_tablet', 'kiosk', 'paper_form'], { message: 'Kênh đánh giá không hợp lệ' });

/** Scores of criteria a–h on the rating scale (each optional: "không áp dụng"); criterion i is free text. */
export const RatingCriteriaScores = z
  .object(
    Object.fromEntries(RATING_CRITERIA.filter((c) => c !== 'other').map((c) => [c, RatingLevel.optional()])) as Record<
      Exclude<RatingCriterion, 'other'>,
      z.ZodOptional<typeof RatingLevel>
    >,
  )
  .strict();
export type RatingCriteriaScores = z.infer<typeof RatingCriteriaScores>;

export const DossierRatingInput = z.object({
  overall: RatingLevel,
  criteria: RatingCriteriaScores.default({}),
  /** Criterion i (nội dung khác) and any remark. */
  comment: Text(2000).optional(),
});
export type DossierRatingInput = z.infer<typeof DossierRatingInput>;

export const DeskRatingInput = DossierRatingInput.extend({ channel: StaffRatingChannel.default('desk_tablet') });
export type DeskRatingInput = z.infer<typeof DeskRatingInput>;

export const DossierRatingView = z.object({
  id: z.string(),
  dossierId: z.string(),
  scale: RatingScale,
  overall: z.number(),
  overallLabel: z.string(),
  satisfied: z.boolean(),
  criteria: z.record(z.string(), z.number()),
  comment: z.string().nullable(),
  channel: z.enum(['online', 'desk_tablet', 'kiosk', 'paper_form']),
  /** True when a staff member entered the rating for the applicant. */
  enteredOnBehalf: z.boolean(),
  enteredBy: z.object({ id: z.string(), fullName: z.string() }).nullable(),
  ratedAt: z.string(),
  updatedAt: z.string(),
  revision: z.number(),
  changeableUntil: z.string(),
});
export type DossierRatingView = z.infer<typeof DossierRatingView>;

/** What a rating page needs: the dossier, whether rating is possible now and why not, the scale and criteria. */
export const DossierRatingStatus = z.object({
  dossier: z.object({ id: z.string(), code: z.string(), procedureName: z.string().nullable(), agencyName: z.string(), returnedAt: z.string().nullable() }),
  scale: RatingScale,
  levels: z.array(z.object({ level: z.number(), label: z.string() })),
  criteria: z.array(z.object({ code: z.string(), label: z.string() })),
  rating: DossierRatingView.nullable(),
  abilities: z.object({ rate: z.boolean(), rate_on_behalf: z.boolean() }),
  /** Stable code of the reason rating is not possible now, with its Vietnamese message. */
  blockedBy: z.object({ code: z.string(), message: z.string() }).nullable(),
});
export type DossierRatingStatus = z.infer<typeof DossierRatingStatus>;

export const FiguresQuery = z
  .object({
    from: IsoDate,
    to: IsoDate,
    /** Restrict to an agency's subtree (within the actor's own scope). */
    agencyId: Uuid.optional(),
  })
  .refine((q) => q.from <= q.to, { message: 'Ngày bắt đầu phải trước hoặc bằng ngày kết thúc', path: ['to'] });
export type FiguresQuery = z.infer<typeof FiguresQuery>;

export const RatingFiguresRow = z.object({
  agencyId: z.string().nullable(),
  agencyName: z.string(),
  rated: z.number(),
  satisfied: z.number(),
  /** satisfied / rated × 100, one decimal; null when nothing was rated. */
  satisfactionRate: z.number().nullable(),
  onBehalf: z.number(),
  byLevel: z.object({ scale3: z.array(z.number()), scale5: z.array(z.number()) }),
  /** Average score per criterion, as a share of its scale's maximum (0–100), null when not rated. */
  criteria: z.record(z.string(), z.number().nullable()),
});
export type RatingFiguresRow = z.infer<typeof RatingFiguresRow>;

export const RatingFigures = z.object({
  from: z.string(),
  to: z.string(),
  total: RatingFiguresRow,
  byAgency: z.array(RatingFiguresRow),
  formulas: z.record(z.string(), z.string()),
});
export type RatingFigures = z.infer<typeof RatingFigures>;

/** Province-wide feedback settings (configurable: the decrees do not fix the answer time or the scale). */
export const FeedbackSettings = z.object({
  /** NĐ 20/2008: forward within 5 working days when another agency is competent. */
  petitionForwardWorkingDays: z.number().int().min(1).max(30),
  /** Thời hạn trả lời phản ánh, kiến nghị, in working days from receipt by the competent agency (UNVERIFIED default). */
  petitionAnswerWorkingDays: z.number().int().min(1).max(90),
  ratingScale: RatingScale,
  /** Days during which the applicant may change a rating after giving it. */
  ratingChangeDays: z.number().int().min(0).max(90),
});
export type FeedbackSettings = z.infer<typeof FeedbackSettings>;

export const FEEDBACK_SETTINGS_DEFAULTS: FeedbackSettings = {
  petitionForwardWorkingDays: 5,
  petitionAnswerWorkingDays: 10,
  ratingScale: 3,
  ratingChangeDays: 7,
};

export const FeedbackSettingsView = FeedbackSettings.extend({
  levels: z.array(z.object({ level: z.number(), label: z.string() })),
  updatedAt: z.string().nullable(),
});
export type FeedbackSettingsView = z.infer<typeof FeedbackSettingsView>;

export function scaleLevels(scale: RatingScale) {
  return ratingLevelLabels[scale].map((label, i) => ({ level: i + 1, label }));
}

/** part / whole × 100 with one decimal, or null when the whole is 0 (a rate of nothing is not 0 %). */
export function ratePercent(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 1000) / 10 : null;
}

/** An applicant without an account rates with the dossier code and the secret printed on the receipt. */
export const DossierReceiptProof = z.object({
  code: z.string().trim().min(5, 'Mã hồ sơ không hợp lệ').max(80),
  secret: z.string().trim().min(4, 'Mã tra cứu không hợp lệ').max(40),
});
export type DossierReceiptProof = z.infer<typeof DossierReceiptProof>;
export const PublicDossierRatingInput = DossierRatingInput.extend(DossierReceiptProof.shape);
export type PublicDossierRatingInput = z.infer<typeof PublicDossierRatingInput>;

export const RatingListQuery = z.object({
  from: IsoDate,
  to: IsoDate,
  agencyId: Uuid.optional(),
  satisfied: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type RatingListQuery = z.infer<typeof RatingListQuery>;

/** A rating in the back-office list (follow-up of dissatisfied applicants); no personal data beyond the code. */
export const RatingListItem = DossierRatingView.extend({
  dossierCode: z.string(),
  procedureName: z.string(),
  agency: z.object({ id: z.string(), name: z.string() }),
});
export const RatingList = z.object({ items: z.array(RatingListItem), total: z.number(), page: z.number(), pageSize: z.number() });
