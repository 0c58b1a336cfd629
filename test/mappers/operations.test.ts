/** Sequences, operations, sub-operations: nesting, IDs, times, work centers, standard values, capacities, deletion. */
import { describe, expect, test } from "vitest";
import { mapIssuePath } from "../../src/mappers/issues.js";
import { packetOf, seg, typicalOrder } from "./helpers/build-packet.js";
import {
  codes,
  mapErrors,
  mapOk,
  orderSegmentOf,
  parameterOf,
  segmentAt,
  textOf,
} from "./helpers/navigate.js";

const withOps = (...operations: ReturnType<typeof seg>[]) =>
  mapOk(packetOf({ segments: [typicalOrder({ operations })] }));

describe("sequences", () => {
  test("LOIPRO-MAP-019 standard, parallel and alternative sequences stay side by side with their category and references", () => {
    const header = typicalOrder();
    const order = seg(
      "E1AFKOL",
      header.fields,
      ...(header.children ?? []),
      seg(
        "E1AFFLL",
        { PLNFL: "1", FLGAT: "1", BEZFL: "0", VORNR1: "0010", VORNR2: "0020" },
        seg("E1AFVOL", { VORNR: "0110", LTXA1: "Parallel" }),
      ),
      seg("E1AFFLL", { PLNFL: "2", FLGAT: "2", BEZFL: "0" }, seg("E1AFVOL", { VORNR: "0210" })),
    );
    const mapped = mapOk(packetOf({ segments: [order] }));
    const sequences = orderSegmentOf(mapped).SegmentRequirement ?? [];
    expect(sequences.map((s) => [s.ID?.value, s.Description?.[0]?.value])).toEqual([
      ["SEQ-0", "standard sequence"],
      ["SEQ-1", "parallel sequence"],
      ["SEQ-2", "alternative sequence"],
    ]);
    const parallel = segmentAt(mapped, ["SEQ-1"]);
    expect(
      ["FLGAT", "BEZFL", "VORNR1", "VORNR2"].map((id) =>
        textOf(parameterOf(parallel, id)?.Value?.[0]?.ValueString),
      ),
    ).toEqual(["1", "0", "0010", "0020"]);
    expect(segmentAt(mapped, ["SEQ-1", "0110"]).Description?.[0]?.value).toBe("Parallel");
    expect(segmentAt(mapped, ["SEQ-2", "0210"]).ID?.schemeID).toBe("VORNR");
  });

  test("LOIPRO-MAP-019 a repeated PLNFL or a missing one is an error", () => {
    const order = seg(
      "E1AFKOL",
      { ...typicalOrder().fields },
      seg("E1AFFLL", { PLNFL: "0" }),
      seg("E1AFFLL", { PLNFL: "0" }),
      seg("E1AFFLL", {}),
    );
    const errors = mapErrors(packetOf({ segments: [order] }));
    expect(errors.map((e) => [e.code, mapIssuePath(e)])).toEqual([
      ["DUPLICATE_ID", "IDOC[1]/E1AFKOL/E1AFFLL[2]/PLNFL"],
      ["MISSING_FIELD", "IDOC[1]/E1AFKOL/E1AFFLL[3]/PLNFL"],
    ]);
  });
});

