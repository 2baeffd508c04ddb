/**
 * `catalogue import [slug…]`: refreshes the public catalogue index (apps/web/catalogue/servers).
 * Each npm source is installed and started over stdio by npx, listed with the real MCP SDK
 * client, and recorded with its version and the date; `virtualization` comes from the fixture.
 */
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { promisify } from "node:util";
import { z } from "zod";
import { type CatalogueServer, catalogueServerSchema } from "../src/catalogue/catalogue-schema";
import { listNpmServer } from "./catalogue/list-npm-server";
import { type NpmSource, readSources, withScratch } from "./catalogue/sources";

const run = promisify(execFile);
const webRoot = resolve(import.meta.dirname, "..");
const repoRoot = resolve(webRoot, "../..");
const serversDir = join(webRoot, "catalogue/servers");
const fixturePath = join(repoRoot, "packages/demo-upstream/src/fixtures/virtualization-tools.json");

const fixtureSchema = z.object({ tools: z.array(z.looseObject({ name: z.string() })) });

async function importFixture(now: string): Promise<CatalogueServer> {
  const fixture = fixtureSchema.parse(JSON.parse(await readFile(fixturePath, "utf8")));
  // x-expected-category is the project's test label, not part of what a server lists.
  const tools = fixture.tools.map(({ "x-expected-category": _label, ...tool }) => tool);
  return catalogueServerSchema.parse({
    slug: "virtualization",
    name: "Virtualization",
    description:
      "Manage VirtualBox virtual machines: list, start and stop VMs, snapshots, storage, ISO media, networking and guest commands. Modelled on a public virtualization MCP server.",
    source: { kind: "fixture", path: relative(repoRoot, fixturePath) },
    importedAt: now,
    urlHint:
      "Toolgate's demo upstream serves this tool list over Streamable HTTP (`npm start` prints its URL).",
    tools,
  });
}

async function npmMetadata(name: string): Promise<{ version: string; description: string }> {
  const { stdout } = await run("npm", ["view", "--json", name, "version", "description"]);
  return z.object({ version: z.string(), description: z.string() }).parse(JSON.parse(stdout));
}

async function importNpm(source: NpmSource, now: string): Promise<CatalogueServer> {
  const meta = await npmMetadata(source.package);
  const scratch = await mkdtemp(join(tmpdir(), `catalogue-${source.slug}-`));
  try {
    const spec = `${source.package}@${meta.version}`;
    const { args, env } = withScratch(source, scratch);
    const listed = await listNpmServer({ command: "npx", args: ["--yes", spec, ...args], env, cwd: scratch });
    return catalogueServerSchema.parse({
      slug: source.slug,
      name: source.name,
      description: meta.description,
      source: { kind: "npm", package: source.package, version: meta.version, command: `npx -y ${spec}` },
      serverInfo: listed.serverInfo,
      importedAt: now,
      urlHint: source.urlHint,
      tools: listed.tools,
    });
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const [command, ...slugs] = process.argv.slice(2);
  if (command !== "import") {
    console.error("usage: catalogue import [slug…]   (slugs from catalogue/sources.json, or virtualization)");
    process.exitCode = 2;
    return;
  }
  const now = new Date().toISOString();
  const sources = await readSources(join(webRoot, "catalogue/sources.json"));
  const wanted = (slug: string) => slugs.length === 0 || slugs.includes(slug);
  const jobs: { slug: string; load: () => Promise<CatalogueServer> }[] = [
    { slug: "virtualization", load: () => importFixture(now) },
    ...sources.map((source) => ({ slug: source.slug, load: () => importNpm(source, now) })),
  ].filter((job) => wanted(job.slug));
  let failed = 0;
  // One at a time: each start installs a package and spawns a server.
  for (const job of jobs) {
    try {
      const server = await job.load();
      await writeFile(join(serversDir, `${server.slug}.json`), `${JSON.stringify(server, null, 2)}\n`);
      console.log(`${server.slug.padEnd(22)} ${String(server.tools.length).padStart(3)} tools`);
    } catch (error) {
      failed += 1;
      console.error(`${job.slug}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (failed > 0) process.exitCode = 1;
}

await main();
