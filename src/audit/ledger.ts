/**
 * A tamper-evident, append-only ledger of audit records: a JSON Lines file where every line is
 *
 * ```
 * {"hash":"<sha256 hex>","prev":"<hash of the previous line, or 64 zeros>","record":{…},"seq":<1, 2, …>}
 * ```
 *
 * serialized with JCS (RFC 8785), `hash` being the SHA-256 of the JCS form of `{prev, record, seq}`. The
 * `prev` links make a hash chain; an RFC 6962 Merkle tree over the lines (each line's bytes without its
 * newline is a leaf) gives a root that a caller can publish or sign as a checkpoint (size + root).
 *
 * Beside the ledger, `<ledger>.checkpoint.json` holds the latest checkpoint (size, byte length, root,
 * last hash, and the Merkle frontier so that an append costs O(log n)); it is replaced atomically (write
 * to a temporary file, then rename) after each append. {@link verifyLedger} compares the ledger against
 * it (or against a checkpoint the caller kept): a ledger shorter than its checkpoint was truncated.
 *
 * Concurrency: appends take an exclusive lock file `<ledger>.lock` (see `ledger-lock.ts`: a lock whose
 * owner is gone or stale is broken safely; the lock is released only while it still holds our token).
 * Under the lock the line is written with one `write` on a descriptor opened with `O_APPEND`, then
 * `fsync`ed. So appends from several processes never interleave; an append interrupted by a crash
 * leaves at most a torn last line, which {@link verifyLedger} reports and {@link appendToLedger} refuses
 * to append after (it is never silently dropped).
 *
 * Failures are {@link LedgerError}s with a code. An append that fails leaves nothing behind: a line that
 * cannot be written whole (no space…) is cut off again, no lock or temporary file is left. When only the
 * checkpoint file cannot be replaced, the record is in the ledger and the append says so
 * (`checkpointFile: "not-updated"`). The ledger and checkpoints are read with a size limit applied while
 * reading, and a checkpoint is checked for shape and types before it is used.
 *
 * @module
 */
import { closeSync } from "node:fs";
import { canonicalizeJson } from "./canonicalize-json.js";
import {
  checkpointOf,
  checkpointPath,
  parseLedgerCheckpoint,
  readCheckpointFile,
  writeCheckpointFile,
} from "./ledger-checkpoint.js";
import { openForAppend, readLastLine, readLedgerFile, writeLine } from "./ledger-io.js";
import { withLedgerLock } from "./ledger-lock.js";
import { checkpointFitsLastLine, entryHash, scanLedger } from "./ledger-scan.js";
import {
  type AppendOptions,
  DEFAULT_MAX_LEDGER_BYTES,
  type LedgerCheckpoint,
  LedgerError,
  type LedgerProblem,
  type LedgerVerification,
} from "./ledger-types.js";
import { MerkleFrontier } from "./merkle-tree.js";

export {
  checkpointPath,
  MAX_CHECKPOINT_BYTES,
  parseLedgerCheckpoint,
  readLedgerCheckpoint,
} from "./ledger-checkpoint.js";
export { withLedgerLock } from "./ledger-lock.js";
export * from "./ledger-types.js";

/** What an append did: the record is in the ledger; the checkpoint file may lag behind it. */
export interface LedgerAppend {
  readonly seq: number;
  readonly hash: string;
  /** The ledger's checkpoint with the new record. */
  readonly checkpoint: LedgerCheckpoint;
  /**
   * `updated`: the checkpoint file holds {@link checkpoint}. `not-updated`: the record was appended (and
   * `fsync`ed) but the checkpoint file could not be replaced (`checkpointError` says why); it still holds
   * the previous checkpoint, which the ledger extends (append and verify accept that). Do not append the
   * record again: it is in the ledger.
   */
  readonly checkpointFile: "updated" | "not-updated";
  readonly checkpointError?: LedgerError;
}

/**
 * Appends a record (any JSON value; an {@link AuditRecord} typically) to the ledger, creating it when
 * absent.
 *
 * @returns the new record's sequence number and hash, the ledger's new checkpoint, and whether the
 *   checkpoint file was replaced (the record is in the ledger either way)
 * @throws {@link LedgerError} when nothing was appended: the ledger is damaged (`LEDGER_DAMAGED`, a torn
 *   last line included), locked (`LEDGER_LOCKED`), unwritable (`LEDGER_NO_SPACE`, `LEDGER_NOT_WRITABLE`,
 *   `LEDGER_IS_DIRECTORY`…), too large to read, or its checkpoint file is invalid. No partial line and no
 *   lock file are left behind.
 */
