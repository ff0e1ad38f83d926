/**
 * Imports the catalog from an XLSX or CSV file (columns: catalog-file.ts, docs/catalog-import.md).
 * Every row and column is checked first, against the file and the database; any problem rejects the whole file with a
 * Vietnamese report (row, column, message) and nothing is written. A good file is applied in the caller's single
 * transaction. Rows whose content (and agencies) equal the version already stored change nothing, so importing the
 * same file twice creates no new version.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { agencies, procedureFields, procedureVersionAgencies, procedureVersions, procedures, publicationDecisions } from '../../db/schema';
import type { Actor } from '../../auth/actor';
import { recordAudit } from '../../audit/record-audit';
import { authorize } from '../../policies';
import type { CatalogPublisherSubject } from '../../policies/catalog.policy';
import { AppError } from '../../../shared/errors';
import { AuditAction } from '../../../shared/audit-actions';
import { foldVietnamese } from '../../../shared/text';
import { ProcedureCode, ProcedureContent, type ImportIssue, type ImportResult } from '../../../shared/schemas/catalog';
import { formatDate } from '../../../shared/text';
import { contentHash, dayBefore, todayInVietnam, type VersionContent } from './catalog-rules';
import { listProcedureVersions, type ProcedureVersionRecord } from './catalog.queries';
import {
  CATALOG_COLUMNS,
  MAX_IMPORT_ROWS,
  cell,
  columnLetter,
  readCsv,
  readXlsx,
  splitLines,
  splitLinesOnly,
  splitParts,
  type CatalogColumnKey,
  type CatalogRow,
  type Parsed,
} from './catalog-file';
import { closeVersion, findAgency, insertVersion, insertVersionAgencies, lockProcedure, resolveVersionAgencies, versionValues } from './procedure-versions';

export interface ImportInput {
  file: Buffer;
  format: 'xlsx' | 'csv';
  dryRun: boolean;
  publishingAgencyId?: string | undefined;
}

interface RowPlan {
  row: number;
  code: string;
  content: VersionContent;
  fieldName: string;
  validFrom: string;
  agencyTokens: string[];
  decisionNumber: string;
  agencyIds?: string[];
  outcome?: 'created' | 'amended' | 'corrected' | 'unchanged';
  procedureId?: string;
  /** The version a correction rewrites, or the one an amendment closes. */
  target?: ProcedureVersionRecord;
  decisionId?: string | null;
}

/** Column of a content path reported by Zod (time.value → timeValue). */
function columnOfPath(path: PropertyKey[]): CatalogColumnKey {
  const [head, second] = path.map(String);
  if (head === 'time') return second === 'unit' ? 'timeUnit' : second === 'note' ? 'timeNote' : 'timeValue';
  return (CATALOG_COLUMNS.find((c) => c.key === head)?.key ?? 'name') as CatalogColumnKey;
}

class Report {
  issues: ImportIssue[] = [];
  constructor(private readonly columns: Map<CatalogColumnKey, number>) {}
  add(row: number, key: CatalogColumnKey | null, message: string) {
    const index = key ? this.columns.get(key) : undefined;
    this.issues.push({
      row,
      column: index === undefined ? null : columnLetter(index),
      header: key ? CATALOG_COLUMNS.find((c) => c.key === key)!.header : null,
      message,
    });
  }
  rowHas(row: number) {
    return this.issues.some((i) => i.row === row);
  }
}

function reject(issues: ImportIssue[], rows: number): never {
  const sorted = [...issues].sort((a, b) => a.row - b.row || (a.column ?? '').length - (b.column ?? '').length || (a.column ?? '').localeCompare(b.column ?? ''));
  throw new AppError('IMPORT_REJECTED', {
    message: `Tệp nhập có ${sorted.length} lỗi, không có dữ liệu nào được ghi`,
    details: {
      rows,
      errors: sorted,
      /** The same report as lines, to show or save as is. */
      lines: sorted.map((i) => `Dòng ${i.row}${i.header ? `, cột ${i.column} «${i.header}»` : ''}: ${i.message}`),
    },
  });
}

