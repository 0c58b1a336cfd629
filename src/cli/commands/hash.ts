/**
 * `b2mml hash [--algorithm sha256|sha384|sha512] [--method <method>] [--format text|json] <file>...`
 *
 * @module
 */
import { C14N_METHODS } from "../../audit/c14n-method.js";
import {
  type Canonicalization,
  DIGEST_ALGORITHMS,
  type DigestAlgorithm,
  digest,
} from "../../audit/digest.js";
import { XmlParseError } from "../../binding/xml-tree.js";
import { ExitCode, exitCodeHelp, worseExitCode } from "../exit-codes.js";
import type { Io } from "../io.js";
import { parseCommand } from "../parse-command.js";
import { inputLimit } from "../read-input.js";
import { readInput, reportRefused } from "./c14n.js";

const METHODS = [...C14N_METHODS.map((m) => m.name), "jcs", "none"];

/** The exit codes `b2mml hash` can return. */
export const HASH_EXIT_CODES: readonly ExitCode[] = [
  ExitCode.OK,
  ExitCode.USAGE,
  ExitCode.INPUT_ERROR,
  ExitCode.INTERNAL,
];

export const HASH_HELP = `Usage: b2mml hash [--algorithm sha256|sha384|sha512] [--method <method>] [--format text|json] <file>...

Prints the digest of each file's canonical form: "<hex digest>  <file>" per line (the sha256sum layout),
or with --format json the self-describing digest records (algorithm and canonicalization URIs, hex,
base64).

Options:
  --algorithm <name>  sha256 (default), sha384, sha512
  --method <method>   ${C14N_METHODS.map((m) => m.name).join(", ")} (default c14n);
                      jcs (RFC 8785, for JSON files); none (the file's bytes as they are)
  --format <format>   text (default) or json
  -h, --help          this text

${exitCodeHelp(HASH_EXIT_CODES, { batch: true })}`;

export async function runHash(args: readonly string[], io: Io): Promise<ExitCode> {
  const parsed = parseCommand(
    args,
    { algorithm: { type: "string" }, method: { type: "string" }, format: { type: "string" } },
    "b2mml hash",
    HASH_HELP,
    io,
  );
  if (!parsed.ok) return parsed.code;
  const { values, positionals: files, usage } = parsed;
  const algorithm = values.algorithm ?? "sha256";
  if (!(algorithm in DIGEST_ALGORITHMS))
    return usage(`unknown algorithm "${algorithm}"; expected ${Object.keys(DIGEST_ALGORITHMS).join(", ")}`);
  const method = values.method ?? "c14n";
  if (!METHODS.includes(method)) return usage(`unknown method "${method}"; expected ${METHODS.join(", ")}`);
  const format = values.format ?? "text";
  if (format !== "text" && format !== "json")
    return usage(`unknown format "${format}"; expected text or json`);
  if (files.length === 0) return usage("no file to hash");

  let code: ExitCode = ExitCode.OK;
  const records: object[] = [];
  const lines: string[] = [];
  for (const file of files) {
    const bytes = await readInput("hash", file, io);
    if (!bytes) {
      code = worseExitCode(code, ExitCode.INPUT_ERROR);
      continue;
    }
    try {
      const record = digest(bytes, {
        algorithm: algorithm as DigestAlgorithm,
        canonicalization: method as Canonicalization,
        reader: { file, maxInputBytes: inputLimit() },
      });
      lines.push(`${record.hex}  ${file}`);
      records.push({ file, ...record });
    } catch (error) {
      if (error instanceof SyntaxError || error instanceof TypeError) {
        io.err(`b2mml hash: ${file}: not a JSON text (${error.message})`);
        code = worseExitCode(code, ExitCode.INPUT_ERROR);
        continue;
      }
      if (error instanceof XmlParseError) {
        code = worseExitCode(code, reportRefused("hash", error, io));
        continue;
      }
      // Anything else is unexpected (a bug): reported for this file, the batch goes on; exit 70 at the end.
      io.err(`b2mml hash: ${file}: internal error: ${(error as Error).message ?? String(error)}`);
      code = worseExitCode(code, ExitCode.INTERNAL);
    }
  }
  if (format === "json") io.out(`${JSON.stringify(records, null, 2)}\n`);
  else if (lines.length > 0) io.out(`${lines.join("\n")}\n`);
  return code;
}
