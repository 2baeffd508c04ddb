import type { IncomingHttpHeaders } from "node:http";

/** What a request's span records when it ends. */
export type RequestOutcome = {
  method: string;
  tool: string | null;
  decision: string;
  rule: string | null;
  policyVersion: number | null;
  tenantId: string;
  serverId: string;
  grantId: string;
};

/** The upstream call of a request: its trace context headers and its end. */
export type UpstreamSpan = {
  /** `traceparent` (and `tracestate`) naming this upstream span, for the upstream request. */
  headers: Record<string, string>;
  end(status: number | null, error?: unknown): void;
};

/** One traced gateway request. */
export type RequestTrace = {
  startUpstream(): UpstreamSpan;
  end(outcome: RequestOutcome): void;
};

/** Tracing of gateway requests; off (NO_TRACING, no cost) unless an OTLP endpoint is configured. */
export type Tracing = {
  startRequest(incoming: IncomingHttpHeaders): RequestTrace | null;
  /** Exports what is buffered. */
  flush(): Promise<void>;
  shutdown(): Promise<void>;
};

export const NO_TRACING: Tracing = {
  startRequest: () => null,
  flush: async () => {},
  shutdown: async () => {},
};
