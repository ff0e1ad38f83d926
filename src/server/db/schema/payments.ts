/**
 * Phí, lệ phí: payments of a dossier's fees, at the desk (cash, with a receipt number) or online through a payment
 * gateway, and every gateway callback as received (payment_events), so duplicates and out-of-order deliveries are
 * recognised and the payment is recorded once.
 */
import { sql } from 'drizzle-orm';
import { bigint, bigserial, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { dossiers } from './dossiers';
import { agencies } from './units';
import { users } from './users';

const instant = () => timestamp({ withTimezone: true });

export const payments = pgTable(
  'payments',
  {
    id: uuid().primaryKey().defaultRandom(),
    dossierId: uuid()
      .notNull()
      .references(() => dossiers.id),
    /** The agency collecting: the dossier's receiving desk. Receipt numbers are unique per agency. */
    agencyId: uuid()
      .notNull()
      .references(() => agencies.id),
    /** VND, whole đồng. */
    amount: bigint({ mode: 'number' }).notNull(),
    /** Fee lines from the dossier's catalog snapshot, as charged. */
    items: jsonb().$type<{ name: string; amount: number }[]>().notNull().default([]),
    /** desk | online */
    method: text().notNull(),
    /** pending | paid | failed | refunded */
    status: text().notNull(),
    /** Gateway adapter id (e.g. simulated, paygov); null at the desk. */
    gateway: text(),
    /** The gateway's transaction id: one payment per transaction. */
    gatewayTransactionId: text().unique(),
    /** The gateway page where the payer completes a pending payment (returned by the gateway at creation). */
    gatewayRedirectUrl: text(),
    payerName: text(),
    paidAt: instant(),
    /** Số biên lai thu phí, lệ phí. */
    receiptNumber: text(),
    failureReason: text(),
    /** Where the applicant's browser goes back after the gateway (a path of the web app). */
    returnPath: text(),
    createdById: uuid().references(() => users.id),
    createdAt: instant().notNull().defaultNow(),
    updatedAt: instant().notNull().defaultNow(),
  },
  (t) => [
    index('payments_dossier_idx').on(t.dossierId, t.createdAt),
    uniqueIndex('payments_agency_receipt_uq').on(t.agencyId, t.receiptNumber),
    // At most one online payment waiting for the gateway per dossier: a second request returns it.
    uniqueIndex('payments_one_pending_uq').on(t.dossierId).where(sql`${t.status} = 'pending'`),
  ],
);

/** Every verified gateway callback, stored once per (gateway, event id), with its signature. */
export const paymentEvents = pgTable(
  'payment_events',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    gateway: text().notNull(),
    eventId: text().notNull(),
    paymentId: uuid().references(() => payments.id),
    gatewayTransactionId: text().notNull(),
    /** What the gateway reports: paid | failed. */
    status: text().notNull(),
    amount: bigint({ mode: 'number' }),
    /** applied | ignored (stale or contradicting a final state) | unknown_transaction | amount_mismatch */
    outcome: text().notNull(),
    payload: jsonb().$type<Record<string, unknown>>().notNull(),
    signature: text().notNull(),
    receivedAt: instant().notNull().defaultNow(),
  },
  (t) => [uniqueIndex('payment_events_gateway_event_uq').on(t.gateway, t.eventId), index('payment_events_payment_idx').on(t.paymentId, t.receivedAt)],
);
