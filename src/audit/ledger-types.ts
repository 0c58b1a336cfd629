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

/** The ledger cannot be appended to (damaged, or the lock cannot be taken). */
export class LedgerError extends Error {
  override readonly name = "LedgerError";
  constructor(
    message: string,
    readonly problem?: LedgerProblem,
  ) {
    super(message);
  }
}

export interface AppendOptions {
  /** Give up taking the lock after this long. @default 10000 */
  readonly lockTimeoutMs?: number;
  /**
   * Break a lock older than this when its holder cannot be checked (another host, or a lock file without
   * an owner). A lock held by a live process on this host is never broken. @default 30000
   */
  readonly staleLockMs?: number;
  /** `fsync` the ledger after each append. @default true */
  readonly fsync?: boolean;
}
