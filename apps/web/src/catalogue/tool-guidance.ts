import type { Policy, RiskClass, ToolCategory } from "@toolgate/policy-core";
import { type ArgumentSignal, argumentSignals } from "./argument-signals";
import type { IndexedTool } from "./catalogue-index";
import type { CatalogueServer } from "./catalogue-schema";
import { explainPolicy } from "./explain-policy";
import { describeInputSchema } from "./input-schema-words";
import { counterFor, recommendToolPolicy } from "./recommend-tool-policy";

export type PolicyOption = {
  key: "allow" | "rate_limit" | "approval" | "block";
  title: string;
  text: string;
  policy: Policy;
};
export type FaqEntry = { question: string; answer: string };

/** Everything a public tool page says about one tool, derived from its definition and class. */
export type ToolGuidance = {
  why: string[];
  attacks: string[];
  recommended: Policy;
  explanation: string[];
  options: PolicyOption[];
  faq: FaqEntry[];
};

const LEAD: Record<ToolCategory, (tool: string, server: string) => string> = {
  Read: (tool, server) =>
    `${tool} only reads from ${server}, but what it returns lands in the agent's context: from there it can be passed on to other tools, or carry instructions someone planted in the data.`,
  Write: (tool, server) =>
    `${tool} changes state on ${server}. An agent that calls it in a loop, or that was talked into calling it by text it read earlier (prompt injection), makes changes no person reviewed.`,
  Execute: (tool, server) =>
    `${tool} makes ${server} run something on the caller's behalf. Execution is where one injected instruction turns into an action with the server's privileges.`,
  Destructive: (tool, server) =>
    `${tool} removes or overwrites things on ${server}. The agent cannot undo it: one mistaken or injected call costs data, configuration or uptime.`,
};

const CLOSING: Record<ToolCategory, string> = {
  Read: "The recommendation allows it under default deny, so it is usable while every tool you did not review stays blocked.",
  Write:
    "The recommendation lets it through at most 30 times per minute per agent: normal use passes, a runaway or hijacked agent is stopped within a minute.",
  Execute:
    "The recommendation allows at most 10 calls per minute per agent; add approval when each run matters.",
  Destructive:
    "The recommendation hides it: agents do not see it and cannot call it until you decide otherwise.",
};

const SIGNAL_SENTENCE: Record<ArgumentSignal, (names: string) => string> = {
  path: (names) =>
    `${names} decides which file, disk or media the server uses. Without a rule any path the agent writes is accepted, including media nobody vetted or places outside the folder you meant; a \`require\` condition with a regex can pin it to an approved location.`,
  url: (names) =>
    `${names} makes the server contact an address the caller chooses: data can leave for, or be fetched from, places you never intended.`,
  code: (names) =>
    `${names} carries a command, script or query that is run as given, so whoever shapes the agent's input shapes what runs.`,
  content: (names) =>
    `${names} is stored or sent as written: text the agent composed, or copied from an untrusted page, ends up on the server.`,
  secret: (names) => `${names} takes a credential, so calls can carry secrets an agent should never handle.`,
  target: (names) =>
    `${names} selects which object is affected; a \`require\` condition (op \`in\`) can limit it to the names you expect.`,
  action: (names) =>
    `${names} switches between several operations; the worst of them sets the class, and \`deny_if\` on the dangerous values keeps the rest usable.`,
};

const ATTACK_BY_SIGNAL: Record<ArgumentSignal, (tool: string, names: string) => string> = {
  path: (tool, names) =>
    `Unvetted files: ${tool} called with ${names} pointing at a file someone else planted, or outside the intended folder (../).`,
  url: (_tool, names) =>
    `Exfiltration or server-side request forgery: ${names} aimed at an attacker's host or an internal address.`,
  code: (tool, names) => `Injected commands: a prompt injection writes the ${names} that ${tool} runs.`,
  content: (_tool, names) =>
    `Poisoned content: instructions or false data written through ${names}, read back later by another agent.`,
  secret: (_tool, names) =>
    `Credential misuse: secrets passed through ${names} and echoed into logs or other tools.`,
  target: (tool, names) =>
    `Wrong target: ${tool} pointed by ${names} at an object the agent was never meant to touch.`,
  action: (tool, names) =>
    `Escalation inside one tool: a harmless-looking ${tool} call with ${names} set to its most dangerous value.`,
};

