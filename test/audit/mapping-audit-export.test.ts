/**
 * The mapping-audit step is part of the library (issue #20): `b2mml/audit` and the root entry export the
 * functions the CLI uses (the same functions, not copies); the step appends to any ledger store, and its
 * record can be appended within a store session (the flow's transaction).
 */
import { describe, expect, test } from "vitest";
import { digest } from "../../src/audit/digest.js";
import * as audit from "../../src/audit/index.js";
import { createMemoryLedgerStore } from "../../src/audit/ledger-memory-store.js";
import { appendLedgerEntry, verifyStore } from "../../src/audit/ledger-store.js";
import * as step from "../../src/audit/mapping-audit.js";
import * as root from "../../src/index.js";

describe("the mapping-audit step's exports", () => {
  test.each([
    ["appendMappingAudit", step.appendMappingAudit, audit.appendMappingAudit, root.appendMappingAudit],
    ["digestInput", step.digestInput, audit.digestInput, root.digestInput],
    [
      "UNKNOWN_MESSAGE_TYPE",
      step.UNKNOWN_MESSAGE_TYPE,
      audit.UNKNOWN_MESSAGE_TYPE,
      root.UNKNOWN_MESSAGE_TYPE,
    ],
    [
      "createMappingAuditRecord",
      step.createMappingAuditRecord,
      audit.createMappingAuditRecord,
      root.createMappingAuditRecord,
    ],
  ] as const)("%s from b2mml/audit and the root", (_name, value, fromAudit, fromRoot) => {
    expect(fromAudit).toBe(value);
    expect(fromRoot).toBe(value);
  });

  test("digestInput is unchanged: JCS for IDoc-JSON, Canonical XML 1.0 otherwise", () => {
    const bytes = (text: string) => new TextEncoder().encode(text);
    expect(step.digestInput(bytes(' {"b":1,"a":2}'), "in.json")).toEqual({
      record: digest({ a: 2, b: 1 }, { canonicalization: "jcs" }),
    });
    expect(step.digestInput(bytes("<a  b='1'/>"), "in.xml")).toEqual({
      record: {
        ...digest(bytes('<a b="1"></a>')),
        canonicalization: "http://www.w3.org/TR/2001/REC-xml-c14n-20010315",
      },
    });
  });

  const run: step.MappingAuditRun = {
    mapper: "loipro-to-production-schedule",
    messageType: " ",
    inputs: [{ file: "/in/order.json", bytes: new TextEncoder().encode('{"b":1,"a":2}') }],
    packets: [],
    configuration: { plant: "1000" },
    outcome: "rejected",
    errors: [{ code: "E1" }, { code: "E1" }],
  };

  test("appendMappingAudit appends to a ledger store; the record is the one createMappingAuditRecord builds", async () => {
    const store = createMemoryLedgerStore();
    const append = await step.appendMappingAudit(store, run);
    expect(append.seq).toBe(1);
    expect(await verifyStore(store)).toEqual({ ok: true, records: 1, checkpoint: append.checkpoint });
    const entry = JSON.parse(store.entries?.[0]?.toString("utf8") ?? "null");
    const input = digest({ a: 2, b: 1 }, { canonicalization: "jcs" });
    expect(entry.record).toMatchObject({
      operation: "mapping",
      mapper: "loipro-to-production-schedule",
      messageType: "unknown",
      idempotencyKey: `mapping:${input.hex}`,
      input,
      configuration: digest({ plant: "1000" }, { canonicalization: "jcs" }),
      outcome: "rejected",
    });
    const again = step.createMappingAuditRecord(run);
    const { correlationId: _c, timestamps: _t, ...stable } = entry.record;
    const { correlationId: _c2, timestamps: _t2, ...stableAgain } = JSON.parse(JSON.stringify(again));
    expect(stable).toEqual(stableAgain);
  });

  test("the record appends within a session, beside the caller's own write", async () => {
    const store = createMemoryLedgerStore();
    const outbox: string[] = [];
    const append = await store.exclusive((session) => {
      outbox.push("posting 1");
      return appendLedgerEntry(session, step.createMappingAuditRecord(run));
    });
    expect([append.seq, outbox]).toEqual([1, ["posting 1"]]);
    expect((await verifyStore(store)).ok).toBe(true);
  });
});
