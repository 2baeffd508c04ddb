/**
 * The tool key a rule pointer names ("/tools/Delete*\/deny_if/0" → "Delete*"), or undefined
 * for labels such as "(default deny)" and for all_tools limits.
 */
export function ruleKeyOfPointer(pointer: string): string | undefined {
  if (!pointer.startsWith("/tools/")) return undefined;
  const token = pointer.slice("/tools/".length).split("/")[0];
  if (token === undefined || token === "") return undefined;
  return token.replace(/~1/g, "/").replace(/~0/g, "~");
}

/** The resource or prompt key a rule pointer names ("/resources/file:~1~1~1etc~1*" → "file:///etc/*"). */
export function accessKeyOfPointer(section: "resources" | "prompts", pointer: string): string | undefined {
  const prefix = `/${section}/`;
  if (!pointer.startsWith(prefix)) return undefined;
  const token = pointer.slice(prefix.length).split("/")[0];
  if (token === undefined || token === "") return undefined;
  return token.replace(/~1/g, "/").replace(/~0/g, "~");
}
