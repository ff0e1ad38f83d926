/**
 * The reform records the provincial report reads, in the shape it needs: documents issued in the period (its
 * footnotes) and the legal-document work (registry), the year's plan and its tasks (plans), quotas, head counts,
 * personnel changes, restructuring schemes and autonomy (staffing), inspections, and the units' periodic reports.
 * Each is `null` while its module holds nothing for the period; the report then prints its figures as missing.
 */
import { isNull } from 'drizzle-orm';
import type { ReportPeriod } from '../../../shared/schemas/cchc-report';
import type { Executor } from '../../db/client';
import { agencies } from '../../db/schema';
import { countDocumentReviews, findDocument, legalDocumentFigures, listDocumentsIssued } from '../documents/documents.queries';
import { listPlans, taskFigures } from '../reform-plans/reform-plans.queries';

/** A registry document as the report cites it (shared/document-citation.ts formats it). */
export interface CitedDocument {
  numberSymbol: string;
  docType: string;
  issuerName: string;
  /** central | party | provincial_council | provincial | district | commune | other */
  issuerLevel: string;
  issuedOn: string;
  subject: string;
  areas: string[];
  tags: string[];
  isLegal: boolean;
}

export interface RegistryInputs {
  /** Documents issued in the period, by date. */
  issued: CitedDocument[];
  /** Legal documents of the province whose status changed in the period, by issuer level. */
  expiredWhole: { council: number; committee: number };
  expiredPart: { council: number; committee: number };
  suspended: number;
  /** Reviews and inspections of legal documents recorded in the period. */
  reviews: { selfInspection: number; authorityInspection: number; review: number; nationalDatabase: number; unlawfulSigns: number };
}

export interface PlanInputs {
  /** The province's reform plan of the year and its document. */
  title: string;
  document: CitedDocument | null;
  tasks: { total: number; done: number; inProgress: number; overdue: number; byArea: Record<string, number> };
}

export interface StaffingInputs {
  quotas: { civilServant: number; publicEmployee: number; contract68Admin: number; contract68ServiceUnit: number; contract68Association: number };
  staff: { total: number; postgraduate: number; university: number; collegeOrBelow: number; theorySenior: number; theoryIntermediate: number; educationHealth: number; asOf: string | null };
  /** Persons per kind of change in the period (retirement, resignation, appointment, recruitment, promotion_exam, discipline). */
  changes: Record<string, number>;
  schemes: { count: number; agencies: string[] };
  autonomy: {
    bodiesMandatory: number;
    bodiesApplying: number;
    bodiesVoluntary: number;
    unitsMandatory: number;
    unitsApplying: number;
    selfFinancing: number;
    partlySelfFinancing: number;
    stateFunded: number;
  };
}

export interface InspectionInputs {
  plan: CitedDocument | null;
  inspected: { agencyName: string; level: 'province' | 'district' | 'commune' }[];
}

export interface UnitReportInputs {
  expected: number;
  submitted: number;
  onTime: number;
  late: number;
  missing: number;
  /** Narrative per reform area or section key from accepted unit reports: unit name and text. */
  narratives: Record<string, { unit: string; text: string }[]>;
}

export interface ReformInputs {
  registry: RegistryInputs | null;
  plans: PlanInputs | null;
  staffing: StaffingInputs | null;
  inspections: InspectionInputs | null;
  unitReports: UnitReportInputs | null;
}

/** Registry figures: documents issued in the period, effect changes of the province's legal documents, reviews. */
export async function loadRegistryInputs(executor: Executor, period: ReportPeriod): Promise<RegistryInputs | null> {
  const range = { from: period.from, to: period.to };
  const issued = await listDocumentsIssued(executor, range);
  const council = await legalDocumentFigures(executor, range, ['provincial_council']);
  const committee = await legalDocumentFigures(executor, range, ['provincial']);
  const reviews = await countDocumentReviews(executor, range);
  if (issued.length === 0 && reviews.length === 0 && council.expiredWhole + council.expiredPart + committee.expiredWhole + committee.expiredPart + council.suspended + committee.suspended === 0) {
    return null;
  }
  const sum = (pred: (r: { kind: string; result: string }) => boolean) => reviews.filter(pred).reduce((n, r) => n + Number(r.count), 0);
  return {
    issued: issued.map(cited),
    expiredWhole: { council: council.expiredWhole, committee: committee.expiredWhole },
    expiredPart: { council: council.expiredPart, committee: committee.expiredPart },
    suspended: council.suspended + committee.suspended,
    reviews: {
      selfInspection: sum((r) => r.kind === 'self_inspection'),
      authorityInspection: sum((r) => r.kind === 'authority_inspection'),
      review: sum((r) => r.kind === 'review' || r.kind === 'systematisation'),
      nationalDatabase: sum((r) => r.kind === 'national_database'),
      unlawfulSigns: sum((r) => r.result === 'unlawful_signs'),
    },
  };
}

function cited(d: CitedDocument): CitedDocument {
  return {
    numberSymbol: d.numberSymbol,
    docType: d.docType,
    issuerName: d.issuerName,
    issuerLevel: d.issuerLevel,
    issuedOn: d.issuedOn,
    subject: d.subject,
    areas: d.areas,
    tags: d.tags,
    isLegal: d.isLegal,
  };
}

/** The province's reform plan of the year (the plan of the top agency, UBND tỉnh, when there are several) and its tasks at the period's end. */
export async function loadPlanInputs(executor: Executor, period: ReportPeriod): Promise<PlanInputs | null> {
  const plans = await listPlans(executor, period.year);
  if (plans.length === 0) return null;
  const roots = new Set((await executor.select({ id: agencies.id }).from(agencies).where(isNull(agencies.parentId))).map((a) => a.id));
  const chosen = plans.find((p) => roots.has(p.plan.agencyId)) ?? plans[0]!;
  const rows = await taskFigures(executor, { from: period.from, to: period.to, year: period.year, planAgencyId: chosen.plan.agencyId });
  const total = rows.reduce((n, r) => n + r.planned, 0);
  const done = rows.reduce((n, r) => n + r.completedByEnd, 0);
  const overdue = rows.reduce((n, r) => n + r.overdueAtEnd, 0);
  const document = chosen.plan.documentId ? await findDocument(executor, chosen.plan.documentId) : undefined;
  return {
    title: chosen.plan.title,
    document: document ? cited(document) : null,
    tasks: { total, done, inProgress: total - done - overdue, overdue, byArea: Object.fromEntries(rows.map((r) => [r.area, r.planned])) },
  };
}

export async function loadReformInputs(executor: Executor, period: ReportPeriod): Promise<ReformInputs> {
  return {
    registry: await loadRegistryInputs(executor, period),
    plans: await loadPlanInputs(executor, period),
    staffing: null,
    inspections: null,
    unitReports: null,
  };
}
