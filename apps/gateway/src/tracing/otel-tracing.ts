import type { IncomingHttpHeaders } from "node:http";
import {
  defaultTextMapGetter,
  defaultTextMapSetter,
  ROOT_CONTEXT,
  type Span,
  SpanKind,
  SpanStatusCode,
  trace,
} from "@opentelemetry/api";
import { W3CTraceContextPropagator } from "@opentelemetry/core";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { BasicTracerProvider, BatchSpanProcessor } from "@opentelemetry/sdk-trace-base";
import type { RequestOutcome, RequestTrace, Tracing, UpstreamSpan } from "./tracing";

export type OtelTracingOptions = {
  /** OTLP/HTTP traces endpoint, e.g. http://collector:4318/v1/traces. */
  tracesUrl: string;
  serviceName: string;
  /** Extra headers for the collector (e.g. an API key). */
  headers?: Record<string, string>;
  /** How often buffered spans are exported (default 5 s). */
  exportDelayMs?: number;
};

/**
 * OpenTelemetry tracing with the official SDK: a SERVER span per gateway request (continuing the
 * client's W3C `traceparent`), a CLIENT child span per upstream request whose context is sent
 * upstream as `traceparent`, exported in batches over OTLP/HTTP. Contexts are passed explicitly, so
 * no async-context machinery runs on the hot path.
 */
export function createOtelTracing(options: OtelTracingOptions): Tracing {
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ "service.name": options.serviceName }),
    spanProcessors: [
      new BatchSpanProcessor(new OTLPTraceExporter({ url: options.tracesUrl, headers: options.headers }), {
        scheduledDelayMillis: options.exportDelayMs ?? 5_000,
      }),
    ],
  });
  const tracer = provider.getTracer("toolgate-gateway");
  const propagator = new W3CTraceContextPropagator();

  return {
    startRequest(incoming: IncomingHttpHeaders): RequestTrace {
      const parent = propagator.extract(ROOT_CONTEXT, incoming, defaultTextMapGetter);
      const span = tracer.startSpan("mcp request", { kind: SpanKind.SERVER }, parent);
      return {
        startUpstream: () => startUpstream(span),
        end: (outcome) => endRequest(span, outcome),
      };
    },
    flush: () => provider.forceFlush(),
    shutdown: () => provider.shutdown(),
  };

  function startUpstream(parent: Span): UpstreamSpan {
    const span = tracer.startSpan("upstream", { kind: SpanKind.CLIENT }, trace.setSpan(ROOT_CONTEXT, parent));
    const headers: Record<string, string> = {};
    propagator.inject(trace.setSpan(ROOT_CONTEXT, span), headers, defaultTextMapSetter);
    return {
      headers,
      end(status, error) {
        if (status !== null) span.setAttribute("http.response.status_code", status);
        if (error !== undefined || (status !== null && status >= 500))
          span.setStatus({ code: SpanStatusCode.ERROR });
        span.end();
      },
    };
  }
}

function endRequest(span: Span, outcome: RequestOutcome): void {
  span.updateName(outcome.tool === null ? `mcp ${outcome.method}` : `mcp ${outcome.method} ${outcome.tool}`);
  span.setAttributes({
    "mcp.method.name": outcome.method,
    "toolgate.decision": outcome.decision,
    "toolgate.tenant_id": outcome.tenantId,
    "toolgate.server_id": outcome.serverId,
    "toolgate.grant_id": outcome.grantId,
  });
  if (outcome.tool !== null) span.setAttribute("gen_ai.tool.name", outcome.tool);
  if (outcome.rule !== null) span.setAttribute("toolgate.rule", outcome.rule);
  if (outcome.policyVersion !== null) span.setAttribute("toolgate.policy_version", outcome.policyVersion);
  if (outcome.decision === "error") span.setStatus({ code: SpanStatusCode.ERROR });
  span.end();
}
