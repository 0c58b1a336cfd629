/** Rule tests of the IDoc → ProductionPerformance mapper (docs/mapping-performance.md, PERF-MAP-0xx). */
import { describe, expect, test } from "vitest";
import { idocIssue } from "../../../src/idoc/issues.js";
import type { MapperConfig } from "../../../src/mappers/index.js";
import { mapIdocsToProductionPerformance, parseMapperConfig } from "../../../src/mappers/index.js";
import { mapIssuePath } from "../../../src/mappers/issues.js";
import { renderIssuePath } from "../../../src/shared/issue.js";
import { packetOf, type SegmentSpec, seg } from "../helpers/build-packet.js";

const config: MapperConfig = {
  plants: { "1000": { timeZone: "Europe/Berlin" } },
  systems: { MES01: { timeZone: "Europe/Berlin" } },
};
const TT = { IDOCTYP: "PPCC2PRETTICKET02", MESTYP: "PPCC2PRETTICKET", SNDPRN: "MES01" };
const GM = { IDOCTYP: "MBGMCR03", MESTYP: "MBGMCR", SNDPRN: "MES01" };

const ticket = (fields: Record<string, string> = {}) =>
  seg("E1BP_PP_TIMETICKET", {
    ORDERID: "1895938",
    OPERATION: "0010",
    PLANT: "1000",
    WORK_CNTR: "WC01",
    CONF_QUAN_UNIT: "ST",
    YIELD: "10.000",
    EX_IDENT: "EX-1",
    EXEC_START_DATE: "2026-04-14",
    EXEC_START_TIME: "06:00:00",
    EXEC_FIN_DATE: "2026-04-14",
    EXEC_FIN_TIME: "08:00:00",
    ...fields,
  });
const item = (fields: Record<string, string> = {}) =>
  seg("E1BP2017_GM_ITEM_CREATE", {
    MATERIAL: "FG-1",
    PLANT: "1000",
    MOVE_TYPE: "101",
    ENTRY_QNT: "5.000",
    ENTRY_UOM: "ST",
    ORDERID: "1895938",
    ...fields,
  });
const movement = (...items: SegmentSpec[]) =>
  packetOf({
    control: GM,
    segments: [
      seg(
        "E1MBGMCR",
        {},
        seg("E1BP2017_GM_HEAD_01", { REF_DOC_NO: "REF-1", PSTNG_DATE: "2026-04-14" }),
        ...items,
      ),
    ],
  });
const tickets = (...t: SegmentSpec[]) => packetOf({ control: TT, segments: t });
const map = (...args: Parameters<typeof mapIdocsToProductionPerformance>) => {
  const r = mapIdocsToProductionPerformance(...args);
  return r;
};
const xmlOf = (r: ReturnType<typeof map>) => {
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.xml;
};
const codes = (r: ReturnType<typeof map>) =>
  r.ok ? [] : r.errors.map((e) => `${e.code} ${mapIssuePath(e)}`);

describe("document", () => {
  test("PERF-MAP-001 PERF-MAP-002 PERF-MAP-003 sender, creation time in the system zone, BODID", () => {
    const r = map(tickets(ticket()), config);
    expect(r.ok && r.value.ApplicationArea.Sender?.LogicalID?.value).toBe("MES01");
    expect(r.ok && r.value.ApplicationArea.CreationDateTime?.value).toBe("2026-03-27T09:34:05+01:00");
    expect(r.ok && r.bodId).toMatch(/^MES01\/0000000000430094\/sha256:[0-9a-f]{64}$/);
  });

  test("PERF-MAP-004 Sync by default, Process on request", () => {
    expect(xmlOf(map(tickets(ticket()), config))).toContain("<SyncProductionPerformance ");
    expect(xmlOf(map(tickets(ticket()), config, { verb: "Process" }))).toContain("<Process/>");
  });

  test("PERF-MAP-005 other message types are refused; several inputs carry their names in paths", () => {
    const loipro = packetOf({ segments: [seg("E1AFKOL", { AUFNR: "1" })] });
    expect(codes(map(loipro, config))).toContain("UNSUPPORTED_MESSAGE_TYPE IDOC[1]/EDI_DC40/MESTYP");
    const r = map(
      [
        { name: "a.xml", packet: tickets(ticket()) },
        { name: "b.xml", packet: movement(item({ ENTRY_UOM: "XX" })) },
      ],
      config,
    );
    expect(codes(r)).toEqual(["UNKNOWN_UNIT b.xml:IDOC[1]/E1MBGMCR/E1BP2017_GM_ITEM_CREATE/ENTRY_UOM"]);
  });

  test("PERF-MAP-006 reader issues are passed on", () => {
    const p = tickets(ticket());
    const r = map(
      {
        ...p,
        issues: [idocIssue("IDOC_UNKNOWN_FIELD", "warning", "IDOC[1]/X", "m")],
      },
      config,
    );
    expect(r.warnings.map((w) => w.code)).toEqual(["IDOC_UNKNOWN_FIELD"]);
  });

  test("PERF-MAP-007 quantities keep their digits; unparseable ones are errors", () => {
    expect(xmlOf(map(tickets(ticket({ YIELD: "0012.5000" })), config))).toContain(
      ">0012.5000</QuantityString>",
    );
    expect(codes(map(tickets(ticket({ YIELD: "1,5" })), config))).toEqual([
      "INVALID_QUANTITY IDOC[1]/E1BP_PP_TIMETICKET/YIELD",
    ]);
  });

  test("PERF-MAP-008 all errors are collected, no document, byte-identical repeats", () => {
    const r = map(movement(item({ MOVE_TYPE: "551" }), item({ ORDERID: "" })), config);
    expect(r.ok).toBe(false);
    expect(codes(r)).toHaveLength(2);
    expect(xmlOf(map(tickets(ticket()), config))).toBe(xmlOf(map(tickets(ticket()), config)));
  });
});

