/** The BOD wrapper: sender, creation time, BODID, verb; packets; errors as data; determinism. */
import { createHash } from "node:crypto";
import { describe, expect, test } from "vitest";
import { idocIssue } from "../../src/idoc/issues.js";
import { canonicalPacket, mapLoiproToProductionSchedule } from "../../src/mappers/index.js";
import { mapIssuePath } from "../../src/mappers/issues.js";
import { validateXsd } from "../../src/validation/validate-xsd.js";
import { CONFIG, packetOf, seg, typicalOrder } from "./helpers/build-packet.js";
import { codes, mapErrors, mapOk, requestOf, scheduleOf } from "./helpers/navigate.js";

const one = () => packetOf({ segments: [typicalOrder()] });

describe("ApplicationArea", () => {
  test("LOIPRO-MAP-001 Sender/LogicalID from SNDPRN, Receiver/LogicalID from RCVPRN", () => {
    const area = mapOk(one()).value.ApplicationArea;
    expect(area.Sender?.LogicalID?.value).toBe("S4HCLNT100");
    expect(area.Receiver?.[0]?.LogicalID?.value).toBe("MESPLANT1");
  });

  test("LOIPRO-MAP-002 CreationDateTime from CREDAT/CRETIM in the sending system's zone", () => {
    const mapped = mapOk(
      packetOf({ control: { CREDAT: "2026-07-01", CRETIM: "09:34:05" }, segments: [typicalOrder()] }),
      {
        ...CONFIG,
        systems: { S4HCLNT100: { timeZone: "America/New_York" } },
      },
    );
    expect(mapped.value.ApplicationArea.CreationDateTime.value).toBe("2026-07-01T09:34:05-04:00");
    expect(codes(mapped.warnings)).not.toContain("CREATION_ZONE_FROM_PLANT");
  });

  test("LOIPRO-MAP-002 without a system zone, the first order's plant zone, with a warning", () => {
    const mapped = mapOk(one(), { plants: CONFIG.plants });
    expect(mapped.value.ApplicationArea.CreationDateTime.value).toBe("2026-03-27T09:34:05+01:00");
    expect(mapped.warnings).toContainEqual(
      expect.objectContaining({ code: "CREATION_ZONE_FROM_PLANT", path: "IDOC[1]/EDI_DC40/CREDAT" }),
    );
  });

  test("LOIPRO-MAP-002 a missing CREDAT is an error unless the caller gives the creation time", () => {
    const packet = packetOf({ control: { CREDAT: "", CRETIM: "" }, segments: [typicalOrder()] });
    expect(mapErrors(packet).map((e) => [e.code, mapIssuePath(e)])).toEqual([
      ["MISSING_FIELD", "IDOC[1]/EDI_DC40/CREDAT"],
    ]);
    const mapped = mapOk(packet, CONFIG, { creationDateTime: "2026-03-27T10:00:00+01:00" });
    expect(mapped.value.ApplicationArea.CreationDateTime.value).toBe("2026-03-27T10:00:00+01:00");
    expect(codes(mapped.warnings)).toContain("CREATION_TIME_FROM_OPTION");
    expect(codes(mapErrors(packet, CONFIG, { creationDateTime: "2026-03-27T10:00:00" }))).toEqual([
      "INVALID_OPTION",
    ]);
  });

  test("LOIPRO-MAP-003 BODID = SNDPRN/DOCNUM/sha256 of the canonical normalized packet", () => {
    const packet = one();
    const mapped = mapOk(packet);
    const digest = createHash("sha256").update(canonicalPacket(packet)).digest("hex");
    expect(mapped.bodId).toBe(`S4HCLNT100/0000000000430094/sha256:${digest}`);
    expect(mapped.value.ApplicationArea.BODID?.value).toBe(mapped.bodId);
    // key order, raw values and line numbers do not change it; a field value does
    const reordered = {
      ...packet,
      idocs: packet.idocs.map((i) => ({
        ...i,
        control: Object.fromEntries(Object.entries(i.control).reverse()),
      })),
    };
    expect(mapOk(reordered).bodId).toBe(mapped.bodId);
    const changed = packetOf({ segments: [typicalOrder({ header: { GAMNG: "100.001" } })] });
    expect(mapOk(changed).bodId).not.toBe(mapped.bodId);
    expect(canonicalPacket(packet)).not.toMatch(/\s"|":\s/);
  });

  test("LOIPRO-MAP-004 Process by default, Sync on request; releaseID 6.0", () => {
    const process = mapOk(one());
    expect(process.xml).toContain(
      '<ProcessProductionSchedule xmlns="http://www.mesa.org/xml/B2MML-V0600" releaseID="6.0">',
    );
    expect(process.xml).toContain("<Process/>");
    const sync = mapOk(one(), CONFIG, { verb: "Sync" });
    expect(sync.xml).toContain("<SyncProductionSchedule ");
    expect(sync.xml).toContain("<Sync/>");
    expect(validateXsd(sync.xml).valid).toBe(true);
  });
});

