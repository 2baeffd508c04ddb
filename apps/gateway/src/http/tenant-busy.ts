import { GatewayError } from "../errors/gateway-error";

// One error per cap, made once: a flooding tenant gets thousands of these a second, and building an
// Error (its stack trace) for each is work the quiet tenants pay for. It carries nothing per request.
const refusals = new Map<number, GatewayError>();

/** 429 for a tenant with all its request slots in flight; a slot frees as soon as one of them ends. */
export function tenantBusy(max: number): GatewayError {
  let refusal = refusals.get(max);
  if (refusal === undefined) {
    refusal = new GatewayError(
      "tenant_busy",
      `Too many requests in flight for this organisation (limit ${max}); retry shortly.`,
      { retryAfterS: 1 },
    );
    refusals.set(max, refusal);
  }
  return refusal;
}
