import { mayNeedFiltering } from "../enforcement/server-message-filter";
import type { Inspection, RelayOutcome } from "./relay-response";
import { callFailureOf } from "./response-messages";

/**
 * Checks one server→client message (JSON text): `text` is undefined to send it unchanged, null to drop
 * it, else the text to send instead. A message that could carry a listing is always sent as the
 * gateway serialised it, so no other parser can find what the filter removed (e.g. in a repeated key).
 */
export function inspectMessage(
  data: string,
  inspection: Inspection,
  outcome: RelayOutcome,
): { text: string | null | undefined; answered: boolean } {
  const needsFilter = mayNeedFiltering(data);
  const mayAnswer = inspection.id !== undefined && data.includes('"id"');
  if (!needsFilter && !mayAnswer) return { text: undefined, answered: false };
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch {
    // Unreadable to the gateway: passed on only if it cannot be a listing.
    return { text: needsFilter ? null : undefined, answered: false };
  }
  const messages = Array.isArray(parsed) ? parsed : [parsed];
  const kept: unknown[] = [];
  let answered = false;
  for (const message of messages) {
    if (!isMessage(message)) continue;
    if (inspection.id !== undefined && message.id === inspection.id && !("method" in message)) {
      answered = true;
      if (inspection.watchCall) {
        // A tool's own error is logged as one, but only a protocol failure gives the call's quota back.
        outcome.failure = callFailureOf(message);
        outcome.failed ||= outcome.failure?.kind === "protocol";
      }
    }
    const filtered = needsFilter ? inspection.filter(message) : message;
    if (filtered !== null) kept.push(filtered);
  }
  if (!needsFilter) return { text: undefined, answered };
  if (kept.length === 0) return { text: null, answered };
  return { text: JSON.stringify(Array.isArray(parsed) ? kept : kept[0]), answered };
}

function isMessage(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
