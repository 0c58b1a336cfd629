/**
 * Every input the CLI reads (documents, IDocs, `--config`, `--order-context`, checkpoints) comes through
 * here: a named file through {@link readBoundedFile} (the size limit applied while reading, a FIFO
 * refused without waiting, `/dev/zero` cut off one byte past the limit), `-` from standard input under
 * the same limit. A refusal is data: a code, the path, what was expected and what was found.
 *
 * The limit is the reader's default `maxInputBytes` (64 MiB); `B2MML_MAX_INPUT_BYTES` raises or lowers
 * it, for the read and for the hardened reader alike.
 *
 * @module
 */
import { DEFAULT_READER_LIMITS } from "../binding/xml-model.js";
import { readBoundedFile } from "../shared/read-bounded-file.js";

/** The environment variable that sets the input limit in bytes. */
export const MAX_INPUT_BYTES_ENV = "B2MML_MAX_INPUT_BYTES";

/** The path that names standard input. */
export const STDIN_PATH = "-";

/** Why an input was not read. */
export type InputErrorCode =
  /** Missing, or the system refused the read (the errno is in the message). */
  | "IO_UNREADABLE"
  /** A directory, FIFO or socket: not a regular file or device (use `-` for a pipe). */
  | "IO_NOT_A_FILE"
  /** More bytes than the limit; found while reading. */
  | "IO_INPUT_TOO_LARGE"
  /** A directory without .xml files, or a pattern that matches no file (validate). */
  | "IO_NO_MATCH";

export interface InputError {
  readonly ok: false;
  readonly code: InputErrorCode;
  readonly path: string;
  /** Without the path: `cannot read the file (ENOENT)`. */
  readonly message: string;
  readonly expected?: string;
  readonly received?: string;
}

export type InputRead = { readonly ok: true; readonly bytes: Uint8Array } | InputError;

/** The input limit from the environment, or why the variable's value is refused. */
export function resolveInputLimit(
  env: NodeJS.ProcessEnv = process.env,
): { readonly ok: true; readonly maxBytes: number } | { readonly ok: false; readonly message: string } {
  const value = env[MAX_INPUT_BYTES_ENV];
  if (value === undefined || value === "") return { ok: true, maxBytes: DEFAULT_READER_LIMITS.maxInputBytes };
  const maxBytes = Number(value);
  if (!/^[1-9][0-9]*$/.test(value) || !Number.isSafeInteger(maxBytes))
    return { ok: false, message: `${MAX_INPUT_BYTES_ENV}="${value}": expected a positive number of bytes` };
  return { ok: true, maxBytes };
}

/** Reads a named file (devices allowed, bounded like files); never throws for a file-system condition. */
export function readInputFile(path: string, maxBytes: number, what = "file"): InputRead {
  const read = readBoundedFile(path, { maxBytes, allowDevices: true });
  if (read.ok) return read;
  const where = { path, ...(read.expected ? { expected: read.expected } : {}) };
  switch (read.code) {
    case "INPUT_TOO_LARGE":
      return {
        ok: false,
        code: "IO_INPUT_TOO_LARGE",
        ...where,
        message: `the input is larger than ${maxBytes} bytes (raise ${MAX_INPUT_BYTES_ENV})`,
        received: read.received ?? `more than ${maxBytes} bytes`,
      };
    case "NOT_A_FILE":
      return {
        ok: false,
        code: "IO_NOT_A_FILE",
        ...where,
        message: `not a regular file: ${read.received ?? "unknown kind"} (use - for standard input)`,
        ...(read.received ? { received: read.received } : {}),
      };
    default:
      return {
        ok: false,
        code: "IO_UNREADABLE",
        path,
        message: `cannot read the ${what} (${read.errno ?? "unreadable"})`,
        ...(read.errno ? { received: read.errno } : {}),
      };
  }
}

/** Reads a readable stream to its end, refusing it once it passes `maxBytes`. */
export async function readInputStream(
  stream: NodeJS.ReadableStream,
  maxBytes: number,
  path = STDIN_PATH,
): Promise<InputRead> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const bytes = typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Uint8Array);
    total += bytes.length;
    if (total > maxBytes) {
      // Stop reading: the rest is never buffered.
      (stream as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
      return {
        ok: false,
        code: "IO_INPUT_TOO_LARGE",
        path,
        message: `the input is larger than ${maxBytes} bytes (raise ${MAX_INPUT_BYTES_ENV})`,
        expected: `at most ${maxBytes} bytes`,
        received: `more than ${maxBytes} bytes`,
      };
    }
    chunks.push(bytes);
  }
  return { ok: true, bytes: Buffer.concat(chunks, total) };
}

/** Reads `path`, or standard input for `-`. */
export async function readInput(path: string, maxBytes: number, what = "file"): Promise<InputRead> {
  return path === STDIN_PATH ? readInputStream(process.stdin, maxBytes) : readInputFile(path, maxBytes, what);
}

/** One line for stderr: `<path>: <code> <message>`. */
export function formatInputError(error: InputError): string {
  return `${error.path}: ${error.code} ${error.message}`;
}

/** The input limit in force (the default when the variable is malformed: `runCli` refuses that first). */
export function inputLimit(): number {
  const limit = resolveInputLimit();
  return limit.ok ? limit.maxBytes : DEFAULT_READER_LIMITS.maxInputBytes;
}

/**
 * Reads an input under the limit in force; a refusal is reported on stderr as
 * `<prefix><path>: <code> <message>` and gives `undefined` (the command then exits 3).
 */
export async function readReportedInput(
  path: string,
  io: { err(text: string): void },
  options: { what?: string; prefix?: string } = {},
): Promise<Uint8Array | undefined> {
  const read = await readInput(path, inputLimit(), options.what);
  if (read.ok) return read.bytes;
  io.err(`${options.prefix ?? ""}${formatInputError(read)}`);
  return undefined;
}
