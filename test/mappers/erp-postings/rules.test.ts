/** Rule tests of ProductionPerformance → ERP postings; every title names its PERF-POST ID. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { readIdoc } from "../../../src/idoc/index.js";
import { writeIdocXml } from "../../../src/idoc/write-idoc-xml.js";
import {
  base32,
  type ErpPostingConfig,
  exIdentOf,
  mapProductionPerformanceToErpPostings,
  parseErpPostingConfig,
  refDocNoOf,
  toSapDateTime,
  toSapQuantity,
} from "../../../src/mappers/production-performance-to-erp/index.js";
import { sapUnitTable } from "../../../src/mappers/units/sap-unit-lookup.js";
import { renderIssuePath } from "../../../src/shared/issue.js";
import { repoRoot } from "../../helpers/paths.js";
import { loadConfig, performanceXml } from "./helpers.js";

const config = loadConfig();
const produced = (qty: string, unit = "KGM", props = "", extra = "") =>
  `<MaterialProducedActual><MaterialDefinitionID>4711</MaterialDefinitionID>${extra}<Quantity><QuantityString unitCode="${unit}">${qty}</QuantityString><UnitOfMeasure>${unit}</UnitOfMeasure></Quantity>${props}</MaterialProducedActual>`;
const consumed = (qty: string, props = "", material = "100234") =>
  `<MaterialConsumedActual><MaterialDefinitionID>${material}</MaterialDefinitionID><MaterialLotID>lot-a1</MaterialLotID><Quantity><QuantityString unitCode="KGM">${qty}</QuantityString><UnitOfMeasure>KGM</UnitOfMeasure></Quantity>${props}</MaterialConsumedActual>`;
const prop = (kind: string, id: string, value: string) =>
  `<${kind}Property><ID>${id}</ID><Value><ValueString>${value}</ValueString></Value></${kind}Property>`;
const op = (
  body: string,
  id = "10",
  times = "<ActualStartTime>2026-04-15T06:00:00+02:00</ActualStartTime><ActualEndTime>2026-04-15T17:30:45+02:00</ActualEndTime>",
) => `<SegmentResponse><ID>${id}</ID>${times}${body}</SegmentResponse>`;

function fields(xml: string, segment: string): Record<string, string>[] {
  const packet = readIdoc(xml, { strict: true });
  expect(packet.issues).toEqual([]);
  const out: Record<string, string>[] = [];
  const walk = (s: { name: string; raw: Readonly<Record<string, string>>; segments: readonly unknown[] }) => {
    if (s.name === segment) out.push({ ...s.raw });
    for (const c of s.segments) walk(c as typeof s);
  };
  for (const idoc of packet.idocs) for (const s of idoc.segments) walk(s as never);
  return out;
}

function map(xml: string, cfg: ErpPostingConfig = config) {
  return mapProductionPerformanceToErpPostings(xml, cfg);
}

function ok(xml: string, cfg: ErpPostingConfig = config) {
  const r = map(xml, cfg);
  if (!r.ok) throw new Error(JSON.stringify(r.errors, null, 2));
  return r;
}

describe("document and IDoc form", () => {
  test("PERF-POST-001 the document is validated against the V0600 profile first; invalid means no IDoc", () => {
    const r = map(performanceXml(op(produced("1")).replace("<ID>10</ID>", "<Bogus/>")));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.some((e) => e.code.startsWith("XSD_"))).toBe(true);
  });

  test("PERF-POST-002 the bare ProductionPerformance root and the Process wrapper are accepted", () => {
    const bare = performanceXml(op(produced("1")))
      .replace(
        /[\s\S]*<ProductionPerformance>/,
        '<ProductionPerformance xmlns="http://www.mesa.org/xml/B2MML-V0600">',
      )
      .replace(/<\/ProductionPerformance>[\s\S]*/, "</ProductionPerformance>");
    expect(ok(bare).idocs).toHaveLength(1);
    const process = readFileSync(
      path.join(repoRoot, "fixtures/b2mml-v0600/valid/process-production-performance/document.xml"),
      "utf8",
    );
    const r = map(process);
    expect(r.ok || r.errors.every((e) => !e.code.startsWith("XSD_"))).toBe(true);
  });

  test("PERF-POST-003 IDoc-XML: root = basic type, IDOC BEGIN=1, SEGMENT=1, DIRECT 2, fields in definition order", () => {
    const [idoc] = ok(performanceXml(op(produced("1")))).idocs;
    expect(idoc?.xml).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<PPCC2PRETTICKET02>\n {2}<IDOC BEGIN="1">\n {4}<EDI_DC40 SEGMENT="1">/,
    );
    const control = readIdoc(idoc?.xml ?? "").idocs[0]?.control;
    expect(control).toMatchObject({
      DIRECT: "2",
      IDOCTYP: "PPCC2PRETTICKET02",
      MESTYP: "PPCC2PRETTICKET",
      SNDPRN: "MESCLNT",
      RCVPRN: "PRDCLNT100",
      MANDT: "100",
    });
    expect(() =>
      writeIdocXml([{ control: { IDOCTYP: "X" }, segments: [{ name: "E1X", fields: { A: "1" } }] }], {
        definitions: { E1X: ["B"] },
      }),
    ).toThrow(/no field A/);
  });

  test("PERF-POST-004 errors are data with XPaths, all collected, and no IDoc at all", () => {
    const r = map(
      performanceXml(
        op(produced("1.0001") + consumed("-1", prop("MaterialConsumedActual", "MOVE_TYPE", "999"))),
      ),
    );
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors.map((e) => e.code).sort()).toEqual(["PRECISION_EXCEEDED", "UNSUPPORTED_MOVEMENT_TYPE"]);
      expect(r.errors.find((e) => e.code === "PRECISION_EXCEEDED")?.path).toEqual(
        "/SyncProductionPerformance/DataArea/ProductionPerformance[1]/ProductionResponse[1]/SegmentResponse[1]/MaterialProducedActual[1]/Quantity[1]/QuantityString",
      );
      expect("idocs" in r).toBe(false);
    }
  });

  test("PERF-POST-005 the same document and configuration give byte-identical IDocs", () => {
    const xml = performanceXml(op(produced("1") + consumed("2")));
    expect(ok(xml)).toEqual(ok(xml));
  });
});

