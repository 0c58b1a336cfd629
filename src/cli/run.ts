/**
 * Dispatches `b2mml <command> …` to a command; returns the exit code (never exits itself).
 *
 * @module
 */
import { CODEGEN_HELP, runCodegen } from "./commands/codegen.js";
import { runValidate, VALIDATE_HELP } from "./commands/validate.js";
import { EXIT_CODE_HELP, ExitCode } from "./exit-codes.js";
import type { Io } from "./io.js";

export const MAIN_HELP = `Usage: b2mml <command> [options]

Commands:
  codegen   generate TypeScript types and binding metadata from XSD
  validate  validate B2MML documents (XSD and business rules)

Run "b2mml <command> --help" for a command's options.

${EXIT_CODE_HELP}`;

const COMMANDS: Readonly<
  Record<string, { run: (args: readonly string[], io: Io) => ExitCode; help: string }>
> = {
  codegen: { run: runCodegen, help: CODEGEN_HELP },
  validate: { run: runValidate, help: VALIDATE_HELP },
};

export function runCli(argv: readonly string[], io: Io): ExitCode {
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
  try {
    return entry.run(rest, io);
  } catch (error) {
    io.err(`b2mml ${command}: internal error: ${(error as Error).stack ?? String(error)}`);
    return ExitCode.INTERNAL;
  }
}
