/**
 * The one table of exit codes of the `b2mml` command. Every command returns one of these; only
 * `main.ts` calls `process.exit`.
 *
 * @module
 */
export const ExitCode = {
  /** Done; for `--check`: up to date. */
  OK: 0,
  /** The input was read and found wanting: an invalid document (XSD or rule), a stale generated folder. */
  FINDINGS: 1,
  /** The command line is wrong: unknown command or option, missing argument. */
  USAGE: 2,
  /** A document could not be used: unreadable, not well-formed, or refused as unsafe. */
  INPUT_ERROR: 3,
  /** A schema set could not be loaded (missing files, schema errors, unresolved references). */
  SCHEMA_ERROR: 4,
  /** A bug: an unexpected exception. */
  INTERNAL: 70,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** How bad an outcome is, for a batch: internal error, then schema error, input error, findings. */
const SEVERITY: Readonly<Record<ExitCode, number>> = { 0: 0, 1: 1, 2: 2, 3: 3, 4: 4, 70: 5 };

/** Each code's line in the help texts. */
const EXIT_CODE_LINES: Readonly<Record<ExitCode, string>> = {
  0: "  0   done (for --check: generated code is up to date)",
  1: "  1   findings: a document is invalid (XSD or rule), or generated code is stale",
  2: "  2   usage error",
  3: "  3   input error: a document is unreadable, not well-formed or refused as unsafe",
  4: "  4   schema error: the schema set cannot be loaded",
  70: "  70  internal error (a bug: please report it)",
};

/**
 * The part of the table a command can return, as its help shows it; `batch`: the command takes several
 * files, and the most severe outcome applies.
 */
export function exitCodeHelp(codes: readonly ExitCode[], options: { batch?: boolean } = {}): string {
  const shown = (Object.keys(EXIT_CODE_LINES).map(Number) as ExitCode[]).filter((c) => codes.includes(c));
  const severity = shown
    .filter((c) => c !== ExitCode.OK && c !== ExitCode.USAGE)
    .sort((a, b) => SEVERITY[b] - SEVERITY[a]);
  return [
    "Exit codes:",
    ...shown.map((c) => EXIT_CODE_LINES[c]),
    ...(options.batch && severity.length > 1
      ? [`With several files, the most severe applies: ${severity.join(", then ")}.`]
      : []),
  ].join("\n");
}

/** The whole table as the main help shows it. */
export const EXIT_CODE_HELP = exitCodeHelp(Object.values(ExitCode), { batch: true });

/** The more severe of two exit codes (a batch exits with its worst file's code). */
export function worseExitCode(a: ExitCode, b: ExitCode): ExitCode {
  return SEVERITY[b] > SEVERITY[a] ? b : a;
}