describe("orders and operations", () => {
  test("PERF-MAP-010 PERF-MAP-012 one response per order, padded and unpadded alike, plant as scope", () => {
    const r = map([tickets(ticket({ ORDERID: "000001895938" })), movement(item())], config);
    const responses = r.ok ? r.value.DataArea.ProductionPerformance[0]?.ProductionResponse : [];
    expect(responses?.map((p) => p.ID?.value)).toEqual(["1895938"]);
    expect(responses?.[0]?.HierarchyScope?.EquipmentID?.value).toBe("1000");
    expect(responses?.[0]?.StartTime?.value).toBe("2026-04-14T06:00:00+02:00");
    expect(codes(map(tickets(ticket({ PLANT: "9999" })), config))).toContain(
      "MISSING_TIME_ZONE IDOC[1]/E1BP_PP_TIMETICKET/PLANT",
    );
  });

  test("PERF-MAP-020 PERF-MAP-021 segment per operation, padded; order-level segment without operation", () => {
    const r = map(
      [
        tickets(ticket({ OPERATION: "10" }), ticket({ OPERATION: "20", EX_IDENT: "EX-2", SEQUENCE: "1" })),
        movement(item()),
      ],
      config,
    );
    const segs = r.ok
      ? r.value.DataArea.ProductionPerformance[0]?.ProductionResponse?.[0]?.SegmentResponse
      : [];
    expect(segs?.map((s) => `${s.ID?.value} ${s.ID?.schemeID}`)).toEqual([
      "0010 VORNR",
      "1/0020 PLNFL/VORNR",
      "1895938 AUFNR",
    ]);
  });
});

