/**
 * Self-describing digests: the value (hex and base64) together with the digest algorithm's URI and the
 * canonicalization's URI (XML Signature / XML Encryption algorithm identifiers), so that a record can be
 * re-verified years later without knowing how it was made.
 *
 * @module
 */
import { createHash, timingSafeEqual } from "node:crypto";
import { assertWellFormedString } from "../shared/find-lone-surrogate.js";
import { type C14nMethodName, type C14nMethodUri, findC14nMethod, JCS } from "./c14n-method.js";
import { canonicalizeJson, canonicalizeJsonText } from "./canonicalize-json.js";
import { type CanonicalizeXmlOptions, canonicalizeXml } from "./canonicalize-xml.js";
import type { XPathSelector } from "./libxml2-c14n.js";

/** The digest algorithms and their URIs (XML Encryption 1.0 §5.7.2, RFC 6931 §2.1.3 for SHA-384). */
export const DIGEST_ALGORITHMS = {
  sha256: "http://www.w3.org/2001/04/xmlenc#sha256",
  sha384: "http://www.w3.org/2001/04/xmldsig-more#sha384",
  sha512: "http://www.w3.org/2001/04/xmlenc#sha512",
} as const;

export type DigestAlgorithm = keyof typeof DIGEST_ALGORITHMS;
export type DigestAlgorithmUri = (typeof DIGEST_ALGORITHMS)[DigestAlgorithm];

/**
 * How the payload is canonicalized before hashing: an XML method (short name or URI), `"jcs"` (or its
 * URN) for JSON, or `"none"` for the octets as given.
 */
export type Canonicalization = C14nMethodName | C14nMethodUri | "jcs" | typeof JCS | "none";

/** A digest that describes itself. */
export interface DigestRecord {
  /** The digest algorithm's URI. */
  readonly algorithm: DigestAlgorithmUri;
  /** The canonicalization's URI; `null`: the octets as given. */
  readonly canonicalization: string | null;
  /** Exclusive canonicalization's InclusiveNamespaces PrefixList, when one was used. */
  readonly inclusivePrefixes?: readonly string[];
  /** The XPath of the canonicalized subtree, when only a subtree was hashed. */
  readonly subtree?: XPathSelector;
  /** The XPath of the canonicalized node set, when only a document subset was hashed. */
  readonly nodeSet?: XPathSelector;
  /** The digest value, lowercase hexadecimal. */
  readonly hex: string;
  /** The digest value, base64 (as in `ds:DigestValue`). */
  readonly base64: string;
}

export interface DigestOptions {
  /** @default "sha256" */
  readonly algorithm?: DigestAlgorithm | DigestAlgorithmUri;
  /** @default "none" */
  readonly canonicalization?: Canonicalization;
  /** XML only: the InclusiveNamespaces PrefixList (exclusive methods). */
  readonly inclusivePrefixes?: readonly string[];
  /** XML only: hash a subtree. */
  readonly subtree?: XPathSelector;
  /** XML only: hash an XPath document subset. */
  readonly nodeSet?: XPathSelector;
  /** XML only: limits and file name for the hardened reader. */
  readonly reader?: CanonicalizeXmlOptions["reader"];
  /**
   * The payload is already in the canonical form named by `canonicalization` (for example the binding
   * writer's `canonical` output): hash it as given and record the canonicalization. @default false
   */
  readonly alreadyCanonical?: boolean;
}

function algorithmName(algorithm: string): DigestAlgorithm {
  for (const [name, uri] of Object.entries(DIGEST_ALGORITHMS))
    if (algorithm === name || algorithm === uri) return name as DigestAlgorithm;
  throw new RangeError(
    `unknown digest algorithm "${algorithm}"; expected ${Object.keys(DIGEST_ALGORITHMS).join(", ")} or their URIs`,
  );
}

/** The canonicalization's URI (`null` for none). */
export function canonicalizationUri(canonicalization: Canonicalization | string | null): string | null {
  if (canonicalization === null || canonicalization === "none") return null;
  if (canonicalization === "jcs" || canonicalization === JCS) return JCS;
  const method = findC14nMethod(canonicalization);
  if (!method)
    throw new RangeError(
      `unknown canonicalization "${canonicalization}"; expected an XML method, "jcs" or "none"`,
    );
  return method.uri;
}

/**
 * The octets that are hashed: the payload's canonical form.
 *
 * A string payload must be well-formed UTF-16: a lone surrogate is refused (`IllFormedStringError`, code
 * `ILL_FORMED_UTF16`, or the reader's `XML_ILL_FORMED_UTF16` for XML), never encoded as U+FFFD, which
 * would give two different strings one digest.
 */
