/**
 * The audit record of one mapping or validation run: who sent what, what was received and produced
 * (digests of the canonical forms), under which schema set, configuration and library version, when, and
 * the signature metadata the caller supplied. The record is data; it is serialized with JCS (RFC 8785), so
 * its bytes, and any digest over them, are reproducible.
 *
 * Timestamps are taken from the caller or from an injectable clock when the record is built, never inside
 * a mapping (mappings stay pure functions of input and configuration). The library never signs: signature
 * metadata (21 CFR Part 11 §11.50: signer, meaning, time) is passed through as given.
 *
 * @module
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseXsdDateTime, type XsdDateTime, XsdLexicalError } from "../binding/lexical/xsd-datetime.js";
import { JCS } from "./c14n-method.js";
import { canonicalizeJson } from "./canonicalize-json.js";
import {
  type Canonicalization,
  type DigestAlgorithm,
  type DigestRecord,
  digest,
  digestBytes,
} from "./digest.js";

/**
 * The record format's identifier; a new format gets a new one. `/2` adds `actor`, `findings`, `rules` and
 * `inputNotCanonical` (all optional) to `/1`; records of either format verify in a ledger alike.
 */
export const AUDIT_RECORD_FORMAT = "b2mml-audit-record/2";

/** Every record format written so far, oldest first (`docs/audit.md` lists their fields). */
export const AUDIT_RECORD_FORMATS = ["b2mml-audit-record/1", AUDIT_RECORD_FORMAT] as const;

/** Issues of one severity: how many, and how many of each code. */
export interface IssueTally {
  readonly count: number;
  readonly codes: Readonly<Record<string, number>>;
}

/** What a run found: its errors and warnings, counted by code. */
export interface AuditFindings {
  readonly errors: IssueTally;
  readonly warnings: IssueTally;
}

/** Whether business rules ran, and the IDs of the rules checked (none when they did not run). */
export interface AuditRules {
  readonly ran: boolean;
  readonly ids: readonly string[];
}

function tally(issues: readonly { readonly code: string }[]): IssueTally {
  const codes: Record<string, number> = {};
  for (const { code } of issues) codes[code] = (codes[code] ?? 0) + 1;
  return { count: issues.length, codes };
}

/** Counts errors and warnings by code, for a record's `findings`. */
export function tallyFindings(
  errors: readonly { readonly code: string }[],
  warnings: readonly { readonly code: string }[],
): AuditFindings {
  return { errors: tally(errors), warnings: tally(warnings) };
}

/** The library's name and version, from its package.json. */
export const LIBRARY: { readonly name: string; readonly version: string } = (() => {
  const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
    name: string;
    version: string;
  };
  return Object.freeze({ name: pkg.name, version: pkg.version });
})();

/** Identifiers of the message in its source system (for an IDoc: the control record's DOCNUM, SNDPRN…). */
export interface SourceIds {
  /** The sending system (e.g. the SAP logical system). */
  readonly system?: string;
  /** The sender (partner number, party ID). */
  readonly sender?: string;
  /** The IDoc number (EDI_DC40/DOCNUM). */
  readonly docnum?: string;
  /** Any further identifier, by name. */
  readonly [name: string]: string | undefined;
}

/** Electronic signature metadata supplied by the caller and passed through unchanged. */
export interface SignatureMetadata {
  readonly signerId: string;
  /** The meaning of the signature (review, approval, responsibility, authorship…). */
  readonly meaning: string;
  /** When it was signed: an xs:dateTime with an offset. */
  readonly signedAt: string;
  /** Anything else the caller's signature system records (a signature value, a certificate reference…). */
  readonly [name: string]: string;
}

/** A schema file used, by its name relative to the set's folder, with its SHA-256. */
export interface SchemaFileDigest {
  readonly file: string;
  readonly sha256: string;
}

