/**
 * The contract every {@link LedgerStore} keeps, as a test suite a store's test file runs with a factory
 * of empty stores (the file store, the memory store; the flow's SQL store next). The same records must
 * give the same bytes in every store: the expected lines come from the pure chain functions.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { checkpointOf, createEmptyTail, createLedgerEntry } from "../../src/audit/ledger-chain.js";
import {
  appendLedgerEntry,
  appendToStore,
  type LedgerStore,
  verifyStore,
} from "../../src/audit/ledger-store.js";
import { GENESIS, type LedgerAppend, LedgerError } from "../../src/audit/ledger-types.js";
import { merkleTreeHash } from "../../src/audit/merkle-tree.js";

/** The lines (with newlines) the pure functions give for the records. */
function expectedEntries(records: readonly unknown[]): Buffer {
  let tail = createEmptyTail();
  const lines: Buffer[] = [];
  for (const record of records) {
    const entry = createLedgerEntry(tail, record);
    lines.push(entry.line, Buffer.from("\n"));
    tail = entry.tail;
  }
  return Buffer.concat(lines);
}

async function catchLedgerError(action: () => Promise<unknown> | unknown): Promise<LedgerError> {
  try {
    await action();
  } catch (error) {
    if (error instanceof LedgerError) return error;
    throw error;
  }
  throw new Error("expected a LedgerError");
}

/** Appends the records one after the other. */
async function appendAll(store: LedgerStore, records: readonly unknown[]): Promise<LedgerAppend[]> {
  const appends: LedgerAppend[] = [];
  for (const record of records) appends.push(await appendToStore(store, record));
  return appends;
}