/** Why the tool needs a policy, its attack patterns, the recommended rule and the alternatives. */
export function toolGuidance({ server, tool, riskClass }: IndexedTool): ToolGuidance {
  const name = tool.name;
  const args = describeInputSchema(tool.inputSchema).map((row) => row.name);
  const grouped = groupSignals(argumentSignals(args));
  const why = [
    LEAD[riskClass.category](name, `the ${server.name} server`),
    ...[...grouped].map(([signal, names]) => SIGNAL_SENTENCE[signal](names)),
    ...annotationNotes(tool.annotations, riskClass),
    `Toolgate classifies it ${riskClass.category} with ${riskClass.risk} risk: ${riskClass.reason}.`,
    CLOSING[riskClass.category],
  ];
  const attacks = [
    `Prompt injection: a web page, document or tool result tells the agent to call ${name}.`,
    ...(riskClass.category === "Read"
      ? [`Bulk harvesting: ${name} called over and over to copy out everything it can read.`]
      : [`Runaway loops: an agent retrying or iterating calls ${name} hundreds of times a minute.`]),
    ...[...grouped].map(([signal, names]) => ATTACK_BY_SIGNAL[signal](name, names)),
  ];
  const recommended = recommendToolPolicy(tool, riskClass);
  return {
    why,
    attacks,
    recommended,
    explanation: explainPolicy(recommended, name),
    options: policyOptions(name, riskClass),
    faq: toolFaq(server, name, tool.description, riskClass),
  };
}

function groupSignals(found: { name: string; signal: ArgumentSignal }[]): Map<ArgumentSignal, string> {
  const names = new Map<ArgumentSignal, string[]>();
  for (const { name, signal } of found) names.set(signal, [...(names.get(signal) ?? []), `\`${name}\``]);
  return new Map([...names].map(([signal, list]) => [signal, list.join(", ")]));
}

function annotationNotes(annotations: Record<string, unknown> | undefined, riskClass: RiskClass): string[] {
  const notes: string[] = [];
  if (annotations?.openWorldHint === true)
    notes.push("The server says it reaches outside systems (openWorldHint), which raises the risk.");
  if (annotations?.readOnlyHint === true && riskClass.category !== "Read") {
    notes.push(
      "The server labels it read-only, but annotations come from the server itself and are not trusted alone.",
    );
  }
  if (annotations?.destructiveHint === true)
    notes.push("The server itself declares it destructive (destructiveHint).");
  return notes;
}

function policyOptions(name: string, riskClass: RiskClass): PolicyOption[] {
  const base = { version: "1", default: "deny" } as const;
  const max = riskClass.category === "Execute" ? 10 : riskClass.category === "Read" ? 120 : 30;
  return [
    {
      key: "allow",
      title: `Allow ${name}`,
      text: "Name it with an empty rule: allowed without limits while every other tool stays denied.",
      policy: { ...base, tools: { [name]: {} } },
    },
    {
      key: "rate_limit",
      title: `Rate-limit ${name}`,
      text: `A limit on the rule: at most ${max} calls per minute per agent grant; scope "server" or "tenant" shares one budget instead.`,
      policy: {
        ...base,
        tools: { [name]: { limits: [{ counter: counterFor(name), window: "minute", max, scope: "grant" }] } },
      },
    },
    {
      key: "approval",
      title: `Require approval for ${name}`,
      text: "Each call waits for a person to approve it in the dashboard (up to 10 minutes), bound to its exact arguments.",
      policy: { ...base, tools: { [name]: { action: "require_approval", approval: { timeout: "10m" } } } },
    },
    {
      key: "block",
      title: `Block ${name} completely`,
      text: "Hide it: agents no longer see it in tools/list and any call is denied before it reaches the server.",
      policy: { ...base, hide: [name] },
    },
  ];
}

function toolFaq(
  server: CatalogueServer,
  name: string,
  description: string | undefined,
  riskClass: RiskClass,
): FaqEntry[] {
  const source =
    server.source.kind === "npm"
      ? ` It is published on npm as ${server.source.package} (version ${server.source.version} was catalogued).`
      : "";
  return [
    {
      question: `What does ${name} do?`,
      answer: description?.trim()
        ? description.trim()
        : `${server.name} gives no description for ${name}; its arguments are listed above.`,
    },
    {
      question: `How do I enforce a policy on ${name}?`,
      answer: `Register your ${server.name} server in Toolgate, apply the recommended rule in the policy builder and publish it, then point your agents at the Toolgate gateway URL instead of the server. Every call to ${name} is then checked before it reaches the server.`,
    },
    {
      question: `What is the risk level of ${name}?`,
      answer: `${riskClass.category} tool, ${riskClass.risk} risk: ${riskClass.reason}.`,
    },
    {
      question: `Can I rate-limit ${name}?`,
      answer: `Yes. Add a limit to its rule, e.g. { "counter": "${counterFor(name)}", "window": "minute", "max": 30, "scope": "grant" }. Limits are exact across gateway replicas, and a call the server fails gives its quota back.`,
    },
    {
      question: `How do I block ${name} completely?`,
      answer: `Put "${name}" in the policy's "hide" list: agents no longer see it and calls are denied without reaching the server. Or give it { "action": "deny", "on_deny": "…" } to keep it listed but refuse it with your message.`,
    },
    {
      question: `Which MCP server provides ${name}?`,
      answer: `The ${server.name} MCP server.${source} It has ${server.tools.length} tools in this catalogue.`,
    },
  ];
}
