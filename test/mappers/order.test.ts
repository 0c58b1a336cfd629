/** The order header → ProductionRequest, produced material, statuses, variant configuration. */
import { describe, expect, test } from "vitest";
import { mapIssuePath } from "../../src/mappers/issues.js";
import { CONFIG, packetOf, seg, typicalOrder } from "./helpers/build-packet.js";
import {
  codes,
  mapErrors,
  mapOk,
  orderSegmentOf,
  parameterOf,
  requestOf,
  scheduleOf,
  segmentAt,
  textOf,
} from "./helpers/navigate.js";

const map = (header: Record<string, string> = {}, extra: ReturnType<typeof seg>[] = []) =>
  mapOk(packetOf({ segments: [typicalOrder({ header, extra })] }));

describe("ProductionRequest", () => {
  test("LOIPRO-MAP-010 ID from AUFNR (external form, scheme AUFNR/SAP); a missing AUFNR is an error", () => {
    expect(requestOf(map()).ID).toEqual({ value: "1895938", schemeID: "AUFNR", schemeAgencyID: "SAP" });
    const errors = mapErrors(packetOf({ segments: [typicalOrder({ header: { AUFNR: "" } })] }));
    expect(errors.map((e) => [e.code, mapIssuePath(e)])).toEqual([
      ["MISSING_FIELD", "IDOC[1]/E1AFKOL/AUFNR"],
    ]);
  });

  test("LOIPRO-MAP-011 ProductProductionRuleID / Version from the routing PLNNR / PLNAL", () => {
    expect(requestOf(map()).ProductProductionRuleIDGroup).toEqual([
      {
        ProductProductionRuleID: { value: "50000269", schemeID: "PLNNR" },
        Version: { value: "1", schemeID: "PLNAL" },
      },
    ]);
    expect(requestOf(map({ PLNNR: "" })).ProductProductionRuleIDGroup).toBeUndefined();
  });

  test("LOIPRO-MAP-012 HierarchyScope is the plant (Site); a missing plant is an error", () => {
    expect(requestOf(map()).HierarchyScope).toEqual({
      EquipmentID: { value: "1000", schemeID: "WERKS" },
      EquipmentElementLevel: { value: "Site" },
    });
    expect(codes(mapErrors(packetOf({ segments: [typicalOrder({ header: { WERKS: "" } })] })))).toContain(
      "MISSING_FIELD",
    );
  });

  test("LOIPRO-MAP-013 StartTime/EndTime from the scheduled dates, else the basic dates", () => {
    const scheduled = requestOf(map({ GSTRP: "2026-03-01", GSUZP: "07:00:00" }));
    expect([scheduled.StartTime?.value, scheduled.EndTime?.value]).toEqual([
      "2026-03-30T06:00:00+02:00",
      "2026-03-31T00:00:00+02:00",
    ]);
    const basic = requestOf(
      map({
        GSTRS: "",
        GSUZS: "",
        GLTRS: "",
        GLUZS: "",
        GSTRP: "2026-03-01",
        GSUZP: "07:00:00",
        GLTRP: "2026-03-02",
        GLUZP: "24:00:00",
      }),
    );
    expect([basic.StartTime?.value, basic.EndTime?.value]).toEqual([
      "2026-03-01T07:00:00+01:00",
      "2026-03-03T00:00:00+01:00",
    ]);
  });

  test("LOIPRO-MAP-015 Priority from a numeric APRIO; another APRIO becomes a parameter", () => {
    expect(requestOf(map()).Priority).toEqual({ value: "2" });
    const mapped = map({ APRIO: "HIGH" });
    expect(requestOf(mapped).Priority).toBeUndefined();
    expect(parameterOf(orderSegmentOf(mapped), "APRIO")?.Value?.[0]?.ValueString).toEqual({ value: "HIGH" });
  });

  test("LOIPRO-MAP-016 one order-level SegmentRequirement (ID = AUFNR) with order type and category", () => {
    const order = orderSegmentOf(map());
    expect(order.ID).toEqual({ value: "1895938", schemeID: "AUFNR" });
    expect(textOf(parameterOf(order, "AUART")?.Value?.[0]?.ValueString)).toBe("PP01");
    expect(textOf(parameterOf(order, "AUTYP")?.Value?.[0]?.ValueString)).toBe("10");
  });
});

