/**
 * Writing procedure versions, shared by publication decisions, the import and the demo seeder: which agencies apply
 * a version, inserting a version with its agency rows and audit entry, closing the version it supersedes.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { queryRows, type Executor, type Tx } from '../../db/client';
import { agencies, procedureFields, procedureVersions } from '../../db/schema';
import { recordAudit } from '../../audit/record-audit';
import type { Actor } from '../../auth/actor';
import { AuditAction } from '../../../shared/audit-actions';
import type { ProcedureLevel } from '../../../shared/schemas/catalog';
import { contentHash, type VersionContent } from './catalog-rules';

export interface AgencyRecord {
  id: string;
  key: string;
  name: string;
  shortName: string;
  kind: string;
  path: string;
  identifierCode: string;
  validFrom: string;
  validTo: string | null;
}

const agencyColumns = {
  id: agencies.id,
  key: agencies.key,
  name: agencies.name,
  shortName: agencies.shortName,
  kind: agencies.kind,
  path: agencies.path,
  identifierCode: agencies.identifierCode,
  validFrom: agencies.validFrom,
  validTo: agencies.validTo,
};

export async function findAgency(executor: Executor, id: string): Promise<AgencyRecord | undefined> {
  const [row] = await executor.select(agencyColumns).from(agencies).where(eq(agencies.id, id));
  return row;
}

export async function findAgencies(executor: Executor, ids: readonly string[]): Promise<AgencyRecord[]> {
  if (ids.length === 0) return [];
  return executor.select(agencyColumns).from(agencies).where(inArray(agencies.id, [...ids]));
}

function activeOn(a: { validFrom: string; validTo: string | null }, date: string): boolean {
  return a.validFrom <= date && (a.validTo === null || a.validTo >= date);
}

/** Agency kinds that apply district- and commune-level procedures by default (one row per committee). */
export const DEFAULT_AGENCY_KIND: Record<Exclude<ProcedureLevel, 'province'>, string> = {
  district: 'district_committee',
  commune: 'commune_committee',
};

export type AgencyResolution = { ok: true; agencyIds: string[] } | { ok: false; message: string };

/**
 * The agencies that apply a version valid from `validFrom`. Explicit ids must be agencies of the publishing
 * province (in its subtree) that exist on that date. Without ids: the fallback (the amended version's agencies),
 * else every district (commune) committee of the province for a district (commune) procedure; a provincial
 * procedure must name its agency (the Sở).
 */
export async function resolveVersionAgencies(
  executor: Executor,
  publisher: { path: string },
  level: ProcedureLevel,
  validFrom: string,
  requested: readonly string[] | undefined,
  fallback?: readonly string[],
): Promise<AgencyResolution> {
  if (requested && requested.length > 0) {
    const unique = [...new Set(requested)];
    const found = new Map((await findAgencies(executor, unique)).map((a) => [a.id, a]));
    const bad = unique.filter((id) => {
      const a = found.get(id);
      return !a || !a.path.startsWith(publisher.path) || !activeOn(a, validFrom);
    });
    if (bad.length > 0) {
      return { ok: false, message: `Cơ quan thực hiện không thuộc tỉnh công bố hoặc không hoạt động vào ngày hiệu lực: ${bad.map((id) => found.get(id)?.name ?? id).join('; ')}` };
    }
    return { ok: true, agencyIds: unique.sort() };
  }
  if (fallback && fallback.length > 0) return { ok: true, agencyIds: [...fallback].sort() };
  if (level === 'province') return { ok: false, message: 'Thủ tục cấp tỉnh cần ghi cơ quan thực hiện (Sở, ban, ngành)' };
  const rows = await executor
    .select({ id: agencies.id })
    .from(agencies)
    .where(
      and(
        eq(agencies.kind, DEFAULT_AGENCY_KIND[level]),
        sql`${agencies.path} LIKE ${`${publisher.path}%`}`,
        sql`${agencies.validFrom} <= ${validFrom}::date AND (${agencies.validTo} IS NULL OR ${agencies.validTo} >= ${validFrom}::date)`,
      ),
    );
  if (rows.length === 0) {
    return { ok: false, message: `Tỉnh công bố chưa có ${level === 'district' ? 'UBND cấp huyện' : 'UBND cấp xã'} nào hoạt động vào ngày hiệu lực` };
  }
  return { ok: true, agencyIds: rows.map((r) => r.id).sort() };
}