export interface AuditRecord {
  readonly format: typeof AUDIT_RECORD_FORMAT;
  /** What was run: `validation`, `mapping`, or another name the caller uses. */
  readonly operation: string;
  readonly correlationId: string;
  readonly idempotencyKey: string;
  /** The message type (a B2MML root element, an IDoc message type). */
  readonly messageType: string;
  readonly b2mmlRelease?: string;
  readonly source?: SourceIds;
  /** The digest of the canonical input (of the bytes as given when `inputNotCanonical` says why). */
  readonly input?: DigestRecord;
  /**
   * Why `input` is the digest of the input's bytes as given (its `canonicalization` is `null`): the
   * canonical form could not be made (the reader or libxml2 refused the document, JCS refused a value).
   */
  readonly inputNotCanonical?: string;
  /** The digest of the canonical output. */
  readonly output?: DigestRecord;
  /** The schema set: each file's SHA-256 and a digest over the list (JCS). */
  readonly schemaSet?: { readonly files: readonly SchemaFileDigest[]; readonly digest: DigestRecord };
  /** The digest of the configuration (JCS). */
  readonly configuration?: DigestRecord;
  readonly mapper?: string;
  readonly library: { readonly name: string; readonly version: string };
  /** The outcome as the caller states it (`valid`, `invalid`, `mapped`, `rejected`…). */
  readonly outcome?: string;
  /** The run's errors and warnings, counted by code. */
  readonly findings?: AuditFindings;
  /** Whether business rules ran, and which. */
  readonly rules?: AuditRules;
  /** Who ran it, as the caller gave it (a user or service name); absent when not given, never invented. */
  readonly actor?: string;
  /** xs:dateTime values with offsets; `recordedAt` is when the record was built. */
  readonly timestamps: { readonly recordedAt: string; readonly [name: string]: string };
  readonly signature?: SignatureMetadata;
}

export interface CreateAuditRecordOptions {
  readonly operation: string;
  readonly correlationId: string;
  readonly idempotencyKey: string;
  readonly messageType: string;
  readonly b2mmlRelease?: string;
  readonly source?: SourceIds;
  /** The input's digest, or the payload and its canonicalization to compute it. */
  readonly input?: DigestRecord | { readonly payload: unknown; readonly canonicalization: Canonicalization };
  readonly output?: DigestRecord | { readonly payload: unknown; readonly canonicalization: Canonicalization };
  /**
   * The schema set used: validation's `SchemaSet` (or `{ dir, files }`): file names are recorded relative
   * to `dir`, so the record does not depend on where the set was installed.
   */
  readonly schemaSet?: {
    readonly dir?: string;
    readonly files: readonly { readonly file: string; readonly sha256: string }[];
  };
  /** The configuration (any JSON value; a string is a JSON string, not a JSON text), digested with JCS. */
  readonly configuration?: unknown;
  readonly mapper?: string;
  readonly outcome?: string;
  /** Why `input` is over the bytes as given, when the canonical form could not be made. */
  readonly inputNotCanonical?: string;
  readonly findings?: AuditFindings;
  readonly rules?: AuditRules;
  /** Who ran it, recorded as given (must not be empty). */
  readonly actor?: string;
  /** Further timestamps (received, started, completed…): xs:dateTime with an offset. */
  readonly timestamps?: Readonly<Record<string, string>>;
  readonly signature?: SignatureMetadata;
  /** @default "sha256" */
  readonly algorithm?: DigestAlgorithm;
  /** The clock for `recordedAt`. @default () => new Date() */
  readonly clock?: () => Date;
}

/**
 * Why a timestamp is not an `xs:dateTime` with an offset (exactly: month, day in its month, hour, minute,
 * second and offset ranges), or `undefined` when it is one.
 */
function explainAuditTimestamp(value: string): string | undefined {
  let parsed: XsdDateTime;
  try {
    parsed = parseXsdDateTime(value);
  } catch (error) {
    return error instanceof XsdLexicalError ? error.reason : String(error);
  }
  return parsed.offsetMinutes === undefined
    ? "it has no offset (Z or ±hh:mm); an audit timestamp must name its offset"
    : undefined;
}

