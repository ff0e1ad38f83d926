import { asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { agencies, dossiers, payments } from '../../db/schema';
import type { DossierPaymentsSubject } from '../../policies/payments.policy';

export type PaymentRow = typeof payments.$inferSelect;

export interface DossierForPayments extends DossierPaymentsSubject {
  id: string;
  code: string;
  receivingAgencyId: string;
  feeTotal: number;
  paymentState: string;
  fees: { name: string; amount: number }[];
}

/** The dossier's fee facts and access subject; `lock` takes the row lock that serialises payments of one dossier. */
export async function findDossierForPayments(executor: Executor, dossierId: string, options: { lock?: boolean } = {}): Promise<DossierForPayments | undefined> {
  const query = executor
    .select({
      id: dossiers.id,
      code: dossiers.code,
      applicantUserId: dossiers.applicantUserId,
      receivingAgencyId: dossiers.receivingAgencyId,
      agencyIds: dossiers.agencyIds,
      feeTotal: dossiers.feeTotal,
      paymentState: dossiers.paymentState,
      procedure: dossiers.procedure,
    })
    .from(dossiers)
    .where(eq(dossiers.id, dossierId));
  const [row] = options.lock ? await query.for('update') : await query;
  if (!row) return undefined;
  const agencyIds = [...new Set([...row.agencyIds, row.receivingAgencyId])];
  const paths = await executor.select({ path: agencies.path }).from(agencies).where(inArray(agencies.id, agencyIds));
  return {
    id: row.id,
    code: row.code,
    applicantUserId: row.applicantUserId,
    receivingAgencyId: row.receivingAgencyId,
    agencyPaths: paths.map((p) => p.path),
    feeTotal: row.feeTotal,
    paymentState: row.paymentState,
    fees: (row.procedure.fees ?? []).map((f) => ({ name: f.name, amount: f.amount })),
  };
}

export async function listDossierPayments(executor: Executor, dossierId: string): Promise<PaymentRow[]> {
  return executor.select().from(payments).where(eq(payments.dossierId, dossierId)).orderBy(asc(payments.createdAt), asc(payments.id));
}

export async function findPayment(executor: Executor, paymentId: string, options: { lock?: boolean } = {}): Promise<PaymentRow | undefined> {
  const query = executor.select().from(payments).where(eq(payments.id, paymentId));
  const [row] = options.lock ? await query.for('update') : await query;
  return row;
}
