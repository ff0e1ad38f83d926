/**
 * Exports the catalog as of a date in the import format (XLSX or CSV), so an exported file imports back unchanged.
 * District- and commune-level procedures applied by every committee of their level leave "Cơ quan thực hiện" empty.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { agencies, procedureFields, procedureVersionAgencies, procedureVersions, procedures, publicationDecisions } from '../../db/schema';
import type { ProcedureLevel } from '../../../shared/schemas/catalog';
import { todayInVietnam } from './catalog-rules';
import { contentOfVersion, type ProcedureVersionRecord } from './catalog.queries';
import { CATALOG_COLUMNS, COLUMN_NOTES, joinParts, text, writeCsv, writeXlsx, type CatalogColumnKey } from './catalog-file';
import { resolveVersionAgencies } from './procedure-versions';

export interface ExportInput {
  format: 'xlsx' | 'csv';
  asOf?: string | undefined;
  publishingAgencyId?: string | undefined;
}

export async function exportCatalog(executor: Executor, input: ExportInput): Promise<{ body: Buffer; filename: string; contentType: string }> {
  const asOf = input.asOf ?? todayInVietnam();
  const conditions = [sql`${procedureVersions.validFrom} <= ${asOf}::date AND (${procedureVersions.validTo} IS NULL OR ${procedureVersions.validTo} >= ${asOf}::date)`];
  if (input.publishingAgencyId) conditions.push(eq(procedures.publishingAgencyId, input.publishingAgencyId));
  const rows = await executor
    .select({ version: procedureVersions, code: procedures.code, publishingAgencyId: procedures.publishingAgencyId, publisherPath: agencies.path, fieldCode: procedureFields.code, fieldName: procedureFields.name })
    .from(procedureVersions)
    .innerJoin(procedures, eq(procedures.id, procedureVersions.procedureId))
    .innerJoin(agencies, eq(agencies.id, procedures.publishingAgencyId))
    .innerJoin(procedureFields, eq(procedureFields.id, procedureVersions.fieldId))
    .where(and(...conditions))
    .orderBy(sql`CASE ${procedureVersions.level} WHEN 'province' THEN 1 WHEN 'district' THEN 2 ELSE 3 END`, procedureFields.name, procedureVersions.name);

  const versionIds = rows.map((r) => r.version.id);
  const agencyRows = versionIds.length
    ? await executor
        .select({ versionId: procedureVersionAgencies.versionId, agencyId: agencies.id, identifierCode: agencies.identifierCode })
        .from(procedureVersionAgencies)
        .innerJoin(agencies, eq(agencies.id, procedureVersionAgencies.agencyId))
        .where(inArray(procedureVersionAgencies.versionId, versionIds))
        .orderBy(agencies.path)
    : [];
  const agenciesOf = new Map<string, { id: string; code: string }[]>();
  for (const a of agencyRows) {
    const list = agenciesOf.get(a.versionId) ?? [];
    list.push({ id: a.agencyId, code: a.identifierCode });
    agenciesOf.set(a.versionId, list);
  }
  const decisionIds = [...new Set(rows.map((r) => r.version.decisionId).filter((d): d is string => !!d))];
  const decisionNumbers = new Map(
    decisionIds.length ? (await executor.select({ id: publicationDecisions.id, number: publicationDecisions.number }).from(publicationDecisions).where(inArray(publicationDecisions.id, decisionIds))).map((d) => [d.id, d.number]) : [],
  );

  const defaults = new Map<string, string>();
  async function defaultSet(publisherPath: string, level: ProcedureLevel, validFrom: string): Promise<string> {
    const key = `${publisherPath}|${level}|${validFrom}`;
    if (!defaults.has(key)) {
      const r = level === 'province' ? null : await resolveVersionAgencies(executor, { path: publisherPath }, level, validFrom, undefined);
      defaults.set(key, r && r.ok ? r.agencyIds.join(',') : '');
    }
    return defaults.get(key)!;
  }

  const body: string[][] = [];
  for (const r of rows) {
    const record: ProcedureVersionRecord = { ...r.version, code: r.code, publishingAgencyId: r.publishingAgencyId, replacesProcedureId: null, fieldCode: r.fieldCode, fieldName: r.fieldName };
    const c = contentOfVersion(record);
    const assigned = agenciesOf.get(r.version.id) ?? [];
    const isDefault = c.level !== 'province' && assigned.map((a) => a.id).sort().join(',') === (await defaultSet(r.publisherPath, c.level, r.version.validFrom));
    const values: Record<CatalogColumnKey, string> = {
      code: r.code,
      name: c.name,
      fieldCode: c.fieldCode,
      fieldName: r.fieldName,
      level: text.level(c.level),
      agencies: isDefault ? '' : assigned.map((a) => a.code).join('\n'),
      departmentKey: c.departmentKey ?? '',
      timeValue: text.number(c.time.value),
      timeUnit: text.unit(c.time.unit),
      timeNote: c.time.note ?? '',
      onlineLevel: String(c.onlineLevel),
      onlineScope: text.scope(c.onlineScope),
      onTheSpot: text.yesNo(c.onTheSpot),
      interAgency: text.yesNo(c.interAgency),
      postalReturn: text.yesNo(c.postalReturn),
      cutoffTime: c.cutoffTime ?? '',
      methods: text.methods(c.methods),
      subjects: text.subjects(c.subjects),
      steps: c.steps.join('\n'),
      documents: c.documents.map((d) => joinParts([d.name, d.originals, d.copies, d.formName, d.formUrl])).join('\n'),
      sets: String(c.sets),
      result: c.result,
      conditions: c.conditions ?? '',
      fees: c.fees.map((f) => joinParts([f.name, text.money(f.amount), f.note])).join('\n'),
      feeExemptions: c.feeExemptions ?? '',
      legalBasis: c.legalBasis.map((l) => joinParts([l.number, l.title, text.date(l.issuedOn), l.url])).join('\n'),
      validFrom: text.date(r.version.validFrom),
      decisionNumber: r.version.decisionId ? (decisionNumbers.get(r.version.decisionId) ?? '') : '',
    };
    body.push(CATALOG_COLUMNS.map((col) => values[col.key]));
  }

  const header = CATALOG_COLUMNS.map((c) => c.header);
  const filename = `danh-muc-tthc-${asOf}.${input.format}`;
  if (input.format === 'csv') return { body: writeCsv([header, ...body]), filename, contentType: 'text/csv; charset=utf-8' };
  const notes = CATALOG_COLUMNS.map((c) => ({ header: c.header, note: COLUMN_NOTES[c.key] }));
  return { body: await writeXlsx(header, body, notes), filename, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };
}
