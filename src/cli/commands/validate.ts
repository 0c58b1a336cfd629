/**
 * `b2mml validate [--schemas <dir>] [--release <release>] [--rules[=<list>]] [--format text|json|junit] [--audit <ledger.jsonl>] [--jobs <n>] [--quiet] [--ignore <codes>] <file>...`
 *
 * @module
 */
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { B2MML_RELEASES, type B2mmlRelease, isB2mmlRelease } from "../../validation/release.js";
import { ExitCode, exitCodeHelp, worseExitCode } from "../exit-codes.js";
import { type ExpandedInput, expandInputs } from "../expand-inputs.js";
import { GUIDES_HELP } from "../guides.js";
import { dropIgnoredWarnings, parseIgnoredCodes, QUIET_IGNORE_HELP } from "../ignore-warnings.js";
import type { Io } from "../io.js";
import { parseCommand } from "../parse-command.js";
import { startProgress } from "../progress.js";
import { inputLimit, readInputStream, STDIN_PATH } from "../read-input.js";
import { renderJson } from "../render/render-json.js";
import { renderJunit } from "../render/render-junit.js";
import { renderText } from "../render/render-text.js";
import type { FileReport } from "../render/report.js";
import { resolveRules, takeRuleSelection } from "../rule-selection-args.js";
import { type FileOutcome, type ValidateFileOptions, validateFile } from "../validate-file.js";
import { validateInWorkers, WORKER_ENTRY, workerEntryAvailable } from "../validate-workers.js";
import { checkAuditActor, recordValidationAudit } from "./audit.js";

/** The exit codes `b2mml validate` can return. */
export const VALIDATE_EXIT_CODES: readonly ExitCode[] = [
  ExitCode.OK,
  ExitCode.FINDINGS,
  ExitCode.USAGE,
  ExitCode.INPUT_ERROR,
  ExitCode.SCHEMA_ERROR,
  ExitCode.INTERNAL,
];

export const VALIDATE_HELP = `Usage: b2mml validate [--schemas <dir>] [--release <release>] [--rules[=<list>]] [--format text|json|junit] [--audit <ledger.jsonl>] [--jobs <n>] [--quiet] [--ignore <codes>] <file|dir|pattern|->...

Validates B2MML documents against XML Schema (libxml2) and, with --rules, the business rules.

Options:
  --schemas <dir>     an official B2MML schema set (a release folder); default: the built-in V0600
                      production profile for V0600 documents
  --release <name>    ${B2MML_RELEASES.join(", ")}; default: detected from the root element's namespace
  --rules             also check every business rule (see docs/rules.md)
  --rules=<list>      check only some rules: comma-separated rule IDs, all, and -ID to
                      leave one out, e.g. --rules=B2MML-TIME-001,B2MML-UOM-001 or
                      --rules=all,-B2MML-ID-001 (the = is required); an unknown ID is a
                      usage error
  --format <format>   text (default: file:line:column code message), json, or junit
  --audit <ledger>    append each file's audit record (input digest, schema set, outcome, issue
                      codes, rules run) to this ledger (see b2mml audit verify)
  --actor <name>      who runs it, recorded as given in each audit record (with --audit)
  --jobs <n>          validate in n threads: this one and n - 1 worker threads (0 or auto: one
                      per core); default 1, this thread alone. The report, the summary, the exit code
                      and the ledger are those of --jobs 1, in file order
${QUIET_IGNORE_HELP}; the audit
                      record keeps every issue
  -h, --help          this text

Inputs: a file; - for standard input; a directory for every .xml file below it (any depth, sorted by
path in code-unit order); a quoted pattern ('in/*.xml', '**/*.xml') expanded here, sorted the same way.
The text report is written file by file as results arrive; json and junit at the end. The report goes to
stdout, a summary to stderr; on a terminal, stderr also shows the progress (files done, rate, time left).
A file whose release has no built-in schema set is reported (SCHEMA_SET_UNAVAILABLE: give --schemas) and
the others are validated; the batch then exits 4.

${GUIDES_HELP}

${exitCodeHelp(VALIDATE_EXIT_CODES, { batch: true })}`;

