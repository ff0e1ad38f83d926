/** Adds or renames a field (lĩnh vực) of the catalog. */
import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { procedureFields } from '../../db/schema';
import type { Actor } from '../../auth/actor';
import { recordAudit } from '../../audit/record-audit';
import { authorize } from '../../policies';
import { AppError } from '../../../shared/errors';
import { AuditAction } from '../../../shared/audit-actions';
import type { FieldInput } from '../../../shared/schemas/catalog';

export async function createField(tx: Tx, actor: Actor, input: FieldInput) {
  authorize(actor, 'create', 'procedure_field', {});
  const [taken] = await tx.select({ id: procedureFields.id }).from(procedureFields).where(eq(procedureFields.code, input.code));
  if (taken) throw new AppError('FIELD_CODE_TAKEN', { details: { code: input.code } });
  const [row] = await tx.insert(procedureFields).values(input).returning();
  await recordAudit(tx, actor, { action: AuditAction.CATALOG_FIELD_CREATED, subjectType: 'procedure_field', subjectId: row!.id, summary: { ...input } });
  return row!;
}

export async function updateField(tx: Tx, actor: Actor, id: string, input: { name: string }) {
  const [field] = await tx.select().from(procedureFields).where(eq(procedureFields.id, id));
  authorize(actor, 'update', 'procedure_field', field);
  const [row] = await tx.update(procedureFields).set({ name: input.name, updatedAt: new Date() }).where(eq(procedureFields.id, id)).returning();
  await recordAudit(tx, actor, { action: AuditAction.CATALOG_FIELD_UPDATED, subjectType: 'procedure_field', subjectId: id, summary: { code: field!.code, from: field!.name, to: input.name } });
  return row!;
}
