/**
 * The one table of exit codes of the `b2mml` command. Every command returns one of these; only
 * `main.ts` calls `process.exit`.
 *
 * @module
 */
export const ExitCode = {
  /** Done; for `--check`: up to date. */
  OK: 0,
  /** The input was read and found wanting: a stale generated folder, an invalid document. */
  FINDINGS: 1,
  /** The command line is wrong: unknown command or option, missing argument. */
  USAGE: 2,
  /** An input could not be used: a schema that does not load, a file that does not exist. */
  INPUT_ERROR: 3,
  /** A bug: an unexpected exception. */
  INTERNAL: 70,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** The table as the help text shows it. */
export const EXIT_CODE_HELP = [
  "Exit codes:",
  "  0   done (for --check: generated code is up to date)",
  "  1   findings: generated code is stale",
  "  2   usage error",
  "  3   input error: a schema could not be loaded or has errors",
  "  70  internal error (a bug: please report it)",
].join("\n");
