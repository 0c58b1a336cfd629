/**
 * The ledger's file operations, with every failure as a {@link LedgerError} (a code, the file, what was
 * expected and found): bounded reads of the ledger and of checkpoints, and files created new with
 * `O_CREAT | O_EXCL | O_NOFOLLOW` (a planted file or symlink at the name is refused, never followed),
 * removed again when their content could not be written.
 *
 * @module
 */
import {
  closeSync,
  constants,
  existsSync,
  fstatSync,
  fsyncSync,
  ftruncateSync,
  openSync,
  readSync,
  unlinkSync,
  writeSync,
} from "node:fs";
import { type ReadBoundedFileError, readBoundedFile } from "../shared/read-bounded-file.js";
import { LedgerError, type LedgerErrorCode } from "./ledger-types.js";

/** The `errno` code of a system error, when there is one. */
export function readErrno(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === "string" ? code : undefined;
}

/** The ledger error for a system error met while writing `path` (`doing` says what was being done). */
export function toLedgerWriteError(error: unknown, path: string, doing: string): LedgerError {
  if (error instanceof LedgerError) return error;
  const errno = readErrno(error);
  const codes: Readonly<Record<string, { code: LedgerErrorCode; why: string }>> = {
    ENOSPC: { code: "LEDGER_NO_SPACE", why: "no space left on the device" },
    EDQUOT: { code: "LEDGER_NO_SPACE", why: "the disk quota is exhausted" },
    EACCES: { code: "LEDGER_NOT_WRITABLE", why: "permission denied" },
    EPERM: { code: "LEDGER_NOT_WRITABLE", why: "operation not permitted" },
    EROFS: { code: "LEDGER_NOT_WRITABLE", why: "a read-only file system" },
    EISDIR: { code: "LEDGER_IS_DIRECTORY", why: "the path is a directory" },
    ENOENT: { code: "LEDGER_FOLDER_NOT_FOUND", why: "the folder does not exist" },
    ENOTDIR: { code: "LEDGER_FOLDER_NOT_FOUND", why: "a part of the path is not a folder" },
  };
  const known = errno === undefined ? undefined : codes[errno];
  return new LedgerError({
    code: known?.code ?? "LEDGER_IO_ERROR",
    path,
    message: `cannot ${doing}: ${known?.why ?? (error instanceof Error ? error.message : String(error))}`,
    ...(errno !== undefined ? { errno, received: errno } : {}),
  });
}

/**
 * Reads a whole file with a size limit applied while reading. `undefined` when nothing is at the path;
 * every other refusal is the {@link LedgerError} `refuse` makes of it.
 */
export function readBoundedOrAbsent(
  file: string,
  maxBytes: number,
  refuse: (refusal: ReadBoundedFileError) => LedgerError,
): Buffer | undefined {
  const read = readBoundedFile(file, { maxBytes });
  if ("bytes" in read) return Buffer.from(read.bytes.buffer, read.bytes.byteOffset, read.bytes.byteLength);
  const refusal = read as ReadBoundedFileError; // (narrowed by hand: also compiled without strict checks)
  if (refusal.code === "FILE_NOT_FOUND") return undefined;
  throw refuse(refusal);
}

/** Reads the ledger (an absent ledger is `undefined`). @throws {@link LedgerError} */
export function readLedgerFile(ledger: string, maxBytes: number): Buffer | undefined {
  return readBoundedOrAbsent(ledger, maxBytes, (refusal) => {
    const code: LedgerErrorCode =
      refusal.code === "INPUT_TOO_LARGE"
        ? "LEDGER_TOO_LARGE"
        : refusal.received === "a directory"
          ? "LEDGER_IS_DIRECTORY"
          : refusal.code === "NOT_A_FILE"
            ? "LEDGER_NOT_A_FILE"
            : "LEDGER_UNREADABLE";
    return new LedgerError({
      code,
      path: ledger,
      message: `cannot read the ledger: ${refusal.message}`,
      ...(refusal.expected !== undefined ? { expected: refusal.expected } : {}),
      ...(refusal.received !== undefined ? { received: refusal.received } : {}),
      ...(refusal.errno !== undefined ? { errno: refusal.errno } : {}),
    });
  });
}