/** An xs:dateTime with the local offset of the process (e.g. `2026-03-29T01:30:00.250+01:00`). */
export function formatTimestamp(date: Date, offsetMinutes = -date.getTimezoneOffset()): string {
  const local = new Date(date.getTime() + offsetMinutes * 60_000);
  const sign = offsetMinutes < 0 ? "-" : "+";
  const abs = Math.abs(offsetMinutes);
  const offset = `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
  return `${local.toISOString().slice(0, -1)}${offset}`;
}

function digestOf(
  given: NonNullable<CreateAuditRecordOptions["input"]>,
  algorithm: DigestAlgorithm,
): DigestRecord {
  return "payload" in given
    ? digest(given.payload, { algorithm, canonicalization: given.canonicalization })
    : given;
}

/**
 * Builds an audit record. Digests are computed here when the caller passes payloads.
 *
 * @throws `RangeError` for a timestamp that is not a valid `xs:dateTime` with an offset (the message says
 *   why: `month 13 is out of range`, no offset…), or an empty identifier
 */
export function createAuditRecord(options: CreateAuditRecordOptions): AuditRecord {
  const algorithm = options.algorithm ?? "sha256";
  for (const key of ["operation", "correlationId", "idempotencyKey", "messageType"] as const)
    if (options[key].trim() === "") throw new RangeError(`${key} must not be empty`);
  if (options.actor !== undefined && options.actor.trim() === "")
    throw new RangeError("actor must not be empty when given");
  const given = { ...options.timestamps };
  if (options.signature) given["signature.signedAt"] = options.signature.signedAt;
  for (const [name, value] of Object.entries(given)) {
    const why = explainAuditTimestamp(value);
    if (why !== undefined)
      throw new RangeError(`timestamp ${name} "${value}" is not an xs:dateTime with an offset: ${why}`);
  }
  const schemaSet = options.schemaSet
    ? (() => {
        const { dir } = options.schemaSet;
        const files = options.schemaSet.files
          .map((f) => ({
            file: (dir ? path.relative(dir, f.file) : f.file).split(path.sep).join("/"),
            sha256: f.sha256,
          }))
          .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
        return { files, digest: digestBytes(canonicalizeJson(files), algorithm, JCS) };
      })()
    : undefined;
  return {
    format: AUDIT_RECORD_FORMAT,
    operation: options.operation,
    correlationId: options.correlationId,
    idempotencyKey: options.idempotencyKey,
    messageType: options.messageType,
    ...(options.b2mmlRelease !== undefined ? { b2mmlRelease: options.b2mmlRelease } : {}),
    ...(options.source ? { source: options.source } : {}),
    ...(options.input ? { input: digestOf(options.input, algorithm) } : {}),
    ...(options.inputNotCanonical !== undefined ? { inputNotCanonical: options.inputNotCanonical } : {}),
    ...(options.output ? { output: digestOf(options.output, algorithm) } : {}),
    ...(schemaSet ? { schemaSet } : {}),
    ...(options.configuration !== undefined
      ? { configuration: digestBytes(canonicalizeJson(options.configuration), algorithm, JCS) }
      : {}),
    ...(options.mapper !== undefined ? { mapper: options.mapper } : {}),
    library: LIBRARY,
    ...(options.outcome !== undefined ? { outcome: options.outcome } : {}),
    ...(options.findings ? { findings: options.findings } : {}),
    ...(options.rules ? { rules: options.rules } : {}),
    ...(options.actor !== undefined ? { actor: options.actor } : {}),
    timestamps: {
      ...options.timestamps,
      recordedAt: formatTimestamp((options.clock ?? (() => new Date()))()),
    },
    ...(options.signature ? { signature: options.signature } : {}),
  };
}

/** The record's JCS (RFC 8785) serialization, UTF-8. */
export function serializeAuditRecord(record: AuditRecord): Buffer {
  return canonicalizeJson(record);
}