/** Parses one data row into content; cell problems go to the report. */
function parseRow(rowNumber: number, r: CatalogRow, report: Report): RowPlan | null {
  for (const c of CATALOG_COLUMNS) if (c.required && r[c.key].trim() === '') report.add(rowNumber, c.key, 'Không được để trống');
  const take = <T>(key: CatalogColumnKey, parsed: Parsed<T>, fallback: T): T => {
    if (parsed.ok) return parsed.value;
    if (r[key].trim() !== '') report.add(rowNumber, key, parsed.message);
    return fallback;
  };
  const code = ProcedureCode.safeParse(r.code);
  if (!code.success && r.code.trim() !== '') report.add(rowNumber, 'code', code.error.issues[0]!.message);

  const lines = (key: CatalogColumnKey, minParts: number, label: string) =>
    splitLinesOnly(r[key]).map((line, i) => {
      const parts = splitParts(line);
      if (parts.length < minParts) report.add(rowNumber, key, `Dòng ${i + 1} «${line}»: ${label}`);
      return parts;
    });

  const documents = lines('documents', 3, 'ghi Tên giấy tờ | số bản chính | số bản sao').map((p) => ({
    name: p[0] ?? '',
    originals: take('documents', cell.integer(p[1] ?? '', 'Số bản chính'), 0),
    copies: take('documents', cell.integer(p[2] ?? '', 'Số bản sao'), 0),
    formName: p[3] || null,
    formUrl: p[4] || null,
  }));
  const fees = lines('fees', 2, 'ghi Tên phí, lệ phí | mức thu').map((p) => ({ name: p[0] ?? '', amount: take('fees', cell.money(p[1] ?? ''), 0), note: p[2] || null }));
  const legalBasis = lines('legalBasis', 2, 'ghi Số hiệu | Trích yếu').map((p) => ({
    number: p[0] ?? '',
    title: p[1] ?? '',
    issuedOn: p[2] ? take('legalBasis', cell.date(p[2], 'Ngày ban hành'), null) : null,
    url: p[3] || null,
  }));

  const onlineLevelText = r.onlineLevel.replace(/^\s*m[uứ]c(\s*đ[ộo])?\s*/i, '');
  const raw = {
    name: r.name,
    fieldCode: r.fieldCode.trim(),
    level: take('level', cell.level(r.level), 'province' as const),
    departmentKey: r.departmentKey.trim() || null,
    time: { value: take('timeValue', cell.number(r.timeValue, 'Thời hạn'), 1), unit: take('timeUnit', cell.unit(r.timeUnit), 'working_days' as const), note: r.timeNote || null },
    onlineLevel: take('onlineLevel', cell.integer(onlineLevelText, 'Mức độ'), 1),
    onlineScope: take('onlineScope', cell.scope(r.onlineScope), null),
    onTheSpot: take('onTheSpot', cell.yesNo(r.onTheSpot), false),
    interAgency: take('interAgency', cell.yesNo(r.interAgency), false),
    postalReturn: take('postalReturn', cell.yesNo(r.postalReturn), false),
    cutoffTime: r.cutoffTime.trim() || null,
    methods: take('methods', cell.methods(r.methods), []),
    subjects: take('subjects', cell.subjects(r.subjects), []),
    steps: splitLinesOnly(r.steps),
    documents,
    sets: take('sets', cell.integer(r.sets, 'Số bộ hồ sơ'), 1),
    result: r.result,
    conditions: r.conditions || null,
    fees,
    feeExemptions: r.feeExemptions || null,
    legalBasis,
  };
  const validFrom = take('validFrom', cell.date(r.validFrom, 'Ngày có hiệu lực'), '');
  if (report.rowHas(rowNumber)) return null;

  const parsed = ProcedureContent.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = columnOfPath(issue.path);
      const item = typeof issue.path[1] === 'number' ? `Dòng ${issue.path[1] + 1}: ` : '';
      report.add(rowNumber, key, `${item}${issue.message}`);
    }
    return null;
  }
  const { agencyIds: _none, ...content } = parsed.data;
  return {
    row: rowNumber,
    code: code.data!,
    content,
    fieldName: r.fieldName.normalize('NFC').replace(/\s+/g, ' ').trim(),
    validFrom,
    agencyTokens: splitLines(r.agencies),
    decisionNumber: r.decisionNumber.trim(),
  };
}