describe("produced material", () => {
  test("LOIPRO-MAP-017 header material, GAMNG in GMEIN, and the order item's batch and storage location", () => {
    const produced = orderSegmentOf(map()).MaterialProducedRequirement;
    expect(produced).toHaveLength(1);
    expect(produced?.[0]).toEqual({
      MaterialDefinitionID: [{ value: "FG-VALVE-100" }],
      MaterialLotID: [{ value: "B26-0412", schemeID: "CHARG" }],
      Location: {
        EquipmentID: { value: "1000", schemeID: "WERKS" },
        EquipmentElementLevel: { value: "Site" },
        Location: {
          EquipmentID: { value: "101P", schemeID: "LGORT" },
          EquipmentElementLevel: { value: "StorageZone" },
        },
      },
      Quantity: [
        {
          QuantityString: { value: "100.000", unitCode: "H87" },
          DataType: { value: "decimal" },
          UnitOfMeasure: { value: "H87" },
        },
      ],
      MaterialProducedRequirementProperty: [
        {
          ID: { value: "POSNR" },
          Description: [{ value: "order item number" }],
          Value: [{ ValueString: { value: "0001" }, DataType: { value: "string" } }],
        },
        {
          ID: { value: "VERID" },
          Description: [{ value: "production version" }],
          Value: [{ ValueString: { value: "0001" }, DataType: { value: "string" } }],
        },
      ],
    });
  });

  test("LOIPRO-MAP-017 missing material or quantity, a negative order quantity: errors", () => {
    const noMaterial = packetOf({
      segments: [seg("E1AFKOL", { AUFNR: "1", WERKS: "1000", GAMNG: "1", GMEIN: "ST" })],
    });
    expect(mapErrors(noMaterial).map((e) => [e.code, mapIssuePath(e)])).toEqual([
      ["MISSING_FIELD", "IDOC[1]/E1AFKOL/MATNR"],
    ]);
    expect(codes(mapErrors(packetOf({ segments: [typicalOrder({ header: { GAMNG: "" } })] })))).toEqual([
      "MISSING_FIELD",
    ]);
    expect(codes(mapErrors(packetOf({ segments: [typicalOrder({ header: { GAMNG: "-1.000" } })] })))).toEqual(
      ["NEGATIVE_ORDER_QUANTITY"],
    );
  });

  test("LOIPRO-MAP-014 material numbers prefer MATNR_EXTERNAL, then MATNR_LONG, then MATNR", () => {
    const produced = (h: Record<string, string>) =>
      textOf(orderSegmentOf(map(h)).MaterialProducedRequirement?.[0]?.MaterialDefinitionID?.[0]);
    expect(produced({ MATNR: "SHORT", MATNR_LONG: "LONG", MATNR_EXTERNAL: "EXT" })).toBe("EXT");
    expect(produced({ MATNR: "SHORT", MATNR_LONG: "LONG" })).toBe("LONG");
    expect(produced({ MATNR: "SHORT", MATNR_LONG: "" })).toBe("SHORT");
  });

  test("LOIPRO-MAP-018 further order items become further produced materials (PSMNG in AMEIN, else MEINS)", () => {
    const mapped = map({}, [
      seg("E1AFPOL", { POSNR: "0002", MATNR: "CO-1", PSMNG: "5.5", MEINS: "KG", LGORT: "101Q" }),
    ]);
    const produced = orderSegmentOf(mapped).MaterialProducedRequirement ?? [];
    expect(
      produced.map((p) => [
        textOf(p.MaterialDefinitionID?.[0]),
        textOf(p.Quantity?.[0]?.QuantityString),
        textOf(p.Quantity?.[0]?.UnitOfMeasure),
      ]),
    ).toEqual([
      ["FG-VALVE-100", "100.000", "H87"],
      ["CO-1", "5.5", "KGM"],
    ]);
  });
});

