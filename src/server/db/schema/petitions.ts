/**
 * Citizens' feedback: petitions (phản ánh, kiến nghị, NĐ 20/2008), frequently asked questions, survey campaigns
 * (SIPAS) and per-dossier satisfaction ratings (NĐ 118/2025 Điều 31–33), with the settings they share.
 */
import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { agencies } from './units';
import { users } from './users';
import { procedureFields, procedures } from './catalog';
import { dossiers } from './dossiers';
import { files } from './files';

/** Province-wide settings (one row, key 'province'); absent row = the shipped defaults. */
export const feedbackSettings = pgTable('feedback_settings', {
  key: text().primaryKey(),
  petitionForwardWorkingDays: smallint().notNull(),
  petitionAnswerWorkingDays: smallint().notNull(),
  /** 3 or 5 levels. */
  ratingScale: smallint().notNull(),
  ratingChangeDays: smallint().notNull(),
  updatedById: uuid().references(() => users.id),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** Per-day counter behind petition codes PAKN-YYMMDD-NNNN (INSERT … ON CONFLICT DO UPDATE … RETURNING). */
export const petitionCounters = pgTable('petition_counters', {
  day: date({ mode: 'string' }).primaryKey(),
  last: integer().notNull(),
});

/** Phản ánh, kiến nghị. Status follows the action log (petition_actions); deadlines are local dates. */
export const petitions = pgTable(
  'petitions',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** PAKN-YYMMDD-NNNN, given at registration. */
    code: text().notNull().unique(),
    /** online | letter | in_person | email | phone */
    channel: text().notNull(),
    status: text().notNull(),
    /** regulation_content | procedure | staff_conduct | other; set when classified. */
    category: text(),
    title: text().notNull(),
    content: text().notNull(),
    /** The agency currently responsible (changes when forwarded inside the system). */
    agencyId: uuid()
      .notNull()
      .references(() => agencies.id),
    /** The agency that first received it. */
    receivedByAgencyId: uuid()
      .notNull()
      .references(() => agencies.id),
    procedureId: uuid().references(() => procedures.id),
    /** Related dossier. */
    dossierId: uuid().references(() => dossiers.id),
    /** Set when a signed-in citizen filed it: only they (and staff in scope) may read it. */
    petitionerUserId: uuid().references(() => users.id),
    petitionerName: text().notNull(),
    petitionerOrganisation: text(),
    petitionerIdNumber: text(),
    petitionerPhone: text(),
    petitionerEmail: text(),
    petitionerAddress: text(),
    /** The petitioner agrees that the answer be published (without personal data). */
    publishConsent: boolean().notNull().default(false),
    /** Client-chosen key that makes a retried submission return the same petition. */
    submissionKey: text().unique(),
    /** Staff member who registered a letter, phone call or e-mail. */
    enteredById: uuid().references(() => users.id),
    /** Receipt instant (for letters: the day the letter arrived), from which deadlines run. */
    receivedAt: timestamp({ withTimezone: true }).notNull(),
    registeredAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Receipt by the agency now responsible (= receivedAt unless forwarded inside the system). */
    agencyReceivedAt: timestamp({ withTimezone: true }).notNull(),
    /** Last day to forward it when another agency is competent. */
    forwardDueOn: date({ mode: 'string' }).notNull(),
    /** Last day to answer. */
    answerDueOn: date({ mode: 'string' }).notNull(),
    forwardCount: smallint().notNull().default(0),
    forwardedAt: timestamp({ withTimezone: true }),
    forwardedFromAgencyId: uuid().references(() => agencies.id),
    /** Name of the competent agency outside the system. */
    forwardedToExternal: text(),
    forwardedLate: boolean(),
    assignedToId: uuid().references(() => users.id),
    assignedAt: timestamp({ withTimezone: true }),
    answer: text(),
    answeredAt: timestamp({ withTimezone: true }),
    answeredById: uuid().references(() => users.id),
    /** Answered after answerDueOn (local dates). */
    answeredLate: boolean(),
    rejectionReason: text(),
    /** When it left the open statuses (answered, forwarded outside, rejected, withdrawn). */
    closedAt: timestamp({ withTimezone: true }),
    /** Published wording, personal data removed. */
    publicTitle: text(),
    publicQuestion: text(),
    publicAnswer: text(),
    publishedAt: timestamp({ withTimezone: true }),
    publicFolded: text().generatedAlwaysAs(
      sql`f_unaccent(lower(coalesce("public_title", '') || ' ' || coalesce("public_question", '') || ' ' || coalesce("public_answer", '')))`,
    ),
    answerRatingScale: smallint(),
    answerRatingLevel: smallint(),
    answerRatingSatisfied: boolean(),
    answerRatingComment: text(),
    answerRatedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('petitions_agency_status_idx').on(t.agencyId, t.status),
    index('petitions_received_idx').on(t.receivedAt),
    index('petitions_petitioner_idx').on(t.petitionerUserId),
    index('petitions_forwarded_from_idx').on(t.forwardedFromAgencyId),
    index('petitions_published_idx').on(t.publishedAt).where(sql`${t.status} = 'published'`),
    index('petitions_public_trgm_idx').using('gin', sql`${t.publicFolded} gin_trgm_ops`),
    index('petitions_dossier_idx').on(t.dossierId),
  ],
);

/** Append-only log of petition actions; `actionId` makes a retried action harmless. */
export const petitionActions = pgTable(
  'petition_actions',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    petitionId: uuid()
      .notNull()
      .references(() => petitions.id),
    action: text().notNull(),
    fromStatus: text(),
    toStatus: text().notNull(),
    actorId: uuid().references(() => users.id),
    /** staff | petitioner | anonymous_petitioner */
    actorRole: text().notNull(),
    actorLabel: text(),
    /** Agency responsible when the action was taken (forwarding statistics count here). */
    agencyId: uuid()
      .notNull()
      .references(() => agencies.id),
    note: text(),
    payload: jsonb().$type<Record<string, unknown>>(),
    actionId: uuid().unique(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('petition_actions_petition_idx').on(t.petitionId, t.at), index('petition_actions_action_idx').on(t.action, t.at)],
);

/** Files attached to a petition by the petitioner, or by staff with the answer (same storage and limits as dossiers). */
export const petitionAttachments = pgTable(
  'petition_attachments',
  {
    petitionId: uuid()
      .notNull()
      .references(() => petitions.id),
    fileId: uuid()
      .notNull()
      .references(() => files.id),
    /** petition | answer */
    kind: text().notNull(),
    addedById: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.petitionId, t.fileId] })],
);