describe("order context", () => {
  const loipro = packetOf({
    segments: [
      seg(
        "E1AFKOL",
        { AUFNR: "1895938", WERKS: "1000", MATNR: "FG-1" },
        seg(
          "E1AFFLL",
          { PLNFL: "0" },
          seg(
            "E1AFVOL",
            { VORNR: "0010", ARBPL: "WC9", LTXA1: "Mixing", ME_OPERATION_ID: "MIX", LAR01: "1420" },
            seg("E1AFVOL2", { RUECK: "0000000042", PAR01_LTXT: "Setup" }),
            seg("E1RESBL", { RSNUM: "0000000007", RSPOS: "0002" }),
          ),
        ),
      ),
    ],
  });

  test("PERF-MAP-030 look-ups: description, process segment, material, activity label", () => {
    const xml = xmlOf(
      map(tickets(ticket({ CONF_ACTIVITY1: "5.000", CONF_ACTI_UNIT1: "MIN" })), config, {
        orderContext: loipro,
      }),
    );
    expect(xml).toContain('<ProcessSegmentID schemeID="ME_OPERATION_ID">MIX</ProcessSegmentID>');
    expect(xml).toContain("<Description>Mixing</Description>");
    expect(xml).toContain("<MaterialDefinitionID>FG-1</MaterialDefinitionID>");
    expect(xml).toContain("<Description>Setup</Description>");
  });

  test("PERF-MAP-031 CONF_NO gives order and operation; contradictions and unknown operations are errors", () => {
    const only = ticket({ CONF_NO: "0000000042" });
    const { ORDERID: _o, OPERATION: _p, ...rest } = (only.fields ?? {}) as Record<string, string>;
    expect(map(tickets(seg("E1BP_PP_TIMETICKET", rest)), config, { orderContext: loipro }).ok).toBe(true);
    expect(codes(map(tickets(seg("E1BP_PP_TIMETICKET", rest)), config))).toContain(
      "MISSING_FIELD IDOC[1]/E1BP_PP_TIMETICKET/ORDERID",
    );
    expect(
      codes(
        map(tickets(ticket({ CONF_NO: "0000000042", OPERATION: "0020" })), config, { orderContext: loipro }),
      ),
    ).toContain("CONFIRMATION_MISMATCH IDOC[1]/E1BP_PP_TIMETICKET/CONF_NO");
    expect(codes(map(tickets(ticket({ OPERATION: "0090" })), config, { orderContext: loipro }))).toEqual([
      "UNKNOWN_OPERATION IDOC[1]/E1BP_PP_TIMETICKET/OPERATION",
    ]);
  });

  test("PERF-MAP-032 the reservation item gives a goods issue's operation", () => {
    const r = map(movement(item({ MOVE_TYPE: "261", RESERV_NO: "0000000007", RES_ITEM: "0002" })), config, {
      orderContext: loipro,
    });
    const seg0 = r.ok
      ? r.value.DataArea.ProductionPerformance[0]?.ProductionResponse?.[0]?.SegmentResponse?.[0]
      : undefined;
    expect(seg0?.ID?.value).toBe("0010");
    expect(seg0?.MaterialConsumedActual).toHaveLength(1);
  });
});

