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
  test("an action that throws leaves the entries and the checkpoint as they were", () => {
    const store = createMemoryLedgerStore("memory:test");
    appendToStore(store, "a");
    const [entries, checkpoint] = [store.entries, store.checkpoint];
    expect(() =>
      store.exclusive((session) => {
        const tail = session.readTail();
        session.appendLine(tail, Buffer.from("{}"));
        throw new Error("the outbox row could not be written");
      }),
    ).toThrow("the outbox row could not be written");
    expect(store.entries).toBe(entries);
    expect(store.checkpoint).toBe(checkpoint);
  });
});

describe("the file store", () => {
  test("appendToLedger writes the bytes a memory store holds for the same records", () => {
    const file = path.join(tmp, "same-bytes.jsonl");
    const memory = createMemoryLedgerStore();
    for (const record of [{ a: 1 }, "b", [true]]) {
      appendToLedger(file, record, { fsync: false });
      appendToStore(memory, record);
    }
    expect(readFileSync(file)).toEqual(memory.readEntries());
    expect(JSON.parse(readFileSync(`${file}.checkpoint.json`, "utf8"))).toEqual(memory.checkpoint);
  });
});
