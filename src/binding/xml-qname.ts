/**
 * QNames (Namespaces in XML 1.0 §3): `NCName` or `NCName ":" NCName`, where an NCName is an XML Name
 * without a colon. The parser has already checked that a name is an XML Name, so what is left is the
 * colon: at most one, and the part after it must start with a NameStartChar (not `-`, `.`, a digit,
 * U+00B7, a combining mark U+0300–U+036F or U+203F–U+2040). libxml2 refuses such names ("Failed to parse
 * QName"). Internal to the hardened reader.
 *
 * @module
 */

/** Why `name` (already an XML Name) is not a QName, or `undefined` when it is one. */
export function explainNotQName(name: string): string | undefined {
  const colon = name.indexOf(":");
  if (colon < 0) return undefined;
  if (colon === 0 || colon === name.length - 1) return "an empty prefix or local part";
  if (name.indexOf(":", colon + 1) >= 0) return "more than one colon";
  const first = name.charCodeAt(colon + 1);
  if (!isNameStartAfterName(first))
    return `the local part "${name.slice(colon + 1)}" does not start with a letter or '_'`;
  return undefined;
}

/** Whether a character that is a NameChar is also a NameStartChar. */
function isNameStartAfterName(code: number): boolean {
  if (code === 0x2d || code === 0x2e || (code >= 0x30 && code <= 0x39)) return false; // - . 0-9
  if (code === 0xb7 || (code >= 0x300 && code <= 0x36f) || code === 0x203f || code === 0x2040) return false;
  return true;
}
