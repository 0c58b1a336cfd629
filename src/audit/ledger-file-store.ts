/**
 * The file store: the ledger is a JSON Lines file, its checkpoint `<ledger>.checkpoint.json` beside it,
 * and write access is the lock file `<ledger>.lock` (see `ledger-lock.ts`). An entry is written with one
 * `write` on a descriptor opened with `O_APPEND`, then `fsync`ed; a line that cannot be written whole is
 * cut off again (see `ledger-io.ts`). The checkpoint file is replaced atomically (see
 * `ledger-checkpoint.ts`).
 *
 * @module
 */
import { closeSync } from "node:fs";
import { toStoredLine } from "./ledger-chain.js";
import { checkpointPath, readCheckpointFile, writeCheckpointFile } from "./ledger-checkpoint.js";
import { openForAppend, readLastLine, readLedgerFile, writeLine } from "./ledger-io.js";
import { withLedgerLock } from "./ledger-lock.js";
import { type LedgerSession, type LedgerStore, resolveLedgerTail } from "./ledger-store.js";
import { type AppendOptions, DEFAULT_MAX_LEDGER_BYTES, LedgerError } from "./ledger-types.js";

/** The ledger file at `ledger` as a {@link LedgerStore} (lock timeout, fsync and size limit from `options`). */
export function createFileLedgerStore(ledger: string, options: AppendOptions = {}): LedgerStore {
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

function openFileSession(
  ledger: string,
  opened: { fd: number; bytes: number; created: boolean },
  maxBytes: number,
  fsync: boolean,
): LedgerSession {
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
