/**
 * RFC 8785 JSON Canonicalization Scheme (JCS) through the `canonicalize` package (the reference
 * implementation's author's JavaScript package): object members sorted by their UTF-16 code units, numbers
 * in ECMAScript's shortest round-trip form, strings with the minimal JSON escapes, no whitespace.
 *
 * RFC 8785 assumes I-JSON (RFC 7493) input: `JSON.parse` keeps the last of duplicate member names, so a
 * JSON text with duplicates is canonicalized as the value `JSON.parse` gives.
 *
 * @module
 */
import canonicalize from "canonicalize";

/**
 * The JCS form of a JSON value.
 *
 * @returns the canonical UTF-8 bytes (no trailing newline)
 * @throws `TypeError` for a value JSON cannot represent (`undefined`, a function, a symbol, NaN,
 *   Infinity, a lone surrogate, a cycle)
 */
export function canonicalizeJson(value: unknown): Buffer {
  let text: string | undefined;
  try {
    text = canonicalize(value);
  } catch (error) {
    throw new TypeError(`not a JSON value: ${(error as Error).message}`);
  }
  if (text === undefined) throw new TypeError(`not a JSON value: ${typeof value}`);
  return Buffer.from(text, "utf8");
}

/**
 * The JCS form of a JSON text (parsed with `JSON.parse`; bytes are decoded strictly as UTF-8).
 *
 * @throws `SyntaxError` when the text is not JSON, `TypeError` when it is not UTF-8
 */
export function canonicalizeJsonText(text: string | Uint8Array): Buffer {
  const source = typeof text === "string" ? text : new TextDecoder("utf-8", { fatal: true }).decode(text);
  return canonicalizeJson(JSON.parse(source));
}
