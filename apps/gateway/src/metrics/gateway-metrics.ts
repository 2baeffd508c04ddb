import type { Decision } from "@toolgate/db";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import { type MethodClass, methodClass } from "./method-class";

/** Lookups of one cache: hits and loads (each load is a database query). */
export type CacheLookups = { hits: number; loads: number };

/** The call-log queue as seen at scrape time. */
export type QueueStats = {
  waiting: number;
  active: number;
  delayed: number;
  /** Batches that used up their retries (dead-lettered). */
  failed: number;
  /** Age of the oldest batch still waiting, 0 when none waits. */
  oldestWaitingMs: number;
};

/** What the gateway's parts report when Prometheus scrapes; read only then, never on the call path. */
export type MetricsSources = {
  limiterHealth(): "ok" | "degraded";
  postgresUp(): Promise<boolean>;
  cacheLookups(): Record<string, CacheLookups>;
  inFlight(): Iterable<[tenantId: string, count: number]>;
  callLogQueue(): Promise<QueueStats | null>;
  /** Call-log records that could not be enqueued and were lost (the sink's health().unqueued). */
  droppedCallLogs(): Promise<number>;
};

/** Outcome of one limiter round trip to Redis. */
export type LimiterRoundTrip = "ok" | "full" | "failed";

export type GatewayMetricsOptions = {
  /** TOOLGATE_METRICS_TENANT_LABELS: label in-flight requests by tenant id (unbounded: opt-in only). */
  tenantLabels?: boolean;
  /** Process metrics (CPU, memory, event loop lag); off in tests that build many gateways. */
  processMetrics?: boolean;
};

type LatencyChildren = {
  total: Histogram.Internal<"method_class">;
  upstream: Histogram.Internal<"method_class">;
};

const LATENCY_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/**
 * The gateway's Prometheus metrics (prom-client), one registry per gateway. Recording is synchronous
 * and allocation-free once a label pair was seen; everything that needs I/O is read at scrape time.
 */
export class GatewayMetrics {
  readonly registry = new Registry();
  private readonly requests: Counter<"method_class" | "decision">;
  private readonly requestSeconds: Histogram<"method_class">;
  private readonly upstreamSeconds: Histogram<"method_class">;
  private readonly limiterTrips: Counter<"result">;
  private readonly limiterSeconds: Histogram;
  private readonly requestChildren = new Map<string, Counter.Internal>();
  private readonly latencyChildren = new Map<MethodClass, LatencyChildren>();
  private sources: MetricsSources | undefined;

  constructor(options: GatewayMetricsOptions = {}) {
    const registers = [this.registry];
    if (options.processMetrics === true)
      collectDefaultMetrics({ register: this.registry, prefix: "toolgate_" });
    this.requests = new Counter({
      name: "toolgate_gateway_requests_total",
      help: "Authenticated MCP requests by method class and decision.",
      labelNames: ["method_class", "decision"],
      registers,
    });
    this.requestSeconds = new Histogram({
      name: "toolgate_gateway_request_duration_seconds",
      help: "Time from receiving a request to finishing its response (GET streams excluded).",
      labelNames: ["method_class"],
      buckets: LATENCY_BUCKETS,
      registers,
    });
    this.upstreamSeconds = new Histogram({
      name: "toolgate_gateway_upstream_duration_seconds",
      help: "Time spent on the upstream for forwarded requests (GET streams excluded).",
      labelNames: ["method_class"],
      buckets: LATENCY_BUCKETS,
      registers,
    });
    this.limiterTrips = new Counter({
      name: "toolgate_gateway_limiter_round_trips_total",
      help: "Rate-limit round trips to Redis: ok (reserved), full (a limit was reached), failed (Redis unavailable).",
      labelNames: ["result"],
      registers,
    });
    this.limiterSeconds = new Histogram({
      name: "toolgate_gateway_limiter_round_trip_duration_seconds",
      help: "Duration of rate-limit round trips to Redis.",
      buckets: [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.1, 0.25],
      registers,
    });
    this.defineScrapeMetrics(registers, options.tenantLabels === true);
  }

  /** Connects the parts read at scrape time; called once by createGateway. */
  bind(sources: MetricsSources): void {
    this.sources = sources;
  }

  /** Records one finished request; `upstreamMs` is null when nothing reached the upstream. */
  recordRequest(method: string, decision: Decision, totalMs: number, upstreamMs: number | null): void {
    const label = methodClass(method);
    this.requestChild(label, decision).inc();
    if (label === "stream") return; // a GET stream lives as long as the client wants: not a latency
    const latency = this.latencyChild(label);
    latency.total.observe(totalMs / 1000);
    if (upstreamMs !== null) latency.upstream.observe(upstreamMs / 1000);
  }

