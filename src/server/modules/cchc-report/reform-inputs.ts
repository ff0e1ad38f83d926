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
import { countDocumentReviews, findDocument, legalDocumentFigures, listDocumentsIssued, publishedEffectLists } from '../documents/documents.queries';
import { inspectionFigures, listInspectionPlans } from '../inspections/inspections.queries';
import { listPlans, taskFigures } from '../reform-plans/reform-plans.queries';
import { autonomyFigures, personnelChangeTotals, quotaTotals, restructuringSchemeTotals, staffTotalsAsOf } from '../staffing/staffing.queries';
import { findRoundsForPeriod, getRoundReportsForComposer, roundCounts, todayLocal } from '../unit-reports/unit-reports.queries';

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
  /**
   * Lists of expired or suspended legal documents published in the period (e.g. Quyết định 150/QĐ-UBND of January 2021
   * on those of 2020), with what each declares, by issuer: the changes may date from before the period.
   */
  effectLists: { list: CitedDocument; expiredWhole: { council: number; committee: number }; expiredPart: { council: number; committee: number }; suspended: number }[];
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
  const effectLists = (await publishedEffectLists(executor, range)).map(({ list, counts }) => {
    const n = (status: string, level?: string) => counts.filter((c) => c.status === status && (!level || c.issuerLevel === level)).reduce((sum, c) => sum + Number(c.count), 0);
    return {
      list: cited(list),
      expiredWhole: { council: n('expired_whole', 'provincial_council'), committee: n('expired_whole', 'provincial') },
      expiredPart: { council: n('expired_part', 'provincial_council'), committee: n('expired_part', 'provincial') },
      suspended: n('suspended'),
    };
  });
  if (issued.length === 0 && reviews.length === 0 && effectLists.length === 0 && council.expiredWhole + council.expiredPart + committee.expiredWhole + committee.expiredPart + council.suspended + committee.suspended === 0) {
    return null;
  }
  const sum = (pred: (r: { kind: string; result: string }) => boolean) => reviews.filter(pred).reduce((n, r) => n + Number(r.count), 0);
  return {
    issued: issued.map(cited),
    expiredWhole: { council: council.expiredWhole, committee: committee.expiredWhole },
    expiredPart: { council: council.expiredPart, committee: committee.expiredPart },
    suspended: council.suspended + committee.suspended,
    effectLists,
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
    staffing: await loadStaffingInputs(executor, period),
    inspections: await loadInspectionInputs(executor, period),
    unitReports: await loadUnitReportInputs(executor, period),
  };
}

/** Quotas of the year, head counts at the period's end, personnel changes and schemes in the period, autonomy at its end. */
export async function loadStaffingInputs(executor: Executor, period: ReportPeriod): Promise<StaffingInputs | null> {
  const quotas = await quotaTotals(executor, period.year);
  const staff = await staffTotalsAsOf(executor, period.to);
  const changes = await personnelChangeTotals(executor, period);
  const schemes = await restructuringSchemeTotals(executor, period);
  const autonomy = await autonomyFigures(executor, period.to);
  const anyQuota = Object.values(quotas).some((n) => n > 0);
  const anyAutonomy = autonomy.administrativeBodies.mandatory + autonomy.administrativeBodies.voluntaryApplying + autonomy.publicServiceUnits.mandatory > 0;
  if (!anyQuota && staff.agencies === 0 && changes.length === 0 && schemes.count === 0 && !anyAutonomy) return null;
  const byKind: Record<string, number> = {};
  for (const c of changes) byKind[c.kind] = (byKind[c.kind] ?? 0) + Number(c.persons);
  return {
    quotas: {
      civilServant: quotas.civil_servant,
      publicEmployee: quotas.public_employee,
      contract68Admin: quotas.contract68_admin,
      contract68ServiceUnit: quotas.contract68_service_unit,
      contract68Association: quotas.contract68_association,
    },
    staff: { ...staff, asOf: staff.agencies > 0 ? period.to : null },
    changes: byKind,
    schemes,
    autonomy: {
      bodiesMandatory: autonomy.administrativeBodies.mandatory,
      bodiesApplying: autonomy.administrativeBodies.mandatoryApplying,
      bodiesVoluntary: autonomy.administrativeBodies.voluntaryApplying,
      unitsMandatory: autonomy.publicServiceUnits.mandatory,
      unitsApplying: autonomy.publicServiceUnits.mandatoryApplying,
      selfFinancing: autonomy.publicServiceUnits.byClass.self_financing,
      partlySelfFinancing: autonomy.publicServiceUnits.byClass.partly_self_financing,
      stateFunded: autonomy.publicServiceUnits.byClass.state_funded,
    },
  };
}

const INSPECTED_LEVEL: Record<string, 'district' | 'commune'> = { district_committee: 'district', commune_committee: 'commune' };

/** Inspections started in the period, by level of the inspected agency; the inspection plan of the year and its document. */
export async function loadInspectionInputs(executor: Executor, period: ReportPeriod): Promise<InspectionInputs | null> {
  const figures = await inspectionFigures(executor, period);
  const plans = await listInspectionPlans(executor, period.year);
  if (figures.inspections === 0 && plans.length === 0) return null;
  const planDocId = plans.find((p) => p.plan.documentId)?.plan.documentId;
  const planDoc = planDocId ? await findDocument(executor, planDocId) : undefined;
  return {
    plan: planDoc ? cited(planDoc) : null,
    inspected: figures.byAgencyKind.flatMap((k) => k.agencies.map((agencyName) => ({ agencyName, level: INSPECTED_LEVEL[k.agencyKind] ?? ('province' as const) }))),
  };
}

/**
 * The units' periodic reports of the period: the rounds covering exactly the period (else those within it), their
 * completeness and timeliness, and the narrative of the accepted reports by section (reform area, or the section's
 * kind: direction, strengths, limitations, next_tasks).
 */
export async function loadUnitReportInputs(executor: Executor, period: ReportPeriod, today: string = todayLocal()): Promise<UnitReportInputs | null> {
  const within = await findRoundsForPeriod(executor, period);
  if (within.length === 0) return null;
  const exact = within.filter((r) => r.periodFrom === period.from && r.periodTo === period.to);
  const rounds = exact.length > 0 ? exact : within;
  const counts = await roundCounts(executor, rounds.map((r) => r.id), today);
  const total = { expected: 0, submitted: 0, onTime: 0, late: 0, missing: 0 };
  for (const c of counts.values()) {
    total.expected += c.expected;
    total.submitted += c.submitted;
    total.onTime += c.onTime;
    total.late += c.late;
    total.missing += c.missing;
  }
  const narratives: Record<string, { unit: string; text: string }[]> = {};
  for (const round of rounds) {
    for (const report of await getRoundReportsForComposer(executor, round.id, { include: 'accepted' })) {
      for (const section of report.narrative) {
        if (!section.text.trim()) continue;
        const key = section.kind === 'area_results' && section.area ? section.area : section.kind;
        (narratives[key] ??= []).push({ unit: report.agency.shortName || report.agency.name, text: section.text });
      }
    }
  }
  return { ...total, narratives };
}
