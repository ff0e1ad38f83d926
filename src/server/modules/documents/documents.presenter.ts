import type { Executor } from '../../db/client';
import type { Actor } from '../../auth/actor';
import { abilitiesFor } from '../../policies';
import { formatDocumentCitation } from '../../../shared/document-citation';
import {
  documentTypeLabels,
  effectStatusLabels,
  reviewKindLabels,
  reviewResultLabels,
  type DocumentDetail,
  type DocumentReviewView,
  type DocumentSummary,
  type DocumentType,
  type EffectStatus,
  type IssuerLevel,
  type ReviewKind,
  type ReviewResult,
} from '../../../shared/schemas/documents';
import { effectStatusesAsOf, findFileName, listDocumentEffects, listDocumentReviews, type RegistryDocument } from './documents.queries';

const DOCUMENT_ACTIONS = ['update', 'record_effect', 'record_review'] as const;

export function presentDocumentSummary(doc: RegistryDocument, status: EffectStatus | null): DocumentSummary {
  return {
    id: doc.id,
    numberSymbol: doc.numberSymbol,
    docType: doc.docType as DocumentType,
    docTypeLabel: documentTypeLabels[doc.docType as DocumentType],
    issuerName: doc.issuerName,
    issuerLevel: doc.issuerLevel as IssuerLevel,
    issuedOn: doc.issuedOn,
    subject: doc.subject,
    areas: doc.areas,
    tags: doc.tags,
    isLegal: doc.isLegal,
    effectStatus: doc.isLegal ? status : null,
    citation: formatDocumentCitation(doc),
  };
}

/** Summaries with each legal document's status as of `asOf`. */
export async function presentDocumentSummaries(executor: Executor, docs: RegistryDocument[], asOf: string): Promise<DocumentSummary[]> {
  const statuses = await effectStatusesAsOf(executor, docs.filter((d) => d.isLegal).map((d) => d.id), asOf);
  return docs.map((d) => presentDocumentSummary(d, statuses.get(d.id) ?? null));
}

type ReviewRow = Awaited<ReturnType<typeof listDocumentReviews>>['items'][number];

export function presentReview(row: ReviewRow): DocumentReviewView {
  const r = row.review;
  return {
    id: r.id,
    documentId: r.documentId,
    subject: row.documentNumberSymbol ? `${row.documentNumberSymbol} — ${row.documentSubject}` : (r.subjectText ?? ''),
    kind: r.kind as ReviewKind,
    kindLabel: reviewKindLabels[r.kind as ReviewKind],
    reviewedOn: r.reviewedOn,
    reviewerAgencyId: r.reviewerAgencyId,
    reviewerAgencyName: row.reviewerAgencyName,
    result: r.result as ReviewResult,
    resultLabel: reviewResultLabels[r.result as ReviewResult],
    note: r.note,
  };
}

export async function presentDocumentDetail(executor: Executor, actor: Actor, doc: RegistryDocument, today: string): Promise<DocumentDetail> {
  const [summary] = await presentDocumentSummaries(executor, [doc], today);
  const effects = await listDocumentEffects(executor, doc.id);
  const reviews = await listDocumentReviews(executor, { documentId: doc.id });
  return {
    ...summary!,
    issuerAgencyId: doc.issuerAgencyId,
    signerName: doc.signerName,
    signerTitle: doc.signerTitle,
    effectiveFrom: doc.effectiveFrom,
    fileId: doc.fileId,
    fileName: await findFileName(executor, doc.fileId),
    note: doc.note,
    effects: effects.map(({ effect: e, basisNumberSymbol }) => ({
      id: e.id,
      status: e.status as EffectStatus,
      statusLabel: effectStatusLabels[e.status as EffectStatus],
      effectiveOn: e.effectiveOn,
      basisDocumentId: e.basisDocumentId,
      basisLabel: basisNumberSymbol ?? e.basisText,
      note: e.note,
    })),
    reviews: reviews.items.map(presentReview),
    abilities: abilitiesFor(actor, 'reform_document', doc, DOCUMENT_ACTIONS),
  };
}
