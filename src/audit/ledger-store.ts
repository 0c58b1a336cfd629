/**
 * Where a ledger is kept, behind one interface: a {@link LedgerStore} holds the ledger's entries (JSON
 * Lines) and its checkpoint; the chain itself is computed by the pure functions of `ledger-chain.ts`, so
 * every store writes the same bytes for the same records and verifies them the same way.
 *
 * - `ledger-file-store.ts`: a file plus a lock file (what `appendToLedger` and `verifyLedger` use).
 * - `ledger-memory-store.ts`: in memory (tests, and the reference a new store is tested against).
 * - an SQL store (the flow): `exclusive` is one transaction, in which the flow also writes its outbox
 *   row, calling {@link appendLedgerEntry} with the session; a crash then leaves both or neither.
 *
 * @module
 */
import { checkpointOf, createLedgerEntry, type LedgerTail } from "./ledger-chain.js";
import { type CheckpointFile, parseLedgerCheckpoint } from "./ledger-checkpoint.js";
import { checkpointFitsLastLine, scanLedger } from "./ledger-scan.js";
import {
  type LedgerAppend,
  type LedgerCheckpoint,
  LedgerError,
  type LedgerProblem,
  type LedgerVerification,
} from "./ledger-types.js";
import { MerkleFrontier } from "./merkle-tree.js";

/** Write access to a store, inside {@link LedgerStore.exclusive}. */
export interface LedgerSession {
  /**
   * The tail to append after: from the stored checkpoint when it describes the last entry, otherwise
   * rebuilt from the entries (see {@link resolveLedgerTail}).
   *
   * @throws {@link LedgerError} `LEDGER_DAMAGED` (a bad line, a torn last line), a read error
   */
  readTail(): LedgerTail;
  /**
   * Appends one entry line (without newline) after `expected`, whole or not at all.
   *
   * @throws {@link LedgerError} `LEDGER_CONFLICT` when the ledger's tail is no longer `expected` (nothing
   *   appended); a write error (nothing appended)
   */
  appendLine(expected: LedgerTail, line: Buffer): void;
  /**
   * Replaces the stored checkpoint with the one of `tail` (its frontier included).
   *
   * @throws {@link LedgerError} `LEDGER_CHECKPOINT_NOT_WRITTEN` (the entry itself stays appended)
   */
  writeCheckpoint(tail: LedgerTail): void;
}

/** A place a ledger is kept. */
export interface LedgerStore {
  /** The ledger's name in errors and problems (a file path, a table). */
  readonly location: string;
  /** The stored checkpoint's name in messages (a file path, a table). */
  readonly checkpointLocation: string;
  /**
   * Runs `action` with exclusive write access (the file store: its lock file, and a line written stays
   * written when `action` throws afterwards; the memory store and an SQL store: one transaction, committed
   * when `action` returns and rolled back when it throws).
   *
   * @throws {@link LedgerError} `LEDGER_LOCKED` when another writer holds it past the store's timeout
   */
  exclusive<T>(action: (session: LedgerSession) => T): T;
  /**
   * All entries as JSON Lines bytes, each line ending with a newline (a torn last line as it is);
   * `undefined` when the ledger does not exist.
   *
   * @throws {@link LedgerError} `LEDGER_TOO_LARGE`, `LEDGER_UNREADABLE`…
   */
  readEntries(): Buffer | undefined;
  /**
   * The stored checkpoint with its frontier; `undefined` when there is none.
   *
   * @throws {@link LedgerError} `LEDGER_CHECKPOINT_INVALID`, `LEDGER_CHECKPOINT_UNREADABLE`…
   */
  readCheckpoint(): CheckpointFile | undefined;
}

/**
 * The tail after a ledger's last entry: the saved checkpoint's when it describes the ledger (its byte
 * length is `bytes`, its frontier gives its root, the last line is its last record), otherwise rebuilt by
 * checking every line (a checkpoint that lags behind after a crash, or none).
 *
 * @param readLastLine the last line of the first `bytes` bytes, without newline (`undefined` when they do
 *   not end with one)
 * @throws {@link LedgerError} `LEDGER_DAMAGED` for a ledger with a bad line
 */
export function resolveLedgerTail(
  location: string,
  saved: CheckpointFile | undefined,
  bytes: number,
  readLastLine: () => Buffer | undefined,
  readEntries: () => Buffer | undefined,
): LedgerTail {
  const restored =
    saved && saved.bytes === bytes
      ? MerkleFrontier.restore(
          saved.size,
          saved.frontier.map((h) => Buffer.from(h, "hex")),
        )
      : undefined;
  if (saved && restored && checkpointFitsLastLine(saved, restored, readLastLine()))
    return { frontier: restored, lastHash: saved.lastHash, bytes };
  const state = scanLedger(readEntries() ?? Buffer.alloc(0));
  if (state.problem)
    throw new LedgerError({
      code: "LEDGER_DAMAGED",
      path: location,
      message: `line ${state.problem.line}: ${state.problem.reason}; not appending to a damaged ledger`,
      problem: state.problem,
    });
  return { frontier: state.frontier, lastHash: state.lastHash, bytes: state.bytes };
}

/**
 * Appends a record within a session (the caller holds {@link LedgerStore.exclusive}, and may write its
 * own rows, an outbox row, in the same transaction).
 */
export function appendLedgerEntry(session: LedgerSession, record: unknown): LedgerAppend {
  const tail = session.readTail();
  const entry = createLedgerEntry(tail, record);
  session.appendLine(tail, entry.line);
  const { seq, hash } = entry;
  const checkpoint = checkpointOf(entry.tail.frontier, hash, entry.tail.bytes);
  try {
    session.writeCheckpoint(entry.tail);
  } catch (error) {
    if (!(error instanceof LedgerError)) throw error;
    return { seq, hash, checkpoint, checkpointFile: "not-updated", checkpointError: error };
  }
  return { seq, hash, checkpoint, checkpointFile: "updated" };
}

/** Appends a record to the store (see `appendToLedger`, its file form). */
export function appendToStore(store: LedgerStore, record: unknown): LedgerAppend {
  return store.exclusive((session) => appendLedgerEntry(session, record));
}

/**
 * Verifies the store's ledger against `checkpoint` (or its stored checkpoint): see `verifyLedger`, its
 * file form.
 *
 * @throws {@link LedgerError} `LEDGER_NOT_FOUND`, a read error; `LEDGER_CHECKPOINT_INVALID` for a given
 *   checkpoint that is not one
 */
export function verifyStore(store: LedgerStore, checkpoint?: LedgerCheckpoint): LedgerVerification {
  const data = store.readEntries();
  if (data === undefined)
    throw new LedgerError({
      code: "LEDGER_NOT_FOUND",
      path: store.location,
      message: "the ledger does not exist",
      expected: "a ledger file",
      received: "nothing at the path",
    });
  let expected: LedgerCheckpoint | undefined;
  let from = "the checkpoint given";
  if (checkpoint !== undefined) {
    expected = parseLedgerCheckpoint(checkpoint, "the checkpoint given");
  } else {
    try {
      expected = store.readCheckpoint();
      from = store.checkpointLocation;
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
  const result = (problem?: LedgerProblem): LedgerVerification => ({
    ok: problem === undefined,
    records: state.frontier.size,
    checkpoint: checkpointOf(state.frontier, state.lastHash, state.bytes),
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
