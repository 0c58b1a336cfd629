/**
 * The ledger store contract over the file store and the memory store (the SQL store of the flow runs the
 * same suite), and what only one of them does: the memory store rolls back an action that throws; the
 * file store is what `appendToLedger` writes (the same bytes as a memory store).
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { appendToLedger } from "../../src/audit/ledger.js";
import { createFileLedgerStore } from "../../src/audit/ledger-file-store.js";
import { createMemoryLedgerStore } from "../../src/audit/ledger-memory-store.js";
import { appendToStore } from "../../src/audit/ledger-store.js";
import { describeLedgerStoreContract } from "./ledger-store-contract.js";

const tmp = mkdtempSync(path.join(os.tmpdir(), "b2mml-ledger-store-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
let counter = 0;

describeLedgerStoreContract("file", () =>
  createFileLedgerStore(path.join(tmp, `store-${++counter}.jsonl`), { lockTimeoutMs: 50, fsync: false }),
);
describeLedgerStoreContract("memory", () => createMemoryLedgerStore());

describe("the memory store", () => {
  test("an action that throws leaves the entries and the checkpoint as they were", async () => {
    const store = createMemoryLedgerStore("memory:test");
    await appendToStore(store, "a");
    const [entries, checkpoint] = [store.entries, store.checkpoint];
    await expect(
      store.exclusive(async (session) => {
        const tail = await session.readTail();
        await session.appendLine(tail, Buffer.from("{}"));
        throw new Error("the outbox row could not be written");
      }),
    ).rejects.toThrow("the outbox row could not be written");
    expect(store.entries).toBe(entries);
    expect(store.checkpoint).toBe(checkpoint);
    await expect(
      store.exclusive(() => {
        throw new Error("thrown before any await");
      }),
    ).rejects.toThrow("thrown before any await");
    expect((await appendToStore(store, "b")).seq).toBe(2);
  });
});

describe("the file store", () => {
  test("appendToLedger writes the bytes a memory store holds for the same records", async () => {
    const file = path.join(tmp, "same-bytes.jsonl");
    const memory = createMemoryLedgerStore();
    for (const record of [{ a: 1 }, "b", [true]]) {
      appendToLedger(file, record, { fsync: false });
      await appendToStore(memory, record);
    }
    expect(readFileSync(file)).toEqual(await memory.readEntries());
    expect(JSON.parse(readFileSync(`${file}.checkpoint.json`, "utf8"))).toEqual(memory.checkpoint);
  });
});
