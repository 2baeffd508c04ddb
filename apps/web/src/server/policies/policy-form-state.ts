import type { PolicyIssue } from "@toolgate/policy-core";

/** What the policy editor's action reports back to the editor. */
export type PolicyFormState = {
  error?: string;
  issues?: PolicyIssue[];
  notice?: string;
  // The version now in force, so the next publish is checked against it.
  currentVersion: number | null;
};
