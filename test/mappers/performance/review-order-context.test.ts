/**
 * The order context resolves nothing by guessing (review finding 3; PERF-MAP-030, 031): operations are
 * keyed by sequence and number, duplicate orders, operations and confirmation numbers are errors.
 */
import { describe, expect, test } from "vitest";
import {
  buildOrderContext,
  contextOperation,
  sequenceKey,
} from "../../../src/mappers/idoc-to-production-performance/order-context.js";
import { IssueCollector, mapIssuePath } from "../../../src/mappers/issues.js";
import { packetOf, type SegmentSpec, seg } from "../helpers/build-packet.js";

const op = (vornr: string, fields: Record<string, string> = {}) =>
  seg("E1AFVOL", { VORNR: vornr, ...fields }, seg("E1AFVOL2", { RUECK: fields.RUECK ?? "" }));
const order = (aufnr: string, ...sequences: SegmentSpec[]) =>
  seg("E1AFKOL", { AUFNR: aufnr, WERKS: "1000", MATNR: "FG-1" }, ...sequences);
const sequence = (plnfl: string, ...ops: SegmentSpec[]) => seg("E1AFFLL", { PLNFL: plnfl }, ...ops);

describe("order context keys", () => {
  test("PERF-MAP-030 operations are keyed <PLNFL>/<VORNR>: a parallel sequence's 0010 is not the standard one's", () => {
    const issues = new IssueCollector();
    const context = buildOrderContext(
      packetOf({
        segments: [
          order(
            "4711",
            sequence(
              "0",
              op("0010", { LTXA1: "standard", RUECK: "0000000001" }),
              op("0020", { LTXA1: "only" }),
            ),
            sequence("000001", op("0010", { LTXA1: "parallel", RUECK: "0000000002" })),
          ),
        ],
      }),
      issues,
    );
    const known = context.orders.get("4711");
    expect(contextOperation(known, "0010", "0")?.description).toBe("standard");
    expect(contextOperation(known, "0010", "")?.description).toBe("standard");
    expect(contextOperation(known, "0010", "1")?.description).toBe("parallel");
    expect(contextOperation(known, "0010", "000001")?.description).toBe("parallel");
    expect(contextOperation(known, "0020", "1")).toBeUndefined();
    // the bare VORNR: found when unambiguous, nothing (and listed as ambiguous) when several sequences have it
    expect(contextOperation(known, "0020")?.description).toBe("only");
    expect(known?.operations.get("0010")).toBeUndefined();
    expect(known?.ambiguous.get("0010")?.map((o) => o.description)).toEqual(["standard", "parallel"]);
    // the confirmation number leads to the right sequence's operation
    expect(context.confirmations.get("0000000002")?.description).toBe("parallel");
    expect(context.confirmations.get("0000000002")?.sequence).toBe("000001");
    expect(issues.errors).toEqual([]);
    expect(sequenceKey(undefined)).toBe("0");
    expect(sequenceKey("000002")).toBe("2");
  });
});

describe("duplicates in the order context are errors", () => {
  test("PERF-MAP-030 the same order twice is DUPLICATE_CONTEXT_ORDER at the second AUFNR", () => {
    const issues = new IssueCollector();
    buildOrderContext(
      packetOf(
        { segments: [order("4711", sequence("0", op("0010")))] },
        { segments: [order("4711", sequence("0", op("0010", { LTXA1: "newer" })))] },
      ),
      issues,
    );
    expect(issues.errors).toEqual([
      expect.objectContaining({
        code: "DUPLICATE_CONTEXT_ORDER",
        path: "order-context:IDOC[2]/E1AFKOL/AUFNR",
        received: "4711",
      }),
    ]);
  });

  test("PERF-MAP-031 the same RUECK on two operations is DUPLICATE_CONFIRMATION_NUMBER", () => {
    const issues = new IssueCollector();
    buildOrderContext(
      packetOf({
        segments: [
          order("4711", sequence("0", op("0010", { RUECK: "0000000042" }))),
          order("4712", sequence("0", op("0010", { RUECK: "0000000042" }))),
        ],
      }),
      issues,
    );
    expect(issues.errors).toEqual([
      expect.objectContaining({
        code: "DUPLICATE_CONFIRMATION_NUMBER",
        path: "order-context:IDOC[1]/E1AFKOL[2]/E1AFFLL/E1AFVOL/E1AFVOL2/RUECK",
        received: "0000000042",
      }),
    ]);
  });

  test("PERF-MAP-030 the same VORNR twice in one sequence is DUPLICATE_CONTEXT_OPERATION", () => {
    const issues = new IssueCollector();
    buildOrderContext(packetOf({ segments: [order("4711", sequence("0", op("0010"), op("0010")))] }), issues);
    expect(issues.errors.map((e) => `${e.code} ${mapIssuePath(e)}`)).toEqual([
      "DUPLICATE_CONTEXT_OPERATION order-context:IDOC[1]/E1AFKOL/E1AFFLL/E1AFVOL[2]/VORNR",
    ]);
  });
});
