/**
 * The digest of a document's value: the binding writer's canonical output (Canonical XML 1.0 by
 * construction) hashed in one pass. Two documents with the same value have the same digest whatever
 * their surface form: indentation between elements of element-only content, attribute order, quote
 * style, namespace prefixes and the order of namespace declarations.
 *
 * @module
 */

import { type NamespaceDeclaration, write } from "../binding/index.js";
import type { RootMeta } from "../binding/schema-index.js";
import { C14N_10 } from "./c14n-method.js";
import { type DigestAlgorithm, type DigestRecord, digestBytes } from "./digest.js";

export interface DigestDocumentOptions {
  /** @default "sha256" */
  readonly algorithm?: DigestAlgorithm;
  /**
   * Namespace declarations of the root (prefixes change the canonical bytes: leave them out to get the
   * prefix-independent digest, where the root's namespace is the default namespace).
   */
  readonly namespaces?: readonly NamespaceDeclaration[];
}

/**
 * Writes a value canonically and hashes it; the record names Canonical XML 1.0.
 *
 * @throws {@link BindingWriteError} when the value does not fit the metadata
 */
export function digestDocument(
  value: unknown,
  root: RootMeta,
  options: DigestDocumentOptions = {},
): DigestRecord {
  const xml = write(value, root, {
    canonical: true,
    ...(options.namespaces ? { namespaces: options.namespaces } : {}),
  });
  return digestBytes(Buffer.from(xml, "utf8"), options.algorithm ?? "sha256", C14N_10);
}
