/**
 * Dispatches `b2mml <command> …` to a command; resolves to the exit code (never exits itself).
 *
 * @module
 */
import { readFileSync } from "node:fs";
import { AUDIT_HELP, runAudit } from "./commands/audit.js";
import { C14N_HELP, runC14n } from "./commands/c14n.js";
import { CODEGEN_HELP, runCodegen } from "./commands/codegen.js";
import { HASH_HELP, runHash } from "./commands/hash.js";
import { INIT_HELP, runInit } from "./commands/init.js";
import { MAP_HELP, runMap } from "./commands/map.js";
import { runValidate, VALIDATE_HELP } from "./commands/validate.js";
import { EXIT_CODE_HELP, ExitCode } from "./exit-codes.js";
import type { Io } from "./io.js";
import { reportUsage } from "./parse-command.js";
import { resolveInputLimit } from "./read-input.js";

export const MAIN_HELP = `Usage: b2mml <command> [options]
       b2mml --version

Commands:
  init      write a starter mapper configuration from an IDoc (plants, systems, units)
  codegen   generate TypeScript types and binding metadata from XSD
  map       map SAP IDocs to validated B2MML and B2MML to SAP postings (production-schedule,
            production-performance, erp-postings: see b2mml map --help)
  validate  validate B2MML documents (XSD and business rules)
  c14n      write the canonical form of an XML document (C14N 1.0, 1.1, exclusive)
  hash      digest the canonical form of documents (sha256sum layout, or JSON records)
  audit     verify an audit ledger (audit verify <ledger.jsonl>)

Run "b2mml <command> --help" for a command's options. Inputs are read up to 64 MiB each
(B2MML_MAX_INPUT_BYTES=<bytes> sets the limit); - reads standard input.

${EXIT_CODE_HELP}`;

const COMMANDS: Readonly<
  Record<string, { run: (args: readonly string[], io: Io) => ExitCode | Promise<ExitCode>; help: string }>
> = {
  init: { run: runInit, help: INIT_HELP },
  codegen: { run: runCodegen, help: CODEGEN_HELP },
  map: { run: runMap, help: MAP_HELP },
  validate: { run: runValidate, help: VALIDATE_HELP },
  c14n: { run: runC14n, help: C14N_HELP },
  hash: { run: runHash, help: HASH_HELP },
  audit: { run: runAudit, help: AUDIT_HELP },
};

/** The package's version, from its package.json (two folders up from `src/cli` and `dist/cli` alike). */
function readPackageVersion(): string {
  const text = readFileSync(new URL("../../package.json", import.meta.url), "utf8");
  return (JSON.parse(text) as { version: string }).version;
}

/** Runs a command line; resolves to the exit code (it never rejects: an unexpected error is exit 70). */
export async function runCli(argv: readonly string[], io: Io): Promise<ExitCode> {
  const [command, ...rest] = argv;
  if (command === undefined || command === "--help" || command === "-h" || command === "help") {
    io.out(MAIN_HELP);
    return command === undefined ? ExitCode.USAGE : ExitCode.OK;
  }
  if (command === "--version" || command === "-V") {
    io.out(`b2mml ${readPackageVersion()}`);
    return ExitCode.OK;
  }
  const entry = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (!entry) return reportUsage("b2mml", `unknown command "${command}"`, "b2mml", io);
  const limit = resolveInputLimit();
  if (!limit.ok) {
    io.err(`b2mml: ${limit.message}`);
    return ExitCode.USAGE;
  }
  try {
    return await entry.run(rest, io);
  } catch (error) {
    io.err(`b2mml ${command}: internal error: ${(error as Error).stack ?? String(error)}`);
    return ExitCode.INTERNAL;
  }
}
