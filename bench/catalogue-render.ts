// Public catalogue render benchmark: server time of the public pages with the repo's index
// (about a dozen servers) and with a synthetic index of 120+ servers, in alternating rounds
// against the same build, with /robots.txt (no rendering) as the baseline. Not a test.
// The pages read tenants' published servers from a real, migrated database, as in a deployment
// (BENCH_DATABASE_URL, default database toolgate_bench_catalogue on local Postgres).
// Run: cd apps/web && NEXT_TELEMETRY_DISABLED=1 node_modules/.bin/next build && cd ../.. &&
//      node_modules/.bin/tsx bench/catalogue-render.ts   (BENCH_PORT_BASE, BENCH_ROUNDS optional)
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

type Tool = { name: string };
type ServerRecord = { slug: string; name: string; tools: Tool[] } & Record<string, unknown>;

const webDir = resolve(import.meta.dirname, "../apps/web");
const realDir = join(webDir, "catalogue/servers");
const portBase = Number(process.env.BENCH_PORT_BASE ?? 16100);
const rounds = Number(process.env.BENCH_ROUNDS ?? 200);
const databaseUrl =
  process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/toolgate_bench_catalogue";
const SYNTHETIC_SERVERS = 120;
const TOOLS_PER_SERVER = 45;

function readRecords(dir: string): ServerRecord[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith(".json"))
    .map((file) => JSON.parse(readFileSync(join(dir, file), "utf8")) as ServerRecord);
}

/** 120 servers of ~45 real tool definitions each, drawn from the repo's records in turn. */
function writeSyntheticIndex(real: ServerRecord[]): string {
  const dir = mkdtempSync(join(tmpdir(), "catalogue-bench-"));
  const pool = real.flatMap((record) => record.tools);
  for (let n = 0; n < SYNTHETIC_SERVERS; n++) {
    const base = real[n % real.length] as ServerRecord;
    const tools: Tool[] = [];
    const seen = new Set<string>();
    for (let i = 0; tools.length < TOOLS_PER_SERVER && i < pool.length; i++) {
      const tool = pool[(n * 7 + i) % pool.length] as Tool;
      if (seen.has(tool.name)) continue;
      seen.add(tool.name);
      tools.push(tool);
    }
    const record = { ...base, slug: `${base.slug}-${n}`, name: `${base.name} ${n}`, tools };
    writeFileSync(join(dir, `${record.slug}.json`), JSON.stringify(record));
  }
  return dir;
}

async function startNext(port: number, catalogueDir: string): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ["node_modules/next/dist/bin/next", "start", "--port", String(port)],
    {
      cwd: webDir,
      env: {
        ...process.env,
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        AUTH_SECRET: "catalogue-bench-secret-0123456789",
        TOOLGATE_SECRET_KEY: Buffer.alloc(32, 1).toString("base64"),
        AUTH_URL: `http://localhost:${port}`,
        TOOLGATE_CATALOGUE_DIR: catalogueDir,
        DATABASE_URL: databaseUrl,
      },
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
  for (let attempt = 0; attempt < 120; attempt++) {
    try {
      if ((await fetch(`http://localhost:${port}/robots.txt`)).ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 250));
  }
  child.kill();
  throw new Error(`next start on ${port} did not come up`);
}