describe("time tickets", () => {
  test("PERF-POST-010 one PPCC2PRETTICKET02 per operation (ID of 1–4 digits or schemeID VORNR) with ORDERID, OPERATION, PLANT", () => {
    const r = ok(performanceXml(op(produced("5")) + op(produced("6"), "0020")));
    const tickets = r.idocs.flatMap((i) => fields(i.xml, "E1BP_PP_TIMETICKET"));
    expect(tickets.map((t) => [t.ORDERID, t.OPERATION, t.PLANT])).toEqual([
      ["000001004711", "0010", "1000"],
      ["000001004711", "0020", "1000"],
    ]);
  });

  test("PERF-POST-011 QUANTITY_TYPE Yield/Scrap/Rework → YIELD, SCRAP, REWORK in one CONF_QUAN_UNIT, parts summed exactly", () => {
    const kind = (k: string) => prop("MaterialProducedActual", "QUANTITY_TYPE", k);
    const [t] = fields(
      ok(
        performanceXml(
          op(
            produced("5.5", "H87") +
              produced("0.25", "H87") +
              produced("2", "H87", kind("Scrap")) +
              produced("1", "H87", kind("Rework")),
          ),
        ),
      ).idocs[0]?.xml ?? "",
      "E1BP_PP_TIMETICKET",
    );
    expect(t).toMatchObject({ CONF_QUAN_UNIT: "ST", YIELD: "5.750", SCRAP: "2.000", REWORK: "1.000" });
    const r = map(performanceXml(op(produced("5", "H87") + produced("2", "KGM", kind("Scrap")))));
    expect(!r.ok && r.errors[0]?.code).toBe("UNIT_CONFLICT");
  });

  test("PERF-POST-012 the scrap reason (property REASON) becomes DEV_REASON", () => {
    const props =
      prop("MaterialProducedActual", "QUANTITY_TYPE", "Scrap") +
      prop("MaterialProducedActual", "REASON", "0003");
    const [t] = fields(
      ok(performanceXml(op(produced("2", "KGM", props)))).idocs[0]?.xml ?? "",
      "E1BP_PP_TIMETICKET",
    );
    expect(t).toMatchObject({ SCRAP: "2.000", DEV_REASON: "0003" });
  });

  test("PERF-POST-013 activities: Key or property CONF_ACTIVITYn, else the configured slot; unit from the table", () => {
    const body = `<PersonnelActual><Quantity><QuantityString unitCode="HUR">1.5</QuantityString><UnitOfMeasure>HUR</UnitOfMeasure></Quantity></PersonnelActual>
      <EquipmentActual><Quantity><QuantityString unitCode="MIN">30</QuantityString><UnitOfMeasure>MIN</UnitOfMeasure><Key>CONF_ACTIVITY1</Key></Quantity>
      <EquipmentActualProperty><ID>CONF_ACTIVITY4</ID><Quantity><QuantityString unitCode="MIN">-5</QuantityString><UnitOfMeasure>MIN</UnitOfMeasure></Quantity></EquipmentActualProperty></EquipmentActual>`;
    const [t] = fields(ok(performanceXml(op(body))).idocs[0]?.xml ?? "", "E1BP_PP_TIMETICKET");
    expect(t).toMatchObject({
      CONF_ACTI_UNIT1: "MIN",
      CONF_ACTIVITY1: "30.000",
      CONF_ACTI_UNIT3: "H",
      CONF_ACTIVITY3: "1.500",
      CONF_ACTIVITY4: "5.000-",
    });
    const { activities: _, ...postings } = config.postings;
    const r = map(performanceXml(op(body)), { ...config, postings });
    expect(!r.ok && r.errors.map((e) => e.code)).toEqual(["MISSING_ACTIVITY_SLOT"]);
  });

  test("PERF-POST-014 SegmentState Completed → FIN_CONF X (final confirmation); otherwise partial", () => {
    const xml = performanceXml(
      op(`${produced("1")}<SegmentState>Completed</SegmentState>`) + op(produced("1"), "20"),
    );
    const tickets = ok(xml).idocs.flatMap((i) => fields(i.xml, "E1BP_PP_TIMETICKET"));
    expect(tickets.map((t) => t.FIN_CONF)).toEqual(["X", undefined]);
  });

  test("PERF-POST-015 EXEC_START/EXEC_FIN from the actual times, POSTG_DATE from the end, in the plant's zone", () => {
    const times =
      "<ActualStartTime>2026-03-28T23:30:00Z</ActualStartTime><ActualEndTime>2026-03-29T01:30:00Z</ActualEndTime>";
    const [t] = fields(
      ok(performanceXml(op(produced("1"), "10", times))).idocs[0]?.xml ?? "",
      "E1BP_PP_TIMETICKET",
    );
    expect(t).toMatchObject({
      EXEC_START_DATE: "20260329",
      EXEC_START_TIME: "003000",
      EXEC_FIN_DATE: "20260329",
      EXEC_FIN_TIME: "033000",
      POSTG_DATE: "20260329",
    });
  });

  test("PERF-POST-016 work center from EquipmentID schemeID ARBPL, PERS_NO from PersonID schemeID PERNR (NUMC8)", () => {
    const body = `<PersonnelActual><PersonID schemeID="PERNR">4711</PersonID></PersonnelActual><EquipmentActual><EquipmentID schemeID="ARBPL">TABL01</EquipmentID></EquipmentActual>${produced("1")}`;
    const [t] = fields(ok(performanceXml(op(body))).idocs[0]?.xml ?? "", "E1BP_PP_TIMETICKET");
    expect(t).toMatchObject({ WORK_CNTR: "TABL01", PERS_NO: "00004711" });
  });

  test("PERF-POST-018 several time tickets of one operation (TIME_TICKET links) → one ticket each, never merged", () => {
    const link = (kind: string, id: string) => prop(kind, "TIME_TICKET", id);
    const kind = (k: string) => prop("MaterialProducedActual", "QUANTITY_TYPE", k);
    const data = (id: string, values: string) =>
      `<ProductionData><ID schemeID="EX_IDENT">${id}</ID>${values}</ProductionData>`;
    const value = (key: string, v: string) =>
      `<Value><ValueString>${v}</ValueString><Key>${key}</Key></Value>`;
    const body =
      data("T1", value("FIN_CONF", "X")) +
      data("T2", value("DEV_REASON", "0007")) +
      `<PersonnelActual><PersonID schemeID="PERNR">4711</PersonID>${link("PersonnelActual", "T1")}</PersonnelActual>` +
      `<PersonnelActual><PersonID schemeID="PERNR">815</PersonID>${link("PersonnelActual", "T2")}</PersonnelActual>` +
      produced("5", "H87", kind("Yield") + link("MaterialProducedActual", "T1")) +
      produced("3", "H87", kind("Yield") + link("MaterialProducedActual", "T2")) +
      produced("1", "H87", kind("Scrap") + link("MaterialProducedActual", "T2")) +
      "<SegmentState>Completed</SegmentState>";
    const r = ok(performanceXml(op(body)));
    const tickets = r.idocs.flatMap((i) => fields(i.xml, "E1BP_PP_TIMETICKET"));
    expect(
      tickets.map((t) => [
        t.OPERATION,
        t.YIELD,
        t.SCRAP,
        t.DEV_REASON,
        t.PERS_NO,
        t.FIN_CONF,
        t.EXEC_START_TIME,
      ]),
    ).toEqual([
      ["0010", "5.000", undefined, undefined, "00004711", "X", "060000"],
      ["0010", "3.000", "1.000", "0007", "00000815", undefined, "060000"],
    ]);
    expect(new Set(r.idocs.map((i) => i.key)).size).toBe(2);
    // the same ticket content under another source ticket ID is another posting (another EX_IDENT)
    const same = ok(performanceXml(op(body.replaceAll(">T2<", ">T3<"))));
    expect(same.idocs[1]?.key).not.toBe(r.idocs[1]?.key);
    expect(same.idocs[0]?.key).toBe(r.idocs[0]?.key);
    // without ticket data, Completed puts FIN_CONF on the last ticket; unlinked actuals are a ticket of their own
    const plain = ok(
      performanceXml(
        op(
          produced("2", "H87") +
            produced("5", "H87", link("MaterialProducedActual", "A")) +
            produced("3", "H87", link("MaterialProducedActual", "B")) +
            "<SegmentState>Completed</SegmentState>",
        ),
      ),
    );
    expect(
      plain.idocs.flatMap((i) => fields(i.xml, "E1BP_PP_TIMETICKET")).map((t) => [t.YIELD, t.FIN_CONF]),
    ).toEqual([
      ["2.000", undefined],
      ["5.000", undefined],
      ["3.000", "X"],
    ]);
  });

  test("PERF-POST-017 yield on a segment that is no operation is an error", () => {
    const r = map(performanceXml(`<SegmentResponse><ID>ORDER</ID>${produced("1")}</SegmentResponse>`));
    expect(!r.ok && r.errors.map((e) => e.code)).toEqual(["NOT_AN_OPERATION"]);
  });
});

