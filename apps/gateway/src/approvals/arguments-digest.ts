import { createHash } from "node:crypto";
import { canonicalJson } from "@toolgate/upstream";

/** sha256 (hex) of the canonical JSON of a call's arguments: an approval is bound to exactly these values. */
export function argumentsDigest(args: Record<string, unknown>): string {
  return createHash("sha256").update(canonicalJson(args)).digest("hex");
}
