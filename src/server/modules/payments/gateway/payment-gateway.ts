/**
 * A payment gateway (cổng thanh toán, e.g. the national platform PayGov) seen through one adapter: create a
 * payment and get the page to send the payer to; verify and read a callback. Callbacks are the only source of
 * truth for an online payment's result: the browser's return to the site proves nothing.
 */
import type { GatewayEventStatus } from '../../../../shared/schemas/payments';

export interface CreateGatewayPaymentInput {
  /** Our payment id, sent to the gateway as the merchant reference. */
  paymentId: string;
  amount: number;
  /** Shown on the gateway's page: "Phí, lệ phí hồ sơ 000.00.06.H56-210305-0361". */
  description: string;
}

export interface GatewayPaymentCreated {
  gatewayTransactionId: string;
  /** The gateway page the payer's browser is sent to. */
  redirectUrl: string;
}

/** A verified callback. */
export interface GatewayCallback {
  /** Unique per event at the gateway: the same event delivered twice has the same id. */
  eventId: string;
  gatewayTransactionId: string;
  status: GatewayEventStatus;
  amount: number | null;
  paidAt: Date | null;
  /** The gateway's electronic receipt number, when it issues one. */
  receiptNumber: string | null;
  failureReason: string | null;
  payload: Record<string, unknown>;
  signature: string;
}

export interface PaymentGateway {
  /** Stored on each payment and event, e.g. "simulated". */
  readonly id: string;
  createPayment(input: CreateGatewayPaymentInput): Promise<GatewayPaymentCreated>;
  /**
   * Checks the signature over the exact bytes received, then parses the body. Throws
   * AppError('PAYMENT_SIGNATURE_INVALID') when the signature is missing or wrong, VALIDATION_FAILED when the signed
   * body is not a callback.
   */
  verifyCallback(rawBody: string, headers: Record<string, string | string[] | undefined>): GatewayCallback;
}