describe("goods movements", () => {
  const mt = (kind: string, t: string) => prop(kind, "MOVE_TYPE", t);
  test("PERF-POST-020 101 → GM_CODE 02 MVT_IND F; 261 (default of a consumed actual) → 03; 531 → 05", () => {
    const body =
      produced("10", "KGM", mt("MaterialProducedActual", "101")) +
      produced("1", "KGM", prop("MaterialProducedActual", "COMPONENT_ROLE", "ByProduct")) +
      consumed("2");
    const r = ok(performanceXml(op(body)));
    const docs = r.idocs.filter((i) => i.kind === "goods-movement");
    const summary = docs.map((d) => [
      fields(d.xml, "E1BP2017_GM_CODE")[0]?.GM_CODE,
      ...fields(d.xml, "E1BP2017_GM_ITEM_CREATE").map((i) => `${i.MOVE_TYPE}/${i.MVT_IND ?? ""}`),
    ]);
    expect(summary).toEqual([
      ["02", "101/F"],
      ["05", "531/"],
      ["03", "261/"],
    ]);
  });

  test("PERF-POST-021 items of one response with the same GM_CODE and posting date share one MBGMCR03 document", () => {
    const r = ok(performanceXml(op(consumed("1") + consumed("2", "", "100871"))));
    const docs = r.idocs.filter((i) => i.kind === "goods-movement");
    expect(docs).toHaveLength(1);
    expect(fields(docs[0]?.xml ?? "", "E1BP2017_GM_ITEM_CREATE")).toHaveLength(2);
  });

  test("PERF-POST-022 reversals: 102/262/532 explicit, or a negative quantity → the reversal type; ENTRY_QNT without sign", () => {
    const r = ok(
      performanceXml(op(produced("-1", "KGM", mt("MaterialProducedActual", "102")) + consumed("-2.5"))),
    );
    const items = r.idocs.flatMap((d) => fields(d.xml, "E1BP2017_GM_ITEM_CREATE"));
    expect(items.map((i) => [i.MOVE_TYPE, i.ENTRY_QNT])).toEqual([
      ["102", "1.000"],
      ["262", "2.500"],
    ]);
  });

  test("PERF-POST-023 MATERIAL padded to 18 when numeric, MATERIAL_LONG for 19–40 characters", () => {
    const long = "IBUPROFEN_400MG_FCT_BULK";
    const r = ok(performanceXml(op(consumed("1") + consumed("1", "", long))));
    const items = r.idocs.flatMap((d) => fields(d.xml, "E1BP2017_GM_ITEM_CREATE"));
    expect(items.map((i) => [i.MATERIAL, i.MATERIAL_LONG])).toEqual([
      ["000000000000100234", undefined],
      [undefined, long],
    ]);
  });

  test("PERF-POST-024 BATCH upper case, at most 10 characters", () => {
    const items = ok(performanceXml(op(consumed("1")))).idocs.flatMap((d) =>
      fields(d.xml, "E1BP2017_GM_ITEM_CREATE"),
    );
    expect(items[0]?.BATCH).toBe("LOT-A1");
    const r = map(performanceXml(op(consumed("1").replace("lot-a1", "lot-a1-too-long"))));
    expect(!r.ok && r.errors.map((e) => e.code)).toEqual(["VALUE_TOO_LONG"]);
  });

  test("PERF-POST-030 ORDERID in ALPHA internal form (12), a longer number is an error", () => {
    const items = ok(performanceXml(op(consumed("1")), { order: "4000981" })).idocs.flatMap((d) =>
      fields(d.xml, "E1BP2017_GM_ITEM_CREATE"),
    );
    expect(items[0]?.ORDERID).toBe("000004000981");
    const r = map(performanceXml(op(consumed("1")), { order: "1234567890123" }));
    expect(!r.ok && r.errors[0]?.code).toBe("VALUE_TOO_LONG");
  });
});

