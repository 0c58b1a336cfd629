/**
 * The file store: the ledger is a JSON Lines file, its checkpoint `<ledger>.checkpoint.json` beside it,
 * and write access is the lock file `<ledger>.lock` (see `ledger-lock.ts`). An entry is written with one
 * `write` on a descriptor opened with `O_APPEND`, then `fsync`ed; a line that cannot be written whole is
 * cut off again (see `ledger-io.ts`). The checkpoint file is replaced atomically (see
 * `ledger-checkpoint.ts`).
 *
 * Its IO is synchronous: {@link openFileLedger} is the store in that form (what the path-based
 * `appendToLedger` and `verifyLedger` use), and {@link createFileLedgerStore} the same file behind the
 * asynchronous {@link LedgerStore} interface, with the same lock, durability and error codes. Its
 * `exclusive` holds the lock file until the action's promise settles, waiting for it without blocking the
 * event loop.
 *
 * @module
 */
import { closeSync } from "node:fs";
import { toStoredLine } from "./ledger-chain.js";
import { checkpointPath, readCheckpointFile, writeCheckpointFile } from "./ledger-checkpoint.js";
import { openForAppend, readLastLine, readLedgerFile, writeLine } from "./ledger-io.js";
import { withLedgerLock, withLedgerLockAsync } from "./ledger-lock.js";
import {
  type LedgerSession,
  type LedgerStore,
  resolveLedgerTail,
  type SyncLedgerSession,
  type SyncLedgerStore,
} from "./ledger-store.js";
import { type AppendOptions, DEFAULT_MAX_LEDGER_BYTES, LedgerError } from "./ledger-types.js";

/** The ledger file at `ledger` as a {@link LedgerStore} (lock timeout, fsync and size limit from `options`). */
export function createFileLedgerStore(ledger: string, options: AppendOptions = {}): LedgerStore {
  const file = openFileLedger(ledger, options);
  const maxBytes = options.maxLedgerBytes ?? DEFAULT_MAX_LEDGER_BYTES;
  return {
    location: file.location,
    checkpointLocation: file.checkpointLocation,
    exclusive: (action) =>
      withLedgerLockAsync(ledger, options, async () => {
        const opened = openForAppend(ledger);
        try {
          return await action(
            asyncSession(openFileSession(ledger, opened, maxBytes, options.fsync !== false)),
          );
        } finally {
          closeSync(opened.fd);
        }
      }),
    readEntries: async () => file.readEntries(),
    readCheckpoint: async () => file.readCheckpoint(),
  };
}

/**
 * The ledger file at `ledger` as a synchronous store (what `appendToLedger` and `verifyLedger` use).
 *
 * @internal
 */
export function openFileLedger(ledger: string, options: AppendOptions = {}): SyncLedgerStore {
  const maxBytes = options.maxLedgerBytes ?? DEFAULT_MAX_LEDGER_BYTES;
  return {
    location: ledger,
    checkpointLocation: checkpointPath(ledger),
    exclusive: (action) =>
      withLedgerLock(ledger, options, () => {
        const opened = openForAppend(ledger);
        try {
          return action(openFileSession(ledger, opened, maxBytes, options.fsync !== false));
        } finally {
          closeSync(opened.fd);
        }
      }),
    readEntries: () => readLedgerFile(ledger, maxBytes),
    readCheckpoint: () => readCheckpointFile(ledger),
  };
}

/** A synchronous session behind the asynchronous interface (an error becomes a rejection). */
function asyncSession(session: SyncLedgerSession): LedgerSession {
  return {
    readTail: async () => session.readTail(),
    appendLine: async (expected, line) => session.appendLine(expected, line),
    writeCheckpoint: async (tail) => session.writeCheckpoint(tail),
  };
}

function openFileSession(
  ledger: string,
  opened: { fd: number; bytes: number; created: boolean },
  maxBytes: number,
  fsync: boolean,
): SyncLedgerSession {
  return {
    readTail: () =>
      resolveLedgerTail(
        ledger,
        readCheckpointFile(ledger),
        opened.bytes,
        () => readLastLine(ledger, opened.bytes, maxBytes),
        () => readLedgerFile(ledger, maxBytes),
      ),
    appendLine: (expected, line) => {
      if (expected.bytes !== opened.bytes)
        throw new LedgerError({
          code: "LEDGER_CONFLICT",
          path: ledger,
          message: "not appending after a tail that is no longer the ledger's last entry",
          expected: `a ledger of ${expected.bytes} bytes`,
          received: `${opened.bytes} bytes`,
        });
      writeLine(ledger, opened, toStoredLine(line), fsync);
      opened.bytes += line.length + 1;
      opened.created = false;
    },
    writeCheckpoint: (tail) => writeCheckpointFile(ledger, tail.frontier, tail.lastHash, tail.bytes),
  };
}