export async function fieldIdsByCode(executor: Executor, codes: readonly string[]): Promise<Map<string, { id: string; name: string }>> {
  if (codes.length === 0) return new Map();
  const rows = await executor.select().from(procedureFields).where(inArray(procedureFields.code, [...new Set(codes)]));
  return new Map(rows.map((r) => [r.code, { id: r.id, name: r.name }]));
}

/** Column values of a version from its content. */
export function versionValues(content: VersionContent, fieldId: string) {
  return {
    name: content.name,
    fieldId,
    level: content.level,
    departmentKey: content.departmentKey ?? null,
    timeValue: content.time.value,
    timeUnit: content.time.unit,
    timeNote: content.time.note ?? null,
    onlineLevel: content.onlineLevel,
    onlineScope: content.onlineScope,
    onTheSpot: content.onTheSpot,
    interAgency: content.interAgency,
    postalReturn: content.postalReturn,
    cutoffTime: content.cutoffTime ?? null,
    methods: content.methods,
    subjects: content.subjects,
    steps: content.steps,
    documents: content.documents.map((d) => ({ name: d.name, originals: d.originals, copies: d.copies, formName: d.formName ?? null, formUrl: d.formUrl ?? null })),
    sets: content.sets,
    result: content.result,
    conditions: content.conditions ?? null,
    fees: content.fees.map((f) => ({ name: f.name, amount: f.amount, note: f.note ?? null })),
    feeExemptions: content.feeExemptions ?? null,
    legalBasis: content.legalBasis.map((l) => ({ number: l.number, title: l.title, issuedOn: l.issuedOn ?? null, url: l.url ?? null })),
  };
}

/** Serialises concurrent writers of one procedure's versions (decision, import) until the transaction ends. */
export async function lockProcedure(tx: Tx, procedureId: string): Promise<void> {
  await tx.execute(sql`SELECT id FROM procedures WHERE id = ${procedureId} FOR UPDATE`);
}

export async function insertVersionAgencies(tx: Tx, versionId: string, agencyIds: readonly string[]): Promise<void> {
  if (agencyIds.length === 0) return;
  // One statement whatever the number of agencies (a commune procedure has a row per commune committee).
  await tx.execute(
    sql`INSERT INTO procedure_version_agencies (version_id, agency_id)
        SELECT ${versionId}::uuid, a::uuid FROM jsonb_array_elements_text(${JSON.stringify(agencyIds)}::jsonb) AS a`,
  );
}

export interface NewVersion {
  procedureId: string;
  code: string;
  content: VersionContent;
  fieldId: string;
  agencyIds: readonly string[];
  validFrom: string;
  decisionId: string | null;
  origin: 'decision' | 'import' | 'seed';
}

/** Inserts the next version of a procedure with its agencies, and audits it. The caller closed the previous one. */
export async function insertVersion(tx: Tx, actor: Actor, v: NewVersion): Promise<{ id: string; versionNo: number }> {
  const [next] = await queryRows<{ n: number }>(tx, sql`SELECT coalesce(max(version_no), 0)::int + 1 AS n FROM procedure_versions WHERE procedure_id = ${v.procedureId}`);
  const versionNo = Number(next!.n);
  const [row] = await tx
    .insert(procedureVersions)
    .values({
      procedureId: v.procedureId,
      versionNo,
      validFrom: v.validFrom,
      decisionId: v.decisionId,
      origin: v.origin,
      ...versionValues(v.content, v.fieldId),
      contentHash: contentHash(v.content, v.agencyIds),
      createdById: actor.userId,
    })
    .returning({ id: procedureVersions.id });
  await insertVersionAgencies(tx, row!.id, v.agencyIds);
  await recordAudit(tx, actor, {
    action: AuditAction.CATALOG_VERSION_CREATED,
    subjectType: 'procedure',
    subjectId: v.procedureId,
    summary: { code: v.code, versionId: row!.id, versionNo, validFrom: v.validFrom, origin: v.origin, decisionId: v.decisionId, agencies: v.agencyIds.length },
  });
  return { id: row!.id, versionNo };
}

/** Ends a version the day before its successor takes effect (validTo is inclusive). */
export async function closeVersion(tx: Tx, versionId: string, validTo: string): Promise<void> {
  await tx.update(procedureVersions).set({ validTo, updatedAt: new Date() }).where(eq(procedureVersions.id, versionId));
}
