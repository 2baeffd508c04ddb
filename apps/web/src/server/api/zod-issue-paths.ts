import type { z } from "zod";
import type { ApiIssue } from "./api-error";

/** Zod issues as API issues with JSON-pointer paths, e.g. `/headers/0/name`. */
export function toApiIssues(error: z.ZodError, prefix = ""): ApiIssue[] {
  return error.issues.map((issue) => ({
    path:
      prefix +
      issue.path
        .filter((segment) => typeof segment !== "symbol")
        .map((segment) => `/${String(segment).replaceAll("~", "~0").replaceAll("/", "~1")}`)
        .join(""),
    message: issue.message,
  }));
}
