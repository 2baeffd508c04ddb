import { type ChildProcess, execFile, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { promisify } from "node:util";
import { Redis } from "ioredis";

const run = promisify(execFile);

export type ClusterShard = { slots: [number, number]; master: number; replicas: number[] };

export type RedisClusterFixture = {
  /** REDIS_CLUSTER_NODES for a gateway: every node, "127.0.0.1:port,…". */
  nodesEnv: string;
  nodes: { host: string; port: number }[];
  /** The shard (master and replica ports) that serves `hashTag`'s slot right now. */
  shardOf(hashTag: string): Promise<ClusterShard>;
  /** Asks the replica to take over from its master (CLUSTER FAILOVER, no data loss), returns at once. */
  startFailover(replicaPort: number): Promise<void>;
  /** Resolves once the node on `port` is a master and every node sees the cluster as ok. */
  waitForMaster(port: number): Promise<void>;
  /** A plain client to one node. */
  node(port: number): Redis;
  stop(): Promise<void>;
};

/** `count` ports free right now, held open together so none is handed out twice. */
async function freePorts(count: number): Promise<number[]> {
  const servers: Server[] = [];
  for (let i = 0; i < count; i++) {
    const server = createServer();
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    servers.push(server);
  }
  const ports = servers.map((server) => {
    const address = server.address();
    if (address === null || typeof address === "string") throw new Error("no port");
    return address.port;
  });
  await Promise.all(servers.map((server) => new Promise((done) => server.close(done))));
  return ports;
}

async function startNode(port: number, busPort: number, dir: string): Promise<ChildProcess> {
  const child = spawn(
    "redis-server",
    [
      "--port",
      String(port),
      "--cluster-port",
      String(busPort),
      "--bind",
      "127.0.0.1",
      "--cluster-enabled",
      "yes",
      "--cluster-config-file",
      join(dir, `nodes-${port}.conf`),
      "--cluster-node-timeout",
      "2000",
      "--dir",
      dir,
      "--save",
      "",
      "--appendonly",
      "no",
    ],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  let output = "";
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("Ready to accept connections")) resolve();
    });
    child.once("exit", (code) => reject(new Error(`redis-server :${port} exited (${code}): ${output}`)));
  });
  return child;
}

async function clusterOk(port: number): Promise<boolean> {
  const redis = new Redis(port, "127.0.0.1", { lazyConnect: true, maxRetriesPerRequest: 0 });
  try {
    const info = String(await redis.cluster("INFO"));
    return info.includes("cluster_state:ok");
  } catch {
    return false;
  } finally {
    redis.disconnect();
  }
}

/**
 * A real Redis Cluster of 3 masters and 3 replicas (Debian's redis-server) on free local ports, its
 * files in a temporary directory; `stop` kills the nodes and removes the directory.
 */
export async function startRedisCluster(): Promise<RedisClusterFixture> {
  const dir = await mkdtemp(join(tmpdir(), "toolgate-redis-cluster-"));
  const ports = await freePorts(12);
  const nodePorts = ports.slice(0, 6);
  const children: ChildProcess[] = [];
  const clients: Redis[] = [];
  const stop = async () => {
    for (const client of clients) client.disconnect();
    await Promise.all(
      children.map(async (child) => {
        if (child.exitCode !== null) return;
        const exited = once(child, "exit");
        child.kill("SIGKILL");
        await exited;
      }),
    );
    await rm(dir, { recursive: true, force: true });
  };
  try {
    for (const [i, port] of nodePorts.entries()) {
      children.push(await startNode(port, ports[6 + i] ?? 0, dir));
    }
    await run("redis-cli", [
      "--cluster",
      "create",
      ...nodePorts.map((port) => `127.0.0.1:${port}`),
      "--cluster-replicas",
      "1",
      "--cluster-yes",
    ]);
    const waitAllOk = async () => {
      for (let attempt = 0; attempt < 150; attempt++) {
        const states = await Promise.all(nodePorts.map(clusterOk));
        if (states.every(Boolean)) return;
        await sleep(100);
      }
      throw new Error("the Redis Cluster did not become ok");
    };
    await waitAllOk();
    const node = (port: number) => {
      const client = new Redis(port, "127.0.0.1", { maxRetriesPerRequest: 1 });
      clients.push(client);
      return client;
    };
    const admin = node(nodePorts[0] ?? 0);
    return {
      nodes: nodePorts.map((port) => ({ host: "127.0.0.1", port })),
      nodesEnv: nodePorts.map((port) => `127.0.0.1:${port}`).join(","),
      async shardOf(hashTag) {
        const slot = Number(await admin.cluster("KEYSLOT", hashTag));
        // A replica shows in CLUSTER SLOTS only once it has synced with its master: on a busy machine
        // that can take a few seconds after the cluster is created.
        let found: ClusterShard | undefined;
        for (let attempt = 0; attempt < 150; attempt++) {
          const shards = await admin.cluster("SLOTS");
          for (const [start, end, master, ...replicas] of shards) {
            if (slot >= start && slot <= end && master !== undefined) {
              found = {
                slots: [start, end],
                master: master[1],
                replicas: replicas.map((replica) => replica[1]),
              };
            }
          }
          if (found !== undefined && found.replicas.length > 0) return found;
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
        if (found === undefined) throw new Error(`no shard serves slot ${slot}`);
        return found;
      },
      async startFailover(replicaPort) {
        await node(replicaPort).cluster("FAILOVER");
      },
      async waitForMaster(port) {
        const client = node(port);
        for (let attempt = 0; attempt < 150; attempt++) {
          const role = (await client.role()) as [string, ...unknown[]];
          if (role[0] === "master") return waitAllOk();
          await sleep(100);
        }
        throw new Error(`:${port} did not become a master`);
      },
      node,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
