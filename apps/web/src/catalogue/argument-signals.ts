/** What a tool's arguments let a caller steer, read from the argument names. */
export type ArgumentSignal = "path" | "url" | "code" | "content" | "secret" | "target" | "action";

const SIGNAL_WORDS: [ArgumentSignal, RegExp][] = [
  ["action", /^(action|operation|op|method|mode)$/],
  ["code", /^(code|script|command|cmd|expression|query|sql|eval|javascript|js|function|shell)$/],
  ["url", /^(url|uri|urls|endpoint|host|hostname|link|href|origin|domain)$/],
  ["path", /^(path|paths|file|files|filename|dir|directory|folder|iso|disk|image|source|destination|dest)$/],
  ["secret", /^(token|password|secret|credential|credentials|apikey|key)$/],
  ["content", /^(content|contents|body|text|data|message|payload|observations|value|values|patch|edits)$/],
  ["target", /^(name|id|ids|vm|target|entity|entities|owner|repo|repository|issue|branch|database|table)$/],
];

/** Splits "iso_path", "vmName" and "file-path" into lower-case words. */
export function argumentWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== "");
}

/** Each argument that matches a signal, with the first signal it matches. */
export function argumentSignals(
  argumentNames: readonly string[],
): { name: string; signal: ArgumentSignal }[] {
  const found: { name: string; signal: ArgumentSignal }[] = [];
  for (const name of argumentNames) {
    const words = argumentWords(name);
    const match = SIGNAL_WORDS.find(([, pattern]) => words.some((word) => pattern.test(word)));
    if (match !== undefined) found.push({ name, signal: match[0] });
  }
  return found;
}
