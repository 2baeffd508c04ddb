import type { PolicyIssue } from "@toolgate/policy-core";
import type { HistoryEntry } from "@/server/policies/builder-history";
import type { ReplayReport } from "@/server/policies/replay-policy";

export type PublishOutcome =
  | { ok: true; version: number; history: HistoryEntry[] }
  | { ok: false; issues?: PolicyIssue[]; error?: string };

export type ReplayOutcome =
  | { ok: true; report: ReplayReport }
  | { ok: false; issues?: PolicyIssue[]; error?: string };

/** The server actions the builder calls (passed in by the page, so the builder stays a plain component). */
export type BuilderServerActions = {
  publish: (input: {
    serverId: string;
    documentText: string;
    baseVersion: number | null;
    message?: string;
  }) => Promise<PublishOutcome>;
  rollback: (input: {
    serverId: string;
    version: number;
    baseVersion: number | null;
  }) => Promise<PublishOutcome>;
  replay: (input: { serverId: string; documentText: string; days: 1 | 7 | 30 }) => Promise<ReplayOutcome>;
};
