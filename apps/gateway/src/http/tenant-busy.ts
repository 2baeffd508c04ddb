import { GatewayError } from "../errors/gateway-error";

// One error per cap, made once: a flooding tenant gets thousands of these a second, and building an
// Error (its stack trace) for each is work the quiet tenants pay for. It carries nothing per request.
const refusals = new Map<string, GatewayError>();

function refusal(message: string): GatewayError {
  let error = refusals.get(message);
  if (error === undefined) {
    error = new GatewayError("tenant_busy", message, { retryAfterS: 1 });
    refusals.set(message, error);
  }
  return error;
}

/** 429 for a tenant with all its request slots in flight; a slot frees as soon as one of them ends. */
export function tenantBusy(max: number): GatewayError {
  return refusal(`Too many requests in flight for this organisation (limit ${max}); retry shortly.`);
}

/** 429 for a tenant with `max` requests already waiting for their turn (a burst far over its share). */
export function tenantQueueFull(max: number): GatewayError {
  return refusal(`Too many requests waiting for this organisation (limit ${max}); retry shortly.`);
}
