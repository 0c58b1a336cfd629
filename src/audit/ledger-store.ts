/**
 * Where a ledger is kept, behind one interface: a {@link LedgerStore} holds the ledger's entries (JSON
 * Lines) and its checkpoint; the chain itself is computed by the pure, synchronous functions of
 * `ledger-chain.ts`, so every store writes the same bytes for the same records and verifies them the same
 * way. The interface is asynchronous (an SQL driver's API is); the functions over a store
 * ({@link appendToStore}, {@link verifyStore}, {@link appendLedgerEntry}) return promises.
 *
 * - `ledger-file-store.ts`: a file plus a lock file (what `appendToLedger` and `verifyLedger` use, through
 *   its synchronous form: the path-based API stays synchronous).
 * - `ledger-memory-store.ts`: in memory (tests, and the reference a new store is tested against).
 * - an SQL store (the flow, PGlite or PostgreSQL) plugs in by implementing {@link LedgerStore}:
 *   - `exclusive(action)` is one transaction (`BEGIN`, a lock on the ledger's tail row or the table so that
 *     writers queue, then `COMMIT` when `action` resolves and `ROLLBACK` when it throws or rejects: then
 *     neither the entry nor the checkpoint nor the caller's own rows stay); `LEDGER_LOCKED` when the lock
 *     cannot be had within the store's timeout;
 *   - the session's `readTail()` reads the checkpoint row and the last entry (and the whole ledger only when
 *     the checkpoint lags, see {@link resolveLedgerTail}); `appendLine(expected, line)` is an insert that
 *     checks that the ledger is still `expected.bytes` long (`LEDGER_CONFLICT` otherwise);
 *     `writeCheckpoint(tail)` replaces the checkpoint row;
 *   - `readEntries()` concatenates the entry lines in order, each with its newline; `readCheckpoint()` reads
 *     the checkpoint row.
 *
 *   The flow appends the audit record inside its own transaction, beside the outbox row it proves:
 *   `store.exclusive(async (session) => { await insertOutboxRow(…); return appendLedgerEntry(session,
 *   record); })`, so a crash leaves both or neither. Such a store runs the shared contract suite
 *   (`test/audit/ledger-store-contract.ts`) like the file and memory stores.
 *
 * @module
 */
import { checkpointOf, createLedgerEntry, type LedgerEntry, type LedgerTail } from "./ledger-chain.js";
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

/**
 * Write access to a store, inside {@link LedgerStore.exclusive}. Every method may be asynchronous (an SQL
 * store's are); a caller awaits each one before the next.
 */
export interface LedgerSession {
  /**
   * The tail to append after: from the stored checkpoint when it describes the last entry, otherwise
   * rebuilt from the entries (see {@link resolveLedgerTail}).
   *
   * @throws {@link LedgerError} `LEDGER_DAMAGED` (a bad line, a torn last line), a read error
   */
  readTail(): Promise<LedgerTail>;
  /**
   * Appends one entry line (without newline) after `expected`, whole or not at all.
   *
   * @throws {@link LedgerError} `LEDGER_CONFLICT` when the ledger's tail is no longer `expected` (nothing
   *   appended); a write error (nothing appended)
   */
  appendLine(expected: LedgerTail, line: Buffer): Promise<void>;
  /**
   * Replaces the stored checkpoint with the one of `tail` (its frontier included).
   *
   * @throws {@link LedgerError} `LEDGER_CHECKPOINT_NOT_WRITTEN` (the entry itself stays appended)
   */
  writeCheckpoint(tail: LedgerTail): Promise<void>;
}

/** A place a ledger is kept. */
export interface LedgerStore {
  /** The ledger's name in errors and problems (a file path, a table). */
  readonly location: string;
  /** The stored checkpoint's name in messages (a file path, a table). */
  readonly checkpointLocation: string;
  /**
   * Runs `action` with exclusive write access, until the promise it returns settles (the file store: its
   * lock file, and a line written stays written when `action` throws afterwards; the memory store and an
   * SQL store: one transaction, committed when `action` resolves and rolled back when it throws or
   * rejects).
   *
   * @returns what `action` returns (resolved)
   * @throws {@link LedgerError} `LEDGER_LOCKED` when another writer holds it past the store's timeout
   *   (a rejection, as every error here)
   */
  exclusive<T>(action: (session: LedgerSession) => Promise<T> | T): Promise<T>;
  /**
   * All entries as JSON Lines bytes, each line ending with a newline (a torn last line as it is);
   * `undefined` when the ledger does not exist.
   *
   * @throws {@link LedgerError} `LEDGER_TOO_LARGE`, `LEDGER_UNREADABLE`…
   */
  readEntries(): Promise<Buffer | undefined>;
  /**
   * The stored checkpoint with its frontier; `undefined` when there is none.
   *
   * @throws {@link LedgerError} `LEDGER_CHECKPOINT_INVALID`, `LEDGER_CHECKPOINT_UNREADABLE`…
   */
  readCheckpoint(): Promise<CheckpointFile | undefined>;
}

/**
 * The synchronous form of {@link LedgerSession}, for a store whose IO is synchronous (the file store, under
 * the path-based `appendToLedger`).
 *
 * @internal
 */
