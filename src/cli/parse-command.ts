/**
 * The command-line shape every command shares: strict options, `-h/--help` printing the command's help
 * to stdout (exit 0), and usage errors printed with the help to stderr (exit 2).
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
      /** Prints a usage error with the help to stderr; returns the usage exit code. */
      readonly usage: (message: string) => ExitCode;
    }
  | { readonly ok: false; readonly code: ExitCode };

/**
 * Parses a command's arguments. `help` is printed for `-h`/`--help` (the caller returns `code`, 0) and
 * after every usage error (`code` 2).
 */
export function parseCommand<O extends Options>(
  args: readonly string[],
  options: O,
  name: string,
  help: string,
  io: Io,
): ParsedCommand<O> {
  const usage = (message: string): ExitCode => {
    io.err(`${name}: ${message}\n\n${help}`);
    return ExitCode.USAGE;
  };
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
