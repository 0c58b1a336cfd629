/**
 * Review findings on ProductionPerformance → ERP postings: prototype keys, calendar dates, repeated
 * properties, summed quantities, the control record's creation time, ambiguous units. Every title names
 * its PERF-POST ID.
 */
import { describe, expect, test } from "vitest";
import { readIdoc } from "../../../src/idoc/index.js";
import { mapIssuePath } from "../../../src/mappers/issues.js";
import {
  type ErpPostingConfig,
  mapProductionPerformanceToErpPostings,
} from "../../../src/mappers/production-performance-to-erp/index.js";
import { ambiguousSapUnits, sapUnitTable } from "../../../src/mappers/units/sap-unit-lookup.js";
import { loadConfig, performanceXml } from "./helpers.js";

const config = loadConfig();
const prop = (kind: string, id: string, value: string) =>
  `<${kind}Property><ID>${id}</ID><Value><ValueString>${value}</ValueString></Value></${kind}Property>`;
const produced = (qty: string, unit = "KGM", props = "") =>
  `<MaterialProducedActual><MaterialDefinitionID>4711</MaterialDefinitionID><Quantity><QuantityString unitCode="${unit}">${qty}</QuantityString><UnitOfMeasure>${unit}</UnitOfMeasure></Quantity>${props}</MaterialProducedActual>`;
const consumed = (props = "", material = "100234") =>
  `<MaterialConsumedActual><MaterialDefinitionID>${material}</MaterialDefinitionID><Quantity><QuantityString unitCode="KGM">2</QuantityString><UnitOfMeasure>KGM</UnitOfMeasure></Quantity>${props}</MaterialConsumedActual>`;
const op = (body: string) =>
  `<SegmentResponse><ID>10</ID><ActualStartTime>2026-04-15T06:00:00+02:00</ActualStartTime><ActualEndTime>2026-04-15T17:30:45+02:00</ActualEndTime>${body}</SegmentResponse>`;
const SEG =
  "/SyncProductionPerformance/DataArea/ProductionPerformance[1]/ProductionResponse[1]/SegmentResponse[1]";

function map(xml: string, cfg: ErpPostingConfig = config) {
  return mapProductionPerformanceToErpPostings(xml, cfg);
}

function errors(xml: string, cfg: ErpPostingConfig = config) {
  const r = map(xml, cfg);
  expect(r.ok).toBe(false);
  return r.ok ? [] : r.errors;
}

/** The raw fields of every segment `name` (the control record as `EDI_DC40`) of the IDocs. */
function segmentFields(idocs: readonly { readonly xml: string }[], name: string): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  const walk = (s: { name: string; raw: Readonly<Record<string, string>>; segments: readonly unknown[] }) => {
    if (s.name === name) out.push({ ...s.raw });
    for (const c of s.segments) walk(c as typeof s);
  };
  for (const { xml } of idocs)
    for (const idoc of readIdoc(xml, { strict: true }).idocs) {
      if (name === "EDI_DC40") out.push({ ...idoc.control });
      for (const s of idoc.segments) walk(s as never);
    }
  return out;
}

function ok(xml: string, cfg: ErpPostingConfig = config) {
  const r = map(xml, cfg);
  if (!r.ok) throw new Error(JSON.stringify(r.errors, null, 2));
  return r;
}

describe("prototype keys", () => {
  test("PERF-POST-011 PERF-POST-020 QUANTITY_TYPE or MOVE_TYPE constructor is an error, never a dropped yield", () => {
    for (const kind of ["constructor", "toString", "__proto__"]) {
      const e = errors(
        performanceXml(op(produced("5", "KGM", prop("MaterialProducedActual", "QUANTITY_TYPE", kind)))),
      );
      expect(e.map((x) => [x.code, x.received])).toEqual([["INVALID_VALUE", kind]]);
    }
    const e = errors(
      performanceXml(op(consumed(prop("MaterialConsumedActual", "MOVE_TYPE", "constructor")))),
    );
    expect(e.map((x) => x.code)).toEqual(["UNSUPPORTED_MOVEMENT_TYPE"]);
  });

  test("PERF-POST-060 a material named constructor with configured storage locations posts, never throws", () => {
    const cfg: ErpPostingConfig = {
      ...config,
      postings: {
        ...config.postings,
        storageLocations: { "1000": { receipt: "FG01", issue: "RM01", materials: { "100-4471": "RM02" } } },
      },
    };
    const r = ok(performanceXml(op(consumed("", "constructor"))), cfg);
    const items = segmentFields(r.idocs, "E1BP2017_GM_ITEM_CREATE");
    expect(items.map((i) => [i.MATERIAL, i.STGE_LOC])).toEqual([["constructor", "RM01"]]);
  });
});

describe("posting date", () => {
  test("PERF-POST-021 PSTNG_DATE is checked as a calendar date: 2026-02-30 is INVALID_DATE_TIME with the reason", () => {
    const e = errors(
      performanceXml(op(consumed(prop("MaterialConsumedActual", "PSTNG_DATE", "2026-02-30")))),
    );
    expect(e).toEqual([
      {
        code: "INVALID_DATE_TIME",
        severity: "error",
        origin: "posting",
        path: `${SEG}/MaterialConsumedActual[1]/MaterialConsumedActualProperty[1]/Value[1]/ValueString`,
        message: "PSTNG_DATE is a date YYYY-MM-DD: day 30 does not exist in 2026-02",
        expected: "a date YYYY-MM-DD",
        received: "2026-02-30",
      },
    ]);
  });
});

