import { GatewayError } from "../errors/gateway-error";

/** 429 for a tenant with all its request slots in flight; a slot frees as soon as one of them ends. */
export function tenantBusy(max: number): GatewayError {
  return new GatewayError(
    "tenant_busy",
    `Too many requests in flight for this organisation (limit ${max}); retry shortly.`,
    { retryAfterS: 1 },
  );
}
