import { z } from "zod";
import {
  createSandboxSession,
  destroySandboxSession,
  executeCode,
  readSandboxFile,
  runInSandbox,
  writeSandboxFile,
} from "../hypervisor/sandbox";
import type { SandboxSession } from "../hypervisor/types";
import { defineTool } from "./define-tool";
import { requiredArg } from "./required-arg";
import { jsonReply } from "./tool-reply";

const TOOL = "sandbox_management";

const argsSchema = z.object({
  action: z.enum([
    "execute_code",
    "execute_file",
    "session_create",
    "session_run",
    "session_write_file",
    "session_read_file",
    "session_list",
    "session_destroy",
  ]),
  code: z.string().optional(),
  language: z.string().optional(),
  timeout: z.number().int().optional(),
  network_enabled: z.boolean().optional(),
  session_id: z.string().optional(),
});

/** The sandbox portmanteau tool; runs are simulated, sessions and their files are real state. */
export const sandboxManagementTool = defineTool(TOOL, argsSchema, (hv, input) => {
  const { action } = input;
  const sessionId = () => requiredArg(input.session_id, "session_id", TOOL, action);
  const code = () => requiredArg(input.code, "code", TOOL, action);
  switch (action) {
    case "execute_code":
      return jsonReply(executeCode(code(), input.language, input.timeout));
    case "execute_file": {
      const file = readSandboxFile(hv, sessionId());
      return jsonReply({ file: file.file, ...runInSandbox(hv, sessionId(), file.content, input.timeout) });
    }
    case "session_create":
      return jsonReply({
        action,
        session: sessionView(createSandboxSession(hv, input.language, input.network_enabled)),
      });
    case "session_run":
      return jsonReply(runInSandbox(hv, sessionId(), code(), input.timeout));
    case "session_write_file":
      return jsonReply({
        action,
        file: writeSandboxFile(hv, sessionId(), code()),
        bytes: Buffer.byteLength(code()),
      });
    case "session_read_file":
      return jsonReply(readSandboxFile(hv, sessionId()));
    case "session_list":
      return jsonReply({ sessions: [...hv.sandboxes.values()].map(sessionView) });
    case "session_destroy":
      return jsonReply({ action, destroyed: destroySandboxSession(hv, sessionId()).id });
  }
});

function sessionView(session: SandboxSession) {
  return {
    session_id: session.id,
    language: session.language,
    network_enabled: session.networkEnabled,
    files: [...session.files.keys()],
    runs: session.runs,
  };
}
