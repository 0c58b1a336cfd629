/**
 * Reads a file with a size limit that is enforced while reading, not from `stat`.
 *
 * A leaf module (it imports only `node:fs`), shared by every area that reads a user-named file: the
 * schema-set loader and the CLI inputs. The limit holds for files whose size `stat` does not tell
 * (`/dev/zero`, `/proc` files, a file that grows while it is read): at most `maxBytes + 1` bytes are
 * ever read, in chunks, from one file descriptor.
 *
 * The file is opened with `O_NONBLOCK`, so opening a FIFO with no writer returns at once instead of
 * waiting for one, and the kind of the opened descriptor is checked with `fstat` before the first read
 * (no race between a check on the path and the open).
 *
 * @module
 */
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from "node:fs";

/** Why a file was not read. */
export type ReadBoundedFileErrorCode =
  /** The file holds more than `maxBytes` bytes (found while reading, or from `fstat` for a regular file). */
  | "INPUT_TOO_LARGE"
  /** The path names a directory, FIFO, socket or (unless `allowDevices`) a device, not a regular file. */
  | "NOT_A_FILE"
  /** Nothing exists at the path (`ENOENT`, or `ENOTDIR` for a path through a file). */
  | "FILE_NOT_FOUND"
  /** The file exists but could not be opened or read (`EACCES`, `ELOOP`, `EAGAIN` from a device, …). */
  | "FILE_UNREADABLE";

/** A refusal, as data. */
export interface ReadBoundedFileError {
  readonly ok: false;
  readonly code: ReadBoundedFileErrorCode;
  /** The path as given. */
  readonly path: string;
  readonly message: string;
  /** What was expected, e.g. `at most 1048576 bytes` or `a regular file`. */
  readonly expected?: string;
  /** What was found, e.g. `more than 1048576 bytes` or `a FIFO`. */
  readonly received?: string;
  /** The system error code (`ENOENT`, `EACCES`, …) when the refusal comes from the operating system. */
  readonly errno?: string;
}

/** The bytes read. */
export interface ReadBoundedFileSuccess {
  readonly ok: true;
  readonly bytes: Uint8Array;
}

export type ReadBoundedFileResult = ReadBoundedFileSuccess | ReadBoundedFileError;

export interface ReadBoundedFileOptions {
  /** The largest accepted size in bytes (a file of exactly `maxBytes` bytes is accepted). */
  readonly maxBytes: number;
  /**
   * Read character and block devices too (bounded like files; a device that has no data ready is
   * refused as `FILE_UNREADABLE` instead of waited for).
   * @default false
   */
  readonly allowDevices?: boolean;
  /**
   * The size of one `read` call.
   * @default 65536
   */
  readonly chunkBytes?: number;
}

const DEFAULT_CHUNK_BYTES = 65536;

/**
 * Reads `path` whole if it is a regular file of at most `maxBytes` bytes.
 *
 * Never throws for a file-system condition: every refusal is returned with a code, the path, and what
 * was expected and found. Throws only a `RangeError` for an invalid `maxBytes` (a programming error).
 *
 * @example
 * ```ts
 * const read = readBoundedFile("order.xml", { maxBytes: 64 * 1024 * 1024 });
 * if (!read.ok) console.error(`${read.path}: ${read.code}: ${read.message}`);
 * ```
 */
export function readBoundedFile(path: string, options: ReadBoundedFileOptions): ReadBoundedFileResult {
  const { maxBytes } = options;
  if (!Number.isSafeInteger(maxBytes) || maxBytes < 0) {
    throw new RangeError(`maxBytes must be a non-negative safe integer, got ${maxBytes}`);
  }
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return refuseSystemError(path, error);
  }
  try {
    return readOpenedFile(fd, path, options);
  } finally {
    closeSync(fd);
  }
}

function readOpenedFile(fd: number, path: string, options: ReadBoundedFileOptions): ReadBoundedFileResult {
  const { maxBytes } = options;
  let stats: Stats;
  try {
    stats = fstatSync(fd);
  } catch (error) {
    return refuseSystemError(path, error);
  }
  const isDevice = stats.isCharacterDevice() || stats.isBlockDevice();
  if (!stats.isFile() && !(isDevice && options.allowDevices === true)) {
    return {
      ok: false,
      code: "NOT_A_FILE",
      path,
      message: `${path} is ${describeKind(stats)}, not a regular file`,
      expected: "a regular file",
      received: describeKind(stats),
    };
  }
  if (stats.isFile() && stats.size > maxBytes) return refuseTooLarge(path, maxBytes);
  const chunkBytes = Math.max(1, options.chunkBytes ?? DEFAULT_CHUNK_BYTES);
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    // Never ask for more than one byte past the limit: that byte is the proof of "too large".
    const want = Math.min(chunkBytes, maxBytes + 1 - total);
    const chunk = new Uint8Array(want);
    let count: number;
    try {
      count = readSync(fd, chunk, 0, want, null);
    } catch (error) {
      return refuseSystemError(path, error);
    }
    if (count === 0) break;
    chunks.push(count === want ? chunk : chunk.subarray(0, count));
    total += count;
    if (total > maxBytes) return refuseTooLarge(path, maxBytes);
  }
  return { ok: true, bytes: joinChunks(chunks, total) };
}

function joinChunks(chunks: readonly Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1 && chunks[0] !== undefined) return chunks[0];
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}

function refuseTooLarge(path: string, maxBytes: number): ReadBoundedFileError {
  return {
    ok: false,
    code: "INPUT_TOO_LARGE",
    path,
    message: `${path} is larger than the limit of ${maxBytes} bytes`,
    expected: `at most ${maxBytes} bytes`,
    received: `more than ${maxBytes} bytes`,
  };
}

function refuseSystemError(path: string, error: unknown): ReadBoundedFileError {
  const errno = readErrno(error);
  const reason = error instanceof Error ? error.message : String(error);
  if (errno === "ENOENT" || errno === "ENOTDIR") {
    return { ok: false, code: "FILE_NOT_FOUND", path, message: `${path} does not exist`, errno };
  }
  if (errno === "EISDIR") {
    return {
      ok: false,
      code: "NOT_A_FILE",
      path,
      message: `${path} is a directory, not a regular file`,
      expected: "a regular file",
      received: "a directory",
      errno,
    };
  }
  return {
    ok: false,
    code: "FILE_UNREADABLE",
    path,
    message: `${path} could not be read: ${reason}`,
    ...(errno === undefined ? {} : { errno }),
  };
}

function readErrno(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null || !("code" in error)) return undefined;
  const code = (error as { code: unknown }).code;
  return typeof code === "string" ? code : undefined;
}

function describeKind(stats: Stats): string {
  if (stats.isDirectory()) return "a directory";
  if (stats.isFIFO()) return "a FIFO";
  if (stats.isSocket()) return "a socket";
  if (stats.isCharacterDevice()) return "a character device";
  if (stats.isBlockDevice()) return "a block device";
  if (stats.isFile()) return "a regular file";
  return "not a regular file";
}
