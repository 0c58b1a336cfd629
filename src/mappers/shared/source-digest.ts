/**
 * The content digest of an IDoc packet for the BODID (LOIPRO-MAP-003): SHA-256 over the canonical
 * JSON of the normalized packet.
 *
 * Canonical JSON: for each IDoc `{ basicType, control, extension?, messageType, segments }`, each
 * segment `{ fields, name, segments }`; object keys sorted by UTF-16 code units, no whitespace, strings
 * as `JSON.stringify` writes them. Raw values, line numbers, paths and reader issues are left out, so
 * the same IDoc as XML or JSON, indented or not, gives the same digest.
 *
 * @module
 */
import { createHash } from "node:crypto";
import type { IdocPacket, IdocSegment } from "../../idoc/model.js";

type Json = string | readonly Json[] | { readonly [key: string]: Json };

/** Sorted-key, whitespace-free JSON of strings, arrays and objects. */
export function canonicalJson(value: Json): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const object = value as { readonly [key: string]: Json };
  const keys = Object.keys(object).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(object[k] as Json)}`).join(",")}}`;
}

function segmentJson(segment: IdocSegment): Json {
  return { name: segment.name, fields: { ...segment.fields }, segments: segment.segments.map(segmentJson) };
}

/** The packet as canonical JSON (what the digest is computed over). */
export function canonicalPacket(packet: IdocPacket): string {
  return canonicalJson(
    packet.idocs.map((idoc) => ({
      basicType: idoc.basicType,
      ...(idoc.extension === undefined ? {} : { extension: idoc.extension }),
      messageType: idoc.messageType,
      control: { ...idoc.control },
      segments: idoc.segments.map(segmentJson),
    })),
  );
}

/** SHA-256 of the canonical packet, lower-case hex. */
export function packetDigest(packet: IdocPacket): string {
  return createHash("sha256").update(canonicalPacket(packet), "utf8").digest("hex");
}
