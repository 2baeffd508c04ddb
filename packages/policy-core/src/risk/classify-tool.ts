import {
  CATEGORY_ORDER,
  RISK_ORDER,
  type RiskClass,
  type RiskLevel,
  type ToolCategory,
  type ToolDefinition,
} from "./risk-types";
import {
  ACTION_ARGUMENTS,
  CODE_ARGUMENTS,
  EPHEMERAL_OBJECTS,
  SENSITIVE_WORDS,
  SEVERE_WORDS,
  VERB_CATEGORY,
} from "./vocabulary";
import { words } from "./words";

type Signal = { category: ToolCategory; evidence: string };

const BASE_RISK: Record<ToolCategory, RiskLevel> = {
  Read: "Low",
  Write: "Medium",
  Execute: "High",
  Destructive: "High",
};

/**
 * Classifies a tool from its name, description, input schema and annotations. Annotations
 * come from an untrusted server: they can raise a class, never lower it. A portmanteau tool
 * (an `action` enum) takes the class of its worst action.
 */
export function classifyTool(tool: ToolDefinition): RiskClass {
  const properties = schemaProperties(tool.inputSchema);
  const actionValues = findActionValues(properties);
  const nameWords = words(tool.name);
  const descriptionWords = words(withoutActionNames(tool.description ?? "", actionValues));
  const signals: Signal[] = [];
  const fromName = classifyWords(nameWords);
  if (fromName) signals.push({ category: fromName.category, evidence: `name has "${fromName.word}"` });
  const fromDescription = classifyWords(descriptionWords);
  if (fromDescription) {
    signals.push({
      category: fromDescription.category,
      evidence: `description has "${fromDescription.word}"`,
    });
  }
  // An action with no verb of its own ("metrics", "ostypes") inherits the tool's own wording.
  const baseCategory = worst(signals)?.category;

  let actions: RiskClass["actions"];
  if (actionValues.length > 0) {
    actions = {};
    let worstAction: { name: string; category: ToolCategory } | undefined;
    for (const action of actionValues) {
      const category = classifyWords(words(action))?.category ?? baseCategory ?? "Write";
      actions[action] = { category, risk: BASE_RISK[category] };
      if (!worstAction || rank(category) > rank(worstAction.category))
        worstAction = { name: action, category };
    }
    if (worstAction) {
      signals.push({
        category: worstAction.category,
        evidence: `its worst action is "${worstAction.name}" (of ${actionValues.length})`,
      });
    }
  }

  const propertyWords = Object.keys(properties).flatMap(words);
  const codeArgument = Object.keys(properties).find((key) => CODE_ARGUMENTS.has(key.toLowerCase()));
  if (codeArgument) signals.push({ category: "Execute", evidence: `it takes code in "${codeArgument}"` });
  const destructiveArgument = Object.keys(properties).find((key) =>
    words(key).some((word) => VERB_CATEGORY.get(word) === "Destructive"),
  );
  if (destructiveArgument) {
    signals.push({ category: "Destructive", evidence: `it has a "${destructiveArgument}" argument` });
  }
  const annotations = tool.annotations ?? {};
  if (annotations.destructiveHint === true) {
    signals.push({ category: "Destructive", evidence: "it declares destructiveHint" });
  }
  if (annotations.readOnlyHint === false)
    signals.push({ category: "Write", evidence: "it declares readOnlyHint: false" });

  const decided = worst(signals) ?? {
    category: "Write",
    evidence: "nothing in its name or description says what it does",
  };
  const category = decided.category;
  const allWords = new Set([...nameWords, ...descriptionWords, ...propertyWords]);
  let risk = BASE_RISK[category];
  if (category === "Destructive" && [...allWords].some((word) => SEVERE_WORDS.has(word))) risk = "Critical";
  if (category === "Execute" && codeArgument) risk = "Critical";
  if (category === "Read" && [...allWords].some((word) => SENSITIVE_WORDS.has(word))) risk = "Medium";
  if (annotations.openWorldHint === true) risk = raise(risk);

  const notes: string[] = [];
  if (annotations.readOnlyHint === true && category !== "Read") {
    notes.push("its readOnlyHint annotation was not trusted");
  }
  if (annotations.openWorldHint === true) notes.push("it reaches outside systems (openWorldHint)");
  const reason = [`${category} because ${decided.evidence}`, ...notes].join("; ");
  return actions ? { category, risk, reason, actions } : { category, risk, reason };
}

/** The category the words point to: the first verb found, raised by any destructive word. */
function classifyWords(list: readonly string[]): { category: ToolCategory; word: string } | undefined {
  let first: { category: ToolCategory; word: string } | undefined;
  let destructive: string | undefined;
  for (const word of list) {
    const category = VERB_CATEGORY.get(word);
    if (!category) continue;
    if (!first) first = { category, word };
    if (category === "Destructive" && destructive === undefined) destructive = word;
  }
  const found = destructive === undefined ? first : { category: "Destructive" as const, word: destructive };
  if (found?.category === "Destructive" && list.some((word) => EPHEMERAL_OBJECTS.has(word))) {
    // Destroying a session, cache or sandbox is routine clean-up, not data loss.
    return { category: "Write", word: found.word };
  }
  return found;
}

function schemaProperties(schema: unknown): Record<string, unknown> {
  if (!isRecord(schema)) return {};
  const properties = schema.properties;
  return isRecord(properties) ? properties : {};
}

function findActionValues(properties: Record<string, unknown>): string[] {
  for (const name of ACTION_ARGUMENTS) {
    const property = properties[name];
    if (!isRecord(property) || !Array.isArray(property.enum)) continue;
    const values = property.enum.filter((value): value is string => typeof value === "string");
    if (values.length > 1) return values;
  }
  return [];
}

// A description that lists the actions ("list, create, delete") would otherwise classify
// the whole tool by one action's word; actions are classified one by one instead.
function withoutActionNames(description: string, actions: readonly string[]): string {
  if (actions.length === 0) return description;
  const names = new Set(actions.map((action) => action.toLowerCase()));
  return description
    .split(/([^A-Za-z0-9_-]+)/)
    .filter((part) => !names.has(part.toLowerCase()))
    .join("");
}

function worst(signals: readonly Signal[]): Signal | undefined {
  let found: Signal | undefined;
  for (const signal of signals) {
    if (!found || rank(signal.category) > rank(found.category)) found = signal;
  }
  return found;
}

function rank(category: ToolCategory): number {
  return CATEGORY_ORDER.indexOf(category);
}

function raise(risk: RiskLevel): RiskLevel {
  return RISK_ORDER[Math.min(RISK_ORDER.indexOf(risk) + 1, RISK_ORDER.length - 1)] ?? risk;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