export async function importCatalog(tx: Tx, actor: Actor, input: ImportInput): Promise<ImportResult> {
  const publisherId = input.publishingAgencyId ?? actor.agencyId;
  const publisher = publisherId ? await findAgency(tx, publisherId) : undefined;
  if (!publisher) throw new AppError('VALIDATION_FAILED', { details: { fields: [{ path: 'querystring.publishingAgencyId', message: 'Không tìm thấy cơ quan công bố' }] } });
  authorize<CatalogPublisherSubject>(actor, 'import', 'catalog', { publishingAgencyPath: publisher.path });

  let grid: string[][];
  try {
    grid = input.format === 'xlsx' ? await readXlsx(input.file) : readCsv(input.file);
  } catch {
    throw new AppError('IMPORT_REJECTED', { message: 'Không đọc được tệp; hãy lưu lại dưới dạng .xlsx hoặc .csv (UTF-8)', details: { rows: 0, errors: [{ row: 0, column: null, header: null, message: 'Tệp hỏng hoặc sai định dạng' }] } });
  }

  // Header: every column found by its Vietnamese title (diacritics and case ignored).
  const header = (grid[0] ?? []).map((h) => foldVietnamese(h));
  const columns = new Map<CatalogColumnKey, number>();
  const headerReport = new Report(columns);
  for (const c of CATALOG_COLUMNS) {
    const index = header.indexOf(foldVietnamese(c.header));
    if (index >= 0) columns.set(c.key, index);
    else if (c.required) headerReport.add(1, null, `Thiếu cột «${c.header}»`);
  }
  if (headerReport.issues.length > 0) reject(headerReport.issues, 0);
  const dataRows = grid.slice(1).map((cells, i) => ({ rowNumber: i + 2, cells })).filter((r) => r.cells.some((c) => c.trim() !== ''));
  if (dataRows.length === 0) reject([{ row: 2, column: null, header: null, message: 'Tệp không có dòng thủ tục nào' }], 0);
  if (dataRows.length > MAX_IMPORT_ROWS) reject([{ row: 0, column: null, header: null, message: `Tệp có ${dataRows.length} dòng, vượt giới hạn ${MAX_IMPORT_ROWS} dòng mỗi lần nhập` }], dataRows.length);

  const report = new Report(columns);
  const plans: RowPlan[] = [];
  const seenCodes = new Map<string, number>();
  for (const { rowNumber, cells } of dataRows) {
    const r = Object.fromEntries(CATALOG_COLUMNS.map((c) => [c.key, columns.has(c.key) ? (cells[columns.get(c.key)!] ?? '') : ''])) as CatalogRow;
    const plan = parseRow(rowNumber, r, report);
    if (!plan) continue;
    const earlier = seenCodes.get(plan.code);
    if (earlier) report.add(rowNumber, 'code', `Mã thủ tục ${plan.code} đã có ở dòng ${earlier}`);
    else seenCodes.set(plan.code, rowNumber);
    plans.push(plan);
  }

  const knownFields = await checkAgainstDatabase(tx, publisher, plans, report);
  if (report.issues.length > 0) reject(report.issues, dataRows.length);

  const result: ImportResult = { dryRun: input.dryRun, rows: dataRows.length, created: 0, amended: 0, corrected: 0, unchanged: 0, fieldsCreated: 0, outcomes: [] };
  for (const p of plans) {
    result[p.outcome!]++;
    result.outcomes.push({ row: p.row, code: p.code, outcome: p.outcome! });
  }
  const newFields = new Map(plans.filter((p) => !knownFields.has(p.content.fieldCode)).map((p) => [p.content.fieldCode, p.fieldName]));
  result.fieldsCreated = newFields.size;
  if (input.dryRun) return result;

  await applyPlans(tx, actor, publisher, plans, knownFields, newFields);
  // A file that changes nothing leaves no trace: importing it twice is the same as once.
  if (result.created + result.amended + result.corrected + result.fieldsCreated === 0) return result;
  await recordAudit(tx, actor, {
    action: AuditAction.CATALOG_IMPORTED,
    subjectType: 'catalog',
    subjectId: publisher.id,
    summary: { format: input.format, rows: result.rows, created: result.created, amended: result.amended, corrected: result.corrected, unchanged: result.unchanged, fieldsCreated: result.fieldsCreated },
  });
  return result;
}

