/**
 * Dispatches `b2mml <command> …` to a command; resolves to the exit code (never exits itself).
 *
 * @module
 */
import { AUDIT_HELP, runAudit } from "./commands/audit.js";
import { C14N_HELP, runC14n } from "./commands/c14n.js";
import { CODEGEN_HELP, runCodegen } from "./commands/codegen.js";
import { HASH_HELP, runHash } from "./commands/hash.js";
import { MAP_HELP, runMap } from "./commands/map.js";
import { runValidate, VALIDATE_HELP } from "./commands/validate.js";
import { EXIT_CODE_HELP, ExitCode } from "./exit-codes.js";
import type { Io } from "./io.js";
import { resolveInputLimit } from "./read-input.js";

export const MAIN_HELP = `Usage: b2mml <command> [options]

Commands:
  codegen   generate TypeScript types and binding metadata from XSD
  map       map SAP IDocs to validated B2MML (map production-schedule: LOIPRO → ProductionSchedule)
  validate  validate B2MML documents (XSD and business rules)
  c14n      write the canonical form of an XML document (C14N 1.0, 1.1, exclusive)
  hash      digest the canonical form of documents (sha256sum layout, or JSON records)
  audit     verify an audit ledger (audit verify <ledger.jsonl>)

Run "b2mml <command> --help" for a command's options.

${EXIT_CODE_HELP}`;

const COMMANDS: Readonly<
  Record<string, { run: (args: readonly string[], io: Io) => ExitCode | Promise<ExitCode>; help: string }>
> = {
  codegen: { run: runCodegen, help: CODEGEN_HELP },
  map: { run: runMap, help: MAP_HELP },
  validate: { run: runValidate, help: VALIDATE_HELP },
  c14n: { run: runC14n, help: C14N_HELP },
  hash: { run: runHash, help: HASH_HELP },
  audit: { run: runAudit, help: AUDIT_HELP },
};

/** Runs a command line; resolves to the exit code (it never rejects: an unexpected error is exit 70). */
export async function runCli(argv: readonly string[], io: Io): Promise<ExitCode> {
  const [command, ...rest] = argv;
  if (command === undefined || command === "--help" || command === "-h" || command === "help") {
    io.out(MAIN_HELP);
    return command === undefined ? ExitCode.USAGE : ExitCode.OK;
  }
  const entry = COMMANDS[command];
  if (!entry) {
    io.err(`b2mml: unknown command "${command}"\n\n${MAIN_HELP}`);
    return ExitCode.USAGE;
  }
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
