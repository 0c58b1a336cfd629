/**
 * The one XML escaping module of the library: every writer of XML (the binding writer, the IDoc-XML
 * writer and renderer, the JUnit report) escapes through it, and every writer of a report (JUnit, text,
 * HTML) shows forbidden characters through it.
 *
 * - {@link escapeText} and {@link escapeAttribute} escape as Canonical XML (W3C REC-xml-c14n-20010315)
 *   does, so a parser reads back exactly the string given (a CR included).
 * - XML 1.0 (§2.2, production `Char`) cannot carry the C0 controls other than tab, LF and CR, U+FFFE,
 *   U+FFFF or a lone surrogate, not even as a character reference. {@link findForbiddenCharacter} finds
 *   the first one; writers refuse such a value with its path, and the escape functions throw a
 *   `RangeError` rather than write ill-formed XML.
 * - Reports must still show a file name or message that holds one: {@link showForbiddenCharacters}
 *   replaces each by the visible text `\uXXXX` (and a backslash that would read as such an escape by
 *   `\u005C`), which {@link restoreShownCharacters} reverses exactly.
 *
 * @module
 */

/** The characters XML 1.0 forbids, one code point each (the `u` flag: a lone surrogate is one). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding the control characters XML 1.0 forbids is the point
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/u;
const FORBIDDEN_ALL = new RegExp(FORBIDDEN.source, "gu");
/** What a forbidden character is shown as, and a backslash that would be read as one. */
const SHOWN = /\\u[0-9A-Fa-f]{4}/;
const SHOW = new RegExp(`${FORBIDDEN.source}|\\\\(?=u[0-9A-Fa-f]{4})`, "gu");
const RESTORE = new RegExp(SHOWN.source, "g");

/** What may stand in XML 1.0 text and attribute values, for `expected` in problems. */
export const XML_CHARACTERS =
  "XML 1.0 characters: tab, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD, U+10000–U+10FFFF";

/** A character XML 1.0 does not allow, and where it stands in a string. */
export interface ForbiddenCharacter {
  /** The code point (a lone surrogate's code unit). */
  readonly codePoint: number;
  /** Its position in the string, counted in code points from 1 (a lone surrogate counts as one). */
  readonly position: number;
  /** Its UTF-16 index in the string. */
  readonly index: number;
}

/** The first character of `text` that XML 1.0 forbids, or `undefined` when there is none. */
export function findForbiddenCharacter(text: string): ForbiddenCharacter | undefined {
  const match = FORBIDDEN.exec(text);
  if (match === null) return undefined;
  const index = match.index;
  let position = 1;
  for (let i = 0; i < index; i++) {
    const code = text.charCodeAt(i);
    // a high surrogate followed by a low one is one code point
    if (code >= 0xd800 && code <= 0xdbff && isLowSurrogate(text.charCodeAt(i + 1))) i++;
    position++;
  }
  return { codePoint: text.charCodeAt(index), position, index };
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** `U+0001`: the code point as Unicode writes it. */
export function formatCodePoint(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, "0")}`;
}

/** Longest value quoted whole in `received`; a longer one is quoted around the character. */
const MAX_RECEIVED = 120;
const AROUND = 40;

/**
 * What a problem about a forbidden character says: the message (`U+0001 at character 3 is not allowed in
 * XML 1.0`), `expected` and `received` (the value, or the part around the character for a long one, shown
 * with {@link showForbiddenCharacters}).
 */
export function describeForbiddenCharacter(
  value: string,
  bad: ForbiddenCharacter,
): { readonly message: string; readonly expected: string; readonly received: string } {
  let received = value;
  const chars = [...value];
  if (chars.length > MAX_RECEIVED) {
    const from = Math.max(0, bad.position - 1 - AROUND);
    const to = Math.min(chars.length, bad.position + AROUND);
    received = `${from > 0 ? "…" : ""}${chars.slice(from, to).join("")}${to < chars.length ? "…" : ""}`;
  }
  return {
    message: `${formatCodePoint(bad.codePoint)} at character ${bad.position} is not allowed in XML 1.0`,
    expected: XML_CHARACTERS,
    received: showForbiddenCharacters(received),
  };
}

/** Throws when `text` holds a character XML 1.0 forbids: the writers check first and report the path. */
function assertXmlCharacters(text: string): void {
  const bad = findForbiddenCharacter(text);
  if (bad !== undefined)
    throw new RangeError(
      `${formatCodePoint(bad.codePoint)} at character ${bad.position} cannot be written in XML 1.0`,
    );
}

/**
 * Escapes text content as C14N does: `&amp; &lt; &gt; &#xD;`.
 *
 * @throws {RangeError} when `text` holds a character XML 1.0 forbids (see {@link findForbiddenCharacter})
 */
export function escapeText(text: string): string {
  assertXmlCharacters(text);
  return text.replace(/[&<>\r]/g, (c) =>
    c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : "&#xD;",
  );
}

/**
 * Escapes an attribute value (to be written between double quotes) as C14N does:
 * `&amp; &lt; &quot; &#x9; &#xA; &#xD;`.
 *
 * @throws {RangeError} when `value` holds a character XML 1.0 forbids (see {@link findForbiddenCharacter})
 */
export function escapeAttribute(value: string): string {
  assertXmlCharacters(value);
  return value.replace(/[&<"\t\n\r]/g, (c) =>
    c === "&"
      ? "&amp;"
      : c === "<"
        ? "&lt;"
        : c === '"'
          ? "&quot;"
          : c === "\t"
            ? "&#x9;"
            : c === "\n"
              ? "&#xA;"
              : "&#xD;",
  );
}

/**
 * Shows the characters XML 1.0 forbids as visible text, reversibly, for reports that must show a file
 * name or message as it is: each becomes `\uXXXX` (upper-case hex, `\u0001`, `\uD800`), and a backslash
 * that is followed by `u` and four hex digits becomes `\u005C`, so that a name that holds the text
 * `\u0001` stays apart from one that holds U+0001. Every other character is kept, tab, LF and CR
 * included. {@link restoreShownCharacters} gives the original back.
 */
export function showForbiddenCharacters(text: string): string {
  if (!FORBIDDEN.test(text) && !SHOWN.test(text)) return text;
  return text.replace(SHOW, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`);
}

/** The inverse of {@link showForbiddenCharacters}: every `\uXXXX` back to its character. */
export function restoreShownCharacters(shown: string): string {
  return shown.replace(RESTORE, (shownChar) => String.fromCharCode(Number.parseInt(shownChar.slice(2), 16)));
}

/**
 * `text` with every character XML 1.0 forbids replaced by `replacement` (one for one, so lengths in
 * characters stay): only for a rendering that is checked by a validator after the characters were reported.
 */
export function replaceForbiddenCharacters(text: string, replacement: string): string {
  return text.replace(FORBIDDEN_ALL, replacement);
}

/** Whether `text` holds no character XML 1.0 forbids. */
export function isXmlText(text: string): boolean {
  return !FORBIDDEN.test(text);
}