describe("values", () => {
  test("PERF-POST-040 more decimals than QUAN 13,3 holds is an error naming the field, never rounded silently", () => {
    expect(toSapQuantity("1.0005", { length: 13, decimals: 3 })).toMatchObject({
      ok: false,
      reason: "precision",
    });
    expect(toSapQuantity("12345678901", { length: 13, decimals: 3 })).toMatchObject({
      ok: false,
      reason: "too-large",
    });
    expect(toSapQuantity("12.3", { length: 13, decimals: 3 })).toEqual({ ok: true, value: "12.300" });
    expect(toSapQuantity("-12.3", { length: 13, decimals: 3 }, { allowNegative: true })).toEqual({
      ok: true,
      value: "12.300-",
    });
    const r = map(performanceXml(op(produced("1.0005"))));
    expect(!r.ok && r.errors[0]?.message).toMatch(/^E1BP_PP_TIMETICKET\/YIELD \(QUAN 13,3\)/);
  });

  test("PERF-POST-041 a configured rounding rule rounds, with a QUANTITY_ROUNDED warning", () => {
    const r = ok(performanceXml(op(produced("1.0005"))), {
      ...config,
      postings: { ...config.postings, rounding: "half-even" },
    });
    expect(fields(r.idocs[0]?.xml ?? "", "E1BP_PP_TIMETICKET")[0]?.YIELD).toBe("1.000");
    expect(r.warnings.map((w) => w.code)).toEqual(["QUANTITY_ROUNDED", "CREATION_ZONE_FROM_PLANT"]);
  });

  test("PERF-POST-042 Rec. 20 → SAP internal unit: the configured unit resolves a shared code; unknown is an error", () => {
    expect(sapUnitTable(undefined).get("H87")).toBeUndefined();
    expect(sapUnitTable({ PC: "H87" }).get("H87")).toBe("PC");
    expect(sapUnitTable(undefined).get("KGM")).toBe("KG");
    const r = map(performanceXml(op(produced("1", "XYZ"))));
    expect(!r.ok && r.errors[0]?.code).toBe("UNKNOWN_UNIT");
  });

  test("PERF-POST-050 dateTimes → DATS/TIMS in the plant's IANA zone; no offset is an error; fractions dropped with a warning", () => {
    expect(toSapDateTime("2026-10-25T01:30:00Z", "Europe/Berlin")).toMatchObject({
      ok: true,
      date: "20261025",
      time: "023000",
    });
    expect(toSapDateTime("2026-04-15T06:00:00", "Europe/Berlin")).toMatchObject({ ok: false });
    expect(toSapDateTime("2026-04-15T06:00:00.250+02:00", "Europe/Berlin")).toMatchObject({
      ok: true,
      time: "060000",
      droppedFraction: "25",
    });
  });
});

