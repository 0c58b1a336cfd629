/**
 * `b2mml audit verify [--checkpoint <checkpoint.json>] <ledger.jsonl>`, and the audit record that
 * `validate --audit <ledger>` appends.
 *
 * @module
 */
import { randomUUID } from "node:crypto";
import { createAuditRecord } from "../../audit/audit-record.js";
import { type DigestRecord, digest } from "../../audit/digest.js";
import {
  appendToLedger,
  type LedgerAppend,
  type LedgerCheckpoint,
  LedgerError,
  readLedgerCheckpoint,
  verifyLedger,
} from "../../audit/ledger.js";
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
line (exit 1). A ledger or checkpoint that cannot be read (missing, a directory, too large), or a
checkpoint that is not one, is an input error: "<file>: <CODE> <why>; expected …" (exit 3).

Options:
  --checkpoint <file>  verify against this checkpoint (JSON: size, root, lastHash, bytes as
                       integers, root and lastHash as 64 lowercase hex digits; format optional)
  -h, --help           this text

${EXIT_CODE_HELP}`;

/** `<file>: <CODE> <what>; expected …; received …`: a ledger error as the CLI prints it. */
export function formatLedgerError(error: LedgerError): string {
  return `${error.path}: ${error.code} ${error.message}`;
}

/**
 * Appends a record for a command's `--audit` and reports on stderr: a ledger error (nothing appended)
 * returns the input-error exit code; a record appended whose checkpoint file could not be replaced is
 * reported as such (the record is in the ledger: a re-run would record the run twice) and returns
 * `undefined`, like a clean append.
 */
export function appendCommandAudit(
  command: string,
  ledger: string,
  append: () => LedgerAppend,
  io: Io,
): ExitCode | undefined {
  let appended: LedgerAppend;
  try {
    appended = append();
  } catch (error) {
    if (!(error instanceof LedgerError)) throw error;
    io.err(`${command}: the audit ledger ${ledger}: nothing recorded: ${formatLedgerError(error)}`);
    return ExitCode.INPUT_ERROR;
  }
  if (appended.checkpointFile === "not-updated" && appended.checkpointError)
    io.err(
      `${command}: the audit ledger ${ledger}: record ${appended.seq} appended, checkpoint not updated: ${formatLedgerError(appended.checkpointError)}`,
    );
  return undefined;
}

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
  let result: ReturnType<typeof verifyLedger>;
  try {
    if (values.checkpoint !== undefined) checkpoint = readLedgerCheckpoint(values.checkpoint);
    result = verifyLedger(ledger, checkpoint ? { checkpoint } : {});
  } catch (error) {
    if (!(error instanceof LedgerError)) throw error;
    io.err(`b2mml audit: ${formatLedgerError(error)}`);
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
): LedgerAppend {
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
  return appendToLedger(ledger, record);
}

export { LedgerError };
