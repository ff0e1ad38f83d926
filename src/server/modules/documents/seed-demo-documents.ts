/**
 * Loads the documents the seed report cites (demo/demo-documents.data.ts) into the registry, the effect changes the
 * 2021 documents cause, and the review records of section II.1.b (self-inspection of the 17 legal documents of 2021,
 * inspection of 21 documents of the district councils, 40 documents updated on the national database), and the
 * placeholder documents that Quyết định 150/QĐ-UBND lists as expired in 2020. Idempotent:
 * documents already registered (by number, issuer and year) are skipped, and reviews are loaded once.
 */
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { registryDocumentEffects, registryDocumentReviews } from '../../db/schema';
import type { Actor } from '../../auth/actor';
import type { DemoSeeder } from '../../seed/seed-demo';
import { addCalendarDays } from '../../../shared/calendar';
import { districtRows } from '../units/demo/demo-province.source';
import {
  DEMO_DAYS_TO_EFFECT,
  DEMO_EFFECT_LIST,
  DEMO_LISTED_SUBJECT,
  demoDocuments,
  demoEffects,
  demoIssuers,
  demoListedDocuments,
  demoReviewCounts,
  type DemoDocument,
  type DemoIssuer,
} from './demo/demo-documents.data';
import { findDocumentByNumber, type RegistryDocument } from './documents.queries';
import { insertDocument } from './save-document';

const REVIEWER_KEY = 'STP';
const REVIEW_PLAN = '1993/KH-UBND';
const LAST_REVIEW_DAY = '2021-06-14';

export async function findDemoDocument(tx: Tx, numberSymbol: string): Promise<RegistryDocument> {
  const d = demoDocuments.find((x) => x.numberSymbol === numberSymbol);
  if (!d) throw new Error(`Demo document ${numberSymbol} is not in demo-documents.data.ts`);
  const found = await findDocumentByNumber(tx, d.numberSymbol, demoIssuers[d.issuer].name, d.issuedOn);
  if (!found) throw new Error(`Demo document ${numberSymbol} is not loaded`);
  return found;
}

function values(d: DemoDocument, agencyIds: Map<string, string>) {
  const issuer: DemoIssuer = demoIssuers[d.issuer];
  return {
    numberSymbol: d.numberSymbol,
    docType: d.docType,
    issuerName: issuer.name,
    issuerLevel: issuer.level,
    issuerAgencyId: issuer.agencyKey ? (agencyIds.get(issuer.agencyKey) ?? null) : null,
    issuedOn: d.issuedOn,
    signerName: null,
    signerTitle: null,
    subject: d.subject,
    areas: d.areas,
    tags: d.tags,
    isLegal: d.legal ?? false,
    effectiveFrom: d.legal ? addCalendarDays(d.issuedOn, DEMO_DAYS_TO_EFFECT) : null,
    fileId: null,
    note: null,
  };
}

/** Spreads `count` dates evenly over [from, to]. */
function spreadDates(count: number, from: string, to: string): string[] {
  const span = (Date.parse(to) - Date.parse(from)) / 86_400_000;
  return Array.from({ length: count }, (_, i) => addCalendarDays(from, Math.floor((span * (i + 0.5)) / count)));
}

