/**
 * Applies a publication decision: every item is checked against the catalog first (all problems reported together,
 * in Vietnamese, nothing written), then versions are created from the decision's effective date:
 * - add: a new procedure (or a new version of one that had been abolished);
 * - amend: the version in force ends the day before, a new version starts (agencies kept unless given);
 * - replace: the old procedure ends, a new procedure (new code) starts and records what it replaces;
 * - abolish: the version in force ends the day before.
 * Applying an applied decision again changes nothing.
 */
import { eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { procedures, publicationDecisionItems, publicationDecisions } from '../../db/schema';
import type { Actor } from '../../auth/actor';
import { recordAudit } from '../../audit/record-audit';
import { AppError } from '../../../shared/errors';
import { AuditAction } from '../../../shared/audit-actions';
import { ProcedureContent, type DecisionAction } from '../../../shared/schemas/catalog';
import { formatDate } from '../../../shared/text';
import { dayBefore } from './catalog-rules';
import { findLatestVersion, findProcedureIdentity, versionAgencyIds, type ProcedureIdentity, type ProcedureVersionRecord } from './catalog.queries';
import { findDecisionItems, type DecisionRecord } from './publication-decisions.queries';
import { closeVersion, fieldIdsByCode, insertVersion, lockProcedure, resolveVersionAgencies } from './procedure-versions';
import { loadDraftForChange } from './save-publication-decision';

export interface DecisionItemProblem {
  position: number;
  procedureCode: string;
  message: string;
}

interface Plan {
  itemId: string;
  action: DecisionAction;
  code: string;
  existing?: ProcedureIdentity | undefined;
  latest?: ProcedureVersionRecord | undefined;
  newCode?: string;
  content?: ProcedureContent;
  fieldId?: string;
  agencyIds?: string[];
}

export interface ApplyResult {
  alreadyApplied: boolean;
  created: number;
  amended: number;
  replaced: number;
  abolished: number;
}

export async function applyPublicationDecision(tx: Tx, actor: Actor, id: string): Promise<ApplyResult> {
  await tx.execute(sql`SELECT id FROM publication_decisions WHERE id = ${id} FOR UPDATE`);
  const decision = await loadDraftForChange(tx, actor, id, 'apply');
  if (decision.status === 'applied') return { alreadyApplied: true, created: 0, amended: 0, replaced: 0, abolished: 0 };
  return applyDraftDecision(tx, actor, decision);
}

/** Applies a loaded, locked draft decision, without authorization (callers authorize; the demo seeder is the system). */
export async function applyDraftDecision(tx: Tx, actor: Actor, decision: DecisionRecord): Promise<ApplyResult> {
  const id = decision.id;
  const result: ApplyResult = { alreadyApplied: false, created: 0, amended: 0, replaced: 0, abolished: 0 };

  const effective = decision.effectiveFrom;
  const publisher = { id: decision.publishingAgencyId, path: decision.publishingAgencyPath };
  const items = await findDecisionItems(tx, id);
  const problems: DecisionItemProblem[] = [];
  const plans: Plan[] = [];
  const fields = await fieldIdsByCode(
    tx,
    items.map((i) => (i.content as { fieldCode?: string } | null)?.fieldCode).filter((c): c is string => !!c),
  );

  for (const item of items) {
    const problem = (message: string) => problems.push({ position: item.position, procedureCode: item.procedureCode, message });
    const action = item.action as DecisionAction;
    const plan: Plan = { itemId: item.id, action, code: item.procedureCode };
    plan.existing = await findProcedureIdentity(tx, { code: item.procedureCode });
    plan.latest = plan.existing ? await findLatestVersion(tx, plan.existing.id) : undefined;
    const { existing, latest } = plan;

    if (existing && existing.publishingAgencyId !== publisher.id) {
      problem(`Thủ tục ${item.procedureCode} thuộc danh mục do cơ quan khác công bố`);
      continue;
    }
    const inForce = latest && latest.validTo === null;
    if (action === 'add') {
      if (inForce) problem(`Thủ tục ${item.procedureCode} đang có trong danh mục; dùng «sửa đổi, bổ sung» thay cho «công bố mới»`);
      else if (latest && latest.validTo! >= effective) problem(`Thủ tục ${item.procedureCode} còn hiệu lực đến ${formatDate(latest.validTo)}, sau ngày có hiệu lực của quyết định`);
    } else if (!existing || !latest) {
      problem(`Không tìm thấy thủ tục ${item.procedureCode} trong danh mục`);
      continue;
    } else if (!inForce) {
      problem(`Thủ tục ${item.procedureCode} đã hết hiệu lực từ ${formatDate(latest.validTo)}`);
      continue;
    } else if (latest.validFrom >= effective) {
      problem(`Thủ tục ${item.procedureCode} đã có phiên bản hiệu lực từ ${formatDate(latest.validFrom)}, không sớm hơn ngày có hiệu lực ${formatDate(effective)} của quyết định`);
      continue;
    }

    if (action === 'replace') {
      plan.newCode = (item.content as { code?: string } | null)?.code ?? '';
      if (await findProcedureIdentity(tx, { code: plan.newCode })) problem(`Mã thủ tục thay thế ${plan.newCode} đã có trong danh mục`);
    }
    if (action !== 'abolish') {
      const parsed = ProcedureContent.safeParse(item.content);
      if (!parsed.success) {
        problem(`Nội dung thủ tục không hợp lệ: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
        continue;
      }
      plan.content = parsed.data;
      const field = fields.get(parsed.data.fieldCode);
      if (!field) problem(`Chưa có lĩnh vực mã ${parsed.data.fieldCode}`);
      else plan.fieldId = field.id;
      const fallback = latest && action !== 'add' ? await versionAgencyIds(tx, latest.id) : undefined;
      const agencies = await resolveVersionAgencies(tx, publisher, parsed.data.level, effective, parsed.data.agencyIds, fallback);
      if (agencies.ok) plan.agencyIds = agencies.agencyIds;
      else problem(agencies.message);
    }
    plans.push(plan);
  }
  if (problems.length > 0) throw new AppError('DECISION_ITEMS_INVALID', { details: { items: problems } });

  for (const plan of plans) {
    let procedureId = plan.existing?.id;
    if (plan.existing) await lockProcedure(tx, plan.existing.id);
    if (plan.latest && plan.latest.validTo === null) await closeVersion(tx, plan.latest.id, dayBefore(effective));
    let code = plan.code;
    if (plan.action === 'replace' || !procedureId) {
      code = plan.action === 'replace' ? plan.newCode! : plan.code;
      const [created] = await tx
        .insert(procedures)
        .values({ code, publishingAgencyId: publisher.id, replacesProcedureId: plan.action === 'replace' ? plan.existing!.id : null })
        .returning({ id: procedures.id });
      procedureId = created!.id;
    }
    let versionId: string | null = null;
    if (plan.action === 'abolish') {
      await recordAudit(tx, actor, {
        action: AuditAction.CATALOG_PROCEDURE_ABOLISHED,
        subjectType: 'procedure',
        subjectId: procedureId,
        summary: { code, validTo: dayBefore(effective), decisionId: id },
      });
      result.abolished++;
    } else {
      const version = await insertVersion(tx, actor, {
        procedureId: procedureId!,
        code,
        content: plan.content!,
        fieldId: plan.fieldId!,
        agencyIds: plan.agencyIds!,
        validFrom: effective,
        decisionId: id,
        origin: 'decision',
      });
      versionId = version.id;
      if (plan.action === 'add') result.created++;
      else if (plan.action === 'amend') result.amended++;
      else result.replaced++;
    }
    await tx.update(publicationDecisionItems).set({ resultProcedureId: procedureId, resultVersionId: versionId }).where(eq(publicationDecisionItems.id, plan.itemId));
  }

  await tx.update(publicationDecisions).set({ status: 'applied', appliedAt: new Date(), appliedById: actor.userId, updatedAt: new Date() }).where(eq(publicationDecisions.id, id));
  await recordAudit(tx, actor, {
    action: AuditAction.CATALOG_DECISION_APPLIED,
    subjectType: 'publication_decision',
    subjectId: id,
    summary: { number: decision.number, effectiveFrom: effective, created: result.created, amended: result.amended, replaced: result.replaced, abolished: result.abolished },
  });
  return result;
}