/** Checks rows against the catalog and sets each plan's outcome; returns the fields already known, by code. */
async function checkAgainstDatabase(tx: Tx, publisher: { id: string; path: string }, plans: RowPlan[], report: Report): Promise<Map<string, { id: string; name: string }>> {
  const fieldCache = new Map<string, { id: string; name: string }>();
  if (plans.length === 0) return fieldCache;
  const codes = [...new Set(plans.map((p) => p.content.fieldCode))];
  for (const f of await tx.select().from(procedureFields).where(inArray(procedureFields.code, codes))) fieldCache.set(f.code, { id: f.id, name: f.name });

  // Agencies of the publishing province, by identifier code and by key.
  const provinceAgencies = await tx
    .select({ id: agencies.id, key: agencies.key, identifierCode: agencies.identifierCode, validFrom: agencies.validFrom, validTo: agencies.validTo })
    .from(agencies)
    .where(sql`${agencies.path} LIKE ${`${publisher.path}%`}`);
  const byToken = new Map<string, (typeof provinceAgencies)[number]>();
  for (const a of provinceAgencies) {
    byToken.set(a.identifierCode.toUpperCase(), a);
    byToken.set(a.key.toUpperCase(), a);
  }

  const decisionNumbers = [...new Set(plans.map((p) => p.decisionNumber).filter((n) => n !== ''))];
  const decisions = new Map(
    decisionNumbers.length === 0
      ? []
      : (
          await tx
            .select({ id: publicationDecisions.id, number: publicationDecisions.number })
            .from(publicationDecisions)
            .where(and(eq(publicationDecisions.publishingAgencyId, publisher.id), inArray(publicationDecisions.number, decisionNumbers)))
        ).map((d) => [d.number, d.id]),
  );

  const existing = new Map(
    (
      await tx
        .select({ id: procedures.id, code: procedures.code, publishingAgencyId: procedures.publishingAgencyId })
        .from(procedures)
        .where(inArray(procedures.code, plans.map((p) => p.code)))
    ).map((p) => [p.code, p]),
  );
  const today = todayInVietnam();

  for (const p of plans) {
    const field = fieldCache.get(p.content.fieldCode);
    if (!field && !p.fieldName) report.add(p.row, 'fieldName', `Lĩnh vực mã ${p.content.fieldCode} chưa có; ghi Tên lĩnh vực để tạo mới`);
    if (field && p.fieldName && foldVietnamese(p.fieldName) !== foldVietnamese(field.name)) {
      report.add(p.row, 'fieldName', `Mã lĩnh vực ${p.content.fieldCode} là «${field.name}», khác với tên ghi trong tệp`);
    }
    if (p.decisionNumber) {
      const id = decisions.get(p.decisionNumber);
      if (!id) report.add(p.row, 'decisionNumber', `Chưa có quyết định công bố số ${p.decisionNumber} của cơ quan công bố; nhập quyết định trước hoặc để trống`);
      p.decisionId = id ?? null;
    }

    // Agencies: explicit codes, or the level's default set on the date the row takes effect.
    let requested: string[] | undefined;
    if (p.agencyTokens.length > 0) {
      requested = [];
      for (const token of p.agencyTokens) {
        const a = byToken.get(token.toUpperCase());
        if (!a) report.add(p.row, 'agencies', `Không có cơ quan «${token}» trong tỉnh công bố`);
        else requested.push(a.id);
      }
    }
    if (p.validFrom && !report.rowHas(p.row)) {
      const resolved = await resolveVersionAgencies(tx, publisher, p.content.level, p.validFrom, requested);
      if (resolved.ok) p.agencyIds = resolved.agencyIds;
      else report.add(p.row, 'agencies', resolved.message);
    }
    if (report.rowHas(p.row)) continue;

    const procedure = existing.get(p.code);
    if (!procedure) {
      p.outcome = 'created';
      continue;
    }
    if (procedure.publishingAgencyId !== publisher.id) {
      report.add(p.row, 'code', `Thủ tục ${p.code} thuộc danh mục do cơ quan khác công bố`);
      continue;
    }
    p.procedureId = procedure.id;
    const versions = await listProcedureVersions(tx, procedure.id);
    const hash = contentHash(p.content, p.agencyIds!);
    const sameDay = versions.find((v) => v.validFrom === p.validFrom);
    const latest = versions[versions.length - 1]!;
    if (sameDay) {
      if (sameDay.contentHash === hash) p.outcome = 'unchanged';
      else if (sameDay.validFrom > today) {
        p.outcome = 'corrected';
        p.target = sameDay;
      } else {
        report.add(
          p.row,
          'validFrom',
          `Phiên bản hiệu lực từ ${formatDate(p.validFrom)} đã áp dụng và có nội dung khác; để thay đổi, ghi ngày có hiệu lực mới sau ngày ${formatDate(latest.validFrom)}`,
        );
      }
    } else if (p.validFrom < latest.validFrom) {
      report.add(p.row, 'validFrom', `Thủ tục đã có phiên bản hiệu lực từ ${formatDate(latest.validFrom)}; không chèn được phiên bản sớm hơn`);
    } else if (latest.validTo !== null && latest.validTo >= p.validFrom) {
      report.add(p.row, 'validFrom', `Thủ tục có hiệu lực đến hết ngày ${formatDate(latest.validTo)}; ngày có hiệu lực mới phải sau ngày đó`);
    } else if (latest.validTo !== null) {
      // Abolished earlier and published again.
      p.outcome = 'amended';
    } else if (latest.contentHash === hash) {
      p.outcome = 'unchanged';
    } else {
      p.outcome = 'amended';
      p.target = latest;
    }
  }
  return fieldCache;
}