describe("packets and results", () => {
  test("LOIPRO-MAP-005 a packet of several IDocs gives one document with one ProductionRequest per order", () => {
    const packet = packetOf(
      { segments: [typicalOrder()] },
      {
        control: { DOCNUM: "0000000000430095" },
        segments: [typicalOrder({ header: { AUFNR: "1895939", WERKS: "2000" } })],
      },
    );
    const mapped = mapOk(packet);
    expect(scheduleOf(mapped).ProductionRequest?.map((r) => r.ID?.value)).toEqual(["1895938", "1895939"]);
    expect(requestOf(mapped, 1).StartTime?.value).toBe("2026-03-30T06:00:00-04:00");
    expect(mapped.bodId).toMatch(/^S4HCLNT100\/0000000000430094\/sha256:[0-9a-f]{64}$/);
  });

  test("LOIPRO-MAP-005 mixed senders, a repeated order, a foreign message type, a missing header are errors", () => {
    const packet = packetOf(
      { segments: [typicalOrder()] },
      { control: { SNDPRN: "OTHER" }, segments: [typicalOrder()] },
      { control: { MESTYP: "MATMAS" }, segments: [seg("E1MARAM", {})] },
    );
    expect(mapErrors(packet).map((e) => [e.code, mapIssuePath(e)])).toEqual([
      ["DUPLICATE_ORDER", "IDOC[2]/E1AFKOL/AUFNR"],
      ["UNSUPPORTED_MESSAGE_TYPE", "IDOC[3]/EDI_DC40/MESTYP"],
      ["MISSING_SEGMENT", "IDOC[3]/E1AFKOL"],
      ["MIXED_SENDERS", "IDOC[2]/EDI_DC40/SNDPRN"],
    ]);
    expect(codes(mapErrors({ idocs: [], issues: [] }))).toContain("EMPTY_PACKET");
  });

  test("LOIPRO-MAP-006 the reader's issues are passed on whole: its errors reject, its warnings stay", () => {
    const packet = one();
    const unknown = idocIssue("IDOC_UNKNOWN_SEGMENT", "warning", "IDOC[1]/E1AFKOL/Z1FOO", "Z1FOO kept", 7);
    const warned = mapOk({ ...packet, issues: [unknown] });
    expect(warned.warnings[0]).toEqual({
      code: "IDOC_UNKNOWN_SEGMENT",
      severity: "warning",
      origin: "idoc",
      message: "Z1FOO kept",
      path: [{ name: "IDOC", index: 1 }, { name: "E1AFKOL" }, { name: "Z1FOO" }],
      line: 7,
    });
    const errors = mapErrors({
      ...packet,
      issues: [idocIssue("IDOC_NOT_AN_IDOC", "error", "IDOC[1]/E1AFKOL", "bad")],
    });
    expect(codes(errors)).toEqual(["IDOC_NOT_AN_IDOC"]);
  });

  test("LOIPRO-MAP-007 the returned document is valid against the V0600 profile", () => {
    const mapped = mapOk(one());
    const result = validateXsd(mapped.xml);
    expect(result.issues).toEqual([]);
  });

  test("LOIPRO-MAP-008 the same input and configuration give byte-identical output", () => {
    const a = mapOk(one());
    const b = mapOk(one());
    const c = mapOk(structuredClone(one()), structuredClone(CONFIG) as typeof CONFIG);
    expect(b.xml).toBe(a.xml);
    expect(c.xml).toBe(a.xml);
    expect(JSON.stringify(c.warnings)).toBe(JSON.stringify(a.warnings));
  });

  test("LOIPRO-MAP-009 all errors are collected, no partial document, and bad input never throws", () => {
    const op = seg(
      "E1AFVOL",
      { VORNR: "0010", FSAVD: "2026-02-31" },
      seg("E1RESBL", { MATNR: "X", BDMNG: "1,0", MEINS: "XX" }),
    );
    const result = mapLoiproToProductionSchedule(
      packetOf({ segments: [typicalOrder({ operations: [op], header: { GMEIN: "" } })] }),
      CONFIG,
    );
    expect(result.ok).toBe(false);
    expect("xml" in result).toBe(false);
    if (!result.ok)
      expect(codes(result.errors)).toEqual([
        "MISSING_UNIT",
        "INVALID_DATE",
        "INVALID_QUANTITY",
        "UNKNOWN_UNIT",
      ]);
    // garbage shapes are reported, not thrown
    const weird = {
      idocs: [{ basicType: "", messageType: "", control: {}, segments: [], path: "IDOC[1]" }],
      issues: [],
    };
    expect(() => mapLoiproToProductionSchedule(weird, CONFIG)).not.toThrow();
    expect(() => mapLoiproToProductionSchedule(one(), null as never)).not.toThrow();
    const garbage = mapLoiproToProductionSchedule(weird, CONFIG);
    expect(garbage.ok).toBe(false);
    if (!garbage.ok)
      expect(garbage.errors.map((e) => [e.code, mapIssuePath(e)])).toEqual([
        ["UNSUPPORTED_MESSAGE_TYPE", "IDOC[1]/EDI_DC40/MESTYP"],
        ["MISSING_SEGMENT", "IDOC[1]/E1AFKOL"],
        ["MISSING_FIELD", "IDOC[1]/EDI_DC40/SNDPRN"],
        ["MISSING_FIELD", "IDOC[1]/EDI_DC40/DOCNUM"],
        ["MISSING_FIELD", "IDOC[1]/EDI_DC40/CREDAT"],
      ]);
    const noConfig = mapLoiproToProductionSchedule(one(), null as never);
    expect(noConfig.ok).toBe(false);
    if (!noConfig.ok)
      expect(noConfig.errors.map((e) => [e.code, mapIssuePath(e)])).toEqual([["CONFIG_INVALID", "config:"]]);
  });
});