/**
 * Creates `file`, which must not exist (`O_EXCL`) and is never a symlink followed (`O_NOFOLLOW`), and
 * writes `content` to it (`fsync`ed when asked). When the content cannot be written (no space…), the
 * file is removed again: nothing half-written is left behind.
 *
 * @throws the system error (the caller turns it into a {@link LedgerError})
 */
export function writeNewFile(file: string, content: string | Uint8Array, fsync = false): void {
  const fd = openSync(
    file,
    constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW,
    0o644,
  );
  try {
    const bytes = typeof content === "string" ? Buffer.from(content, "utf8") : content;
    let written = 0;
    while (written < bytes.length) written += writeSync(fd, bytes, written);
    if (fsync) fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    removeQuietly(file);
    throw error;
  }
  closeSync(fd);
}

/** Removes a file when it is there; a file already gone is not an error. */
export function removeQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // already gone
  }
}

/** Opens the ledger for appending (created when absent; a FIFO is refused, not waited on). */
export function openForAppend(ledger: string): { fd: number; bytes: number; created: boolean } {
  const created = !existsSync(ledger);
  let fd: number;
  try {
    fd = openSync(
      ledger,
      constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | constants.O_NONBLOCK,
      0o644,
    );
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENXIO")
      throw new LedgerError({
        code: "LEDGER_NOT_A_FILE",
        path: ledger,
        message: "cannot open the ledger for appending",
        expected: "a regular file",
        received: "a FIFO or socket",
      });
    throw toLedgerWriteError(error, ledger, "open the ledger for appending");
  }
  const stats = fstatSync(fd);
  if (!stats.isFile()) {
    closeSync(fd);
    throw new LedgerError({
      code: "LEDGER_NOT_A_FILE",
      path: ledger,
      message: "cannot append to the ledger",
      expected: "a regular file",
      received: "another kind of file",
    });
  }
  return { fd, bytes: stats.size, created };
}

/**
 * Writes the line and `fsync`s it. On failure the ledger is cut back to its former length (a ledger this
 * append created is removed), so no partial line is left, and the error says why.
 */
export function writeLine(
  ledger: string,
  opened: { fd: number; bytes: number; created: boolean },
  buffer: Buffer,
  fsync: boolean,
): void {
  try {
    let written = 0;
    while (written < buffer.length) written += writeSync(opened.fd, buffer, written);
    if (fsync) fsyncSync(opened.fd);
  } catch (error) {
    const failure = toLedgerWriteError(error, ledger, "append the record");
    try {
      ftruncateSync(opened.fd, opened.bytes);
      if (opened.created) removeQuietly(ledger);
    } catch (cut) {
      throw new LedgerError({
        code: failure.code,
        path: ledger,
        message: `${failure.message}; the partial line could not be removed (${(cut as NodeJS.ErrnoException).code ?? String(cut)}): the ledger now ends with a torn line`,
        ...(failure.errno !== undefined ? { errno: failure.errno } : {}),
      });
    }
    throw failure;
  }
}

/**
 * The last line (without its newline) of the ledger's first `bytes` bytes, read backwards in chunks;
 * `undefined` when those bytes do not end with a newline, or the line is longer than `maxBytes`.
 */
export function readLastLine(ledger: string, bytes: number, maxBytes: number): Buffer | undefined {
  if (bytes === 0) return undefined;
  const fd = openSync(ledger, "r");
  try {
    const readAt = (length: number, position: number) => {
      const chunk = Buffer.alloc(length);
      let got = 0;
      while (got < length) {
        const n = readSync(fd, chunk, got, length - got, position + got);
        if (n === 0) break;
        got += n;
      }
      return chunk.subarray(0, got);
    };
    if (readAt(1, bytes - 1)[0] !== 0x0a) return undefined;
    const chunks: Buffer[] = [];
    for (let end = bytes - 1; end > 0; ) {
      const size = Math.min(65_536, end);
      const chunk = readAt(size, end - size);
      const newline = chunk.lastIndexOf(0x0a);
      if (newline >= 0) {
        chunks.unshift(chunk.subarray(newline + 1));
        break;
      }
      chunks.unshift(chunk);
      end -= size;
      if (bytes - end > maxBytes) return undefined;
    }
    return Buffer.concat(chunks);
  } finally {
    closeSync(fd);
  }
}