const FORMATS = { text: renderText, json: renderJson, junit: renderJunit } as const;

/** A file that gives no result: one error issue at 0:0. */
function unusable(file: string, code: string, message: string, source: "xml" | "xsd" = "xml"): FileReport {
  return {
    file,
    outcome: "unusable",
    issues: [{ code, severity: "error", origin: source, message, line: 0, column: 0, path: [] }],
  };
}

/** The report of an outcome and the exit code it calls for (a schema error is handled by the caller). */
function reportOf(outcome: Exclude<FileOutcome, { kind: "schema-error" }>): {
  report: FileReport;
  code: ExitCode;
} {
  switch (outcome.kind) {
    case "unreadable":
      return { report: unusable(outcome.file, outcome.code, outcome.message), code: ExitCode.INPUT_ERROR };
    case "schema-unavailable":
      return {
        report: unusable(
          outcome.file,
          "SCHEMA_SET_UNAVAILABLE",
          `${outcome.message} with --schemas <dir>`,
          "xsd",
        ),
        code: ExitCode.SCHEMA_ERROR,
      };
    case "worker-exited":
      return {
        report: unusable(outcome.file, "VALIDATE_WORKER_EXITED", outcome.message),
        code: ExitCode.INTERNAL,
      };
    case "validated": {
      const { file, result } = outcome;
      const report: FileReport = {
        file,
        outcome: result.outcome,
        issues: result.issues,
        ...(result.release ? { release: result.release } : {}),
      };
      const code =
        result.outcome === "unusable"
          ? ExitCode.INPUT_ERROR
          : result.outcome === "invalid"
            ? ExitCode.FINDINGS
            : ExitCode.OK;
      return { report, code };
    }
  }
}

/** `--jobs`: a positive integer, or `0`/`auto` for every core; `undefined` when malformed. */
function parseJobs(value: string | undefined): number | undefined {
  if (value === undefined) return 1;
  if (value === "auto" || value === "0") return availableParallelism();
  if (!/^[1-9][0-9]*$/.test(value)) return undefined;
  return Number(value);
}

/** The files one after the other in this thread, as {@link validateInWorkers} yields them from workers. */
async function* validateHere(
  files: readonly string[],
  options: ValidateFileOptions,
  stdin: Uint8Array | undefined,
): AsyncGenerator<FileOutcome> {
  for (const file of files) yield validateFile(file, options, stdin);
}

/** The outcomes of the expanded inputs, in order: a directory or pattern without files is an input error. */
async function* outcomesOf(
  inputs: readonly ExpandedInput[],
  source: AsyncGenerator<FileOutcome>,
): AsyncGenerator<FileOutcome> {
  const iterator = source[Symbol.asyncIterator]();
  try {
    for (const input of inputs) {
      if (input.kind === "no-match") {
        yield { kind: "unreadable", file: input.file, code: "IO_NO_MATCH", message: input.message };
        continue;
      }
      const next = await iterator.next();
      if (next.done) return;
      yield next.value;
    }
  } finally {
    await iterator.return?.(undefined);
  }
}

