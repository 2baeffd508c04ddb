// Default-ignorable code points (zero-width space/joiners, word joiner, BOM, soft hyphen,
// variation selectors): invisible, so they must not make a name differ from its rule.
const INVISIBLE = /\p{Default_Ignorable_Code_Point}/gu;
const WHITESPACE = /\s+/g;

/**
 * The form a tool name is matched in: Unicode NFKC (fullwidth and compatibility forms
 * fold to ASCII, NFD folds to NFC), invisible characters and all whitespace removed,
 * lower-cased. "MountIso", "mountiso", " MountIso ", "ＭｏｕｎｔＩｓｏ" all match alike.
 */
export function canonicalToolName(name: string): string {
  if (isPlainAscii(name)) return name.toLowerCase();
  // Lower-casing can produce new compatibility forms, so normalise again after it.
  return name
    .normalize("NFKC")
    .replace(INVISIBLE, "")
    .replace(WHITESPACE, "")
    .toLowerCase()
    .normalize("NFKC");
}

// Printable ASCII without spaces is already canonical apart from case: skip normalisation.
function isPlainAscii(name: string): boolean {
  for (let i = 0; i < name.length; i++) {
    const code = name.charCodeAt(i);
    if (code <= 0x20 || code >= 0x7f) return false;
  }
  return true;
}