describe("time tickets", () => {
  test("PERF-MAP-040 tickets directly under IDOC and under E1PPCC2PRETTICKET", () => {
    const nested = packetOf({ control: TT, segments: [seg("E1PPCC2PRETTICKET", {}, ticket())] });
    const noBodId = (xml: string) => xml.replace(/<BODID>.*<\/BODID>/, "");
    expect(noBodId(xmlOf(map(nested, config)))).toBe(noBodId(xmlOf(map(tickets(ticket()), config))));
    expect(codes(map(packetOf({ control: TT, segments: [] }), config))).toEqual([
      "MISSING_SEGMENT IDOC[1]/E1BP_PP_TIMETICKET",
    ]);
  });

  test("PERF-MAP-041 actual start and end in the plant's zone, 240000 as next midnight, earliest and latest", () => {
    const r = map(
      tickets(
        ticket({ EXEC_FIN_TIME: "24:00:00" }),
        ticket({ EX_IDENT: "EX-2", EXEC_START_TIME: "05:00:00" }),
      ),
      config,
    );
    const s = r.ok
      ? r.value.DataArea.ProductionPerformance[0]?.ProductionResponse?.[0]?.SegmentResponse?.[0]
      : undefined;
    expect(s?.ActualStartTime?.value).toBe("2026-04-14T05:00:00+02:00");
    expect(s?.ActualEndTime?.value).toBe("2026-04-15T00:00:00+02:00");
  });

  test("PERF-MAP-042 PERF-MAP-043 PERF-MAP-044 yield, scrap and rework apart, with reason and Rec. 20 unit", () => {
    const r = map(tickets(ticket({ SCRAP: "2.000", REWORK: "1.000", DEV_REASON: "0003" })), config);
    const produced = r.ok
      ? r.value.DataArea.ProductionPerformance[0]?.ProductionResponse?.[0]?.SegmentResponse?.[0]
          ?.MaterialProducedActual
      : [];
    expect(
      produced?.map((p) => [
        p.Quantity?.[0]?.QuantityString,
        p.MaterialProducedActualProperty?.map((q) => q.Value?.[0]?.ValueString),
      ]),
    ).toEqual([
      [{ value: "10.000", unitCode: "H87" }, [{ value: "Yield" }, { value: "EX-1" }]],
      [{ value: "2.000", unitCode: "H87" }, [{ value: "Scrap" }, { value: "EX-1" }, { value: "0003" }]],
      [{ value: "1.000", unitCode: "H87" }, [{ value: "Rework" }, { value: "EX-1" }, { value: "0003" }]],
    ]);
    expect(codes(map(tickets(ticket({ SCRAP: "-1.000" })), config))).toEqual([
      "NEGATIVE_QUANTITY IDOC[1]/E1BP_PP_TIMETICKET/SCRAP",
    ]);
    expect(codes(map(tickets(ticket({ CONF_QUAN_UNIT: "" })), config))).toEqual([
      "MISSING_UNIT IDOC[1]/E1BP_PP_TIMETICKET/CONF_QUAN_UNIT",
    ]);
  });

  test("PERF-MAP-045 PERF-MAP-046 activities on equipment or personnel by configuration; personnel number", () => {
    const t = ticket({
      CONF_ACTIVITY1: "5.000",
      CONF_ACTI_UNIT1: "MIN",
      CONF_ACTIVITY3: "7.500",
      CONF_ACTI_UNIT3: "H",
      PERS_NO: "00000815",
    });
    const r = map(tickets(t), { ...config, activities: { personnel: [3] } });
    const s = r.ok
      ? r.value.DataArea.ProductionPerformance[0]?.ProductionResponse?.[0]?.SegmentResponse?.[0]
      : undefined;
    expect(s?.EquipmentActual?.[0]?.EquipmentActualProperty?.map((p) => p.ID.value)).toEqual([
      "CONF_ACTIVITY1",
      "TIME_TICKET",
    ]);
    expect(s?.PersonnelActual?.[0]?.PersonID?.[0]?.value).toBe("00000815");
    expect(s?.PersonnelActual?.[0]?.PersonnelActualProperty?.[0]?.Quantity?.[0]?.QuantityString).toEqual({
      value: "7.500",
      unitCode: "HUR",
    });
    const all = map(tickets(t), config);
    const s2 = all.ok
      ? all.value.DataArea.ProductionPerformance[0]?.ProductionResponse?.[0]?.SegmentResponse?.[0]
      : undefined;
    expect(s2?.EquipmentActual?.[0]?.EquipmentActualProperty?.map((p) => p.ID.value)).toEqual([
      "CONF_ACTIVITY1",
      "CONF_ACTIVITY3",
      "TIME_TICKET",
    ]);
  });

  test("PERF-MAP-047 final confirmation → Completed, automatic → Other, partial → Running", () => {
    const state = (fin: string) => {
      const r = map(tickets(ticket({ FIN_CONF: fin })), config);
      return r.ok
        ? r.value.DataArea.ProductionPerformance[0]?.ProductionResponse?.[0]?.SegmentResponse?.[0]
            ?.SegmentState
        : undefined;
    };
    expect(state("X")).toEqual({ value: "Completed" });
    expect(state("1")).toEqual({ value: "Other", OtherValue: "AutomaticFinalConfirmation" });
    expect(state("")).toEqual({ value: "Running" });
  });

  test("PERF-MAP-048 EX_IDENT is the ticket's ProductionData ID; twice is an error", () => {
    expect(xmlOf(map(tickets(ticket()), config))).toContain('<ID schemeID="EX_IDENT">EX-1</ID>');
    expect(codes(map(tickets(ticket(), ticket()), config))).toEqual([
      "DUPLICATE_EX_IDENT IDOC[1]/E1BP_PP_TIMETICKET[2]/EX_IDENT",
    ]);
  });
});

