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
 * {@link appendToLedger} and {@link verifyLedger} are synchronous (the file's IO is); the same ledger file
 * behind the asynchronous {@link LedgerStore} interface is `createFileLedgerStore`, for `appendToStore`,
 * `verifyStore` and a caller's own `exclusive` session (see `ledger-store.ts`).
 *
 * @module
 */
import { openFileLedger } from "./ledger-file-store.js";
import { appendToStoreSync, verifyStoreSync } from "./ledger-store.js";
import type { AppendOptions, LedgerAppend, LedgerCheckpoint, LedgerVerification } from "./ledger-types.js";

export {
  advanceTail,
  checkLedgerLine,
  createEmptyTail,
  createLedgerEntry,
  entryHash,
  type LedgerEntry,
  type LedgerTail,
  toStoredLine,
} from "./ledger-chain.js";
export {
  type CheckpointFile,
  checkpointPath,
  MAX_CHECKPOINT_BYTES,
  parseLedgerCheckpoint,
  readLedgerCheckpoint,
} from "./ledger-checkpoint.js";
export { createFileLedgerStore } from "./ledger-file-store.js";
export { withLedgerLock } from "./ledger-lock.js";
export { createMemoryLedgerStore, type MemoryLedgerStore } from "./ledger-memory-store.js";
export {
  appendLedgerEntry,
  appendToStore,
  type LedgerSession,
  type LedgerStore,
  resolveLedgerTail,
  verifyStore,
} from "./ledger-store.js";
export * from "./ledger-types.js";

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
  return appendToStoreSync(openFileLedger(ledger, options), record);
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
  const store = openFileLedger(
    ledger,
    options.maxLedgerBytes !== undefined ? { maxLedgerBytes: options.maxLedgerBytes } : {},
  );
  return verifyStoreSync(store, options.checkpoint);
}
