import { describe, expect, it } from "vitest";
import { parseEnv } from "../env";
import { queuePrefixOf } from "./redis-target";
import { openCallLogQueue, runtimeMode } from "./runtime";

const env = (vars: Record<string, string>) =>
  parseEnv({
    TOOLGATE_SECRET_KEY: "k",
    DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/toolgate",
    ...vars,
  });

describe("runtime mode", () => {
  it("is single-node without REDIS_URL (unset or empty), with its call-log queue in Postgres", async () => {
    for (const vars of [{}, { REDIS_URL: "" }] as Record<string, string>[]) {
      const config = env(vars);
      expect(runtimeMode(config)).toBe("single-node");
      const queue = openCallLogQueue(config);
      expect(queue.transport).toEqual({ kind: "postgres", databaseUrl: config.DATABASE_URL });
      await queue.close();
    }
  });

  it("uses Redis when REDIS_URL is set", () => {
    const config = env({ REDIS_URL: "redis://127.0.0.1:6379" });
    expect(runtimeMode(config)).toBe("redis");
    expect(openCallLogQueue(config).transport).toEqual({ kind: "redis", url: "redis://127.0.0.1:6379" });
  });

  it("names the call-log queue per installation, so installations sharing a Redis keep their logs apart", () => {
    const redis = { REDIS_URL: "redis://127.0.0.1:6379" };
    const one = openCallLogQueue(env({ ...redis, DATABASE_URL: "postgresql://postgres@127.0.0.1/toolgate" }));
    const two = openCallLogQueue(
      env({ ...redis, DATABASE_URL: "postgresql://postgres@127.0.0.1/toolgate_b" }),
    );
    expect(one.queueName).toMatch(/^call-logs-[0-9a-f]{12}$/);
    expect(two.queueName).not.toBe(one.queueName);
    const named = openCallLogQueue(env({ ...redis, TOOLGATE_NAMESPACE: "eu-1" }));
    expect(named.queueName).toBe("call-logs-eu-1");
    expect(openCallLogQueue(env({ ...redis, TOOLGATE_CALL_LOG_QUEUE: "mine" })).queueName).toBe("mine");
  });

  it("uses a Redis Cluster when REDIS_CLUSTER_NODES is set, with a hash-tagged queue prefix", () => {
    const config = env({
      REDIS_CLUSTER_NODES: "10.0.0.1:7000, redis-b.internal:7001,",
      TOOLGATE_NAMESPACE: "eu-1",
    });
    expect(runtimeMode(config)).toBe("redis");
    const queue = openCallLogQueue(config);
    expect(queue.transport).toEqual({
      kind: "redis-cluster",
      nodes: [
        { host: "10.0.0.1", port: 7000 },
        { host: "redis-b.internal", port: 7001 },
      ],
    });
    if (queue.transport.kind === "postgres") throw new Error("expected a Redis transport");
    expect(queuePrefixOf(queue.transport, queue.queueName)).toBe("tg:{call-logs-eu-1}");
    expect(queuePrefixOf({ kind: "redis", url: "redis://x" }, queue.queueName)).toBeUndefined();
  });

  it("rejects a malformed node list, and REDIS_URL together with REDIS_CLUSTER_NODES", () => {
    expect(() => env({ REDIS_CLUSTER_NODES: "10.0.0.1" })).toThrow(/REDIS_CLUSTER_NODES.*host:port/);
    expect(() => env({ REDIS_CLUSTER_NODES: "10.0.0.1:7000", REDIS_URL: "redis://127.0.0.1:6379" })).toThrow(
      /REDIS_URL .* or REDIS_CLUSTER_NODES .*not both/,
    );
  });
});