export async function runValidate(args: readonly string[], io: Io): Promise<ExitCode> {
  const { rest, lists, misplaced } = takeRuleSelection(args);
  const parsed = parseCommand(
    rest,
    {
      schemas: { type: "string" },
      release: { type: "string" },
      rules: { type: "boolean" },
      format: { type: "string" },
      audit: { type: "string" },
      actor: { type: "string" },
      jobs: { type: "string" },
      quiet: { type: "boolean" },
      ignore: { type: "string" },
    },
    "b2mml validate",
    VALIDATE_HELP,
    io,
  );
  if (!parsed.ok) return parsed.code;
  const { values, positionals, usage } = parsed;
  const badActor = checkAuditActor(values, usage);
  if (badActor !== undefined) return badActor;
  const format = values.format ?? "text";
  if (!(format in FORMATS)) return usage(`unknown format "${format}"; expected text, json or junit`);
  if (values.release !== undefined && !isB2mmlRelease(values.release))
    return usage(`unknown release "${values.release}"; expected one of ${B2MML_RELEASES.join(", ")}`);
  if (positionals.length === 0) return usage("no file to validate");
  const ignored = parseIgnoredCodes(values.ignore);
  if (!ignored.ok) return usage(ignored.message);
  const release = values.release as B2mmlRelease | undefined;
  const rules = resolveRules(values.rules, lists, misplaced, usage);
  if (typeof rules === "number") return rules;

  const jobs = parseJobs(values.jobs);
  if (jobs === undefined)
    return usage(
      `--jobs "${values.jobs}": expected a positive number of threads, or 0 or auto for one per core`,
    );
  const inputs = expandInputs(positionals);
  const files = inputs.flatMap((i) => (i.kind === "file" ? [i.file] : []));
  const threads = Math.min(jobs, files.length);
  if (threads > 1 && !workerEntryAvailable()) {
    io.err(
      `b2mml validate: --jobs needs the compiled CLI (no ${fileURLToPath(WORKER_ENTRY)}): run dist/cli/main.js, or use --jobs 1`,
    );
    return ExitCode.INTERNAL;
  }

  const maxInputBytes = inputLimit();
  const options: ValidateFileOptions = {
    rules,
    maxInputBytes,
    ...(release ? { release } : {}),
    ...(values.schemas !== undefined ? { schemas: values.schemas } : {}),
  };
  // Standard input is read once, before any file; a refusal is that file's outcome.
  let stdin: Uint8Array | undefined;
  let stdinRefusal: FileOutcome | undefined;
  if (files.includes(STDIN_PATH)) {
    const read = await readInputStream(process.stdin, maxInputBytes);
    if (read.ok) stdin = read.bytes;
    else stdinRefusal = { kind: "unreadable", file: STDIN_PATH, code: read.code, message: read.message };
  }
  const source =
    threads > 1
      ? validateInWorkers(files, options, threads, values.audit !== undefined, stdin)
      : validateHere(files, options, stdin);
  const reports: FileReport[] = [];
  const progress = startProgress(
    "b2mml validate",
    inputs.length,
    values.quiet ? undefined : io.progress?.bind(io),
  );
  const streamText = format === "text";
  let printed = false;
  let code: ExitCode = ExitCode.OK;
  // In file order, whatever the order the workers finish in: the report, the first schema error and the
  // audit ledger are those of a run in this thread.
  for await (const produced of outcomesOf(inputs, source)) {
    const outcome = produced.file === STDIN_PATH && stdinRefusal ? stdinRefusal : produced;
    if (outcome.kind === "schema-error") {
      progress.finish();
      io.err(`b2mml validate: the schema set cannot be loaded: ${outcome.message}`);
      return ExitCode.SCHEMA_ERROR;
    }
    const { report: full, code: fileCode } = reportOf(outcome);
    const report = { ...full, issues: dropIgnoredWarnings(full.issues, ignored.codes) };
    reports.push(report);
    code = worseExitCode(code, fileCode);
    if (streamText && report.issues.length > 0) {
      progress.finish();
      io.out(renderText([report]));
      printed = true;
    }
    progress.update(reports.length);
    // The record reads the release, the outcome, the issues and the schema set's folder and files only.
    const audited =
      outcome.kind === "validated"
        ? { file: outcome.file, ...(outcome.bytes ? { bytes: outcome.bytes } : {}), result: outcome.result }
        : outcome.kind === "unreadable"
          ? { file: outcome.file, unreadable: outcome.received ?? outcome.code }
          : undefined;
    if (audited === undefined) continue;
    const failed = recordValidationAudit({ ...values, rules }, audited, io);
    if (failed !== undefined) {
      progress.finish();
      return failed;
    }
  }
  progress.finish();
  // The text report of a batch without issues is one empty line, as before it was streamed.
  if (!streamText) io.out(FORMATS[format as keyof typeof FORMATS](reports));
  else if (!printed && !values.quiet) io.out("");
  if (values.quiet) return code;
  const count = (o: FileReport["outcome"]) => reports.filter((r) => r.outcome === o).length;
  io.err(
    `b2mml validate: ${reports.length} file(s): ${count("valid")} valid, ${count("invalid")} invalid, ${count("unusable")} unusable`,
  );
  return code;
}
