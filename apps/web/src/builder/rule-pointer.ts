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
