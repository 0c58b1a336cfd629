/**
 * `b2mml c14n [--method <method>] [--inclusive-prefixes "<p> <q>"] <file>`
 *
 * @module
 */
import { C14N_METHODS, findC14nMethod } from "../../audit/c14n-method.js";
import { canonicalizeXml } from "../../audit/canonicalize-xml.js";
import { XmlParseError } from "../../binding/xml-tree.js";
import { ExitCode, exitCodeHelp } from "../exit-codes.js";
import type { Io } from "../io.js";
import { parseCommand } from "../parse-command.js";
import { inputLimit, readReportedInput } from "../read-input.js";

const METHOD_NAMES = C14N_METHODS.map((m) => m.name).join("|");

/** The exit codes `b2mml c14n` can return. */
export const C14N_EXIT_CODES: readonly ExitCode[] = [
  ExitCode.OK,
  ExitCode.USAGE,
  ExitCode.INPUT_ERROR,
  ExitCode.INTERNAL,
];

export const C14N_HELP = `Usage: b2mml c14n [--method ${METHOD_NAMES}] [--inclusive-prefixes "<p> <q>"] <file>

Writes the canonical form of an XML document to stdout, byte for byte (no newline added). The document
is read by the hardened reader first (a DOCTYPE is refused), then canonicalized by libxml2.

Options:
  --method <method>             c14n (Canonical XML 1.0, default), c14n11 (1.1), exc-c14n (exclusive 1.0),
                                each optionally with #WithComments; or the W3C algorithm URI
  --inclusive-prefixes "<list>" exclusive methods only: the InclusiveNamespaces PrefixList, separated by
                                spaces (#default for the default namespace)
  -h, --help                    this text

${exitCodeHelp(C14N_EXIT_CODES)}`;

/** Reads a file (or `-`, standard input) under the input limit; reports and returns `undefined` when refused. */
export function readInput(command: string, file: string, io: Io): Promise<Uint8Array | undefined> {
  return readReportedInput(file, io, { prefix: `b2mml ${command}: ` });
}

/** Reports a document the hardened reader refuses; rethrows anything else. */
export function reportRefused(command: string, error: unknown, io: Io): ExitCode {
  if (!(error instanceof XmlParseError)) throw error;
  io.err(`b2mml ${command}: ${error.message} (${error.code})`);
  return ExitCode.INPUT_ERROR;
}

export async function runC14n(args: readonly string[], io: Io): Promise<ExitCode> {
  const parsed = parseCommand(
    args,
    { method: { type: "string" }, "inclusive-prefixes": { type: "string" } },
    "b2mml c14n",
    C14N_HELP,
    io,
  );
  if (!parsed.ok) return parsed.code;
  const { values, positionals: files, usage } = parsed;
  const method = findC14nMethod(values.method ?? "c14n");
  if (!method) return usage(`unknown method "${values.method}"; expected ${METHOD_NAMES}`);
  const prefixes = (values["inclusive-prefixes"] ?? "").split(/\s+/).filter(Boolean);
  if (prefixes.length > 0 && !method.exclusive)
    return usage("--inclusive-prefixes applies to the exclusive methods (exc-c14n) only");
  const [file, ...extra] = files;
  if (file === undefined) return usage("no file to canonicalize");
  if (extra.length > 0) return usage("one file at a time");
  const bytes = await readInput("c14n", file, io);
  if (!bytes) return ExitCode.INPUT_ERROR;
  let canonical: Buffer;
  try {
    canonical = canonicalizeXml(bytes, {
      method: method.uri,
      inclusivePrefixes: prefixes,
      reader: { file, maxInputBytes: inputLimit() },
    });
  } catch (error) {
    return reportRefused("c14n", error, io);
  }
  if (io.write) io.write(canonical);
  else io.out(canonical.toString("utf8"));
  return ExitCode.OK;
}