export function canonicalBytes(payload: unknown, options: DigestOptions = {}): Uint8Array {
  const uri = canonicalizationUri(options.canonicalization ?? "none");
  if (typeof payload === "string" && (uri === null || uri === JCS || options.alreadyCanonical))
    assertWellFormedString(payload, "the payload");
  if (uri === null || options.alreadyCanonical) {
    if (typeof payload === "string") return Buffer.from(payload, "utf8");
    if (payload instanceof Uint8Array) return payload;
    throw new TypeError("a payload without canonicalization must be a string or bytes");
  }
  if (uri === JCS)
    return typeof payload === "string" || payload instanceof Uint8Array
      ? canonicalizeJsonText(payload)
      : canonicalizeJson(payload);
  if (typeof payload !== "string" && !(payload instanceof Uint8Array))
    throw new TypeError("an XML payload must be a string or bytes");
  return canonicalizeXml(payload, {
    method: uri as C14nMethodUri,
    ...(options.inclusivePrefixes ? { inclusivePrefixes: options.inclusivePrefixes } : {}),
    ...(options.subtree ? { subtree: options.subtree } : {}),
    ...(options.nodeSet ? { nodeSet: options.nodeSet } : {}),
    ...(options.reader ? { reader: options.reader } : {}),
  });
}

/** The digest of octets, as a record (the caller names the canonicalization they are in). */
export function digestBytes(
  bytes: Uint8Array,
  algorithm: DigestAlgorithm | DigestAlgorithmUri = "sha256",
  canonicalization: string | null = null,
): DigestRecord {
  const name = algorithmName(algorithm);
  const value = createHash(name).update(bytes).digest();
  return {
    algorithm: DIGEST_ALGORITHMS[name],
    canonicalization,
    hex: value.toString("hex"),
    base64: value.toString("base64"),
  };
}

/**
 * Canonicalizes a payload and hashes it.
 *
 * - XML (`c14n`, `c14n11`, `exc-c14n`, with or without comments): the payload is XML text or bytes, read
 *   through the hardened reader (see `canonicalizeXml`);
 * - JSON (`jcs`): a string or bytes is a JSON text; any other value is taken as the JSON value itself;
 * - `none`: the octets as given (a string is encoded as UTF-8).
 *
 * @throws what the canonicalization throws (a refused document, an invalid JSON text),
 *   `IllFormedStringError` for a string payload with a lone surrogate, and `RangeError` for an unknown
 *   algorithm or canonicalization
 */
export function digest(payload: unknown, options: DigestOptions = {}): DigestRecord {
  const uri = canonicalizationUri(options.canonicalization ?? "none");
  const record = digestBytes(canonicalBytes(payload, options), options.algorithm ?? "sha256", uri);
  return {
    algorithm: record.algorithm,
    canonicalization: record.canonicalization,
    ...(options.inclusivePrefixes?.length ? { inclusivePrefixes: [...options.inclusivePrefixes] } : {}),
    ...(options.subtree ? { subtree: options.subtree } : {}),
    ...(options.nodeSet ? { nodeSet: options.nodeSet } : {}),
    hex: record.hex,
    base64: record.base64,
  };
}

export interface DigestVerification {
  /** The payload, canonicalized and hashed as the record says, gives the record's value. */
  readonly ok: boolean;
  /** The value recomputed now (hex). */
  readonly actual: string;
  /** The record's value (hex). */
  readonly expected: string;
}

/**
 * Re-verifies a digest record against a payload: canonicalizes and hashes the payload exactly as the
 * record describes and compares in constant time. Hex and base64 of the record must agree.
 *
 * @throws `RangeError` when the record names an unknown algorithm or canonicalization
 */
export function verifyDigest(
  payload: unknown,
  record: DigestRecord,
  options: Pick<DigestOptions, "reader"> = {},
): DigestVerification {
  const recomputed = digest(payload, {
    algorithm: record.algorithm,
    canonicalization: (record.canonicalization ?? "none") as Canonicalization,
    ...(record.inclusivePrefixes ? { inclusivePrefixes: record.inclusivePrefixes } : {}),
    ...(record.subtree ? { subtree: record.subtree } : {}),
    ...(record.nodeSet ? { nodeSet: record.nodeSet } : {}),
    ...(options.reader ? { reader: options.reader } : {}),
  });
  const expected = Buffer.from(record.hex, "hex");
  const actual = Buffer.from(recomputed.hex, "hex");
  const consistent = Buffer.from(record.base64, "base64").equals(expected) && /^[0-9a-f]*$/.test(record.hex);
  const ok = consistent && expected.length === actual.length && timingSafeEqual(expected, actual);
  return { ok, actual: recomputed.hex, expected: record.hex };
}
