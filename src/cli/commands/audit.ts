/**
 * `b2mml audit verify [--checkpoint <checkpoint.json>] <ledger.jsonl>`, and the audit record that
 * `validate --audit <ledger>` appends.
 *
 * @module
 */
import { randomUUID } from "node:crypto";
import { createAuditRecord, tallyFindings } from "../../audit/audit-record.js";
import {
  appendToLedger,
  type LedgerAppend,
  type LedgerCheckpoint,
  LedgerError,
  readLedgerCheckpoint,
  verifyLedger,
} from "../../audit/ledger.js";
import { digestInput, type InputDigest, UNKNOWN_MESSAGE_TYPE } from "../../audit/mapping-audit.js";
import { parseXmlTree } from "../../binding/xml-tree.js";
import { RULES, type RuleSelection, selectRules } from "../../validation/rules/index.js";
import { ExitCode, exitCodeHelp } from "../exit-codes.js";
import type { Io } from "../io.js";
import { parseCommand, reportUsage } from "../parse-command.js";
import type { ValidatedResult } from "../validate-workers.js";

/** The exit codes `b2mml audit verify` can return. */
export const AUDIT_EXIT_CODES: readonly ExitCode[] = [
  ExitCode.OK,
  ExitCode.FINDINGS,
  ExitCode.USAGE,
  ExitCode.INPUT_ERROR,
  ExitCode.INTERNAL,
];

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

${exitCodeHelp(AUDIT_EXIT_CODES)}`;

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
  const usage = (message: string) => reportUsage("b2mml audit", message, "b2mml audit", io);
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

/** The business rules' IDs, as `validate --rules` runs them (the whole catalogue). */
const RULE_IDS: readonly string[] = RULES.map((rule) => rule.id);

/** One file of a `validate --audit` run, as the record needs it. */
export interface ValidationAuditRun {
  readonly file: string;
  /** The file's bytes; absent when it could not be read (`unreadable` says why). */
  readonly bytes?: Uint8Array;
  /** The validation result; absent when the file could not be read. */
  readonly result?: ValidatedResult;
  /** The system error code when the file could not be read (`ENOENT`, `EISDIR`…). */
  readonly unreadable?: string;
  /** `--rules`: `true` for every rule, a selection for `--rules=<list>`, `false` for none. */
  readonly rules: boolean | RuleSelection;
  /** Who ran it (`--actor`), as given. */
  readonly actor?: string;
  readonly correlationId?: string;
}

/**
 * Appends the audit record of one `validate` run on one file: the digest of the canonical input (C14N 1.0;
 * of the bytes as given, with `inputNotCanonical` saying why, when the document is unusable), the schema
 * set's files, the outcome, the issues by code, whether the business rules ran and which, the actor.
 * A file that could not be read is recorded too: outcome `unusable`, its `IO_UNREADABLE` finding, no
 * input digest (there are no bytes to digest).
 *
 * @throws {@link LedgerError} when nothing could be appended (damaged, locked, unwritable)
 */
export function appendValidationAudit(ledger: string, run: ValidationAuditRun): LedgerAppend {
  const { file, bytes, result } = run;
  let messageType = UNKNOWN_MESSAGE_TYPE;
  let input: InputDigest | undefined;
  if (bytes !== undefined) {
    input = digestInput(bytes, file, "xml");
    try {
      messageType = parseXmlTree(bytes, { file }).local;
    } catch {
      // refused by the reader: the record says unknown, inputNotCanonical and the findings say why
    }
  }
  const issues = result?.issues ?? [];
  const unreadable = run.unreadable !== undefined ? [{ code: "IO_UNREADABLE" }] : [];
  const outcome = result?.outcome ?? "unusable";
  const ran = run.rules !== false && outcome !== "unusable";
  const ids =
    run.rules === true ? RULE_IDS : run.rules === false ? [] : selectRules(run.rules).map((r) => r.id);
  const record = createAuditRecord({
    operation: "validation",
    correlationId: run.correlationId ?? randomUUID(),
    idempotencyKey: input ? `validation:${input.record.hex}` : `validation:unreadable:${file}`,
    messageType,
    ...(result?.release ? { b2mmlRelease: result.release } : {}),
    source: { file },
    ...(input ? { input: input.record } : {}),
    ...(input?.notCanonical !== undefined ? { inputNotCanonical: input.notCanonical } : {}),
    ...(run.unreadable !== undefined
      ? { inputNotCanonical: `the file could not be read (${run.unreadable})` }
      : {}),
    ...(result?.schemaSet ? { schemaSet: result.schemaSet } : {}),
    outcome,
    findings: tallyFindings(
      [...unreadable, ...issues.filter((i) => i.severity === "error")],
      issues.filter((i) => i.severity === "warning"),
    ),
    rules: { ran, ids: ran ? ids : [] },
    ...(run.actor !== undefined ? { actor: run.actor } : {}),
  });
  return appendToLedger(ledger, record);
}

/**
 * `validate --audit`: appends one file's record (nothing without `--audit`); see {@link appendCommandAudit}
 * for what is reported and returned.
 */
export function recordValidationAudit(
  values: { readonly audit?: string; readonly actor?: string; readonly rules?: boolean | RuleSelection },
  run: Omit<ValidationAuditRun, "rules" | "actor">,
  io: Io,
): ExitCode | undefined {
  const ledger = values.audit;
  if (ledger === undefined) return undefined;
  const full: ValidationAuditRun = {
    ...run,
    rules: values.rules ?? false,
    ...(values.actor !== undefined ? { actor: values.actor } : {}),
  };
  return appendCommandAudit("b2mml validate", ledger, () => appendValidationAudit(ledger, full), io);
}

/**
 * `--actor <name>`: recorded as given in each audit record, so it needs `--audit` and a name that is not
 * empty. Returns the usage exit code (after printing why) when it is wrong.
 */
export function checkAuditActor(
  values: { readonly audit?: string; readonly actor?: string },
  usage: (message: string) => ExitCode,
): ExitCode | undefined {
  if (values.actor === undefined) return undefined;
  if (values.audit === undefined)
    return usage("--actor <name> is recorded in the audit record: give --audit <ledger> too");
  if (values.actor.trim() === "") return usage("--actor: the name must not be empty");
  return undefined;
}

export { LedgerError };
