import { and, eq, gt, isNull, like, or, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { agencies } from '../../db/schema';
import type { Actor } from '../../auth/actor';
import { recordAudit } from '../../audit/record-audit';
import { authorize } from '../../policies';
import { AuditAction } from '../../../shared/audit-actions';
import { AppError } from '../../../shared/errors';
import { formatDate } from '../../../shared/text';
import type { AgencyUpdateInput } from '../../../shared/schemas/units';
import { findAgency, type AgencyRow } from './agencies.queries';
import { assertIdentifierFree, resolveAgencyUnit } from './agency-checks';
import { diffFields } from './diff-fields';

const fieldError = (code: string, path: string, message: string) => new AppError(code, { message, details: { fields: [{ path, message }] } });

/**
 * Cập nhật cơ quan: names, kind, unit, identifier code, contact, working hours, dates; `parentId` moves the agency
 * with its whole subtree (every descendant's materialised path is rewritten in one statement). A request that
 * changes nothing writes nothing.
 */
export async function updateAgency(tx: Tx, actor: Actor, agencyId: string, input: AgencyUpdateInput): Promise<{ id: string }> {
  const agency = authorize(actor, 'update', 'agency', await findAgency(tx, agencyId, { lock: true }));
  const { parentId, ...fields } = input;
  const next = { ...agency, ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) } as AgencyRow;

  const changes = diffFields(agency, fields);
  if (next.validTo !== null && next.validTo < next.validFrom) {
    throw fieldError('VALIDATION_FAILED', 'body.validTo', 'Ngày kết thúc không được trước ngày bắt đầu');
  }
  if (changes.unitId || changes.kind || changes.validFrom) {
    const unit = await resolveAgencyUnit(tx, next.unitId, next.kind, next.validFrom);
    if (unit.id !== next.unitId && changes.unitId) {
      next.unitId = unit.id;
      changes.unitId = { from: agency.unitId, to: unit.id };
    }
  }
  if (changes.identifierCode) await assertIdentifierFree(tx, next.identifierCode, agency.id);
  if (changes.validTo && next.validTo !== null) await assertNoChildOperatingAfter(tx, agency, next.validTo);

  const moving = parentId !== undefined && parentId !== agency.parentId;
  let newPath = agency.path;
  if (moving) {
    const newParent = authorize(actor, 'create_child', 'agency', await findAgency(tx, parentId));
    if (newParent.path.startsWith(agency.path)) {
      throw fieldError('AGENCY_PARENT_INVALID', 'body.parentId', 'Không thể chuyển cơ quan vào chính nó hoặc cơ quan trực thuộc của nó');
    }
    // Agencies keep one parent link (not versioned), so the new parent need only share part of the agency's life.
    const overlaps = newParent.validFrom <= (next.validTo ?? '9999-12-31') && (newParent.validTo ?? '9999-12-31') >= next.validFrom;
    if (!overlaps) {
      throw fieldError('AGENCY_PARENT_INVALID', 'body.parentId', `${newParent.name} không hoạt động trong thời gian hoạt động của cơ quan`);
    }
    newPath = `${newParent.path}${agency.id}/`;
  }
  if (Object.keys(changes).length === 0 && !moving) return { id: agency.id };

  const set = Object.fromEntries(Object.keys(changes).map((field) => [field, next[field as keyof AgencyRow]]));
  await tx
    .update(agencies)
    .set({ ...set, ...(moving ? { parentId } : {}), updatedAt: new Date() })
    .where(eq(agencies.id, agency.id));
  if (Object.keys(changes).length > 0) {
    await recordAudit(tx, actor, { action: AuditAction.AGENCY_UPDATED, subjectType: 'agency', subjectId: agency.id, summary: { key: agency.key, changes } });
  }
  if (moving) {
    // The agency and all its descendants share the old prefix; one statement rewrites it.
    const moved = await tx
      .update(agencies)
      .set({ path: sql`${newPath} || substr(${agencies.path}, ${agency.path.length + 1})`, updatedAt: new Date() })
      .where(like(agencies.path, `${agency.path}%`))
      .returning({ id: agencies.id });
    await recordAudit(tx, actor, {
      action: AuditAction.AGENCY_MOVED,
      subjectType: 'agency',
      subjectId: agency.id,
      summary: { key: agency.key, fromParentId: agency.parentId, toParentId: parentId, subtreeSize: moved.length },
    });
  }
  return { id: agency.id };
}

async function assertNoChildOperatingAfter(tx: Tx, agency: AgencyRow, lastDay: string) {
  const [child] = await tx
    .select({ name: agencies.name })
    .from(agencies)
    .where(and(eq(agencies.parentId, agency.id), or(isNull(agencies.validTo), gt(agencies.validTo, lastDay))));
  if (child) {
    throw new AppError('AGENCY_HAS_ACTIVE_CHILDREN', {
      message: `${child.name} vẫn hoạt động sau ngày ${formatDate(lastDay)}; cần kết thúc hoặc chuyển cơ quan này trước`,
    });
  }
}
