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

/** A value that does not fit the metadata: an unknown property, or one value where an array belongs. */
export class BindingWriteError extends Error {
  override readonly name = "BindingWriteError";
  constructor(readonly problems: readonly { readonly path: string; readonly message: string }[]) {
    super(problems.map((p) => `${p.path}: ${p.message}`).join("\n"));
  }
}