export function appendToLedger(ledger: string, record: unknown, options: AppendOptions = {}): LedgerAppend {
  const maxBytes = options.maxLedgerBytes ?? DEFAULT_MAX_LEDGER_BYTES;
  return withLedgerLock(ledger, options, () => {
    const opened = openForAppend(ledger);
    try {
      const saved = readCheckpointFile(ledger);
      let frontier: MerkleFrontier;
      let lastHash: string;
      const restored =
        saved && saved.bytes === opened.bytes
          ? MerkleFrontier.restore(
              saved.size,
              saved.frontier.map((h) => Buffer.from(h, "hex")),
            )
          : undefined;
      if (
        saved &&
        restored &&
        checkpointFitsLastLine(saved, restored, readLastLine(ledger, opened.bytes, maxBytes))
      ) {
        frontier = restored;
        lastHash = saved.lastHash;
      } else {
        // no checkpoint file, an append crashed before updating it, or the checkpoint file does not
        // describe the ledger's last record: rebuild from the ledger itself (it refuses a damaged one)
        const state = scanLedger(readLedgerFile(ledger, maxBytes) ?? Buffer.alloc(0));
        if (state.problem)
          throw new LedgerError({
            code: "LEDGER_DAMAGED",
            path: ledger,
            message: `line ${state.problem.line}: ${state.problem.reason}; not appending to a damaged ledger`,
            problem: state.problem,
          });
        frontier = state.frontier;
        lastHash = state.lastHash;
      }
      const seq = frontier.size + 1;
      const hash = entryHash(seq, lastHash, record);
      const line = canonicalizeJson({ hash, prev: lastHash, record, seq });
      const buffer = Buffer.concat([line, Buffer.from("\n")]);
      writeLine(ledger, opened, buffer, options.fsync !== false);
      frontier.append(line);
      const checkpoint = checkpointOf(frontier, hash, opened.bytes + buffer.length);
      try {
        writeCheckpointFile(ledger, frontier, hash, opened.bytes + buffer.length);
      } catch (error) {
        if (!(error instanceof LedgerError)) throw error;
        return { seq, hash, checkpoint, checkpointFile: "not-updated", checkpointError: error };
      }
      return { seq, hash, checkpoint, checkpointFile: "updated" };
    } finally {
      closeSync(opened.fd);
    }
  });
}

export interface VerifyLedgerOptions {
  /**
   * The checkpoint to verify against: one the caller published or signed (check one read from a file
   * with `parseLedgerCheckpoint` or `readLedgerCheckpoint` first). Default: the ledger's own checkpoint
   * file, when present.
   */
  readonly checkpoint?: LedgerCheckpoint;
  /** Refuse to read a ledger larger than this (the limit applies while reading). @default 1 GiB */
  readonly maxLedgerBytes?: number;
}

/**
 * Verifies a ledger: every line well-formed, canonical, hashed and chained, in sequence; no torn last line;
 * and the first `checkpoint.size` records give the checkpoint's Merkle root, last hash and byte length (a
 * ledger with fewer records than its checkpoint was truncated).
 *
 * @returns the first problem (line number and why), and the checkpoint of the records read
 * @throws {@link LedgerError} when the ledger cannot be read: `LEDGER_NOT_FOUND`, `LEDGER_TOO_LARGE`,
 *   `LEDGER_IS_DIRECTORY`, `LEDGER_NOT_A_FILE`, `LEDGER_UNREADABLE`; `LEDGER_CHECKPOINT_INVALID` for a
 *   given checkpoint that is not one
 */
export function verifyLedger(ledger: string, options: VerifyLedgerOptions = {}): LedgerVerification {
  const data = readLedgerFile(ledger, options.maxLedgerBytes ?? DEFAULT_MAX_LEDGER_BYTES);
  if (data === undefined)
    throw new LedgerError({
      code: "LEDGER_NOT_FOUND",
      path: ledger,
      message: "the ledger does not exist",
      expected: "a ledger file",
      received: "nothing at the path",
    });
  let expected: LedgerCheckpoint | undefined;
  let from = "the checkpoint given";
  if (options.checkpoint !== undefined) {
    expected = parseLedgerCheckpoint(options.checkpoint, "the checkpoint given");
  } else {
    try {
      expected = readCheckpointFile(ledger);
      from = checkpointPath(ledger);
    } catch (error) {
      const state = scanLedger(data);
      const why = error instanceof LedgerError ? `${error.code} ${error.message}` : (error as Error).message;
      return {
        ok: false,
        records: state.frontier.size,
        checkpoint: checkpointOf(state.frontier, state.lastHash, state.bytes),
        problem: {
          line: state.frontier.size + 1,
          kind: "altered",
          reason: `the checkpoint file is unusable: ${why}`,
        },
      };
    }
  }
  const state = scanLedger(data, expected?.size);
  const checkpoint = checkpointOf(state.frontier, state.lastHash, state.bytes);
  const result = (problem?: LedgerProblem): LedgerVerification => ({
    ok: problem === undefined,
    records: state.frontier.size,
    checkpoint,
    ...(problem ? { problem } : {}),
  });
  if (state.problem) return result(state.problem);
  if (!expected) return result();
  if (state.frontier.size < expected.size)
    return result({
      line: state.frontier.size + 1,
      kind: "truncated",
      reason: `truncated: the ledger has ${state.frontier.size} record(s), ${from} covers ${expected.size}`,
    });
  if (
    state.at &&
    (state.at.root !== expected.root ||
      state.at.lastHash !== expected.lastHash ||
      state.at.bytes !== expected.bytes)
  )
    return result({
      line: Math.max(expected.size, 1),
      kind: "altered",
      reason: `altered: the first ${expected.size} record(s) do not give the Merkle root, last hash and length of ${from}`,
    });
  return result();
}
