/**
 * `motcua report cchc --period 2021-H1 --out report.docx [--pdf]`: writes the provincial report of a period. The
 * latest report recorded for the period is used: an issued one is written from storage, byte for byte; a draft is
 * composed now with its settings (cut-offs, narrative, signer). Without any, a report is composed with the default
 * settings of the issuing agency (`--agency <key>`, by default the Department of Home Affairs) and the cut-offs given.
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { and, desc, eq, ilike, isNull } from 'drizzle-orm';
import { isValidPeriodDate } from '../../../shared/periods';
import { resolveReportPeriod } from '../../../shared/schemas/cchc-report';
import { systemActor } from '../../auth/actor';
import type { Database, Executor } from '../../db/client';
import { agencies, cchcReports } from '../../db/schema';
import type { AppConfig } from '../../env';
import { fileStorageFor } from '../files/file-storage';
import { composeLive, composeNow, defaultHeader, findReport, storedFiles } from './cchc-report.queries';
import { renderReportDocx } from './report-docx';
import { renderReportPdf } from './report-pdf';

export interface CommandIo {
  out(line: string): void;
  err(line: string): void;
}

/** Thrown for wrong arguments (exit code 2). */
export class ReportUsageError extends Error {}

async function issuingAgency(executor: Executor, key: string | undefined): Promise<string> {
  if (key) {
    const [a] = await executor.select({ id: agencies.id }).from(agencies).where(eq(agencies.key, key));
    if (!a) throw new ReportUsageError(`Không có cơ quan mã ${key} / no agency with key ${key}`);
    return a.id;
  }
  const [home] = await executor.select({ id: agencies.id }).from(agencies).where(ilike(agencies.name, 'Sở Nội vụ%')).limit(1);
  const [root] = home ? [home] : await executor.select({ id: agencies.id }).from(agencies).where(isNull(agencies.parentId)).limit(1);
  if (!root) throw new ReportUsageError('Chưa có cơ quan nào trong hệ thống / no agency in the system');
  return root.id;
}

export async function runReportCommand(args: string[], database: Database, config: AppConfig, io: CommandIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      period: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      out: { type: 'string' },
      pdf: { type: 'boolean' },
      agency: { type: 'string' },
      'dossiers-from': { type: 'string' },
      'dossiers-to': { type: 'string' },
      'catalog-as-of': { type: 'string' },
      'report-date': { type: 'string' },
    },
    strict: true,
  });
  if (!values.period || !values.out) throw new ReportUsageError('report cchc cần --period (vd. 2021-H1) và --out <tệp> / needs --period (e.g. 2021-H1) and --out <file>');
  let period;
  try {
    period = resolveReportPeriod(values.period, { from: values.from, to: values.to });
  } catch (err) {
    throw new ReportUsageError((err as Error).message);
  }
  for (const k of ['dossiers-from', 'dossiers-to', 'catalog-as-of', 'report-date'] as const) {
    const v = values[k];
    if (v !== undefined && !isValidPeriodDate(v)) throw new ReportUsageError(`--${k} phải có dạng YYYY-MM-DD / must be a YYYY-MM-DD date`);
  }
  const kind = values.pdf ? 'pdf' : 'docx';
  const actor = systemActor('Dòng lệnh báo cáo CCHC');
  const db = database.db;
  const [latest] = await db
    .select({ id: cchcReports.id })
    .from(cchcReports)
    .where(and(eq(cchcReports.periodKey, period.key), eq(cchcReports.periodFrom, period.from), eq(cchcReports.periodTo, period.to)))
    .orderBy(desc(cchcReports.createdAt))
    .limit(1);

  let bytes: Buffer;
  if (latest) {
    const loaded = await findReport(db, actor, latest.id);
    const fileId = kind === 'pdf' ? loaded.row.pdfFileId : loaded.row.docxFileId;
    if (loaded.row.status === 'issued' && fileId) {
      const file = (await storedFiles(db, [fileId])).get(fileId)!;
      const chunks: Buffer[] = [];
      for await (const chunk of await fileStorageFor(config).open(file.sha256)) chunks.push(chunk as Buffer);
      bytes = Buffer.concat(chunks);
      io.out(`Báo cáo đã ban hành số ${loaded.row.numberText} (sha256 ${file.sha256}) / issued report`);
    } else {
      const document = await composeLive(db, actor, loaded);
      bytes = kind === 'pdf' ? await renderReportPdf(document) : await renderReportDocx(document);
      io.out(`Dự thảo báo cáo (${loaded.row.status}) tính lại từ dữ liệu hiện có / draft composed from the current records`);
    }
  } else {
    const agencyId = await issuingAgency(db, values.agency);
    const { header, agencyName } = await defaultHeader(db, agencyId);
    const document = await composeNow(db, actor, {
      periodKey: period.key,
      periodFrom: period.from,
      periodTo: period.to,
      cutOffs: { dossiersFrom: values['dossiers-from'] ?? period.from, dossiersTo: values['dossiers-to'] ?? period.to, catalogAsOf: values['catalog-as-of'] ?? period.to },
      header,
      agencyName,
      reportDate: values['report-date'] ?? period.to,
      numberText: null,
      narratives: {},
    });
    bytes = kind === 'pdf' ? await renderReportPdf(document) : await renderReportDocx(document);
    io.out(`Báo cáo ${period.name} lập từ dữ liệu hiện có (chưa lưu) / composed from the current records (not saved)`);
    if (document.missingSources.length > 0) io.out(`Chưa có dữ liệu / no data yet: ${document.missingSources.join('; ')}`);
  }
  await writeFile(values.out, bytes);
  io.out(`Đã ghi / written ${values.out} (${bytes.length.toLocaleString('vi-VN')} bytes)`);
  return 0;
}