export async function seedDemoDocuments(tx: Tx, actor: Actor, agencyIds: Map<string, string>): Promise<number> {
  let added = 0;
  for (const d of demoDocuments) {
    if (await findDocumentByNumber(tx, d.numberSymbol, demoIssuers[d.issuer].name, d.issuedOn)) continue;
    await insertDocument(tx, actor, values(d, agencyIds));
    added += 1;
  }

  for (const e of demoEffects) {
    const target = await findDemoDocument(tx, e.numberSymbol);
    const basis = await findDemoDocument(tx, e.basis);
    const [exists] = await tx
      .select({ id: registryDocumentEffects.id })
      .from(registryDocumentEffects)
      .where(and(eq(registryDocumentEffects.documentId, target.id), eq(registryDocumentEffects.basisDocumentId, basis.id)));
    if (exists) continue;
    await tx.insert(registryDocumentEffects).values({ documentId: target.id, status: e.status, effectiveOn: basis.effectiveFrom!, basisDocumentId: basis.id, note: e.note, createdById: actor.userId });
    added += 1;
  }

  const effectList = await findDemoDocument(tx, DEMO_EFFECT_LIST);
  for (const d of demoListedDocuments) {
    const issuer = demoIssuers[d.issuer];
    if (await findDocumentByNumber(tx, d.numberSymbol, issuer.name, d.issuedOn)) continue;
    const doc = await insertDocument(tx, actor, {
      ...values({ numberSymbol: d.numberSymbol, docType: d.docType, issuer: d.issuer, issuedOn: d.issuedOn, subject: DEMO_LISTED_SUBJECT, areas: ['institutions'], tags: ['placeholder'], legal: true }, agencyIds),
    });
    await tx.insert(registryDocumentEffects).values({ documentId: doc.id, status: d.status, effectiveOn: d.effectiveOn, basisDocumentId: effectList.id, createdById: actor.userId });
    added += 2;
  }

  const plan = await findDemoDocument(tx, REVIEW_PLAN);
  const [reviewed] = await tx.select({ id: registryDocumentReviews.id }).from(registryDocumentReviews).where(eq(registryDocumentReviews.basisDocumentId, plan.id)).limit(1);
  if (!reviewed) {
    const reviewerAgencyId = agencyIds.get(REVIEWER_KEY) ?? null;
    const review = (v: Partial<typeof registryDocumentReviews.$inferInsert> & { kind: string; reviewedOn: string }) =>
      tx.insert(registryDocumentReviews).values({ result: 'lawful', reviewerAgencyId, basisDocumentId: plan.id, createdById: actor.userId, ...v });
    const legal2021 = demoDocuments.filter((d) => d.legal && d.issuedOn.startsWith('2021'));
    if (legal2021.length !== demoReviewCounts.selfInspection) throw new Error('Demo reviews: the self-inspected documents are the legal documents of 2021');
    for (const d of legal2021) {
      const doc = await findDemoDocument(tx, d.numberSymbol);
      const on = (days: number) => [addCalendarDays(d.issuedOn, days), LAST_REVIEW_DAY].sort()[0]!;
      await review({ documentId: doc.id, kind: 'self_inspection', reviewedOn: on(14) });
      await review({ documentId: doc.id, kind: 'national_database', result: 'recorded', reviewedOn: on(20) });
    }
    // District councils' documents checked by the province: spread over the eight districts.
    const districts = districtRows.map((r) => `${{ city: 'thành phố', town: 'thị xã', district: 'huyện' }[r.kind]} ${r.properName}`);
    const dates = spreadDates(demoReviewCounts.authorityInspection, '2021-02-01', '2021-06-10');
    for (let i = 0; i < demoReviewCounts.authorityInspection; i++) {
      await review({ subjectText: `Nghị quyết QPPL của Hội đồng nhân dân ${districts[i % districts.length]} (văn bản ${i + 1}/${demoReviewCounts.authorityInspection} trong 6 tháng)`, kind: 'authority_inspection', reviewedOn: dates[i]! });
    }
    const older = demoReviewCounts.nationalDatabase - legal2021.length;
    const olderDates = spreadDates(older, '2021-01-05', '2021-03-31');
    for (let i = 0; i < older; i++) {
      const year = i < 19 ? 'năm 2020' : 'trước năm 2020';
      await review({ subjectText: `Văn bản QPPL của HĐND, UBND tỉnh ban hành ${year} (cập nhật lên Cơ sở dữ liệu quốc gia, ${i + 1}/${older})`, kind: 'national_database', result: 'recorded', reviewedOn: olderDates[i]! });
    }
    added += legal2021.length * 2 + demoReviewCounts.authorityInspection + older;
  }
  return added;
}

export const documentsSeeder: DemoSeeder = {
  name: 'documents',
  run: (tx, actor, state) => seedDemoDocuments(tx, actor, state.agencyIds),
};