/** CPU time (user + system, ms) the process has used so far, from /proc (10 ms ticks). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
  // After "pid (comm) ": state is field 0, utime field 11, stime field 12.
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** Wall time of one request, and the CPU the server spent meanwhile (requests are sequential). */
async function timed(url: string, pid: number): Promise<{ wall: number; cpu: number }> {
  const cpuBefore = cpuMs(pid);
  const started = performance.now();
  const response = await fetch(url);
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return { wall: performance.now() - started, cpu: cpuMs(pid) - cpuBefore };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

type Target = { name: string; path: (records: ServerRecord[], round: number) => string };

const pick = <T>(list: T[], round: number): T => list[(round * 2654435761) % list.length] as T;

const TARGETS: Target[] = [
  { name: "robots.txt (baseline)", path: () => "/robots.txt" },
  { name: "landing /", path: () => "/" },
  { name: "/catalogue", path: () => "/catalogue" },
  { name: "/catalogue?q=…&category=…", path: () => "/catalogue?q=file&category=Write" },
  { name: "/catalogue/<server>", path: (records, round) => `/catalogue/${pick(records, round).slug}` },
  {
    name: "/catalogue/<server>/<tool>",
    path: (records, round) => {
      const record = pick(records, round);
      return `/catalogue/${record.slug}/${encodeURIComponent(pick(record.tools, round + 1).name)}`;
    },
  },
  { name: "sitemap.xml", path: () => "/sitemap.xml" },
];

/** Creates (if needed) and migrates the bench database, as `npm start` does for its own. */
function migrateDatabase(): void {
  execFileSync(process.execPath, ["--import", "tsx", "src/migrate/cli.ts", "deploy"], {
    cwd: resolve(import.meta.dirname, "../packages/db"),
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ["ignore", "ignore", "inherit"],
  });
}

async function main(): Promise<void> {
  migrateDatabase();
  const real = readRecords(realDir);
  const syntheticDir = writeSyntheticIndex(real);
  const synthetic = readRecords(syntheticDir);
  const indexes = [
    {
      label: `repo (${real.length} servers, ${real.reduce((n, r) => n + r.tools.length, 0)} tools)`,
      records: real,
      dir: realDir,
      port: portBase,
    },
    {
      label: `synthetic (${synthetic.length} servers, ${synthetic.reduce((n, r) => n + r.tools.length, 0)} tools)`,
      records: synthetic,
      dir: syntheticDir,
      port: portBase + 1,
    },
  ];
  const children: ChildProcess[] = [];
  try {
    for (const index of indexes) children.push(await startNext(index.port, index.dir));
    const pids = children.map((child) => child.pid ?? 0);
    const samples = new Map<string, number[]>();
    const cpu = new Map<string, number>();
    // Warm-up: every page kind on both servers, so compilation and the index load are not measured.
    for (let round = 0; round < 20; round++) {
      for (const target of TARGETS) {
        for (const [position, index] of indexes.entries()) {
          await timed(
            `http://localhost:${index.port}${target.path(index.records, round)}`,
            pids[position] ?? 0,
          );
        }
      }
    }
    for (let round = 0; round < rounds; round++) {
      // Alternate which index goes first in each round.
      const order = round % 2 === 0 ? indexes : [...indexes].reverse();
      for (const target of TARGETS) {
        for (const index of order) {
          const key = `${target.name}\u0000${index.label}`;
          const list = samples.get(key) ?? [];
          const pid = pids[indexes.indexOf(index)] ?? 0;
          const sample = await timed(
            `http://localhost:${index.port}${target.path(index.records, round)}`,
            pid,
          );
          list.push(sample.wall);
          samples.set(key, list);
          cpu.set(key, (cpu.get(key) ?? 0) + sample.cpu);
        }
      }
    }
    console.log(
      `\nPublic catalogue pages, ${rounds} sequential requests each after warm-up (ms, loopback, next start)\n`,
    );
    console.log("| page | index | p50 | p95 | p99 | p95 × baseline | server CPU / request (mean) |");
    console.log("|---|---|---|---|---|---|---|");
    for (const index of indexes) {
      const baseline = [...(samples.get(`${TARGETS[0]?.name}\u0000${index.label}`) ?? [])].sort(
        (a, b) => a - b,
      );
      for (const target of TARGETS) {
        const sorted = [...(samples.get(`${target.name}\u0000${index.label}`) ?? [])].sort((a, b) => a - b);
        const ratio = percentile(sorted, 95) / percentile(baseline, 95);
        console.log(
          `| ${target.name} | ${index.label} | ${percentile(sorted, 50).toFixed(1)} | ${percentile(sorted, 95).toFixed(1)} | ${percentile(sorted, 99).toFixed(1)} | ${ratio.toFixed(1)}× | ${((cpu.get(`${target.name}\u0000${index.label}`) ?? 0) / sorted.length).toFixed(1)} |`,
        );
      }
    }
  } finally {
    for (const child of children) child.kill("SIGTERM");
    rmSync(syntheticDir, { recursive: true, force: true });
  }
}

await main();