/** Câu hỏi thường gặp: asked by citizens or written by staff, answered and published per procedure and field. */
export const faqEntries = pgTable(
  'faq_entries',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** asked | answered | published | declined */
    status: text().notNull(),
    /** Responsible agency; null while a citizen's question waits for triage. */
    agencyId: uuid().references(() => agencies.id),
    procedureId: uuid().references(() => procedures.id),
    fieldId: uuid().references(() => procedureFields.id),
    question: text().notNull(),
    answer: text(),
    askedByUserId: uuid().references(() => users.id),
    askerName: text(),
    askerEmail: text(),
    askedAt: timestamp({ withTimezone: true }),
    createdById: uuid().references(() => users.id),
    answeredById: uuid().references(() => users.id),
    answeredAt: timestamp({ withTimezone: true }),
    publishedAt: timestamp({ withTimezone: true }),
    declineReason: text(),
    folded: text().generatedAlwaysAs(sql`f_unaccent(lower("question" || ' ' || coalesce("answer", '')))`),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('faq_status_idx').on(t.status, t.publishedAt),
    index('faq_agency_idx').on(t.agencyId),
    index('faq_procedure_idx').on(t.procedureId),
    index('faq_field_idx').on(t.fieldId),
    index('faq_asker_idx').on(t.askedByUserId),
    index('faq_folded_trgm_idx').using('gin', sql`${t.folded} gin_trgm_ops`),
  ],
);

/** Khảo sát đo lường sự hài lòng (SIPAS): one questionnaire per campaign. */
export const surveyCampaigns = pgTable(
  'survey_campaigns',
  {
    id: uuid().primaryKey().defaultRandom(),
    title: text().notNull(),
    description: text(),
    organiserAgencyId: uuid()
      .notNull()
      .references(() => agencies.id),
    /** Agencies surveyed; open-link respondents choose one of them. */
    targetAgencyIds: uuid().array().notNull(),
    /** draft | open | closed */
    status: text().notNull(),
    opensOn: date({ mode: 'string' }).notNull(),
    closesOn: date({ mode: 'string' }).notNull(),
    /** Public token of the open link; null when the campaign uses only a sample of dossiers. */
    openLinkToken: text().unique(),
    createdById: uuid().references(() => users.id),
    openedAt: timestamp({ withTimezone: true }),
    closedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('survey_campaigns_organiser_idx').on(t.organiserAgencyId)],
);