describe("ERP-side fields", () => {
  const { storageLocations: _s, ...noStorage } = config.postings;
  const strict = { ...config, postings: { ...noStorage, reservations: "required" as const } };

  test("PERF-POST-060 storage location: Location LGORT, else configuration, else the order context; else an error naming the sources", () => {
    const located = consumed("1").replace(
      "<Quantity>",
      '<Location><EquipmentID schemeID="LGORT">RM07</EquipmentID><EquipmentElementLevel>StorageZone</EquipmentElementLevel></Location><Quantity>',
    );
    const reserved =
      prop("MaterialConsumedActual", "RESERV_NO", "2204117") +
      prop("MaterialConsumedActual", "RES_ITEM", "1");
    const r = ok(
      performanceXml(
        op(located.replace("</MaterialConsumedActual>", `${reserved}</MaterialConsumedActual>`)),
      ),
      strict,
    );
    expect(fields(r.idocs[1]?.xml ?? r.idocs[0]?.xml ?? "", "E1BP2017_GM_ITEM_CREATE")[0]).toMatchObject({
      STGE_LOC: "RM07",
      RESERV_NO: "0002204117",
      RES_ITEM: "0001",
    });
    const bad = map(performanceXml(op(consumed("1", reserved))), strict);
    expect(!bad.ok && bad.errors[0]).toMatchObject({
      code: "MISSING_STORAGE_LOCATION",
      message: expect.stringMatching(/LGORT.*postings\.storageLocations.*--order-context/),
    });
  });

  test("PERF-POST-061 reservation (RESERV_NO/RES_ITEM) of 261 from properties or the order context; required unless configured optional", () => {
    const r = map(performanceXml(op(consumed("1"))), {
      ...config,
      postings: { ...config.postings, reservations: "required" },
    });
    expect(!r.ok && r.errors.map((e) => e.code)).toEqual(["MISSING_RESERVATION"]);
    const context = readIdoc(
      readFileSync(path.join(repoRoot, "fixtures/idoc/loipro05-tablet-plain/idoc.xml")),
    );
    const withContext = mapProductionPerformanceToErpPostings(
      performanceXml(op(consumed("1"))),
      { ...config, postings: { ...config.postings, reservations: "required" } },
      { orderContext: context },
    );
    expect(withContext.ok).toBe(true);
    if (withContext.ok)
      expect(fields(withContext.idocs[1]?.xml ?? "", "E1BP2017_GM_ITEM_CREATE")[0]).toMatchObject({
        RESERV_NO: "0002204117",
        PLANT: "CH01",
      });
  });

  test("PERF-POST-062 plant: EquipmentID schemeID WERKS of the response, else the order context, else postings.plant; its zone is required", () => {
    const { plant: _p, ...noPlant } = config.postings;
    const r = map(performanceXml(op(produced("1"))), { ...config, postings: noPlant });
    expect(!r.ok && r.errors.map((e) => e.code)).toEqual(["MISSING_PLANT"]);
    const r2 = map(performanceXml(op(produced("1"))), {
      ...config,
      postings: { ...config.postings, plant: "9999" },
    });
    expect(!r2.ok && r2.errors.map((e) => e.code)).toEqual(["MISSING_TIME_ZONE"]);
  });
});

