/**
 * The memory store: a ledger kept in memory, with transaction semantics (an `exclusive` action that
 * throws leaves the entries and the checkpoint as they were). It is the reference a new store (an SQL
 * store) is tested against: the same contract tests run over every store and must give the same bytes.
 * Its `exclusive` is taken until the action's promise settles; a second writer meanwhile is refused with
 * `LEDGER_LOCKED` at once (there is no other process to wait for).
 *
 * @module
 */
import { toStoredLine } from "./ledger-chain.js";
import type { CheckpointFile } from "./ledger-checkpoint.js";
import { type LedgerSession, type LedgerStore, resolveLedgerTail } from "./ledger-store.js";
import { LEDGER_CHECKPOINT_FORMAT, LedgerError } from "./ledger-types.js";

/** A {@link LedgerStore} in memory; `entries` and `checkpoint` show what it holds. */
export interface MemoryLedgerStore extends LedgerStore {
  /** The stored lines, each with its newline; `undefined` before the first append. */
  readonly entries: readonly Buffer[] | undefined;
  readonly checkpoint: CheckpointFile | undefined;
}

/** An empty ledger in memory, named `location` in errors. */
export function createMemoryLedgerStore(location = "memory:ledger"): MemoryLedgerStore {
  let entries: Buffer[] | undefined;
  let checkpoint: CheckpointFile | undefined;
  let busy = false;
  const bytesOf = () => (entries ?? []).reduce((n, e) => n + e.length, 0);
  const session: LedgerSession = {
    readTail: async () =>
      resolveLedgerTail(
        location,
        checkpoint,
        bytesOf(),
        () => {
          const last = entries?.[entries.length - 1];
          return last && last[last.length - 1] === 0x0a ? last.subarray(0, last.length - 1) : undefined;
        },
        () => (entries ? Buffer.concat(entries) : undefined),
      ),
    appendLine: async (expected, line) => {
      if (expected.bytes !== bytesOf())
        throw new LedgerError({
          code: "LEDGER_CONFLICT",
          path: location,
          message: "not appending after a tail that is no longer the ledger's last entry",
          expected: `a ledger of ${expected.bytes} bytes`,
          received: `${bytesOf()} bytes`,
        });
      entries = [...(entries ?? []), toStoredLine(line)];
    },
    writeCheckpoint: async (tail) => {
      checkpoint = {
        format: LEDGER_CHECKPOINT_FORMAT,
        size: tail.frontier.size,
        root: tail.frontier.root().toString("hex"),
        lastHash: tail.lastHash,
        bytes: tail.bytes,
        frontier: tail.frontier.hashes().map((h) => h.toString("hex")),
      };
    },
  };
  return {
    location,
    checkpointLocation: `${location} checkpoint`,
    get entries() {
      return entries;
    },
    get checkpoint() {
      return checkpoint;
    },
    exclusive: async (action) => {
      if (busy)
        throw new LedgerError({
          code: "LEDGER_LOCKED",
          path: location,
          message: `cannot take the ledger ${location}: another writer holds it`,
        });
      busy = true;
      const before = { entries, checkpoint };
      try {
        return await action(session);
      } catch (error) {
        ({ entries, checkpoint } = before);
        throw error;
      } finally {
        busy = false;
      }
    },
    readEntries: async () => (entries ? Buffer.concat(entries) : undefined),
    readCheckpoint: async () => checkpoint,
  };
}
