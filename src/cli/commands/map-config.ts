/**
 * Reading a map command's `--config` file: unreadable → exit 3 with the reason, invalid → every problem
 * with its key path, then exit 3.
 *
 * @module
 */
import path from "node:path";
import type { IdocSchema } from "../../idoc/idoc-schema.js";
import { IdocSchemaError, loadIdocSchema } from "../../idoc/load-idoc-schema.js";
import type { ConfigIssue } from "../../mappers/config/mapper-config.js";
import { renderIssuePath } from "../../shared/issue.js";
import { ExitCode } from "../exit-codes.js";
import type { Io } from "../io.js";
import { readReportedInput } from "../read-input.js";

/** What a map command can exit with (one document or one set of postings: no batch). */
export const MAP_EXIT_CODES: readonly ExitCode[] = [
  ExitCode.OK,
  ExitCode.FINDINGS,
  ExitCode.USAGE,
  ExitCode.INPUT_ERROR,
  ExitCode.INTERNAL,
];

export type ConfigRead<C> = { ok: true; config: C; text: string } | { ok: false; code: ExitCode };

/** Reads and checks a configuration file with the mapping's parser; reports every problem on stderr. */
export async function readMapConfig<C>(
  file: string,
  parse: (text: string) => { ok: true; config: C } | { ok: false; errors: readonly ConfigIssue[] },
  io: Io,
): Promise<ConfigRead<C>> {
  const bytes = await readReportedInput(file, io, { what: "configuration" });
  if (bytes === undefined) return { ok: false, code: ExitCode.INPUT_ERROR };
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8");
  const parsed = parse(text);
  if (!parsed.ok) {
    for (const e of parsed.errors)
      io.err(
        `${file}:${e.path.length === 0 ? "" : ` ${renderIssuePath(e)}:`} ${e.code} ${e.message}${e.received === undefined ? "" : ` (received ${e.received})`}`,
      );
    return { ok: false, code: ExitCode.INPUT_ERROR };
  }
  return { ok: true, config: parsed.config, text };
}

/**
 * The IDoc schema extended by the configuration's `idocSchemas` folder (relative to the configuration
 * file); none when the configuration names no folder. A folder that cannot be read is exit 3.
 */
export function readIdocSchemas(
  configFile: string,
  folder: string | undefined,
  io: Io,
): { ok: true; schema?: IdocSchema } | { ok: false; code: ExitCode } {
  if (folder === undefined) return { ok: true };
  try {
    return { ok: true, schema: loadIdocSchema(path.resolve(path.dirname(configFile), folder)) };
  } catch (error) {
    if (!(error instanceof IdocSchemaError)) throw error;
    io.err(`${configFile}: idocSchemas: ${error.code} ${error.message}`);
    return { ok: false, code: ExitCode.INPUT_ERROR };
  }
}