describe("statuses", () => {
  test("LOIPRO-MAP-060 the status table decides RequestState and SegmentState; the highest rank wins", () => {
    const mapped = map();
    expect(requestOf(mapped).RequestState).toEqual({ value: "Released" });
    expect(segmentAt(mapped, ["SEQ-0", "0010"]).SegmentState).toEqual({ value: "Released" });
    const teco = mapOk(
      packetOf({ segments: [typicalOrder({ extra: [seg("E1JSTKL", { STAT: "I0045" })] })] }),
    );
    expect(requestOf(teco).RequestState).toEqual({ value: "Other", OtherValue: "TechnicallyCompleted" });
  });

  test("LOIPRO-MAP-060 the configuration's statuses override and extend the table; no state: a warning", () => {
    const config = {
      ...CONFIG,
      statuses: { I0016: { state: "Other" as const, otherValue: "PreCosted", rank: 99 } },
    };
    const mapped = mapOk(packetOf({ segments: [typicalOrder()] }), config);
    expect(requestOf(mapped).RequestState).toEqual({ value: "Other", OtherValue: "PreCosted" });
    const none = mapOk(
      packetOf({
        segments: [
          seg(
            "E1AFKOL",
            { AUFNR: "1", WERKS: "1000", MATNR: "M", GAMNG: "1", GMEIN: "ST" },
            seg("E1JSTKL", { STAT: "I0016" }),
          ),
        ],
      }),
    );
    expect(requestOf(none).RequestState).toBeUndefined();
    expect(none.warnings).toContainEqual(
      expect.objectContaining({ code: "STATE_UNDETERMINED", path: "IDOC[1]/E1AFKOL/E1JSTKL" }),
    );
  });

  test("LOIPRO-MAP-061 statuses without a state are passed on as the SAP_STATUS parameter, none dropped", () => {
    const mapped = mapOk(
      packetOf({
        segments: [
          typicalOrder({ extra: [seg("E1JSTKL", { STAT: "E0042" }), seg("E1JSTKL", { STAT: "I0340" })] }),
        ],
      }),
    );
    const values = parameterOf(orderSegmentOf(mapped), "SAP_STATUS")?.Value?.map((v) =>
      textOf(v.ValueString),
    );
    expect(values).toEqual(["I0016", "E0042", "I0340"]);
  });

  test("LOIPRO-MAP-062 ScheduleState is the orders' common state, absent when they differ", () => {
    const same = mapOk(
      packetOf({ segments: [typicalOrder()] }, { segments: [typicalOrder({ header: { AUFNR: "2" } })] }),
    );
    expect(scheduleOf(same).ScheduleState).toEqual({ value: "Released" });
    const differ = mapOk(
      packetOf(
        { segments: [typicalOrder()] },
        { segments: [typicalOrder({ header: { AUFNR: "2" }, extra: [seg("E1JSTKL", { STAT: "I0046" })] })] },
      ),
    );
    expect(scheduleOf(differ).ScheduleState).toBeUndefined();
  });

  test("LOIPRO-MAP-063 an order with a deletion status is kept, with the state the table gives it", () => {
    const mapped = mapOk(
      packetOf({ segments: [typicalOrder({ extra: [seg("E1JSTKL", { STAT: "I0076" })] })] }),
    );
    expect(requestOf(mapped).RequestState).toEqual({ value: "Other", OtherValue: "DeletionFlag" });
  });
});

describe("variant configuration", () => {
  test("LOIPRO-MAP-070 E1VCCHR values become order-level parameters with their descriptions", () => {
    const mapped = map({}, [
      seg(
        "E1VCCHR",
        { ATNAM: "COLOR", ATWRT: "RED", ATFOR: "CHAR" },
        seg("E1VCCHT", { LAISO: "EN", ATBEZ: "Colour" }),
        seg("E1VCCHT", { LAISO: "DE", ATBEZ: "Farbe" }),
      ),
      seg("E1VCCHR", { ATNAM: "LENGTH", ATWRT: "1.5", ATFOR: "NUM" }),
      seg("E1VCCHR", { ATNAM: "NOTE", ATWRT: "short", ATWRT_LONG: "a much longer value" }),
    ]);
    const order = orderSegmentOf(mapped);
    expect(parameterOf(order, "COLOR")).toEqual({
      ID: { value: "COLOR", schemeID: "ATNAM" },
      Value: [{ ValueString: { value: "RED" }, DataType: { value: "string" } }],
      Description: [
        { value: "Colour", languageID: "en" },
        { value: "Farbe", languageID: "de" },
      ],
    });
    expect(parameterOf(order, "LENGTH")?.Value?.[0]?.DataType).toEqual({ value: "decimal" });
    expect(textOf(parameterOf(order, "NOTE")?.Value?.[0]?.ValueString)).toBe("a much longer value");
  });
});