describe("repeated properties", () => {
  test("PERF-POST-020 a property repeated with a different value is CONFLICTING_PROPERTY, never first-wins", () => {
    const props =
      prop("MaterialConsumedActual", "MOVE_TYPE", "262") + prop("MaterialConsumedActual", "MOVE_TYPE", "261");
    const e = errors(performanceXml(op(consumed(props))));
    expect(e.map((x) => [x.code, mapIssuePath(x), x.expected, x.received])).toEqual([
      [
        "CONFLICTING_PROPERTY",
        `${SEG}/MaterialConsumedActual[1]/MaterialConsumedActualProperty[2]/Value[1]/ValueString`,
        "262",
        "261",
      ],
    ]);
  });

  test("PERF-POST-020 property IDs are trimmed; the same value twice is one property", () => {
    const trimmed = ok(performanceXml(op(consumed(prop("MaterialConsumedActual", " MOVE_TYPE ", "262")))));
    expect(segmentFields(trimmed.idocs, "E1BP2017_GM_ITEM_CREATE").map((i) => i.MOVE_TYPE)).toEqual(["262"]);
    const props =
      prop("MaterialConsumedActual", " MOVE_TYPE ", "262") +
      prop("MaterialConsumedActual", "MOVE_TYPE", "262");
    const r = ok(performanceXml(op(consumed(props))));
    expect(segmentFields(r.idocs, "E1BP2017_GM_ITEM_CREATE").map((i) => i.MOVE_TYPE)).toEqual(["262"]);
  });
});

describe("summed quantities", () => {
  test("PERF-POST-011 PERF-POST-040 a summed yield beyond QUAN 13,3 is QUANTITY_TOO_LARGE at the ticket", () => {
    const e = errors(performanceXml(op(produced("9999999999.000") + produced("9999999999.000"))));
    expect(e.map((x) => [x.code, mapIssuePath(x), x.received])).toEqual([
      ["QUANTITY_TOO_LARGE", SEG, "19999999998.000"],
    ]);
    const r = ok(performanceXml(op(produced("4999999999.5") + produced("4999999999.5"))));
    expect(segmentFields(r.idocs, "E1BP_PP_TIMETICKET")[0]?.YIELD).toBe("9999999999.000");
  });
});

describe("control record", () => {
  test("PERF-POST-003 CREDAT/CRETIM in the first plant's zone only with the warning CREATION_ZONE_FROM_PLANT", () => {
    const r = ok(performanceXml(op(produced("1"))));
    expect(r.warnings.map((w) => [w.code, mapIssuePath(w)])).toEqual([
      ["CREATION_ZONE_FROM_PLANT", "/SyncProductionPerformance/ApplicationArea/CreationDateTime"],
    ]);
    const control = segmentFields(r.idocs, "EDI_DC40")[0];
    expect([control?.CREDAT, control?.CRETIM]).toEqual(["2026-04-15", "18:00:00"]);
    const withSystem = ok(performanceXml(op(produced("1"))), {
      ...config,
      systems: { MESCLNT: { timeZone: "UTC" } },
    });
    expect(withSystem.warnings).toEqual([]);
    const utc = segmentFields(withSystem.idocs, "EDI_DC40")[0];
    expect([utc?.CREDAT, utc?.CRETIM]).toEqual(["2026-04-15", "16:00:00"]);
  });

  test("PERF-POST-003 a CreationDateTime without offset is INVALID_DATE_TIME, not a control record without CREDAT", () => {
    const xml = performanceXml(op(produced("1"))).replace(
      "2026-04-15T18:00:00+02:00</CreationDateTime>",
      "2026-04-15T18:00:00</CreationDateTime>",
    );
    const e = errors(xml);
    expect(e.map((x) => [x.code, mapIssuePath(x), x.received])).toEqual([
      [
        "INVALID_DATE_TIME",
        "/SyncProductionPerformance/ApplicationArea/CreationDateTime",
        "2026-04-15T18:00:00",
      ],
    ]);
  });
});

describe("units", () => {
  test("PERF-POST-042 a Rec. 20 code of several built-in SAP units is AMBIGUOUS_UNIT unless the configuration names one", () => {
    expect(sapUnitTable(undefined).get("H87")).toBeUndefined();
    expect(ambiguousSapUnits(undefined).get("H87")).toEqual(["ST", "PC"]);
    expect(sapUnitTable({ PC: "H87" }).get("H87")).toBe("PC");
    expect(sapUnitTable({ ST: "H87" }).get("H87")).toBe("ST");
    expect(ambiguousSapUnits({ ST: "H87", PC: "H87" }).get("H87")).toEqual(["ST", "PC"]);
    const { units: _units, ...noUnits } = config;
    const e = errors(performanceXml(op(produced("1", "H87"))), noUnits);
    expect(e.map((x) => [x.code, x.received])).toEqual([["AMBIGUOUS_UNIT", "H87"]]);
    const r = ok(performanceXml(op(produced("1", "H87"))), { ...noUnits, units: { PC: "H87" } });
    expect(segmentFields(r.idocs, "E1BP_PP_TIMETICKET")[0]?.CONF_QUAN_UNIT).toBe("PC");
  });
});
