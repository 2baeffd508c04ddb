import type { BadgeTone } from "./badge";

const byValue: Record<string, BadgeTone> = {
  // categories
  Read: "green",
  Write: "yellow",
  Execute: "orange",
  Destructive: "red",
  // risks
  Low: "green",
  Medium: "yellow",
  High: "orange",
  Critical: "red",
  // decisions
  allow: "green",
  approved: "green",
  deny: "red",
  error: "red",
  rate_limited: "orange",
  approval_pending: "purple",
  // approval and webhook delivery statuses
  pending: "purple",
  denied: "red",
  used: "green",
  delivered: "green",
  failed: "red",
  // grant statuses
  active: "green",
  revoked: "gray",
  expired: "yellow",
};

/** The badge colour for a category, risk, decision or status value. */
export function toneFor(value: string): BadgeTone {
  return byValue[value] ?? "gray";
}
