/**
 * `b2mml init <idoc-file|-> [--out <file>] [--force]`: a starter configuration from an IDoc
 * (`buildStarterConfig`), placeholders where a value is not in the IDoc.
 *
 * @module
 */
import { writeFileSync } from "node:fs";
import { XmlParseError } from "../../binding/xml-tree.js";
import { IdocInputError } from "../../idoc/idoc-input-error.js";
import type { IdocPacket } from "../../idoc/model.js";
import { readIdoc } from "../../idoc/read-idoc.js";
import { CONFIG_PLACEHOLDER_PREFIX } from "../../mappers/config/config-comment.js";
import { buildStarterConfig } from "../../mappers/config/starter-config.js";
import { renderIssuePath } from "../../shared/issue.js";
import { ExitCode, exitCodeHelp } from "../exit-codes.js";
import type { Io } from "../io.js";
import { parseCommand } from "../parse-command.js";
import { inputLimit, readReportedInput } from "../read-input.js";

const INIT_EXIT_CODES: readonly ExitCode[] = [
  ExitCode.OK,
  ExitCode.USAGE,
  ExitCode.INPUT_ERROR,
  ExitCode.INTERNAL,
];

export const INIT_HELP = `Usage: b2mml init <idoc.xml|idoc.json|-> [--out <file> [--force]]

Writes a starter mapper configuration (JSON, the file every "b2mml map" command takes with --config)
from an IDoc: the plants (WERKS), sending systems (SNDPRN) and units it uses, each with a "$comment"
saying where it was found. Nothing is guessed: every plant's and system's time zone, and the Rec. 20
code of a unit outside the built-in table, is a placeholder starting with ${CONFIG_PLACEHOLDER_PREFIX}. The map commands
refuse the file (CONFIG_INVALID, exit 3) until each placeholder is replaced by the real value.

Options:
  --out <file>   write the configuration to this file instead of stdout; an existing file is
                 not overwritten
  --force        with --out: overwrite an existing file
  -h, --help     this text

The configuration goes to stdout (or --out); a summary and what is left to fill in go to stderr.
Exit 0: written; 2: usage; 3: the IDoc is unreadable, not well-formed or refused as unsafe, or the
output file exists (without --force) or cannot be written.

${exitCodeHelp(INIT_EXIT_CODES)}`;

export async function runInit(args: readonly string[], io: Io): Promise<ExitCode> {
  const parsed = parseCommand(
    args,
    { out: { type: "string" }, force: { type: "boolean" } },
    "b2mml init",
    INIT_HELP,
    io,
  );
  if (!parsed.ok) return parsed.code;
  const { values, positionals, usage } = parsed;
  const [file, ...extra] = positionals;
  if (file === undefined) return usage("no IDoc file given (- reads standard input)");
  if (extra.length > 0) return usage(`one IDoc file at a time; got also ${extra.join(", ")}`);
  if (values.force && values.out === undefined) return usage("--force is only used with --out <file>");
  if (values.out === "") return usage("--out needs a file name");

  const bytes = await readReportedInput(file, io);
  if (bytes === undefined) return ExitCode.INPUT_ERROR;
  let packet: IdocPacket;
  try {
    packet = readIdoc(bytes, { file, reader: { maxInputBytes: inputLimit() } });
  } catch (error) {
    if (!(error instanceof XmlParseError || error instanceof IdocInputError)) throw error;
    io.err(`${error.message} (${error.code})`);
    return ExitCode.INPUT_ERROR;
  }
  if (packet.idocs.length === 0) {
    io.err(`${file}: IDOC_NONE no IDoc in the input; nothing to configure`);
    return ExitCode.INPUT_ERROR;
  }
  // a value the reader refused (an SNDPRN longer than CHAR10) is not in the file: say why
  for (const issue of packet.issues.filter((i) => i.severity === "error"))
    io.err(
      `${file}: ${renderIssuePath(issue)}: ${issue.code} ${issue.message} (left out of the configuration)`,
    );
  const starter = buildStarterConfig(packet, { source: file === "-" ? "standard input" : file });

  if (values.out === undefined) io.out(starter.text);
  else {
    try {
      writeFileSync(values.out, starter.text, { flag: values.force ? "w" : "wx" });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      io.err(
        code === "EEXIST"
          ? `${values.out}: IO_OUTPUT_EXISTS the file exists; pass --force to overwrite it`
          : `${values.out}: IO_UNWRITABLE cannot write the configuration (${code ?? "unwritable"})`,
      );
      return ExitCode.INPUT_ERROR;
    }
  }
  const count = (n: number, what: string) => `${n} ${what}${n === 1 ? "" : "s"}`;
  io.err(
    `b2mml init: ${file}: ${count(starter.plants.length, "plant")}, ${count(starter.systems.length, "sending system")}, ${count(starter.units.length, "unit")}` +
      `${values.out === undefined ? "" : `; wrote ${values.out}`}; ${count(starter.placeholders, "placeholder")} to replace (values starting with ${CONFIG_PLACEHOLDER_PREFIX})`,
  );
  return ExitCode.OK;
}