/** Runs the store contract over stores made by `createStore` (each call: a new, empty store). */
export function describeLedgerStoreContract(name: string, createStore: () => LedgerStore): void {
  describe(`the ledger store contract: ${name}`, () => {
    test("a store without entries does not exist for verification", async () => {
      const store = createStore();
      expect(await store.readEntries()).toBeUndefined();
      expect(await store.readCheckpoint()).toBeUndefined();
      expect((await catchLedgerError(() => verifyStore(store))).code).toBe("LEDGER_NOT_FOUND");
    });

    test("appends give sequence numbers, hashes and checkpoints of the pure chain, and verify", async () => {
      const store = createStore();
      const records = [{ n: 1 }, "two", [3, null]];
      const appends = await appendAll(store, records);
      const data = expectedEntries(records);
      const lines = data.toString("utf8").split("\n").slice(0, -1);
      expect(await store.readEntries()).toEqual(data);
      expect(appends.map((a) => [a.seq, a.checkpointFile])).toEqual([
        [1, "updated"],
        [2, "updated"],
        [3, "updated"],
      ]);
      expect(appends.map((a) => a.hash)).toEqual(lines.map((l) => JSON.parse(l).hash));
      const last = appends[2];
      expect(last?.checkpoint).toEqual({
        format: "b2mml-ledger-checkpoint/1",
        size: 3,
        root: merkleTreeHash(lines.map((l) => Buffer.from(l))).toString("hex"),
        lastHash: JSON.parse(lines[2] as string).hash,
        bytes: data.length,
      });
      const { frontier, ...stored } = (await store.readCheckpoint()) ?? { frontier: [] };
      expect(stored).toEqual(last?.checkpoint);
      expect(frontier).toHaveLength(2);
      expect(await verifyStore(store)).toEqual({ ok: true, records: 3, checkpoint: last?.checkpoint });
    });

    test("a checkpoint kept by the caller: the same ledger verifies, a longer claim is a truncation", async () => {
      const store = createStore();
      const first = await appendToStore(store, "a");
      await appendToStore(store, "b");
      expect((await verifyStore(store, first.checkpoint)).ok).toBe(true);
      const other = createStore();
      await appendAll(other, ["a", "b", "c"]);
      const longer = (await verifyStore(other)).checkpoint;
      expect(await verifyStore(store, longer)).toEqual({
        ok: false,
        records: 2,
        checkpoint: (await verifyStore(store)).checkpoint,
        problem: {
          line: 3,
          kind: "truncated",
          reason: "truncated: the ledger has 2 record(s), the checkpoint given covers 3",
        },
      });
      const elsewhere = createStore();
      await appendToStore(elsewhere, "z");
      expect(await verifyStore(store, (await verifyStore(elsewhere)).checkpoint)).toEqual({
        ok: false,
        records: 2,
        checkpoint: (await verifyStore(store)).checkpoint,
        problem: {
          line: 1,
          kind: "altered",
          reason:
            "altered: the first 1 record(s) do not give the Merkle root, last hash and length of the checkpoint given",
        },
      });
    });

    test("a given checkpoint that is not one is refused with a code", async () => {
      const store = createStore();
      await appendToStore(store, "a");
      const error = await catchLedgerError(() =>
        verifyStore(store, { size: -1 } as unknown as Parameters<typeof verifyStore>[1]),
      );
      expect(error.code).toBe("LEDGER_CHECKPOINT_INVALID");
    });

    test("an append after a tail that is no longer the last entry is refused; nothing is appended", async () => {
      const store = createStore();
      await appendToStore(store, "a");
      const error = await store.exclusive(async (session) => {
        const tail = await session.readTail();
        await session.appendLine(tail, createLedgerEntry(tail, "b").line);
        return catchLedgerError(() => session.appendLine(tail, createLedgerEntry(tail, "c").line));
      });
      expect(error.code).toBe("LEDGER_CONFLICT");
      expect(await store.readEntries()).toEqual(expectedEntries(["a", "b"]));
    });

    test("a second writer while one holds the store is refused with LEDGER_LOCKED", async () => {
      const store = createStore();
      const error = await store.exclusive(() => catchLedgerError(() => appendToStore(store, "x")));
      expect(error.code).toBe("LEDGER_LOCKED");
      await appendToStore(store, "y");
      expect(await store.readEntries()).toEqual(expectedEntries(["y"]));
    });

    test("the store is held until the action's promise settles", async () => {
      const store = createStore();
      let release: () => void = () => {};
      const held = store.exclusive(async (session) => {
        await new Promise<void>((resolve) => {
          release = resolve;
        });
        return appendLedgerEntry(session, "first");
      });
      const error = await catchLedgerError(() => appendToStore(store, "second"));
      expect(error.code).toBe("LEDGER_LOCKED");
      release();
      expect((await held).seq).toBe(1);
      expect((await appendToStore(store, "third")).seq).toBe(2);
      expect(await store.readEntries()).toEqual(expectedEntries(["first", "third"]));
    });

    test("an append within a session links to the stored tail (the flow's transaction)", async () => {
      const store = createStore();
      await appendToStore(store, "a");
      const append = await store.exclusive(async (session) => {
        expect((await session.readTail()).frontier.size).toBe(1);
        return appendLedgerEntry(session, { outbox: 1 });
      });
      expect(append.seq).toBe(2);
      expect(await verifyStore(store)).toEqual({ ok: true, records: 2, checkpoint: append.checkpoint });
    });

    test("the tail of an empty store is the genesis", async () => {
      const store = createStore();
      const tail = await store.exclusive((session) => session.readTail());
      expect(checkpointOf(tail.frontier, tail.lastHash, tail.bytes)).toEqual({
        format: "b2mml-ledger-checkpoint/1",
        size: 0,
        root: merkleTreeHash([]).toString("hex"),
        lastHash: GENESIS,
        bytes: 0,
      });
    });

    test("property: any records appended give the pure chain's bytes and verify", async () => {
      const json = fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.parse(JSON.stringify(v)) as unknown);
      await fc.assert(
        fc.asyncProperty(fc.array(json, { minLength: 1, maxLength: 6 }), async (records) => {
          const store = createStore();
          const appends = await appendAll(store, records);
          expect(await store.readEntries()).toEqual(expectedEntries(records));
          expect(await verifyStore(store)).toEqual({
            ok: true,
            records: records.length,
            checkpoint: appends[appends.length - 1]?.checkpoint,
          });
        }),
        { seed: 20, numRuns: 40 },
      );
    });
  });
}
