/**
 * `b2mml codegen --xsd <file-or-dir>… --out <dir> [--check] [--runtime-import <specifier>]`
 *
 * @module
 */
import { CodegenError, formatDiagnostic } from "../../codegen/diagnostics.js";
import { generate } from "../../codegen/generate.js";
import { checkOutput, isStale, writeOutput } from "../../codegen/write-output.js";
import { ExitCode, exitCodeHelp } from "../exit-codes.js";
import type { Io } from "../io.js";
import { parseCommand } from "../parse-command.js";

/** The exit codes `b2mml codegen` can return. */
export const CODEGEN_EXIT_CODES: readonly ExitCode[] = [
  ExitCode.OK,
  ExitCode.FINDINGS,
  ExitCode.USAGE,
  ExitCode.SCHEMA_ERROR,
  ExitCode.INTERNAL,
];

export const CODEGEN_HELP = `Usage: b2mml codegen --xsd <file-or-dir> [--xsd …] --out <dir> [--check] [--runtime-import <module>]

Generates TypeScript types and binding metadata from XML Schema files.

Options:
  --xsd <path>              a schema file, or a folder (every .xsd in it); may be repeated
  --out <dir>               the folder for the generated modules (one per namespace, and index.ts)
  --check                   write nothing; fail (exit 1) when the folder is not what generation gives
  --runtime-import <module> where generated code imports the runtime contract types
                            (default: b2mml/binding)
  -h, --help                this text

${exitCodeHelp(CODEGEN_EXIT_CODES)}`;

export function runCodegen(args: readonly string[], io: Io): ExitCode {
  const parsed = parseCommand(
    args,
    {
      xsd: { type: "string", multiple: true },
      out: { type: "string" },
      check: { type: "boolean" },
      "runtime-import": { type: "string" },
    },
    "b2mml codegen",
    CODEGEN_HELP,
    io,
  );
  if (!parsed.ok) return parsed.code;
  const { values, positionals, usage } = parsed;
  if (positionals.length > 0) return usage(`unexpected argument "${positionals[0]}"`);
  if (!values.xsd || values.xsd.length === 0 || !values.out) return usage("--xsd and --out are required");
  let files: ReadonlyMap<string, string>;
  try {
    const runtimeImport = values["runtime-import"];
    files = generate(values.xsd, runtimeImport !== undefined ? { runtimeImport } : {}).files;
  } catch (error) {
    if (!(error instanceof CodegenError)) throw error;
    for (const d of error.diagnostics) io.err(formatDiagnostic(d));
    io.err(`b2mml codegen: ${error.diagnostics.length} problem(s) in the schema set; nothing was written`);
    return ExitCode.SCHEMA_ERROR;
  }
  if (values.check) {
    const report = checkOutput(files, values.out);
    if (!isStale(report)) {
      io.out(`b2mml codegen: ${values.out} is up to date (${files.size} files)`);
      return ExitCode.OK;
    }
    for (const f of report.changed) io.err(`stale: ${f} differs from what the schemas generate`);
    for (const f of report.missing) io.err(`stale: ${f} is missing`);
    for (const f of report.extra) io.err(`stale: ${f} is not generated any more`);
    io.err(`b2mml codegen: ${values.out} is stale; run b2mml codegen without --check to regenerate`);
    return ExitCode.FINDINGS;
  }
  writeOutput(files, values.out);
  io.out(`b2mml codegen: wrote ${files.size} files to ${values.out}`);
  return ExitCode.OK;
}
