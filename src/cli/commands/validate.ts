/**
 * `b2mml validate [--schemas <dir>] [--release <release>] [--rules] [--format text|json|junit] [--audit <ledger.jsonl>] [--jobs <n>] <file>...`
 *
 * @module
 */
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { B2MML_RELEASES, type B2mmlRelease, isB2mmlRelease } from "../../validation/release.js";
import { EXIT_CODE_HELP, ExitCode } from "../exit-codes.js";
import type { Io } from "../io.js";
import { parseCommand } from "../parse-command.js";
import { renderJson } from "../render/render-json.js";
import { renderJunit } from "../render/render-junit.js";
import { renderText } from "../render/render-text.js";
import type { FileReport } from "../render/report.js";
import {
  type FileOutcome,
  type ValidateFileOptions,
  validateFile,
  validateInWorkers,
  WORKER_ENTRY,
  workerEntryAvailable,
} from "../validate-workers.js";
import { checkAuditActor, recordValidationAudit } from "./audit.js";

export const VALIDATE_HELP = `Usage: b2mml validate [--schemas <dir>] [--release <release>] [--rules] [--format text|json|junit] [--audit <ledger.jsonl>] [--jobs <n>] <file>...

Validates B2MML documents against XML Schema (libxml2) and, with --rules, the business rules.

Options:
  --schemas <dir>     an official B2MML schema set (a release folder); default: the built-in V0600
                      production profile for V0600 documents
  --release <name>    ${B2MML_RELEASES.join(", ")}; default: detected from the root element's namespace
  --rules             also check the business rules (see docs/rules.md)
  --format <format>   text (default: file:line:column code message), json, or junit
  --audit <ledger>    append each file's audit record (input digest, schema set, outcome, issue
                      codes, rules run) to this ledger (see b2mml audit verify)
  --actor <name>      who runs it, recorded as given in each audit record (with --audit)
  --jobs <n>          validate in n threads: this one and n - 1 worker threads (0 or auto: one
                      per core); default 1, this thread alone. The report, the summary, the exit code
                      and the ledger are those of --jobs 1, in file order
  -h, --help          this text

The report goes to stdout, a summary to stderr.

${EXIT_CODE_HELP}`;

const FORMATS = { text: renderText, json: renderJson, junit: renderJunit } as const;

function unreadable(file: string, code: string): FileReport {
  return {
    file,
    outcome: "unusable",
    issues: [
      {
        code: "IO_UNREADABLE",
        severity: "error",
        source: "xml",
        message: `cannot read the file (${code})`,
        line: 0,
        column: 0,
        path: "",
      },
    ],
  };
}

/** `--jobs`: a positive integer, or `0`/`auto` for every core; `undefined` when malformed. */
function parseJobs(value: string | undefined): number | undefined {
  if (value === undefined) return 1;
  if (value === "auto" || value === "0") return availableParallelism();
  if (!/^[1-9][0-9]*$/.test(value)) return undefined;
  return Number(value);
}

/** The files one after the other in this thread, as {@link validateInWorkers} yields them from workers. */
function* validateHere(files: readonly string[], options: ValidateFileOptions): Generator<FileOutcome> {
  for (const file of files) yield validateFile(file, options);
}

export function runValidate(args: readonly string[], io: Io): ExitCode {
  const parsed = parseCommand(
    args,
    {
      schemas: { type: "string" },
      release: { type: "string" },
      rules: { type: "boolean" },
      format: { type: "string" },
      audit: { type: "string" },
      actor: { type: "string" },
      jobs: { type: "string" },
    },
    "b2mml validate",
    VALIDATE_HELP,
    io,
  );
  if (!parsed.ok) return parsed.code;
  const { values, positionals: files, usage } = parsed;
  const badActor = checkAuditActor(values, usage);
  if (badActor !== undefined) return badActor;
  const format = values.format ?? "text";
  if (!(format in FORMATS)) return usage(`unknown format "${format}"; expected text, json or junit`);
  if (values.release !== undefined && !isB2mmlRelease(values.release))
    return usage(`unknown release "${values.release}"; expected one of ${B2MML_RELEASES.join(", ")}`);
  if (files.length === 0) return usage("no file to validate");
  const release = values.release as B2mmlRelease | undefined;

  const jobs = parseJobs(values.jobs);
  if (jobs === undefined)
    return usage(
      `--jobs "${values.jobs}": expected a positive number of threads, or 0 or auto for one per core`,
    );
  const threads = Math.min(jobs, files.length);
  if (threads > 1 && !workerEntryAvailable()) {
    io.err(
      `b2mml validate: --jobs needs the compiled CLI (no ${fileURLToPath(WORKER_ENTRY)}): run dist/cli/main.js, or use --jobs 1`,
    );
    return ExitCode.INTERNAL;
  }

  const options: ValidateFileOptions = {
    rules: values.rules === true,
    ...(release ? { release } : {}),
    ...(values.schemas !== undefined ? { schemas: values.schemas } : {}),
  };
  const outcomes =
    threads > 1
      ? validateInWorkers(files, options, threads, values.audit !== undefined)
      : validateHere(files, options);
  const reports: FileReport[] = [];
  // In file order, whatever the order the workers finish in: the report, the first schema error and the
  // audit ledger are those of a run in this thread.
  for (const outcome of outcomes) {
    if (outcome.kind === "schema-error") {
      io.err(`b2mml validate: the schema set cannot be loaded: ${outcome.message}`);
      return ExitCode.SCHEMA_ERROR;
    }
    if (outcome.kind === "unreadable") {
      reports.push(unreadable(outcome.file, outcome.code));
      const failed = recordValidationAudit(values, { file: outcome.file, unreadable: outcome.code }, io);
      if (failed !== undefined) return failed;
      continue;
    }
    const { file, result, bytes } = outcome;
    reports.push({
      file,
      outcome: result.outcome,
      issues: result.issues,
      ...(result.release ? { release: result.release } : {}),
    });
    // The record reads the release, the outcome, the issues and the schema set's folder and files only.
    const failed = recordValidationAudit(values, { file, ...(bytes ? { bytes } : {}), result }, io);
    if (failed !== undefined) return failed;
  }
  io.out(FORMATS[format as keyof typeof FORMATS](reports));
  const count = (o: FileReport["outcome"]) => reports.filter((r) => r.outcome === o).length;
  io.err(
    `b2mml validate: ${reports.length} file(s): ${count("valid")} valid, ${count("invalid")} invalid, ${count("unusable")} unusable`,
  );
  if (count("unusable") > 0) return ExitCode.INPUT_ERROR;
  return count("invalid") > 0 ? ExitCode.FINDINGS : ExitCode.OK;
}
