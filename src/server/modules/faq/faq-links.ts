import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { procedureFields } from '../../db/schema';
import { AppError } from '../../../shared/errors';
import { findLatestVersion } from '../catalog/catalog.queries';
import { findActiveAgency } from '../petitions/petitions.queries';

const invalid = (path: string, message: string) => new AppError('VALIDATION_FAILED', { details: { fields: [{ path, message }] } });

/**
 * Checks the procedure, field and agency an entry is filed under; the field defaults to the procedure's own.
 * `undefined` leaves a link as it is, `null` clears it.
 */
export async function resolveFaqLinks(
  executor: Executor,
  input: { procedureId?: string | null | undefined; fieldId?: string | null | undefined; agencyId?: string | null | undefined },
) {
  const out: { procedureId?: string | null; fieldId?: string | null; agencyId?: string | null } = {};
  if (input.procedureId !== undefined) {
    out.procedureId = input.procedureId;
    if (input.procedureId) {
      const version = await findLatestVersion(executor, input.procedureId);
      if (!version) throw invalid('body.procedureId', 'Thủ tục hành chính không tồn tại');
      if (input.fieldId === undefined) out.fieldId = version.fieldId;
    }
  }
  if (input.fieldId !== undefined) {
    out.fieldId = input.fieldId;
    if (input.fieldId) {
      const [field] = await executor.select({ id: procedureFields.id }).from(procedureFields).where(eq(procedureFields.id, input.fieldId));
      if (!field) throw invalid('body.fieldId', 'Lĩnh vực không tồn tại');
    }
  }
  if (input.agencyId !== undefined) {
    out.agencyId = input.agencyId;
    if (input.agencyId && !(await findActiveAgency(executor, input.agencyId))) throw invalid('body.agencyId', 'Cơ quan không hợp lệ hoặc không còn hoạt động');
  }
  return out;
}
