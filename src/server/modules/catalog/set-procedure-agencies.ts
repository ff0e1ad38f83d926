/**
 * Changes which agencies apply a version (e.g. a commune committee created after the procedure was published).
 * Agencies are part of the published content, so the version's content hash is recomputed.
 */
import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { procedureVersionAgencies, procedureVersions } from '../../db/schema';
import type { Actor } from '../../auth/actor';
import { recordAudit } from '../../audit/record-audit';
import { authorize } from '../../policies';
import type { ProcedureSubject } from '../../policies/catalog.policy';
import { AppError } from '../../../shared/errors';
import { AuditAction } from '../../../shared/audit-actions';
import type { SetAgenciesInput } from '../../../shared/schemas/catalog';
import { contentHash, todayInVietnam } from './catalog-rules';
import { contentOfVersion, findProcedureIdentity, findProcedureVersion, findProcedureVersionAsOf, versionAgencyIds } from './catalog.queries';
import { insertVersionAgencies, lockProcedure, resolveVersionAgencies } from './procedure-versions';

export async function setProcedureAgencies(tx: Tx, actor: Actor, procedureId: string, input: SetAgenciesInput): Promise<string> {
  const procedure = await findProcedureIdentity(tx, { id: procedureId });
  authorize<ProcedureSubject>(actor, 'set_agencies', 'procedure', procedure && { id: procedure.id, publishingAgencyPath: procedure.publishingAgencyPath });
  await lockProcedure(tx, procedure!.id);
  const today = todayInVietnam();
  const version = input.versionId ? await findProcedureVersion(tx, input.versionId) : await findProcedureVersionAsOf(tx, procedure!.id, today);
  if (!version || version.procedureId !== procedure!.id) throw new AppError('NOT_FOUND', { message: 'Không tìm thấy phiên bản thủ tục' });

  // Agencies must exist while the version applies: on its last day if it ended, else from today (or its start).
  const checkDate = version.validTo ?? (version.validFrom > today ? version.validFrom : today);
  const resolved = await resolveVersionAgencies(tx, { path: procedure!.publishingAgencyPath }, version.level as never, checkDate, input.agencyIds);
  if (!resolved.ok) throw new AppError('CATALOG_AGENCY_INVALID', { message: resolved.message });

  const before = await versionAgencyIds(tx, version.id);
  await tx.delete(procedureVersionAgencies).where(eq(procedureVersionAgencies.versionId, version.id));
  await insertVersionAgencies(tx, version.id, resolved.agencyIds);
  await tx
    .update(procedureVersions)
    .set({ contentHash: contentHash(contentOfVersion(version), resolved.agencyIds), updatedAt: new Date() })
    .where(eq(procedureVersions.id, version.id));
  await recordAudit(tx, actor, {
    action: AuditAction.CATALOG_AGENCIES_SET,
    subjectType: 'procedure',
    subjectId: procedure!.id,
    summary: {
      code: procedure!.code,
      versionId: version.id,
      added: resolved.agencyIds.filter((id) => !before.includes(id)),
      removed: before.filter((id) => !resolved.agencyIds.includes(id)),
    },
  });
  return version.id;
}
