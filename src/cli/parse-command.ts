/**
 * The command-line shape every command shares: strict options, `-h/--help` printing the command's help
 * to stdout (exit 0), and usage errors as one line on stderr with a pointer to `--help` (exit 2).
 *
 * @module
 */
import { type ParseArgsConfig, parseArgs } from "node:util";
import { ExitCode } from "./exit-codes.js";
import type { Io } from "./io.js";

type Options = NonNullable<ParseArgsConfig["options"]>;

/** The values of the given options, as `parseArgs` gives them. */
export type OptionValues<O extends Options> = {
  [K in keyof O]?: O[K] extends { type: "boolean" }
    ? O[K] extends { multiple: true }
      ? boolean[]
      : boolean
    : O[K] extends { multiple: true }
      ? string[]
      : string;
};

export type ParsedCommand<O extends Options> =
  | {
      readonly ok: true;
      readonly values: OptionValues<O>;
      readonly positionals: string[];
      /** Prints a usage error (one line and the pointer to --help) to stderr; returns the usage exit code. */
      readonly usage: (message: string) => ExitCode;
    }
  | { readonly ok: false; readonly code: ExitCode };

/**
 * Parses a command's arguments. `help` is printed for `-h`/`--help` (the caller returns `code`, 0); a
 * usage error (`code` 2) is one line, `<name>: <message>`, and `Run "<command> --help" for the usage.`
 * (`command`: the words to type, `name` by default).
 */
export function parseCommand<O extends Options>(
  args: readonly string[],
  options: O,
  name: string,
  help: string,
  io: Io,
  command: string = name,
): ParsedCommand<O> {
  const usage = (message: string): ExitCode => reportUsage(name, message, command, io);
  let parsed: { values: Record<string, unknown>; positionals: string[] };
  try {
    parsed = parseArgs({
      args: [...args],
      options: { ...options, help: { type: "boolean", short: "h" } },
      strict: true,
      allowPositionals: true,
    }) as { values: Record<string, unknown>; positionals: string[] };
  } catch (error) {
    return { ok: false, code: usage((error as Error).message) };
  }
  if (parsed.values.help === true) {
    io.out(help);
    return { ok: false, code: ExitCode.OK };
  }
  return { ok: true, values: parsed.values as OptionValues<O>, positionals: parsed.positionals, usage };
}

/** Prints a usage error, one line and the pointer to the command's help; returns the usage exit code. */
export function reportUsage(name: string, message: string, command: string, io: Io): ExitCode {
  io.err(`${name}: ${message}\nRun "${command} --help" for the usage.`);
  return ExitCode.USAGE;
}