describe("goods movements", () => {
  const actualsOf = (r: ReturnType<typeof map>) => {
    const s = r.ok
      ? r.value.DataArea.ProductionPerformance[0]?.ProductionResponse?.[0]?.SegmentResponse?.[0]
      : undefined;
    return { produced: s?.MaterialProducedActual ?? [], consumed: s?.MaterialConsumedActual ?? [] };
  };
  type Prop = { ID: { value: string }; Value?: { ValueString: unknown }[] };
  const props = (actual: object): Record<string, string> => {
    const a = actual as { MaterialProducedActualProperty?: Prop[]; MaterialConsumedActualProperty?: Prop[] };
    const list = a.MaterialProducedActualProperty ?? a.MaterialConsumedActualProperty ?? [];
    return Object.fromEntries(
      list.map((q) => [
        q.ID.value,
        (q.Value?.[0]?.ValueString as { value: string } | undefined)?.value ?? "",
      ]),
    );
  };

  test("PERF-MAP-050 header references on every actual", () => {
    const p = props(actualsOf(map(movement(item()), config)).produced[0] ?? {});
    expect(p).toMatchObject({ REF_DOC_NO: "REF-1", PSTNG_DATE: "2026-04-14", GM_ITEM: "0000000000430094/1" });
  });

  test("PERF-MAP-051 101 → produced actual with batch as MaterialLotID and location", () => {
    const a = actualsOf(map(movement(item({ BATCH: "B1", STGE_LOC: "FG01" })), config)).produced[0];
    expect(a?.MaterialLotID?.[0]).toEqual({ value: "B1", schemeID: "CHARG" });
    expect(a?.Location?.Location?.EquipmentID?.value).toBe("FG01");
  });

  test("PERF-MAP-052 261 → consumed actual with reservation", () => {
    const a = actualsOf(
      map(movement(item({ MOVE_TYPE: "261", RESERV_NO: "0000000007", RES_ITEM: "0002" })), config),
    ).consumed[0];
    expect(props(a ?? {})).toMatchObject({ MOVE_TYPE: "261", RESERV_NO: "0000000007", RES_ITEM: "0002" });
  });

  test("PERF-MAP-053 531 → produced by-product", () => {
    expect(
      props(actualsOf(map(movement(item({ MOVE_TYPE: "531" })), config)).produced[0] ?? {}),
    ).toMatchObject({ COMPONENT_ROLE: "ByProduct" });
  });

  test("PERF-MAP-054 reversals are separate corrections with a negative quantity, never netted", () => {
    const r = map(
      movement(
        item(),
        item({ MOVE_TYPE: "102", ENTRY_QNT: "2.000" }),
        item({ MOVE_TYPE: "262" }),
        item({ MOVE_TYPE: "532" }),
      ),
      config,
    );
    const { produced, consumed } = actualsOf(r);
    expect(produced.map((p) => p.Quantity?.[0]?.QuantityString)).toEqual([
      { value: "5.000", unitCode: "H87" },
      { value: "-2.000", unitCode: "H87" },
      { value: "-5.000", unitCode: "H87" },
    ]);
    expect(props(produced[1] ?? {})).toMatchObject({
      MOVE_TYPE: "102",
      CORRECTION: "Reversal",
      REVERSED_MOVE_TYPE: "101",
    });
    expect(props(consumed[0] ?? {})).toMatchObject({ CORRECTION: "Reversal", REVERSED_MOVE_TYPE: "261" });
    expect(props(produced[2] ?? {})).toMatchObject({
      COMPONENT_ROLE: "ByProduct",
      REVERSED_MOVE_TYPE: "531",
    });
  });

  test("PERF-MAP-055 other movement types are errors", () => {
    expect(codes(map(movement(item({ MOVE_TYPE: "551" })), config))).toEqual([
      "UNSUPPORTED_MOVEMENT_TYPE IDOC[1]/E1MBGMCR/E1BP2017_GM_ITEM_CREATE/MOVE_TYPE",
    ]);
  });

  test("PERF-MAP-055 a movement type named like an Object.prototype key is an error, never thrown", () => {
    for (const type of ["constructor", "__proto__", "toString"])
      expect(codes(map(movement(item({ MOVE_TYPE: type })), config))).toEqual([
        "UNSUPPORTED_MOVEMENT_TYPE IDOC[1]/E1MBGMCR/E1BP2017_GM_ITEM_CREATE/MOVE_TYPE",
      ]);
  });

  test("PERF-MAP-056 required item fields; negative entry quantity", () => {
    expect(codes(map(movement(item({ MATERIAL: "", ENTRY_QNT: "", ENTRY_UOM: "" })), config))).toEqual([
      "MISSING_FIELD IDOC[1]/E1MBGMCR/E1BP2017_GM_ITEM_CREATE/MATERIAL",
      "MISSING_FIELD IDOC[1]/E1MBGMCR/E1BP2017_GM_ITEM_CREATE/ENTRY_QNT",
      "MISSING_UNIT IDOC[1]/E1MBGMCR/E1BP2017_GM_ITEM_CREATE/ENTRY_UOM",
    ]);
    expect(codes(map(movement(item({ ENTRY_QNT: "-1.000" })), config))).toEqual([
      "NEGATIVE_QUANTITY IDOC[1]/E1MBGMCR/E1BP2017_GM_ITEM_CREATE/ENTRY_QNT",
    ]);
  });
});

test("PERF-MAP-060 the activities key of the configuration is checked", () => {
  expect(parseMapperConfig({ ...config, activities: { personnel: [3] } }).ok).toBe(true);
  const bad = parseMapperConfig({ ...config, activities: { personnel: [0, 3, 3], staff: [] } });
  expect(bad.ok ? [] : bad.errors.map((e) => renderIssuePath(e))).toEqual([
    "activities.staff",
    "activities.personnel.0",
    "activities.personnel.2",
  ]);
});