async function applyPlans(
  tx: Tx,
  actor: Actor,
  publisher: { id: string },
  plans: RowPlan[],
  knownFields: Map<string, { id: string }>,
  newFields: Map<string, string>,
): Promise<void> {
  const fieldIds = new Map([...knownFields].map(([code, f]) => [code, f.id]));
  for (const [code, name] of newFields) {
    const [f] = await tx.insert(procedureFields).values({ code, name }).returning({ id: procedureFields.id });
    fieldIds.set(code, f!.id);
    await recordAudit(tx, actor, { action: AuditAction.CATALOG_FIELD_CREATED, subjectType: 'procedure_field', subjectId: f!.id, summary: { code, name, via: 'import' } });
  }
  for (const p of plans) {
    if (p.outcome === 'unchanged') continue;
    const fieldId = fieldIds.get(p.content.fieldCode)!;
    if (p.outcome === 'corrected') {
      await lockProcedure(tx, p.procedureId!);
      await tx
        .update(procedureVersions)
        .set({ ...versionValues(p.content, fieldId), contentHash: contentHash(p.content, p.agencyIds!), decisionId: p.decisionId ?? p.target!.decisionId, updatedAt: new Date() })
        .where(eq(procedureVersions.id, p.target!.id));
      await tx.delete(procedureVersionAgencies).where(eq(procedureVersionAgencies.versionId, p.target!.id));
      await insertVersionAgencies(tx, p.target!.id, p.agencyIds!);
      await recordAudit(tx, actor, {
        action: AuditAction.CATALOG_VERSION_CORRECTED,
        subjectType: 'procedure',
        subjectId: p.procedureId!,
        summary: { code: p.code, versionId: p.target!.id, validFrom: p.validFrom, previousHash: p.target!.contentHash, via: 'import' },
      });
      continue;
    }
    let procedureId = p.procedureId;
    if (!procedureId) {
      const [created] = await tx.insert(procedures).values({ code: p.code, publishingAgencyId: publisher.id }).returning({ id: procedures.id });
      procedureId = created!.id;
    } else {
      await lockProcedure(tx, procedureId);
      if (p.target && p.target.validTo === null) await closeVersion(tx, p.target.id, dayBefore(p.validFrom));
    }
    await insertVersion(tx, actor, {
      procedureId,
      code: p.code,
      content: p.content,
      fieldId,
      agencyIds: p.agencyIds!,
      validFrom: p.validFrom,
      decisionId: p.decisionId ?? null,
      origin: 'import',
    });
  }
}
