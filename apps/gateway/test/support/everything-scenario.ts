import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import type { Transport } from "@modelcontextprotocol/sdk/shared/transport.js";
import {
  CreateMessageRequestSchema,
  ElicitRequestSchema,
  ListRootsRequestSchema,
  LoggingMessageNotificationSchema,
  ResourceUpdatedNotificationSchema,
} from "@modelcontextprotocol/sdk/types.js";
import { toolText } from "./tool-text";

/** What one client saw doing the same things against server-everything; compared direct vs through the gateway. */
export type ScenarioObservations = Record<string, unknown>;

const ROOTS = [{ uri: "file:///work/project", name: "project" }];

/**
 * Drives every relayed MCP feature of @modelcontextprotocol/server-everything with a real SDK client that
 * answers sampling, elicitation and roots requests, and records the results and notifications it got.
 */
export async function runEverythingScenario(transport: Transport): Promise<ScenarioObservations> {
  const client = new Client(
    { name: "relay-scenario", version: "1.0.0" },
    { capabilities: { sampling: {}, elicitation: {}, roots: { listChanged: true } } },
  );
  const seen = { logs: [] as { level: string; logger: string | undefined }[], updated: [] as string[] };
  client.setRequestHandler(CreateMessageRequestSchema, async (request) => ({
    model: "test-model",
    role: "assistant",
    content: { type: "text", text: `sampled ${request.params.messages.length} message(s)` },
  }));
  client.setRequestHandler(ElicitRequestSchema, async () => ({
    action: "accept",
    content: { name: "Ada Lovelace", check: true, email: "ada@example.test" },
  }));
  client.setRequestHandler(ListRootsRequestSchema, async () => ({ roots: ROOTS }));
  client.setNotificationHandler(LoggingMessageNotificationSchema, (note) => {
    seen.logs.push({ level: note.params.level, logger: note.params.logger });
  });
  client.setNotificationHandler(ResourceUpdatedNotificationSchema, (note) => {
    seen.updated.push(note.params.uri);
  });
  await client.connect(transport);
  try {
    const observed: ScenarioObservations = {};
    observed.server = client.getServerVersion();
    observed.capabilities = client.getServerCapabilities();
    observed.instructions = client.getInstructions();
    observed.ping = await client.ping();
    observed.tools = (await client.listTools()).tools.map((tool) => tool.name).sort();
    observed.echo = toolText(await client.callTool({ name: "echo", arguments: { message: "relayed" } }));
    observed.sum = toolText(await client.callTool({ name: "get-sum", arguments: { a: 20, b: 22 } }));

    const progress: unknown[] = [];
    observed.longRunning = toolText(
      await client.callTool(
        { name: "trigger-long-running-operation", arguments: { duration: 0.3, steps: 3 } },
        undefined,
        { onprogress: (p) => progress.push(p) },
      ),
    );
    observed.progress = progress;
    observed.sampling = toolText(
      await client.callTool({ name: "trigger-sampling-request", arguments: { prompt: "hi", maxTokens: 5 } }),
    );
    observed.elicitation = allText(
      await client.callTool({ name: "trigger-elicitation-request", arguments: {} }),
    );
    observed.roots = toolText(await client.callTool({ name: "get-roots-list", arguments: {} }));

    const resources = (await client.listResources()).resources;
    const first = resources[0];
    observed.resources = resources.map((resource) => resource.uri);
    observed.templates = (await client.listResourceTemplates()).resourceTemplates.map((t) => t.uriTemplate);
    if (first !== undefined) {
      observed.read = (await client.readResource({ uri: first.uri })).contents;
      await client.subscribeResource({ uri: first.uri });
    }
    observed.prompts = (await client.listPrompts()).prompts.map((prompt) => prompt.name).sort();
    observed.prompt = (await client.getPrompt({ name: "simple-prompt" })).messages;
    observed.completion = (
      await client.complete({
        ref: { type: "ref/prompt", name: "completable-prompt" },
        argument: { name: "department", value: "S" },
      })
    ).completion.values;

    await client.setLoggingLevel("debug");
    await client.callTool({ name: "toggle-simulated-logging", arguments: {} });
    await client.callTool({ name: "toggle-subscriber-updates", arguments: {} });
    // Both send at once, then every 5 s, on the session's GET stream.
    await waitUntil(() => seen.logs.length > 0 && seen.updated.length > 0, 12_000);
    observed.firstUpdated = seen.updated[0];
    observed.logShape = seen.logs.map((log) => typeof log.level)[0];

    const abort = new AbortController();
    const cancelled = client
      .callTool({ name: "trigger-long-running-operation", arguments: { duration: 5, steps: 5 } }, undefined, {
        signal: abort.signal,
      })
      .then(
        () => "completed",
        (error: unknown) => (error instanceof Error ? error.name : "rejected"),
      );
    setTimeout(() => abort.abort("user cancelled"), 100);
    observed.cancelled = await cancelled;
    observed.afterCancel = await client.ping();
    return observed;
  } finally {
    await client.close();
  }
}

function allText(result: Awaited<ReturnType<Client["callTool"]>>): string {
  const content = Array.isArray(result.content) ? result.content : [];
  return content.map((item) => (item.type === "text" ? item.text : `[${item.type}]`)).join("\n");
}

async function waitUntil(done: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error("timed out waiting for notifications");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
