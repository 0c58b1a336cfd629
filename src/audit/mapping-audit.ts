/**
 * The mapping-audit step: one audit record per mapping run, appended to the ledger (the map commands'
 * `--audit <ledger.jsonl>` and `b2mml audit` use it; it moved here from `cli/`, unchanged, so that the
 * flow records a run the same way).
 *
 * The input digest is over the canonical form of each input file (JCS for IDoc-JSON, told apart as the
 * IDoc reader does: the first character that is not white space is `{` or `[`; Canonical XML 1.0
 * otherwise), combined with JCS when there are several. When no canonical form can be made (libxml2
 * refuses the C14N of a document the reader accepted, JCS refuses a JSON number out of range), the
 * digest is over the bytes as given (canonicalization `null`) and `inputNotCanonical` says why: the run
 * is recorded all the same. The output digest is over the canonical form of what was written. The record
 * also names the mapper, the configuration's digest, the schema set the output was validated against,
 * the IDoc's DOCNUM and sender, the outcome, the errors and warnings by code, and the actor when given.
 * Correlation IDs are random (a run of the commands, not a mapping's own); the idempotency key is the BODID (or the
 * input digest when the mapping was rejected).
 *
 * @module
 */
import { randomUUID } from "node:crypto";
import path from "node:path";
import { XmlParseError } from "../binding/xml-tree.js";
import type { IdocPacket } from "../idoc/model.js";
import { loadSchemaSet } from "../validation/schema-set-loader.js";
import { type AuditRecord, createAuditRecord, tallyFindings } from "./audit-record.js";
import { type DigestRecord, digest } from "./digest.js";
import { appendToLedger, type LedgerAppend } from "./ledger.js";
import { appendToStore, type LedgerStore } from "./ledger-store.js";

export interface MappingAuditRun {
  readonly mapper: string;
  /** The message type the input names (MESTYP, a root element); empty or absent: recorded as `unknown`. */
  readonly messageType: string | undefined;
  readonly inputs: readonly { readonly file: string; readonly bytes: Uint8Array }[];
  readonly packets: readonly IdocPacket[];
  readonly configuration: unknown;
  readonly outcome: "mapped" | "rejected";
  /** The run's errors (a rejection) and warnings, by code. */
  readonly errors?: readonly { readonly code: string }[];
  readonly warnings?: readonly { readonly code: string }[];
  /** The output documents (B2MML or IDoc-XML), when mapped. */
  readonly outputs?: readonly string[];
  /** Whether the outputs are B2MML validated against the built-in V0600 profile. */
  readonly b2mmlOutput?: boolean;
  readonly idempotencyKey?: string;
  /** Who ran it (`--actor`), as given. */
  readonly actor?: string;
}

/** The message type recorded when the input names none. */
export const UNKNOWN_MESSAGE_TYPE = "unknown";

/** JSON as the IDoc reader tells it from XML: after a BOM and white space, `{` or `[`. */
const JSON_START = /^\uFEFF?[\t\n\r ]*[[{]/;

/** An input's digest: of its canonical form, or of its bytes as given with the reason why. */
export interface InputDigest {
  readonly record: DigestRecord;
  readonly notCanonical?: string;
}

function explainRefusal(error: unknown): string {
  if (error instanceof XmlParseError) return `${error.code} ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}

/**
 * Digests an input's canonical form (`json`: JCS; `xml`: C14N 1.0; `auto`: JSON when it starts like JSON),
 * or its bytes as given when the canonical form cannot be made.
 */
export function digestInput(bytes: Uint8Array, file: string, kind: "auto" | "xml" = "auto"): InputDigest {
  const text = kind === "auto" ? new TextDecoder().decode(bytes) : "";
  const json = kind === "auto" && JSON_START.test(text);
  try {
    return {
      record: json
        ? digest(JSON.parse(text) as unknown, { canonicalization: "jcs" })
        : digest(bytes, { canonicalization: "c14n", reader: { file } }),
    };
  } catch (error) {
    return {
      record: digest(bytes),
      notCanonical: `${json ? "JCS (RFC 8785)" : "Canonical XML 1.0"} refused the input: ${explainRefusal(error)}`,
    };
  }
}

function combined(records: readonly { name: string; record: DigestRecord }[]): DigestRecord {
  const [only] = records;
  if (records.length === 1 && only) return only.record;
  return digest(
    records.map((r) => ({ name: r.name, hex: r.record.hex })),
    { canonicalization: "jcs" },
  );
}

/**
 * The run's audit record (what {@link appendMappingAudit} appends); for a caller that appends it within
 * its own ledger transaction (`appendLedgerEntry` in a store session, beside its outbox row).
 */
export function createMappingAuditRecord(run: MappingAuditRun): AuditRecord {
  const inputs = run.inputs.map((i) => ({ name: path.basename(i.file), ...digestInput(i.bytes, i.file) }));
  const input = combined(inputs);
  const refused = inputs.filter((i) => i.notCanonical !== undefined);
  const notCanonical =
    inputs.length === 1
      ? refused[0]?.notCanonical
      : refused.length > 0
        ? refused.map((i) => `${i.name}: ${i.notCanonical}`).join("; ")
        : undefined;
  const output = run.outputs
    ? combined(
        run.outputs.map((xml, n) => ({
          name: String(n + 1),
          record: digest(xml, { canonicalization: "c14n" }),
        })),
      )
    : undefined;
  const control = run.packets[0]?.idocs[0]?.control;
  const source = {
    ...(control?.SNDPRN ? { sender: control.SNDPRN } : {}),
    ...(control?.DOCNUM ? { docnum: control.DOCNUM } : {}),
    ...(control?.SNDPOR ? { system: control.SNDPOR } : {}),
  };
  return createAuditRecord({
    operation: "mapping",
    correlationId: randomUUID(),
    idempotencyKey: run.idempotencyKey ?? `mapping:${input.hex}`,
    messageType: run.messageType?.trim() ? run.messageType : UNKNOWN_MESSAGE_TYPE,
    ...(run.b2mmlOutput ? { b2mmlRelease: "V0600", schemaSet: loadSchemaSet("profile") } : {}),
    source,
    input,
    ...(notCanonical !== undefined ? { inputNotCanonical: notCanonical } : {}),
    ...(output ? { output } : {}),
    configuration: run.configuration,
    mapper: run.mapper,
    outcome: run.outcome,
    findings: tallyFindings(run.errors ?? [], run.warnings ?? []),
    ...(run.actor !== undefined ? { actor: run.actor } : {}),
  });
}

/**
 * Builds the run's audit record and appends it to the ledger: a ledger file (`appendToLedger`) or any
 * {@link LedgerStore} (`appendToStore`). Asynchronous, as a store is; within a transaction of the caller's
 * own, append {@link createMappingAuditRecord}'s record with `appendLedgerEntry(session, record)` instead.
 *
 * @throws `LedgerError` (a rejection) when nothing was appended
 */
export async function appendMappingAudit(
  ledger: string | LedgerStore,
  run: MappingAuditRun,
): Promise<LedgerAppend> {
  const record = createMappingAuditRecord(run);
  return typeof ledger === "string" ? appendToLedger(ledger, record) : appendToStore(ledger, record);
}
