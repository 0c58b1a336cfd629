/**
 * Finds the first lone surrogate of a JavaScript string: a UTF-16 code unit U+D800–U+DFFF that is not
 * half of a surrogate pair. Such a string has no Unicode reading; encoding it as UTF-8 (`Buffer.from`,
 * `TextEncoder`) silently replaces the code unit with U+FFFD, so two different strings would give the same
 * bytes. Every entry point that takes a document as a string refuses one instead. A leaf module.
 *
 * @module
 */

/** A lone surrogate: its index (in UTF-16 code units) and its value. */
export interface LoneSurrogate {
  readonly index: number;
  readonly codeUnit: number;
}

/**
 * The first lone surrogate of `text`, or `undefined` when the string is well-formed UTF-16.
 *
 * @example
 * ```ts
 * findLoneSurrogate("a\uD800b"); // { index: 1, codeUnit: 0xd800 }
 * findLoneSurrogate("a\uD83D\uDE00"); // undefined (a pair: U+1F600)
 * ```
 */
export function findLoneSurrogate(text: string): LoneSurrogate | undefined {
  if (isWellFormedUtf16(text)) return undefined;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0xd800 || code > 0xdfff) continue;
    const next = text.charCodeAt(i + 1);
    if (code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      i++;
      continue;
    }
    return { index: i, codeUnit: code };
  }
  return undefined;
}

/** `String.prototype.isWellFormed` (ES2024, Node ≥ 20) with a scan where it is missing. */
function isWellFormedUtf16(text: string): boolean {
  const native = (text as { isWellFormed?: () => boolean }).isWellFormed;
  if (typeof native === "function") return native.call(text);
  return !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);
}

/** `U+D800` for a code unit. */
export function formatCodeUnit(codeUnit: number): string {
  return `U+${codeUnit.toString(16).toUpperCase().padStart(4, "0")}`;
}

/** A string payload refused because it is not well-formed UTF-16. */
export class IllFormedStringError extends TypeError {
  override readonly name = "IllFormedStringError";
  readonly code = "ILL_FORMED_UTF16";
  /** The lone surrogate's index in UTF-16 code units. */
  readonly index: number;
  readonly expected = "a Unicode character (a surrogate only as half of a pair)";
  /** The lone surrogate, `U+D800`. */
  readonly received: string;
  constructor(what: string, lone: LoneSurrogate) {
    const unit = formatCodeUnit(lone.codeUnit);
    super(`${what} is not well-formed UTF-16: a lone surrogate ${unit} at index ${lone.index}`);
    this.index = lone.index;
    this.received = unit;
  }
}

/**
 * Throws {@link IllFormedStringError} when `text` has a lone surrogate (it would be encoded as U+FFFD).
 *
 * @param what how to name the string in the message (`the payload`)
 */
export function assertWellFormedString(text: string, what: string): void {
  const lone = findLoneSurrogate(text);
  if (lone !== undefined) throw new IllFormedStringError(what, lone);
}
