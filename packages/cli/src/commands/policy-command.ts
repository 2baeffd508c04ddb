import { readFileSync, writeFileSync } from "node:fs";
import { parsePolicyJson } from "@toolgate/policy-core";
import { z } from "zod";
import { CliError, usageError } from "../cli-error";
import type { CommandContext } from "../command-context";
import { formatJson } from "../output";
import { resolveServerId } from "../resolve-server";

const currentSchema = z.object({ version: z.number().nullable(), document: z.unknown() });
const checkSchema = z.object({
  valid: z.boolean(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })),
  warnings: z.array(z.object({ path: z.string(), message: z.string() })),
});
const diffSchema = z.object({
  from: z.number(),
  to: z.number(),
  changes: z.array(
    z.object({ path: z.string(), before: z.unknown().optional(), after: z.unknown().optional() }),
  ),
});
const simulationSchema = z.object({
  policyVersion: z.number().nullable(),
  decision: z.object({ outcome: z.string(), rule: z.string() }).loose(),
  explanation: z.string(),
});

function readText(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    throw new CliError("file_unreadable", `Cannot read ${path}.`, { cause: error });
  }
}

/** Reads and parses a policy file; JSON syntax and schema errors fail with their paths. */
function readPolicyFile(path: string): unknown {
  const parsed = parsePolicyJson(readText(path));
  if (!parsed.ok)
    throw new CliError("invalid_policy", `${path} is not a valid policy.`, { issues: parsed.issues });
  return parsed.policy;
}

function parseJsonOption(text: string, name: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CliError("usage", `--${name} must be JSON.`, { exitCode: 2, cause: error });
  }
}

function requireArgs(ctx: CommandContext, count: number, usage: string): string[] {
  const args = ctx.positionals.slice(1);
  if (args.length < count) throw usageError(`Usage: toolgate policy ${usage}`);
  return args;
}

function formatValue(value: unknown): string {
  return value === undefined ? "(absent)" : JSON.stringify(value);
}

/** `toolgate policy pull|push|validate|diff|simulate …` */
export async function policyCommand(ctx: CommandContext): Promise<void> {
  const action = ctx.positionals[0];
  switch (action) {
    case "validate":
      return validate(ctx);
    case "pull":
      return pull(ctx);
    case "push":
      return push(ctx);
    case "diff":
      return diff(ctx);
    case "simulate":
      return simulate(ctx);
    default:
      throw usageError("Usage: toolgate policy pull|push|validate|diff|simulate");
  }
}

// Offline unless --server is given: the policy language is the same package the server uses.
async function validate(ctx: CommandContext): Promise<void> {
  const [file = ""] = requireArgs(ctx, 1, "validate FILE [--server SERVER]");
  if (ctx.options.server === undefined) {
    readPolicyFile(file);
    ctx.print({ valid: true, issues: [] }, () => `✔ ${file} is a valid policy.`);
    return;
  }
  const api = ctx.api();
  const serverId = await resolveServerId(api, ctx.options.server);
  const document = parseJsonOption(readText(file), "file");
  const result = checkSchema.parse(
    await api.request("POST", `/servers/${encodeURIComponent(serverId)}/policy/validate`, { document }),
  );
  if (!result.valid)
    throw new CliError("invalid_policy", `${file} is not a valid policy.`, { issues: result.issues });
  ctx.print(result, () =>
    [
      `✔ ${file} is a valid policy.`,
      ...result.warnings.map((w) => `  warning ${w.path || "/"}: ${w.message}`),
    ].join("\n"),
  );
}

async function pull(ctx: CommandContext): Promise<void> {
  const [server = ""] = requireArgs(ctx, 1, "pull SERVER [--out FILE]");
  const api = ctx.api();
  const serverId = await resolveServerId(api, server);
  const current = currentSchema.parse(
    await api.request("GET", `/servers/${encodeURIComponent(serverId)}/policy`),
  );
  if (current.version === null) throw new CliError("not_found", `${server} has no published policy yet.`);
  if (ctx.options.out !== undefined) {
    writeFileSync(ctx.options.out, formatJson(current.document));
    ctx.io.err(`Wrote version ${current.version} to ${ctx.options.out}.\n`);
    return;
  }
  // The document itself, so `toolgate policy pull x > policy.json` round-trips.
  ctx.io.out(formatJson(ctx.options.json ? current : current.document));
}

async function push(ctx: CommandContext): Promise<void> {
  const [server = "", file = ""] = requireArgs(ctx, 2, "push SERVER FILE [--message TEXT] [--base VERSION]");
  const document = readPolicyFile(file);
  const base = ctx.options.base;
  const baseVersion = base === undefined ? undefined : base === "none" ? null : Number(base);
  if (baseVersion !== undefined && baseVersion !== null && !Number.isInteger(baseVersion)) {
    throw usageError("--base takes the version number you edited, or `none`.");
  }
  const api = ctx.api();
  const serverId = await resolveServerId(api, server);
  const result = z.object({ version: z.number() }).parse(
    await api.request("POST", `/servers/${encodeURIComponent(serverId)}/policy/versions`, {
      document,
      ...(ctx.options.message === undefined ? {} : { message: ctx.options.message }),
      ...(baseVersion === undefined ? {} : { baseVersion }),
    }),
  );
  ctx.print(result, () => `Published version ${result.version} of ${server}'s policy.`);
}

async function diff(ctx: CommandContext): Promise<void> {
  const [server = "", from = "", to] = requireArgs(ctx, 2, "diff SERVER FROM_VERSION [TO_VERSION]");
  const api = ctx.api();
  const serverId = await resolveServerId(api, server);
  const query = new URLSearchParams({ from, ...(to === undefined ? {} : { to }) });
  const result = diffSchema.parse(
    await api.request("GET", `/servers/${encodeURIComponent(serverId)}/policy/diff?${query}`),
  );
  ctx.print(result, () =>
    result.changes.length === 0
      ? `Versions ${result.from} and ${result.to} are identical.`
      : [
          `Changes from version ${result.from} to ${result.to}:`,
          ...result.changes.map(
            (c) => `  ${c.path || "/"}: ${formatValue(c.before)} → ${formatValue(c.after)}`,
          ),
        ].join("\n"),
  );
}

async function simulate(ctx: CommandContext): Promise<void> {
  const [server = "", tool = ""] = requireArgs(ctx, 2, "simulate SERVER TOOL [--args JSON] [--draft FILE]");
  const args = ctx.options.args === undefined ? {} : parseJsonOption(ctx.options.args, "args");
  const document = ctx.options.draft === undefined ? undefined : readPolicyFile(ctx.options.draft);
  const api = ctx.api();
  const serverId = await resolveServerId(api, server);
  const result = simulationSchema.parse(
    await api.request("POST", `/servers/${encodeURIComponent(serverId)}/policy/simulate`, {
      tool,
      args,
      ...(document === undefined ? {} : { document }),
    }),
  );
  const against = result.policyVersion === null ? "the draft" : `version ${result.policyVersion}`;
  ctx.print(
    result,
    () =>
      `${result.decision.outcome.toUpperCase()} (${against}, rule ${result.decision.rule})\n${result.explanation}`,
  );
}