describe("idempotency keys", () => {
  test("PERF-POST-070 a re-sent document gives the same EX_IDENT and REF_DOC_NO; another BODID other keys", () => {
    const keys = (bodId: string) =>
      ok(performanceXml(op(produced("1") + consumed("2")), { bodId })).idocs.map((i) => i.key);
    expect(keys("BOD-1")).toEqual(keys("BOD-1"));
    expect(keys("BOD-2")).not.toEqual(keys("BOD-1"));
  });

  test("PERF-POST-071 EX_IDENT: 32 base32 characters of SHA-256 over scheme, BODID, IDs and the content digest", () => {
    const source = {
      bodId: "B",
      performanceId: "P",
      responseId: "R",
      segmentIds: ["10"],
      content: { YIELD: "1.000" },
    };
    expect(exIdentOf(source)).toMatch(/^[A-Z2-7]{32}$/);
    expect(exIdentOf({ ...source, content: { YIELD: "2.000" } })).not.toBe(exIdentOf(source));
    expect(base32(new Uint8Array([0x66, 0x6f, 0x6f, 0x62, 0x61]))).toBe("MZXW6YTB"); // RFC 4648 vector "fooba"
  });

  test("PERF-POST-072 REF_DOC_NO: 16 base32 characters (80 bits), distinct per document", () => {
    const r = ok(
      performanceXml(
        op(produced("1", "KGM", prop("MaterialProducedActual", "MOVE_TYPE", "101")) + consumed("1")),
      ),
    );
    const refs = r.idocs
      .filter((i) => i.kind === "goods-movement")
      .map((i) => fields(i.xml, "E1BP2017_GM_HEAD_01")[0]?.REF_DOC_NO);
    expect(refs).toHaveLength(2);
    for (const ref of refs) expect(ref).toMatch(/^[A-Z2-7]{16}$/);
    expect(new Set(refs).size).toBe(2);
    expect(
      refDocNoOf({ bodId: "", performanceId: "", responseId: "", segmentIds: [], content: {} }),
    ).toHaveLength(16);
  });
});

test("PERF-POST-080 the configuration is checked, every problem with its path", () => {
  const r = parseErpPostingConfig({
    plants: {},
    postings: { sender: { port: "P" }, rounding: "up", extra: 1 },
  });
  expect(!r.ok && r.errors.map((e) => renderIssuePath(e))).toEqual([
    "postings.extra",
    "postings.sender.partnerNumber",
    "postings.receiver",
    "postings.rounding",
  ]);
  expect(parseErpPostingConfig(config).ok).toBe(true);
});
