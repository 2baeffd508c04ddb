import { z } from "zod";

/** Longest tool prefix: leaves room for the tool's own name within 64 characters. */
export const MAX_TOOL_PREFIX_LENGTH = 32;

/**
 * A server's own prefix for its tools and prompts on the tenant URL. No "__" and no trailing "_",
 * so `<prefix>__<tool>` of two servers can never produce the same name.
 */
export const toolPrefixSchema = z
  .string()
  .trim()
  .min(1, "Give the prefix at least one character, or null to use the server's slug.")
  .max(MAX_TOOL_PREFIX_LENGTH, `Keep the prefix to ${MAX_TOOL_PREFIX_LENGTH} characters or fewer.`)
  .regex(
    /^[a-z0-9][a-z0-9_-]*$/,
    "Use lower-case letters, digits, '-' and '_', starting with a letter or digit.",
  )
  .refine((prefix) => !prefix.includes("__") && !prefix.endsWith("_"), {
    message:
      "A prefix cannot contain '__' or end with '_' (the tenant URL puts '__' between prefix and tool).",
  });
