/**
 * Which gateway serves online payments. Outside production it is the local simulated gateway. In production no
 * real adapter (PayGov) is wired yet, so online payment answers PAYMENT_GATEWAY_UNAVAILABLE and fees are collected
 * at the desk: a simulator must never take "payments" on a live system.
 */
import type { AppConfig } from '../../../env';
import type { PaymentGateway } from './payment-gateway';
import { SimulatedGateway } from './simulated-gateway';

const cache = new WeakMap<AppConfig, SimulatedGateway | null>();

export function simulatedGatewayFor(config: AppConfig): SimulatedGateway | null {
  if (!cache.has(config)) cache.set(config, config.isProduction ? null : new SimulatedGateway(config.paymentGatewaySecret, config.publicUrl));
  return cache.get(config)!;
}

export function paymentGatewayFor(config: AppConfig): PaymentGateway | null {
  return simulatedGatewayFor(config);
}
