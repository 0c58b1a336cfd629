/**
 * `--audit <ledger.jsonl>` on the map commands: one audit record per run, appended to the ledger.
 *
 * The input digest is over the canonical form of each input file (Canonical XML 1.0 for IDoc-XML, JCS
 * for IDoc-JSON), combined with JCS when there are several; the output digest is over the canonical
 * form of what was written. The record also names the mapper, the configuration's digest, the schema set
 * the output was validated against, the IDoc's DOCNUM and sender, and the outcome. Correlation IDs are
 * random (this is the CLI, not a mapping); the idempotency key is the BODID (or the input digest when
 * the mapping was rejected).
 *
 * @module
 */
import { randomUUID } from "node:crypto";
import path from "node:path";
import { createAuditRecord } from "../audit/audit-record.js";
import { type DigestRecord, digest } from "../audit/digest.js";
import { appendToLedger, type LedgerAppend } from "../audit/ledger.js";
import type { IdocPacket } from "../idoc/model.js";
import { loadSchemaSet } from "../validation/schema-set-loader.js";

export interface MappingAuditRun {
  readonly mapper: string;
  readonly messageType: string;
  readonly inputs: readonly { readonly file: string; readonly bytes: Uint8Array }[];
  readonly packets: readonly IdocPacket[];
  readonly configuration: unknown;
  readonly outcome: "mapped" | "rejected";
  /** The output documents (B2MML or IDoc-XML), when mapped. */
  readonly outputs?: readonly string[];
  /** Whether the outputs are B2MML validated against the built-in V0600 profile. */
  readonly b2mmlOutput?: boolean;
  readonly idempotencyKey?: string;
}

function canonicalDigest(bytes: Uint8Array): DigestRecord {
  const first = new TextDecoder().decode(bytes.subarray(0, 64)).trimStart();
  if (first.startsWith("{") || first.startsWith("[")) {
    return digest(JSON.parse(new TextDecoder().decode(bytes)) as unknown, { canonicalization: "jcs" });
  }
  return digest(bytes, { canonicalization: "c14n" });
}

function combined(records: readonly { name: string; record: DigestRecord }[]): DigestRecord {
  const [only] = records;
  if (records.length === 1 && only) return only.record;
  return digest(
    records.map((r) => ({ name: r.name, hex: r.record.hex })),
    { canonicalization: "jcs" },
  );
}

/** Builds the run's audit record and appends it to the ledger (throws `LedgerError` on a damaged ledger). */
export function appendMappingAudit(ledger: string, run: MappingAuditRun): LedgerAppend {
  const input = combined(
    run.inputs.map((i) => ({ name: path.basename(i.file), record: canonicalDigest(i.bytes) })),
  );
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
  const record = createAuditRecord({
    operation: "mapping",
    correlationId: randomUUID(),
    idempotencyKey: run.idempotencyKey ?? `mapping:${input.hex}`,
    messageType: run.messageType,
    ...(run.b2mmlOutput ? { b2mmlRelease: "V0600", schemaSet: loadSchemaSet("profile") } : {}),
    source,
    input,
    ...(output ? { output } : {}),
    configuration: run.configuration,
    mapper: run.mapper,
    outcome: run.outcome,
  });
  return appendToLedger(ledger, record);
}