export interface SyncLedgerSession {
  readTail(): LedgerTail;
  appendLine(expected: LedgerTail, line: Buffer): void;
  writeCheckpoint(tail: LedgerTail): void;
}

/**
 * The synchronous form of {@link LedgerStore} (the file store, under `appendToLedger` and `verifyLedger`).
 *
 * @internal
 */
export interface SyncLedgerStore {
  readonly location: string;
  readonly checkpointLocation: string;
  exclusive<T>(action: (session: SyncLedgerSession) => T): T;
  readEntries(): Buffer | undefined;
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

/** The append's result once `entry` is written; `checkpointError` when the checkpoint could not be. */
function appended(entry: LedgerEntry, checkpointError: LedgerError | undefined): LedgerAppend {
  const { seq, hash } = entry;
  const checkpoint = checkpointOf(entry.tail.frontier, hash, entry.tail.bytes);
  return checkpointError
    ? { seq, hash, checkpoint, checkpointFile: "not-updated", checkpointError }
    : { seq, hash, checkpoint, checkpointFile: "updated" };
}

/**
 * Appends a record within a session (the caller holds {@link LedgerStore.exclusive}, and may write its
 * own rows, an outbox row, in the same transaction).
 *
 * @throws {@link LedgerError} as {@link appendToStore} (a rejection)
 */
export async function appendLedgerEntry(session: LedgerSession, record: unknown): Promise<LedgerAppend> {
  const tail = await session.readTail();
  const entry = createLedgerEntry(tail, record);
  await session.appendLine(tail, entry.line);
  try {
    await session.writeCheckpoint(entry.tail);
  } catch (error) {
    if (!(error instanceof LedgerError)) throw error;
    return appended(entry, error);
  }
  return appended(entry, undefined);
}

/**
 * {@link appendLedgerEntry} in a synchronous session.
 *
 * @internal
 */
export function appendLedgerEntrySync(session: SyncLedgerSession, record: unknown): LedgerAppend {
  const tail = session.readTail();
  const entry = createLedgerEntry(tail, record);
  session.appendLine(tail, entry.line);
  try {
    session.writeCheckpoint(entry.tail);
  } catch (error) {
    if (!(error instanceof LedgerError)) throw error;
    return appended(entry, error);
  }
  return appended(entry, undefined);
}

/**
 * Appends a record to the store (see `appendToLedger`, its file form).
 *
 * @throws {@link LedgerError} when nothing was appended (a rejection): `LEDGER_DAMAGED`, `LEDGER_LOCKED`,
 *   `LEDGER_CONFLICT`, a write error
 */
export function appendToStore(store: LedgerStore, record: unknown): Promise<LedgerAppend> {
  return store.exclusive((session) => appendLedgerEntry(session, record));
}

/**
 * {@link appendToStore} over a synchronous store.
 *
 * @internal
 */
export function appendToStoreSync(store: SyncLedgerStore, record: unknown): LedgerAppend {
  return store.exclusive((session) => appendLedgerEntrySync(session, record));
}

function notFound(location: string): LedgerError {
  return new LedgerError({
    code: "LEDGER_NOT_FOUND",
    path: location,
    message: "the ledger does not exist",
    expected: "a ledger file",
    received: "nothing at the path",
  });
}

/** The verification of a ledger whose stored checkpoint could not be read (`error`). */
function unusableCheckpoint(data: Buffer, error: unknown): LedgerVerification {
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

/** Verifies the entries `data` against `expected` (named `from` in problems), or alone without one. */
function verifyEntries(
  data: Buffer,
  expected: LedgerCheckpoint | undefined,
  from: string,
): LedgerVerification {
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

const GIVEN = "the checkpoint given";

/**
 * Verifies the store's ledger against `checkpoint` (or its stored checkpoint): see `verifyLedger`, its
 * file form.
 *
 * @throws {@link LedgerError} (a rejection) `LEDGER_NOT_FOUND`, a read error; `LEDGER_CHECKPOINT_INVALID`
 *   for a given checkpoint that is not one
 */
export async function verifyStore(
  store: LedgerStore,
  checkpoint?: LedgerCheckpoint,
): Promise<LedgerVerification> {
  const data = await store.readEntries();
  if (data === undefined) throw notFound(store.location);
  if (checkpoint !== undefined) return verifyEntries(data, parseLedgerCheckpoint(checkpoint, GIVEN), GIVEN);
  let stored: CheckpointFile | undefined;
  try {
    stored = await store.readCheckpoint();
  } catch (error) {
    return unusableCheckpoint(data, error);
  }
  return verifyEntries(data, stored, store.checkpointLocation);
}

/**
 * {@link verifyStore} over a synchronous store.
 *
 * @internal
 */
export function verifyStoreSync(store: SyncLedgerStore, checkpoint?: LedgerCheckpoint): LedgerVerification {
  const data = store.readEntries();
  if (data === undefined) throw notFound(store.location);
  if (checkpoint !== undefined) return verifyEntries(data, parseLedgerCheckpoint(checkpoint, GIVEN), GIVEN);
  let stored: CheckpointFile | undefined;
  try {
    stored = store.readCheckpoint();
  } catch (error) {
    return unusableCheckpoint(data, error);
  }
  return verifyEntries(data, stored, store.checkpointLocation);
}
