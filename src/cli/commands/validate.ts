/**
 * `b2mml validate [--schemas <dir>] [--release <release>] [--rules] [--format text|json|junit] [--audit <ledger.jsonl>] <file>...`
 *
 * @module
 */
import { readFileSync } from "node:fs";
import { B2MML_RELEASES, type B2mmlRelease, isB2mmlRelease } from "../../validation/release.js";
import { SchemaSetError } from "../../validation/schema-set-error.js";
import { validateDocument } from "../../validation/validate-document.js";
import { EXIT_CODE_HELP, ExitCode } from "../exit-codes.js";
import type { Io } from "../io.js";
import { parseCommand } from "../parse-command.js";
import { renderJson } from "../render/render-json.js";
import { renderJunit } from "../render/render-junit.js";
import { renderText } from "../render/render-text.js";
import type { FileReport } from "../render/report.js";
import { appendValidationAudit, LedgerError } from "./audit.js";

export const VALIDATE_HELP = `Usage: b2mml validate [--schemas <dir>] [--release <release>] [--rules] [--format text|json|junit] [--audit <ledger.jsonl>] <file>...

Validates B2MML documents against XML Schema (libxml2) and, with --rules, the business rules.

Options:
  --schemas <dir>     an official B2MML schema set (a release folder); default: the built-in V0600
                      production profile for V0600 documents
  --release <name>    ${B2MML_RELEASES.join(", ")}; default: detected from the root element's namespace
  --rules             also check the business rules (see docs/rules.md)
  --format <format>   text (default: file:line:column code message), json, or junit
  --audit <ledger>    append each file's audit record (input digest, schema set, outcome) to this
                      ledger (see b2mml audit verify)
  -h, --help          this text

The report goes to stdout, a summary to stderr.

${EXIT_CODE_HELP}`;

const FORMATS = { text: renderText, json: renderJson, junit: renderJunit } as const;

function unreadable(file: string, error: unknown): FileReport {
  const message = (error as NodeJS.ErrnoException).code ?? "unreadable";
  return {
    file,
    outcome: "unusable",
    issues: [
      {
        code: "IO_UNREADABLE",
        severity: "error",
        source: "xml",
        message: `cannot read the file (${message})`,
        line: 0,
        column: 0,
        path: "",
      },
    ],
  };
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

  const reports: FileReport[] = [];
  for (const file of files) {
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(file);
    } catch (error) {
      reports.push(unreadable(file, error));
      continue;
    }
    try {
      const result = validateDocument(bytes, {
        file,
        rules: values.rules === true,
        ...(release ? { release } : {}),
        ...(values.schemas !== undefined
          ? { schemas: { dir: values.schemas, ...(release ? { release } : {}) } }
          : {}),
      });
      reports.push({
        file,
        outcome: result.outcome,
        issues: result.issues,
        ...(result.release ? { release: result.release } : {}),
      });
      if (values.audit !== undefined) appendValidationAudit(values.audit, file, bytes, result);
    } catch (error) {
      if (error instanceof LedgerError) {
        io.err(`b2mml validate: the audit ledger ${values.audit}: ${error.message}`);
        return ExitCode.INPUT_ERROR;
      }
      if (!(error instanceof SchemaSetError)) throw error;
      io.err(`b2mml validate: the schema set cannot be loaded: ${error.message}`);
      return ExitCode.SCHEMA_ERROR;
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
