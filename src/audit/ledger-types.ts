/**
 * The ledger's data types: checkpoints, problems found by verification, append options and the error
 * an append throws.
 *
 * @module
 */
export const LEDGER_CHECKPOINT_FORMAT = "b2mml-ledger-checkpoint/1";
/** The `prev` of the first record. */
export const GENESIS = "0".repeat(64);

/** A checkpoint: what a caller publishes or signs to pin the first `size` records. */
export interface LedgerCheckpoint {
  readonly format: typeof LEDGER_CHECKPOINT_FORMAT;
  /** Number of records covered. */
  readonly size: number;
  /** RFC 6962 Merkle Tree Hash (SHA-256) over the first `size` lines, hex. */
  readonly root: string;
  /** The `hash` of record `size` (GENESIS for an empty ledger). */
  readonly lastHash: string;
  /** Byte length of the ledger file up to and including record `size`'s newline. */
  readonly bytes: number;
}

export type LedgerProblemKind = "torn" | "malformed" | "altered" | "missing" | "reordered" | "truncated";

export interface LedgerProblem {
  /** 1-based line number of the first bad line (for a truncation: the first missing line). */
  readonly line: number;
  readonly kind: LedgerProblemKind;
  readonly reason: string;
}

export interface LedgerVerification {
  readonly ok: boolean;
  /** Records read before the first problem (all of them when ok). */
  readonly records: number;
  /** The checkpoint of those records. */
  readonly checkpoint: LedgerCheckpoint;
  readonly problem?: LedgerProblem;
}

/** Why a ledger, its checkpoint or its lock could not be used. */
export type LedgerErrorCode =
  /** The ledger has a bad line (torn, malformed, altered…): not appended to. `problem` says which. */
  | "LEDGER_DAMAGED"
  /** The lock is held by another process (or cannot be judged stale) past `lockTimeoutMs`. */
  | "LEDGER_LOCKED"
  /** The ledger file does not exist (verification). */
  | "LEDGER_NOT_FOUND"
  /** The ledger is larger than `maxLedgerBytes` (found while reading). */
  | "LEDGER_TOO_LARGE"
  /** The ledger path names a directory. */
  | "LEDGER_IS_DIRECTORY"
  /** The ledger path names something else that is not a regular file (a FIFO, a device…). */
  | "LEDGER_NOT_A_FILE"
  /** The ledger (or its folder) cannot be read. */
  | "LEDGER_UNREADABLE"
  /** No space left on the device (`ENOSPC`, `EDQUOT`): nothing was appended. */
  | "LEDGER_NO_SPACE"
  /** The ledger, its lock or its folder cannot be written (`EACCES`, `EPERM`, `EROFS`). */
  | "LEDGER_NOT_WRITABLE"
  /** The ledger's folder does not exist (`ENOENT`, `ENOTDIR`). */
  | "LEDGER_FOLDER_NOT_FOUND"
  /** Any other system error while appending (the `errno` names it). */
  | "LEDGER_IO_ERROR"
  /** A checkpoint (given, or the ledger's checkpoint file) is not a checkpoint: wrong shape or types. */
  | "LEDGER_CHECKPOINT_INVALID"
  /** A checkpoint file is larger than a checkpoint can be. */
  | "LEDGER_CHECKPOINT_TOO_LARGE"
  /** A checkpoint file cannot be read (missing, a directory, a FIFO, no permission…). */
  | "LEDGER_CHECKPOINT_UNREADABLE"
  /** The checkpoint file could not be replaced after an append (the record itself is in the ledger). */
  | "LEDGER_CHECKPOINT_NOT_WRITTEN"
  /** A store was asked to append after a tail that is no longer its last entry: nothing was appended. */
  | "LEDGER_CONFLICT";

/** What went wrong, as data: a code, the file, and what was expected and found. */
export interface LedgerErrorDetails {
  readonly code: LedgerErrorCode;
  /** The file concerned: the ledger, its checkpoint file or its lock. */
  readonly path: string;
  readonly message: string;
  readonly expected?: string;
  readonly received?: string;
  /** The system error code (`ENOSPC`, `EACCES`…) when the operating system refused. */
  readonly errno?: string;
  /** The ledger's first bad line, for `LEDGER_DAMAGED`. */
  readonly problem?: LedgerProblem;
}

/**
 * The ledger cannot be used: damaged, locked, unreadable or unwritable, or a checkpoint is invalid.
 * `message` is `<what> (expected …, received …)`; the fields are the data.
 */
export class LedgerError extends Error {
  override readonly name = "LedgerError";
  readonly code: LedgerErrorCode;
  readonly path: string;
  readonly expected?: string;
  readonly received?: string;
  readonly errno?: string;
  readonly problem?: LedgerProblem;
  constructor(details: LedgerErrorDetails) {
    super(
      [
        details.message,
        details.expected !== undefined ? `expected ${details.expected}` : undefined,
        details.received !== undefined ? `received ${details.received}` : undefined,
      ]
        .filter((part) => part !== undefined)
        .join("; "),
    );
    this.code = details.code;
    this.path = details.path;
    if (details.expected !== undefined) this.expected = details.expected;
    if (details.received !== undefined) this.received = details.received;
    if (details.errno !== undefined) this.errno = details.errno;
    if (details.problem !== undefined) this.problem = details.problem;
  }
}

export interface AppendOptions {
  /** Give up taking the lock after this long. @default 10000 */
  readonly lockTimeoutMs?: number;
  /**
   * Break a lock older than this when its holder cannot be checked: another host name, or the same host
   * name with another boot id or pid namespace (see `ledger-lock.ts`). A lock held by a live process in
   * our boot and pid namespace is never broken; a lock file that is not a lock (empty, not JSON) is
   * broken after `min(staleLockMs, 2000)`. @default 30000
   */
  readonly staleLockMs?: number;
  /** `fsync` the ledger after each append. @default true */
  readonly fsync?: boolean;
  /** Refuse to read a ledger larger than this (the limit applies while reading). @default 1 GiB */
  readonly maxLedgerBytes?: number;
}

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

/** The largest ledger read by default: 1 GiB. */
export const DEFAULT_MAX_LEDGER_BYTES = 2 ** 30;
