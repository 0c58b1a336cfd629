/**
 * `b2mml audit verify [--checkpoint <checkpoint.json>] <ledger.jsonl>`, and the audit record that
 * `validate --audit <ledger>` appends.
 *
 * @module
 */
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { createAuditRecord } from "../../audit/audit-record.js";
import { type DigestRecord, digest } from "../../audit/digest.js";
import { appendToLedger, type LedgerCheckpoint, LedgerError, verifyLedger } from "../../audit/ledger.js";
import { parseXmlTree } from "../../binding/xml-tree.js";
import type { DocumentValidationResult } from "../../validation/validate-document.js";
import { EXIT_CODE_HELP, ExitCode } from "../exit-codes.js";
import type { Io } from "../io.js";
import { parseCommand } from "../parse-command.js";

export const AUDIT_HELP = `Usage: b2mml audit verify [--checkpoint <checkpoint.json>] <ledger.jsonl>

Verifies an audit ledger: every line well-formed, in canonical form (JCS), hashed and chained to the
previous one, in sequence, no torn last line; and the records give the Merkle root of the checkpoint
(<ledger>.checkpoint.json, or the one given: a checkpoint you published or signed). A ledger with fewer
records than its checkpoint was truncated.

Prints "ok: <n> record(s), root <hex>" (exit 0), or "<ledger>:<line>: <why>" for the first bad
line (exit 1).

Options:
  --checkpoint <file>  verify against this checkpoint (JSON: size, root, lastHash, bytes)
  -h, --help           this text

${EXIT_CODE_HELP}`;

export function runAudit(args: readonly string[], io: Io): ExitCode {
  const [sub, ...rest] = args;
  const usage = (message: string) => {
    io.err(`b2mml audit: ${message}\n\n${AUDIT_HELP}`);
    return ExitCode.USAGE;
  };
  if (sub === "--help" || sub === "-h") {
    io.out(AUDIT_HELP);
    return ExitCode.OK;
  }
  if (sub !== "verify") return usage(sub === undefined ? "no subcommand" : `unknown subcommand "${sub}"`);
  const parsed = parseCommand(rest, { checkpoint: { type: "string" } }, "b2mml audit", AUDIT_HELP, io);
  if (!parsed.ok) return parsed.code;
  const { values, positionals: files } = parsed;
  const [ledger, ...extra] = files;
  if (ledger === undefined) return usage("no ledger to verify");
  if (extra.length > 0) return usage("one ledger at a time");
  let checkpoint: LedgerCheckpoint | undefined;
  if (values.checkpoint !== undefined) {
    try {
      checkpoint = JSON.parse(readFileSync(values.checkpoint, "utf8")) as LedgerCheckpoint;
    } catch (error) {
      io.err(`b2mml audit: ${values.checkpoint}: cannot read the checkpoint (${(error as Error).message})`);
      return ExitCode.INPUT_ERROR;
    }
  }
  let result: ReturnType<typeof verifyLedger>;
  try {
    result = verifyLedger(ledger, checkpoint ? { checkpoint } : {});
  } catch (error) {
    io.err(`b2mml audit: ${ledger}: ${(error as Error).message}`);
    return ExitCode.INPUT_ERROR;
  }
  if (result.problem) {
    io.out(`${ledger}:${result.problem.line}: ${result.problem.reason}`);
    return ExitCode.FINDINGS;
  }
  io.out(`ok: ${result.records} record(s), root ${result.checkpoint.root}`);
  return ExitCode.OK;
}

/**
 * Appends the audit record of one `validate` run on one file: the digest of the canonical input (C14N 1.0;
 * of the bytes as given when the document is unusable), the schema set's files, the outcome.
 *
 * @throws {@link LedgerError} when the ledger is damaged or locked
 */
export function appendValidationAudit(
  ledger: string,
  file: string,
  bytes: Uint8Array,
  result: DocumentValidationResult,
  correlationId: string = randomUUID(),
): void {
  let input: DigestRecord;
  let messageType = "unknown";
  try {
    messageType = parseXmlTree(bytes, { file }).local;
    input = digest(bytes, { canonicalization: "c14n", reader: { file } });
  } catch {
    input = digest(bytes);
  }
  const record = createAuditRecord({
    operation: "validation",
    correlationId,
    idempotencyKey: `validation:${input.hex}`,
    messageType,
    ...(result.release ? { b2mmlRelease: result.release } : {}),
    source: { file },
    input,
    ...(result.schemaSet ? { schemaSet: result.schemaSet } : {}),
    outcome: result.outcome,
  });
  appendToLedger(ledger, record);
}

export { LedgerError };