  /** Observer for the Redis rate limiter: one call per round trip. */
  recordLimiterRoundTrip(result: LimiterRoundTrip, ms: number): void {
    this.limiterTrips.inc({ result });
    this.limiterSeconds.observe(ms / 1000);
  }

  /** The exposition text and its content type. */
  async render(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }

  private requestChild(label: MethodClass, decision: Decision): Counter.Internal {
    const key = `${label} ${decision}`;
    let child = this.requestChildren.get(key);
    if (child === undefined) {
      child = this.requests.labels({ method_class: label, decision });
      this.requestChildren.set(key, child);
    }
    return child;
  }

  private latencyChild(label: MethodClass): LatencyChildren {
    let child = this.latencyChildren.get(label);
    if (child === undefined) {
      child = {
        total: this.requestSeconds.labels({ method_class: label }),
        upstream: this.upstreamSeconds.labels({ method_class: label }),
      };
      this.latencyChildren.set(label, child);
    }
    return child;
  }

  private defineScrapeMetrics(registers: Registry[], tenantLabels: boolean): void {
    const metrics = this;
    new Gauge({
      name: "toolgate_gateway_redis_up",
      help: "1 while the rate-limit Redis is reachable, 0 while degraded (limited calls fail closed).",
      registers,
      collect() {
        this.set(metrics.sources?.limiterHealth() === "degraded" ? 0 : 1);
      },
    });
    new Gauge({
      name: "toolgate_gateway_postgres_up",
      help: "1 if Postgres answered a probe at scrape time.",
      registers,
      async collect() {
        this.set((await metrics.sources?.postgresUp()) === false ? 0 : 1);
      },
    });
    const seen = new Map<string, number>();
    new Counter({
      name: "toolgate_gateway_cache_lookups_total",
      help: "Lookups in the gateway's caches; result=miss lookups each cost a database query.",
      labelNames: ["cache", "result"],
      registers,
      collect() {
        for (const [cache, lookups] of Object.entries(metrics.sources?.cacheLookups() ?? {})) {
          addDelta(this, seen, { cache, result: "hit" }, lookups.hits);
          addDelta(this, seen, { cache, result: "miss" }, lookups.loads);
        }
      },
    });
    new Gauge({
      name: "toolgate_gateway_in_flight_requests",
      help: tenantLabels
        ? "Requests in flight to upstreams, by tenant id."
        : "Requests in flight to upstreams (all tenants; TOOLGATE_METRICS_TENANT_LABELS=1 splits by tenant).",
      labelNames: tenantLabels ? ["tenant"] : [],
      registers,
      collect() {
        this.reset();
        let total = 0;
        for (const [tenant, count] of metrics.sources?.inFlight() ?? []) {
          if (tenantLabels) this.set({ tenant }, count);
          total += count;
        }
        if (!tenantLabels) this.set(total);
      },
    });
    new Gauge({
      name: "toolgate_gateway_call_log_queue_jobs",
      help: "Call-log batches in the queue by state; failed = dead-lettered after all retries.",
      labelNames: ["state"],
      registers,
      async collect() {
        const stats = (await metrics.sources?.callLogQueue().catch(() => null)) ?? null;
        this.reset();
        if (stats === null) return;
        for (const state of ["waiting", "active", "delayed", "failed"] as const) {
          this.set({ state }, stats[state]);
        }
      },
    });
    new Gauge({
      name: "toolgate_gateway_call_log_queue_lag_seconds",
      help: "Age of the oldest call-log batch still waiting to be written.",
      registers,
      async collect() {
        const stats = (await metrics.sources?.callLogQueue().catch(() => null)) ?? null;
        this.set((stats?.oldestWaitingMs ?? 0) / 1000);
      },
    });
    const dropped = new Map<string, number>();
    new Counter({
      name: "toolgate_gateway_call_logs_dropped_total",
      help: "Call-log records lost because they could not be enqueued.",
      registers,
      async collect() {
        const lost = (await metrics.sources?.droppedCallLogs().catch(() => 0)) ?? 0;
        addDelta(this, dropped, {}, lost);
      },
    });
  }
}

// Counters the gateway keeps as plain numbers are turned into Prometheus counters at scrape time.
function addDelta<T extends string>(
  counter: Counter<T>,
  seen: Map<string, number>,
  labels: Partial<Record<T, string>>,
  current: number,
): void {
  const key = JSON.stringify(labels);
  const delta = current - (seen.get(key) ?? 0);
  seen.set(key, current);
  counter.inc(labels, Math.max(0, delta));
}
