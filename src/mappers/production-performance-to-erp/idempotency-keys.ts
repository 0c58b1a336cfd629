/**
 * Idempotency keys (PERF-POST-070 … 072): EX_IDENT (CHAR32) of a time ticket and REF_DOC_NO (CHAR16) of
 * a goods-movement document, derived from the source only, so a re-sent ProductionPerformance gives the
 * same keys and SAP can refuse the duplicate.
 *
 * key = base32(SHA-256(JSON.stringify([scheme, kind, BODID, ProductionPerformance ID, ProductionResponse ID,
 *                                      segment IDs, content digest])))[prefix]
 *
 * - `scheme` is `b2mml/erp-postings/1` (a new derivation gets a new scheme, never the same keys);
 * - the content digest is SHA-256 over the JCS (RFC 8785) canonical JSON of the posting's SAP fields
 *   (all fields written, the key itself excluded; goods movements: header GM_CODE and posting date and
 *   every item's fields in document order);
 * - EX_IDENT: the first 20 bytes (160 bits) as 32 base32 characters; REF_DOC_NO: the first 10 bytes
 *   (80 bits) as 16 base32 characters (RFC 4648 alphabet `A–Z2–7`, upper case, no padding).
 *
 * @module
 */
import { createHash } from "node:crypto";
import { digest } from "../../audit/digest.js";
import { base32 } from "./sap-values.js";

export const KEY_SCHEME = "b2mml/erp-postings/1";

export interface KeySource {
  readonly bodId: string;
  readonly performanceId: string;
  readonly responseId: string;
  readonly segmentIds: readonly string[];
  /** The posting's SAP fields (JSON: strings, arrays, objects). */
  readonly content: unknown;
}

function keyBytes(kind: string, source: KeySource): Buffer {
  const contentDigest = digest(source.content, { canonicalization: "jcs" }).hex;
  const material = JSON.stringify([
    KEY_SCHEME,
    kind,
    source.bodId,
    source.performanceId,
    source.responseId,
    source.segmentIds,
    contentDigest,
  ]);
  return createHash("sha256").update(material, "utf8").digest();
}

/** EX_IDENT: 32 base32 characters (160 bits of SHA-256). */
export function exIdentOf(source: KeySource): string {
  return base32(keyBytes("EX_IDENT", source).subarray(0, 20));
}

/** REF_DOC_NO: 16 base32 characters (80 bits of SHA-256). */
export function refDocNoOf(source: KeySource): string {
  return base32(keyBytes("REF_DOC_NO", source).subarray(0, 10));
}
