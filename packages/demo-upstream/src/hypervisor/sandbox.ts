import { HypervisorError } from "./hypervisor-error";
import { type Hypervisor, nextSequence } from "./hypervisor-state";
import type { SandboxSession } from "./types";

const MAIN_FILE: Record<string, string> = { python: "main.py", javascript: "main.js", bash: "main.sh" };

/** What a simulated run reports; nothing is actually executed. */
export type SandboxRun = { exit_code: number; stdout: string; stderr: string; simulated: true };

/** Simulates running code in a throwaway sandbox: reports what would run, executes nothing. */
export function executeCode(code: string, language = "python", timeoutSeconds = 30): SandboxRun {
  if (timeoutSeconds < 1 || timeoutSeconds > 3600) {
    throw new HypervisorError("invalid_argument", "timeout must be from 1 to 3600 seconds.");
  }
  const lines = code.split("\n").filter((line) => line.trim() !== "").length;
  return {
    exit_code: 0,
    stdout: `[simulated ${language}] ${lines} line(s), ${Buffer.byteLength(code)} byte(s) accepted; nothing was executed.`,
    stderr: "",
    simulated: true,
  };
}

/** Opens a sandbox session that keeps files between runs. */
export function createSandboxSession(
  hv: Hypervisor,
  language = "python",
  networkEnabled = false,
): SandboxSession {
  const session: SandboxSession = {
    id: `sbx_${nextSequence(hv).toString().padStart(4, "0")}`,
    language,
    networkEnabled,
    files: new Map(),
    runs: 0,
  };
  hv.sandboxes.set(session.id, session);
  return session;
}

/** Looks a sandbox session up by id. */
export function requireSandbox(hv: Hypervisor, id: string): SandboxSession {
  const session = hv.sandboxes.get(id);
  if (session === undefined) throw new HypervisorError("not_found", `Sandbox session "${id}" not found.`);
  return session;
}

/** Simulates a run inside a session, counting it. */
export function runInSandbox(hv: Hypervisor, id: string, code: string, timeoutSeconds?: number): SandboxRun {
  const session = requireSandbox(hv, id);
  session.runs += 1;
  return executeCode(code, session.language, timeoutSeconds);
}

/** Writes the session's main file (the tool has no file-name argument, so there is one file per session). */
export function writeSandboxFile(hv: Hypervisor, id: string, content: string): string {
  const session = requireSandbox(hv, id);
  const fileName = mainFileOf(session);
  session.files.set(fileName, content);
  return fileName;
}

/** Reads back the session's main file. */
export function readSandboxFile(hv: Hypervisor, id: string): { file: string; content: string } {
  const session = requireSandbox(hv, id);
  const file = mainFileOf(session);
  const content = session.files.get(file);
  if (content === undefined) {
    throw new HypervisorError("not_found", `Sandbox session "${id}" has no ${file} yet; write it first.`);
  }
  return { file, content };
}

/** Closes a sandbox session and drops its files. */
export function destroySandboxSession(hv: Hypervisor, id: string): SandboxSession {
  const session = requireSandbox(hv, id);
  hv.sandboxes.delete(id);
  return session;
}

function mainFileOf(session: SandboxSession): string {
  return MAIN_FILE[session.language] ?? "main.txt";
}