describe("operations", () => {
  test("LOIPRO-MAP-020 ID = VORNR, ProcessSegmentID = ME_OPERATION_ID, Description = LTXA1; duplicates are errors", () => {
    const mapped = withOps(
      seg("E1AFVOL", { VORNR: "0060", LTXA1: "Picking of components", ME_OPERATION_ID: "D2O_MAIN_PICKING" }),
    );
    const op = segmentAt(mapped, ["SEQ-0", "0060"]);
    expect(op.ID).toEqual({ value: "0060", schemeID: "VORNR" });
    expect(op.ProcessSegmentID).toEqual({ value: "D2O_MAIN_PICKING", schemeID: "ME_OPERATION_ID" });
    expect(op.Description).toEqual([{ value: "Picking of components" }]);
    const errors = mapErrors(
      packetOf({
        segments: [
          typicalOrder({
            operations: [
              seg("E1AFVOL", { VORNR: "0010" }),
              seg("E1AFVOL", { VORNR: "0010" }),
              seg("E1AFVOL", {}),
            ],
          }),
        ],
      }),
    );
    expect(errors.map((e) => [e.code, mapIssuePath(e)])).toEqual([
      ["DUPLICATE_ID", "IDOC[1]/E1AFKOL/E1AFFLL/E1AFVOL[2]/VORNR"],
      ["MISSING_FIELD", "IDOC[1]/E1AFKOL/E1AFFLL/E1AFVOL[3]/VORNR"],
    ]);
  });

  test("LOIPRO-MAP-021 EarliestStartTime from FSAVD/FSAVZ, LatestEndTime from SSEDD/SSEDZ, else FSEDD/FSEDZ", () => {
    const mapped = withOps(
      seg("E1AFVOL", {
        VORNR: "0010",
        FSAVD: "2026-03-30",
        FSAVZ: "06:00:00",
        FSEDD: "2026-03-30",
        FSEDZ: "12:00:00",
        SSEDD: "2026-03-30",
        SSEDZ: "14:00:00",
      }),
      seg("E1AFVOL", {
        VORNR: "0020",
        FSAVD: "2026-03-30",
        FSAVZ: "14:00:00",
        FSEDD: "2026-03-30",
        FSEDZ: "24:00:00",
      }),
    );
    const [a, b] = [segmentAt(mapped, ["SEQ-0", "0010"]), segmentAt(mapped, ["SEQ-0", "0020"])];
    expect([a.EarliestStartTime?.value, a.LatestEndTime?.value]).toEqual([
      "2026-03-30T06:00:00+02:00",
      "2026-03-30T14:00:00+02:00",
    ]);
    expect([b.EarliestStartTime?.value, b.LatestEndTime?.value]).toEqual([
      "2026-03-30T14:00:00+02:00",
      "2026-03-31T00:00:00+02:00",
    ]);
  });

  test("LOIPRO-MAP-022 the work center ARBPL becomes the EquipmentRequirement", () => {
    const op = segmentAt(withOps(seg("E1AFVOL", { VORNR: "0010", ARBPL: "D2O_ASSY" })), ["SEQ-0", "0010"]);
    expect(op.EquipmentRequirement).toEqual([
      { EquipmentID: [{ value: "D2O_ASSY", schemeID: "ARBPL" }], Description: [{ value: "work center" }] },
    ]);
    expect(
      segmentAt(withOps(seg("E1AFVOL", { VORNR: "0010" })), ["SEQ-0", "0010"]).EquipmentRequirement,
    ).toBeUndefined();
  });

  test("LOIPRO-MAP-023 control key, confirmation number (E1AFVOL2 first), standard value key, operation and base quantity", () => {
    const op = segmentAt(
      withOps(
        seg(
          "E1AFVOL",
          {
            VORNR: "0010",
            STEUS: "PP01",
            VGWTS: "SAP1",
            MGVRG: "2.000",
            BMSCH: "1.000",
            MEINH: "EA",
            RUECK: "0000000001",
          },
          seg("E1AFVOL2", { RUECK: "0000352237" }),
        ),
      ),
      ["SEQ-0", "0010"],
    );
    expect(
      op.ProductionParameter?.map((p) => [
        p.Parameter?.ID.value,
        textOf(p.Parameter?.Value?.[0]?.ValueString),
      ]),
    ).toEqual([
      ["STEUS", "PP01"],
      ["RUECK", "0000352237"],
      ["VGWTS", "SAP1"],
      ["MGVRG", "2.000"],
      ["BMSCH", "1.000"],
    ]);
    expect(parameterOf(op, "MGVRG")?.Value?.[0]?.UnitOfMeasure).toEqual({ value: "EA" });
  });

  test("LOIPRO-MAP-024 standard values with their unit, label (PARnn_LTXT) and activity type; zero without unit left out", () => {
    const op = segmentAt(
      withOps(
        seg(
          "E1AFVOL",
          {
            VORNR: "0010",
            VGW01: "5.000",
            VGE01: "MIN",
            LAR01: "SETUP",
            VGW02: "1.500",
            VGE02: "H",
            VGW03: "0.000",
          },
          seg("E1AFVOL2", { PAR01_LTXT: "Setup" }),
        ),
      ),
      ["SEQ-0", "0010"],
    );
    expect(parameterOf(op, "VGW01")).toEqual({
      ID: { value: "VGW01" },
      Value: [
        {
          ValueString: { value: "5.000", unitCode: "MIN" },
          DataType: { value: "decimal" },
          UnitOfMeasure: { value: "MIN" },
        },
      ],
      Description: [{ value: "Setup" }],
      Parameter: [
        {
          ID: { value: "LAR01" },
          Value: [{ ValueString: { value: "SETUP" }, DataType: { value: "string" } }],
          Description: [{ value: "activity type" }],
        },
      ],
    });
    expect(parameterOf(op, "VGW02")?.Value?.[0]?.ValueString).toEqual({ value: "1.500", unitCode: "HUR" });
    expect(parameterOf(op, "VGW03")).toBeUndefined();
    const errors = mapErrors(
      packetOf({
        segments: [typicalOrder({ operations: [seg("E1AFVOL", { VORNR: "0010", VGW04: "2.000" })] })],
      }),
    );
    expect(errors.map((e) => [e.code, mapIssuePath(e)])).toEqual([
      ["MISSING_UNIT", "IDOC[1]/E1AFKOL/E1AFFLL/E1AFVOL/VGE04"],
    ]);
  });

  test("LOIPRO-MAP-025 capacity requirements (E1KBEDL) become properties of the equipment requirement", () => {
    const op = segmentAt(
      withOps(
        seg(
          "E1AFVOL",
          { VORNR: "0010", ARBPL: "WC1" },
          seg("E1KBEDL", { KAPAR: "001", KRUESOLL: "0.000", KBEASOLL: "10.00000000000000", KEINH: "MIN" }),
          seg("E1KBEDL", { KAPAR: "002", KBEASOLL: "20", KEINH: "MIN" }),
        ),
      ),
      ["SEQ-0", "0010"],
    );
    const properties = op.EquipmentRequirement?.[0]?.EquipmentRequirementProperty ?? [];
    expect(
      properties.map((p) => [
        p.ID.value,
        textOf(p.Value?.[0]?.ValueString),
        p.Quantity?.map((q) => `${textOf(q.Key)}=${textOf(q.QuantityString)} ${textOf(q.UnitOfMeasure)}`),
      ]),
    ).toEqual([
      ["CAPACITY-1", "001", ["KRUESOLL=0.000 MIN", "KBEASOLL=10.00000000000000 MIN"]],
      ["CAPACITY-2", "002", ["KBEASOLL=20 MIN"]],
    ]);
  });

  test("LOIPRO-MAP-026 sub-operations (E1AFUVL) nest under their operation with their own status and capacities", () => {
    const mapped = withOps(
      seg(
        "E1AFVOL",
        { VORNR: "0010" },
        seg(
          "E1AFUVL",
          { UVORN: "0001", LTXA1: "Secondary resource", ARBPL: "CREW" },
          seg("E1JSTUL", { STAT: "I0002" }),
          seg("E1KBEUL", { KAPAR: "002", KBEASOLL: "3", KEINH: "H" }),
        ),
      ),
    );
    const sub = segmentAt(mapped, ["SEQ-0", "0010", "0001"]);
    expect(sub.ID).toEqual({ value: "0001", schemeID: "UVORN" });
    expect(sub.SegmentState).toEqual({ value: "Released" });
    expect(
      sub.EquipmentRequirement?.[0]?.EquipmentRequirementProperty?.[0]?.Quantity?.[0]?.UnitOfMeasure,
    ).toEqual({ value: "HUR" });
  });

  test("LOIPRO-MAP-027 a phase keeps its place in the sequence and names its superior operation", () => {
    const mapped = withOps(
      seg("E1AFVOL", { VORNR: "0010" }),
      seg("E1AFVOL", { VORNR: "0011", PHFLG: "X", PVZNR: "0010" }),
    );
    expect(
      textOf(
        parameterOf(segmentAt(mapped, ["SEQ-0", "0011"]), "SUPERIOR_OPERATION")?.Value?.[0]?.ValueString,
      ),
    ).toBe("0010");
  });

  test("LOIPRO-MAP-028 deleted operations (I0013, I0076, LOEKZ) and sub-operations are dropped with a warning, components included", () => {
    const mapped = withOps(
      seg(
        "E1AFVOL",
        { VORNR: "0010" },
        seg("E1JSTVL", { STAT: "I0013" }),
        seg("E1RESBL", { MATNR: "C", BDMNG: "1", MEINS: "ST" }),
      ),
      seg("E1AFVOL", { VORNR: "0020" }, seg("E1JSTVL", { STAT: "I0076" })),
      seg("E1AFVOL", { VORNR: "0030", LOEKZ: "X" }),
      seg("E1AFVOL", { VORNR: "0040" }, seg("E1AFUVL", { UVORN: "0001" }, seg("E1JSTUL", { STAT: "I0013" }))),
    );
    expect(segmentAt(mapped, ["SEQ-0"]).SegmentRequirement?.map((s) => s.ID?.value)).toEqual(["0040"]);
    expect(segmentAt(mapped, ["SEQ-0", "0040"]).SegmentRequirement).toBeUndefined();
    expect(mapped.warnings.map((w) => [w.code, mapIssuePath(w)])).toEqual([
      ["DELETED_OPERATION_DROPPED", "IDOC[1]/E1AFKOL/E1AFFLL/E1AFVOL[1]"],
      ["DELETED_OPERATION_DROPPED", "IDOC[1]/E1AFKOL/E1AFFLL/E1AFVOL[2]"],
      ["DELETED_OPERATION_DROPPED", "IDOC[1]/E1AFKOL/E1AFFLL/E1AFVOL[3]/LOEKZ"],
      ["DELETED_SUB_OPERATION_DROPPED", "IDOC[1]/E1AFKOL/E1AFFLL/E1AFVOL[4]/E1AFUVL"],
    ]);
    expect(mapped.warnings[0]?.message).toContain("nor its 1 component(s)");
    expect(codes(mapped.warnings)).not.toContain("UNKNOWN_UNIT");
  });
});
