import { z } from "zod";
import { CliError, usageError } from "../cli-error";
import type { CommandContext } from "../command-context";

const reportSchema = z.object({
  ok: z.boolean(),
  checked: z.number(),
  unchained: z.number(),
  broken: z.object({ seq: z.number(), eventId: z.string().nullable(), problem: z.string() }).nullable(),
});

/** `toolgate audit verify`: recomputes the organisation's audit hash chain; exit 1 if it is broken. */
export async function auditCommand(ctx: CommandContext): Promise<void> {
  const [action] = ctx.positionals;
  if (action !== "verify") throw usageError("Usage: toolgate audit verify");
  const report = reportSchema.parse(await ctx.api().request("GET", "/audit/verify"));
  if (report.broken !== null) {
    const where =
      report.broken.eventId === null
        ? `at #${report.broken.seq}`
        : `at #${report.broken.seq} (${report.broken.eventId})`;
    throw new CliError(
      "audit_chain_broken",
      `The audit chain is broken ${where}: ${report.broken.problem}. ${report.checked} event(s) verified before it.`,
    );
  }
  ctx.print(
    report,
    () =>
      `Audit chain intact: ${report.checked} event(s) verified${report.unchained > 0 ? ` (${report.unchained} older event(s) predate the chain and are not covered: an operator links them with 'pnpm --filter @toolgate/web chain-audit-events')` : ""}.`,
  );
}
