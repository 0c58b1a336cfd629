/**
 * The options of `write` and the error it throws.
 *
 * @module
 */
import type { NamespaceDeclaration } from "./read.js";

export interface WriteOptions {
  /** Write `<?xml version="1.0" encoding="UTF-8"?>` first. @default true */
  readonly declaration?: boolean;
  /** Indent nested elements with this string (element-only content only). @default no indentation */
  readonly indent?: string;
  /**
   * Namespace declarations for the root element, in this order (for example the ones `read` found), so
   * that the output uses the same prefixes. The root's namespace becomes the default namespace when no
   * declaration names it.
   */
  readonly namespaces?: readonly NamespaceDeclaration[];
  /** Write empty elements as `<a></a>` instead of `<a/>`. @default false */
  readonly expandEmptyElements?: boolean;
  /**
   * Write Canonical XML 1.0 (W3C REC-xml-c14n-20010315) directly: no XML declaration, no indentation
   * (`declaration` and `indent` are ignored), empty elements as `<a></a>`, namespace declarations first
   * (the default namespace, then by prefix), then attributes by namespace URI and local name (unqualified
   * ones first), C14N escaping. The output is byte for byte what a canonicalizer gives for the document,
   * so its digest needs one hash pass and no re-parse. @default false
   */
  readonly canonical?: boolean;
}

/** What the writer refuses; every problem of a value is reported, not only the first. */
export type BindingWriteCode =
  /** A lexical value that is not a string (a number, an object…), or an attribute value that is not one. */
  | "BIND_WRITE_NOT_A_STRING"
  /** A value of a complex type that is not an object. */
  | "BIND_WRITE_NOT_AN_OBJECT"
  /** One value where the metadata has an array (a repeating element, a wildcard, a repeating group). */
  | "BIND_WRITE_NOT_AN_ARRAY"
  /** A property the type (or an item of a repeating group) does not have. */
  | "BIND_WRITE_UNKNOWN_PROPERTY"
  /** An unqualified element below a default namespace, which the writer cannot express. */
  | "BIND_WRITE_UNQUALIFIED_ELEMENT"
  /** A character that XML 1.0 forbids (C0 controls other than tab/LF/CR, U+FFFE, U+FFFF, a lone surrogate). */
  | "BIND_WRITE_FORBIDDEN_CHARACTER"
  /** A name from the value (wildcard content, an `anyAttribute` key, a namespace prefix) that is no NCName. */
  | "BIND_WRITE_INVALID_NAME";

/** One problem: its code, the XPath of the element or attribute (`/A/B[2]/@c`), and what was expected. */
export interface BindingWriteProblem {
  readonly code: BindingWriteCode;
  /** Local names, a 1-based index where an element has siblings of the same name, `@name` for an attribute. */
  readonly path: string;
  readonly message: string;
  readonly expected?: string;
  /** What was found; a forbidden character shown as `\uXXXX` (see `showForbiddenCharacters`). */
  readonly received?: string;
}

/** A value that does not fit the metadata or cannot be written as XML 1.0; lists every problem. */
export class BindingWriteError extends Error {
  override readonly name = "BindingWriteError";
  constructor(readonly problems: readonly BindingWriteProblem[]) {
    super(problems.map((p) => `${p.path}: ${p.message}`).join("\n"));
  }
}
