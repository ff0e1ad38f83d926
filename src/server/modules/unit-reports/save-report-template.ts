/**
 * Saves a report template: a new code starts at version 1, an existing code gets the next version. Rounds keep the
 * version they were opened with, so changing the form never changes a report already expected or sent.
 */
import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { reformReportTemplates } from '../../db/schema';
import type { Actor } from '../../auth/actor';
import { recordAudit } from '../../audit/record-audit';
import { authorize } from '../../policies';
import { AppError } from '../../../shared/errors';
import { AuditAction } from '../../../shared/audit-actions';
import type { ReportTemplateInput } from '../../../shared/schemas/unit-reports';
import { findPrefillSource } from './prefill-sources';

export async function saveReportTemplate(tx: Executor, actor: Actor, input: ReportTemplateInput): Promise<string> {
  authorize(actor, 'manage', 'report_template', {});
  return insertTemplateVersion(tx, actor, input);
}

/** The next version of a template family, without the permission check (the demo seeder's shipped templates). */
export async function insertTemplateVersion(tx: Executor, actor: Actor, input: ReportTemplateInput): Promise<string> {
  const unknown = input.content.indicators.filter((i) => i.prefill && !findPrefillSource(i.prefill));
  if (unknown.length > 0) {
    throw new AppError('REPORT_TEMPLATE_INVALID', {
      message: `Nguồn số liệu hệ thống không tồn tại: ${unknown.map((i) => i.prefill).join(', ')}`,
      details: { unknownPrefill: unknown.map((i) => ({ code: i.code, prefill: i.prefill })) },
    });
  }
  const [latest] = await tx
    .select({ v: sql<number>`coalesce(max(${reformReportTemplates.version}), 0)::int` })
    .from(reformReportTemplates)
    .where(eq(reformReportTemplates.code, input.code));
  const version = (latest?.v ?? 0) + 1;
  const [row] = await tx
    .insert(reformReportTemplates)
    .values({ code: input.code, version, name: input.name, periodType: input.periodType, content: input.content, createdById: actor.userId })
    .returning({ id: reformReportTemplates.id });
  await recordAudit(tx, actor, {
    action: AuditAction.REFORM_REPORT_TEMPLATE_SAVED,
    subjectType: 'report_template',
    subjectId: row!.id,
    summary: { code: input.code, version, indicators: input.content.indicators.length, sections: input.content.sections.length },
  });
  return row!.id;
}