export const surveyQuestions = pgTable(
  'survey_questions',
  {
    id: uuid().primaryKey().defaultRandom(),
    campaignId: uuid()
      .notNull()
      .references(() => surveyCampaigns.id, { onDelete: 'cascade' }),
    /** access | procedure | civil_servants | result | feedback_handling */
    element: text().notNull(),
    position: smallint().notNull(),
    text: text().notNull(),
    /** scale | text */
    kind: text().notNull(),
    /** 3 or 5 for scale questions. */
    scale: smallint(),
    required: boolean().notNull().default(true),
  },
  (t) => [uniqueIndex('survey_questions_position_uq').on(t.campaignId, t.position)],
);

/** A sampled dossier invited to answer a campaign; its link carries the invitation id and an HMAC token. */
export const surveyInvitations = pgTable(
  'survey_invitations',
  {
    id: uuid().primaryKey().defaultRandom(),
    campaignId: uuid()
      .notNull()
      .references(() => surveyCampaigns.id),
    dossierId: uuid()
      .notNull()
      .references(() => dossiers.id),
    /** The dossier's competent agency, which the answers are about. */
    agencyId: uuid()
      .notNull()
      .references(() => agencies.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    respondedAt: timestamp({ withTimezone: true }),
  },
  (t) => [uniqueIndex('survey_invitations_dossier_uq').on(t.campaignId, t.dossierId)],
);

export const surveyResponses = pgTable(
  'survey_responses',
  {
    id: uuid().primaryKey().defaultRandom(),
    campaignId: uuid()
      .notNull()
      .references(() => surveyCampaigns.id),
    /** Set for a sampled dossier's invitation (one response each). */
    invitationId: uuid()
      .unique()
      .references(() => surveyInvitations.id),
    /** The agency the answers are about. */
    agencyId: uuid()
      .notNull()
      .references(() => agencies.id),
    /** sample | open_link */
    channel: text().notNull(),
    /** Retry key of the submitting client. */
    submissionKey: text().unique(),
    submittedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('survey_responses_campaign_idx').on(t.campaignId, t.agencyId)],
);

export const surveyAnswers = pgTable(
  'survey_answers',
  {
    responseId: uuid()
      .notNull()
      .references(() => surveyResponses.id, { onDelete: 'cascade' }),
    questionId: uuid()
      .notNull()
      .references(() => surveyQuestions.id),
    score: smallint(),
    text: text(),
  },
  (t) => [primaryKey({ columns: [t.responseId, t.questionId] }), index('survey_answers_question_idx').on(t.questionId)],
);

/**
 * Đánh giá của tổ chức, cá nhân về giải quyết hồ sơ (NĐ 118 Điều 33): one per dossier, changeable until
 * `changeableUntil`; a rating a staff member entered for the applicant says so (`onBehalf`, `enteredById`).
 */
export const dossierRatings = pgTable(
  'dossier_ratings',
  {
    id: uuid().primaryKey().defaultRandom(),
    dossierId: uuid()
      .notNull()
      .unique()
      .references(() => dossiers.id),
    /** The dossier's competent agency: figures by agency count here. */
    agencyId: uuid()
      .notNull()
      .references(() => agencies.id),
    procedureId: uuid()
      .notNull()
      .references(() => procedures.id),
    applicantUserId: uuid().references(() => users.id),
    /** 3 or 5 levels, as configured when the rating was first given. */
    scale: smallint().notNull(),
    overall: smallint().notNull(),
    satisfied: boolean().notNull(),
    /** Criteria a–h of Điều 33 on the same scale; absent = not applicable. */
    criteria: jsonb().$type<Record<string, number>>().notNull().default({}),
    comment: text(),
    /** online | desk_tablet | kiosk | paper_form */
    channel: text().notNull(),
    onBehalf: boolean().notNull(),
    enteredById: uuid().references(() => users.id),
    ratedAt: timestamp({ withTimezone: true }).notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
    changeableUntil: timestamp({ withTimezone: true }).notNull(),
    revision: smallint().notNull().default(1),
  },
  (t) => [index('dossier_ratings_agency_idx').on(t.agencyId, t.ratedAt), index('dossier_ratings_rated_idx').on(t.ratedAt)],
);
