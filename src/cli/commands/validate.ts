/**
 * `b2mml validate [--schemas <dir>] [--release <release>] [--rules[=<list>]] [--format text|json|junit] [--audit <ledger.jsonl>] [--jobs <n>] <file>...`
 *
 * @module
 */
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { B2MML_RELEASES, type B2mmlRelease, isB2mmlRelease } from "../../validation/release.js";
import { RULES, type RuleSelection } from "../../validation/rules/index.js";
import { looksLikeRuleSelection, parseRuleSelection } from "../../validation/rules/rule-selection.js";
import type { DocumentValidationResult } from "../../validation/validate-document.js";
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
import { appendValidationAudit, LedgerError } from "./audit.js";

export const VALIDATE_HELP = `Usage: b2mml validate [--schemas <dir>] [--release <release>] [--rules[=<list>]] [--format text|json|junit] [--audit <ledger.jsonl>] [--jobs <n>] <file>...

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
  --audit <ledger>    append each file's audit record (input digest, schema set, outcome) to this
                      ledger (see b2mml audit verify)
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

/**
 * `--rules=<list>` taken out of the arguments (`parseArgs` knows `--rules` as a flag only), and a rule list
 * written after a bare `--rules` (which would otherwise be read as a file).
 */
function takeRuleSelection(args: readonly string[]): {
  readonly rest: string[];
  readonly lists: string[];
  readonly misplaced?: string;
} {
  const rest: string[] = [];
  const lists: string[] = [];
  let misplaced: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? "";
    if (arg === "--") {
      rest.push(...args.slice(i));
      break;
    }
    if (arg.startsWith("--rules=")) {
      lists.push(arg.slice("--rules=".length));
      continue;
    }
    rest.push(arg);
    const next = args[i + 1];
    if (arg === "--rules" && next !== undefined && misplaced === undefined && looksLikeRuleSelection(next)) {
      misplaced = next; // reported as a usage error once the other options are read
      i++;
    }
  }
  return { rest, lists, ...(misplaced === undefined ? {} : { misplaced }) };
}

/** The rules `--rules` / `--rules=<list>` ask for: `false`, `true` (every rule) or a selection. */
function resolveRules(
  flag: boolean | undefined,
  lists: readonly string[],
  misplaced: string | undefined,
  usage: (message: string) => ExitCode,
): boolean | RuleSelection | ExitCode {
  if (misplaced !== undefined)
    return usage(`--rules ${misplaced}: a rule list follows --rules after "=": --rules=${misplaced}`);
  if (lists.length > 1) return usage("--rules=<list> given more than once; give one list");
  const [list] = lists;
  if (list === undefined) return flag === true;
  const read = parseRuleSelection(
    list,
    RULES.map((rule) => rule.id),
  );
  if (!read.ok) return usage(`--rules=${list}: ${read.message}; expected ${read.expected}`);
  return read.selection;
}

export function runValidate(args: readonly string[], io: Io): ExitCode {
  const { rest, lists, misplaced } = takeRuleSelection(args);
  const parsed = parseCommand(
    rest,
    {
      schemas: { type: "string" },
      release: { type: "string" },
      rules: { type: "boolean" },
      format: { type: "string" },
      audit: { type: "string" },
      jobs: { type: "string" },
    },
    "b2mml validate",
    VALIDATE_HELP,
    io,
  );
  if (!parsed.ok) return parsed.code;
  const { values, positionals: files, usage } = parsed;
  const format = values.format ?? "text";
  if (!(format in FORMATS)) return usage(`unknown format "${format}"; expected text, json or junit`);
  if (values.release !== undefined && !isB2mmlRelease(values.release))
    return usage(`unknown release "${values.release}"; expected one of ${B2MML_RELEASES.join(", ")}`);
  if (files.length === 0) return usage("no file to validate");
  const release = values.release as B2mmlRelease | undefined;
  const rules = resolveRules(values.rules, lists, misplaced, usage);
  if (typeof rules === "number") return rules;

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
    rules,
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
      continue;
    }
    const { file, result, bytes } = outcome;
    reports.push({
      file,
      outcome: result.outcome,
      issues: result.issues,
      ...(result.release ? { release: result.release } : {}),
    });
    if (values.audit === undefined || bytes === undefined) continue;
    try {
      // The record reads the release, the outcome and the schema set's folder and files only.
      appendValidationAudit(values.audit, file, bytes, result as DocumentValidationResult);
    } catch (error) {
      if (!(error instanceof LedgerError)) throw error;
      io.err(`b2mml validate: the audit ledger ${values.audit}: ${error.message}`);
      return ExitCode.INPUT_ERROR;
    }
  }
  io.out(FORMATS[format as keyof typeof FORMATS](reports));
  const count = (o: FileReport["outcome"]) => reports.filter((r) => r.outcome === o).length;
  io.err(
    `b2mml validate: ${reports.length} file(s): ${count("valid")} valid, ${count("invalid")} invalid, ${count("unusable")} unusable`,
  );
  if (count("unusable") > 0) return ExitCode.INPUT_ERROR;
  return count("invalid") > 0 ? ExitCode.FINDINGS : ExitCode.OK;
}
