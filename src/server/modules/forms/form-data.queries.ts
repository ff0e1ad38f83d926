/** What the forms read about a dossier: the row, its agencies (heading block), documents, log and steps. */
import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { adminUnits, agencies, departments, dossierActions, dossierAgencyPeriods, dossierDocuments, dossierSteps, dossiers, users } from '../../db/schema';
import type { FormAgency } from '../../../shared/schemas/forms';
import type { DossierSubject } from '../../policies/dossiers.policy';

export type FormDossierRow = typeof dossiers.$inferSelect;
export type FormActionRow = typeof dossierActions.$inferSelect;

export interface AgencyHeading extends FormAgency {
  id: string;
  path: string;
}

const UNIT_PREFIX = /^(tỉnh|thành phố|thị xã|thị trấn|huyện|quận|phường|xã)\s+/iu;

/** The place name of the date line: the unit's name without its kind ("Tỉnh Hậu Giang" → "Hậu Giang"). */
export function placeOfUnit(unitName: string): string {
  return unitName.normalize('NFC').replace(UNIT_PREFIX, '').trim() || unitName;
}

/** Heading blocks of agencies by id: name, parent name, place (from the agency's administrative unit), phone. */
export async function loadAgencyHeadings(executor: Executor, ids: string[]): Promise<Map<string, AgencyHeading>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const parent = sql<string | null>`(SELECT p.name FROM agencies p WHERE p.id = ${agencies.parentId})`;
  const rows = await executor
    .select({ id: agencies.id, path: agencies.path, name: agencies.name, phone: agencies.phone, parentName: parent, unitName: adminUnits.name })
    .from(agencies)
    .innerJoin(adminUnits, eq(adminUnits.id, agencies.unitId))
    .where(inArray(agencies.id, unique));
  return new Map(
    rows.map((r) => [r.id, { id: r.id, path: r.path, name: r.name, parentName: r.parentName, deskName: null, place: placeOfUnit(r.unitName), phone: r.phone }]),
  );
}

export interface FormDossier {
  row: FormDossierRow;
  receiving: AgencyHeading;
  competent: AgencyHeading;
  /** The dossier policy's subject (src/server/policies/dossiers.policy.ts). */
  subject: DossierSubject;
  receivedByName: string | null;
  documents: (typeof dossierDocuments.$inferSelect)[];
  actions: FormActionRow[];
  steps: (typeof dossierSteps.$inferSelect)[];
  periods: (typeof dossierAgencyPeriods.$inferSelect)[];
  /** Names of agencies and departments the log refers to. */
  names: Map<string, string>;
}

export async function findFormDossier(executor: Executor, dossierId: string): Promise<FormDossier | undefined> {
  const [row] = await executor.select().from(dossiers).where(eq(dossiers.id, dossierId));
  if (!row) return undefined;
  const [documents, actions, steps, periods] = await Promise.all([
    executor.select().from(dossierDocuments).where(eq(dossierDocuments.dossierId, dossierId)).orderBy(asc(dossierDocuments.createdAt), asc(dossierDocuments.checklistIndex)),
    executor.select().from(dossierActions).where(eq(dossierActions.dossierId, dossierId)).orderBy(asc(dossierActions.seq)),
    executor.select().from(dossierSteps).where(eq(dossierSteps.dossierId, dossierId)).orderBy(asc(dossierSteps.position)),
    executor.select().from(dossierAgencyPeriods).where(eq(dossierAgencyPeriods.dossierId, dossierId)).orderBy(asc(dossierAgencyPeriods.startedAt)),
  ]);
  const referenced = new Set<string>([row.receivingAgencyId, row.competentAgencyId, row.currentAgencyId, ...row.agencyIds]);
  const departmentIds = new Set<string>();
  for (const a of actions) {
    const p = a.payload as { agencyId?: string | null; departmentId?: string | null };
    if (p.agencyId) referenced.add(p.agencyId);
    if (p.departmentId) departmentIds.add(p.departmentId);
  }
  const headings = await loadAgencyHeadings(executor, [...referenced]);
  const names = new Map<string, string>([...headings.values()].map((h) => [h.id, h.name]));
  if (departmentIds.size > 0) {
    const depts = await executor.select({ id: departments.id, name: departments.name }).from(departments).where(inArray(departments.id, [...departmentIds]));
    for (const d of depts) names.set(d.id, d.name);
  }
  const [receivedBy] = row.receivedById ? await executor.select({ name: users.fullName }).from(users).where(eq(users.id, row.receivedById)) : [];
  return {
    row,
    receiving: headings.get(row.receivingAgencyId)!,
    competent: headings.get(row.competentAgencyId)!,
    subject: {
      id: row.id,
      applicantUserId: row.applicantUserId,
      agencyPaths: row.agencyIds.map((id) => headings.get(id)?.path).filter((p): p is string => !!p),
      currentAgencyPath: headings.get(row.currentAgencyId)?.path ?? '',
      receivingAgencyPath: headings.get(row.receivingAgencyId)!.path,
      competentAgencyPath: headings.get(row.competentAgencyId)!.path,
    },
    receivedByName: receivedBy?.name ?? null,
    documents,
    actions,
    steps,
    periods,
    names,
  };
}
