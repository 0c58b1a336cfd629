/** Components (E1RESBL) → consumed requirements; by- and co-products → produced requirements. */
import { describe, expect, test } from "vitest";
import { mapIssuePath } from "../../src/mappers/issues.js";
import { packetOf, seg, typicalOrder } from "./helpers/build-packet.js";
import { mapErrors, mapOk, segmentAt, textOf } from "./helpers/navigate.js";

const withComponents = (...components: ReturnType<typeof seg>[]) =>
  mapOk(
    packetOf({
      segments: [typicalOrder({ operations: [seg("E1AFVOL", { VORNR: "0010" }, ...components)] })],
    }),
  );
const op = (mapped: ReturnType<typeof mapOk>) => segmentAt(mapped, ["SEQ-0", "0010"]);
const props = (
  list:
    | readonly { ID?: { value: string } | undefined; Value?: readonly { ValueString: unknown }[] }[]
    | undefined,
) => Object.fromEntries((list ?? []).map((p) => [p.ID?.value, textOf(p.Value?.[0]?.ValueString)]));

describe("components", () => {
  test("LOIPRO-MAP-030 a component becomes a MaterialConsumedRequirement of its operation, with quantity and unit", () => {
    const consumed = op(
      withComponents(
        seg("E1RESBL", {
          MATNR_LONG: "D2O_DOUBLE_SEAT_VALVE_BODY",
          MATNR: "D2O_0902414268",
          BDMNG: "1.000",
          MEINS: "EA",
          SHKZG: "H",
        }),
      ),
    ).MaterialConsumedRequirement;
    expect(consumed).toEqual([
      {
        MaterialDefinitionID: [{ value: "D2O_DOUBLE_SEAT_VALVE_BODY" }],
        Quantity: [
          {
            QuantityString: { value: "1.000", unitCode: "EA" },
            DataType: { value: "decimal" },
            UnitOfMeasure: { value: "EA" },
          },
        ],
      },
    ]);
  });

  test("LOIPRO-MAP-031 LOIPRO-MAP-032 batch → MaterialLotID; storage location inside the component's (else the order's) plant", () => {
    const mapped = withComponents(
      seg("E1RESBL", { MATNR: "A", BDMNG: "1", MEINS: "ST", CHARG: "L26-0309-A", LGORT: "101A" }),
      seg("E1RESBL", { MATNR: "B", BDMNG: "1", MEINS: "ST", WERKS: "2000", LGORT: "0001" }),
      seg("E1RESBL", { MATNR: "C", BDMNG: "1", MEINS: "ST" }),
    );
    const [a, b, c] = op(mapped).MaterialConsumedRequirement ?? [];
    expect(a?.MaterialLotID).toEqual([{ value: "L26-0309-A", schemeID: "CHARG" }]);
    expect(a?.Location?.EquipmentID.value).toBe("1000");
    expect(a?.Location?.Location?.EquipmentID).toEqual({ value: "101A", schemeID: "LGORT" });
    expect(b?.Location?.EquipmentID.value).toBe("2000");
    expect(c?.Location).toBeUndefined();
  });

  test("LOIPRO-MAP-033 the reservation reference and BOM item, movement type and requirement date are properties", () => {
    const consumed = op(
      withComponents(
        seg("E1RESBL", {
          MATNR: "A",
          BDMNG: "1",
          MEINS: "ST",
          RSNUM: "0001950857",
          RSPOS: "0001",
          POSNR: "0010",
          BWART: "261",
          BDTER: "2023-12-04",
        }),
      ),
    ).MaterialConsumedRequirement?.[0];
    expect(props(consumed?.MaterialConsumedRequirementProperty)).toEqual({
      RSNUM: "0001950857",
      RSPOS: "0001",
      POSNR: "0010",
      BWART: "261",
      BDTER: "2023-12-04",
    });
    expect(consumed?.MaterialConsumedRequirementProperty?.at(-1)?.Value?.[0]?.DataType).toEqual({
      value: "date",
    });
  });

  test("LOIPRO-MAP-034 by-products (SHKZG S or negative) and co-products (KZKUP X) are produced requirements with positive quantity", () => {
    const mapped = withComponents(
      seg("E1RESBL", { MATNR: "SCRAP", BDMNG: "-2.500", MEINS: "KG", SHKZG: "H", BWART: "531" }),
      seg("E1RESBL", { MATNR: "CO", BDMNG: "7.000", MEINS: "ST", SHKZG: "S", KZKUP: "X" }),
      seg("E1RESBL", { MATNR: "IN", BDMNG: "1", MEINS: "ST", SHKZG: "H" }),
    );
    const produced = op(mapped).MaterialProducedRequirement ?? [];
    expect(
      produced.map((p) => [
        textOf(p.MaterialDefinitionID?.[0]),
        textOf(p.Quantity?.[0]?.QuantityString),
        props(p.MaterialProducedRequirementProperty).COMPONENT_ROLE,
      ]),
    ).toEqual([
      ["SCRAP", "2.500", "ByProduct"],
      ["CO", "7.000", "CoProduct"],
    ]);
    expect(op(mapped).MaterialConsumedRequirement?.map((c) => textOf(c.MaterialDefinitionID?.[0]))).toEqual([
      "IN",
    ]);
  });

  test("LOIPRO-MAP-035 a component with the deletion flag XLOEK is dropped with a warning", () => {
    const mapped = withComponents(
      seg("E1RESBL", { MATNR: "GONE", BDMNG: "1", MEINS: "??", XLOEK: "X", RSNUM: "1", RSPOS: "2" }),
      seg("E1RESBL", { MATNR: "KEPT", BDMNG: "1", MEINS: "ST" }),
    );
    expect(op(mapped).MaterialConsumedRequirement?.map((c) => textOf(c.MaterialDefinitionID?.[0]))).toEqual([
      "KEPT",
    ]);
    expect(mapped.warnings.map((w) => [w.code, mapIssuePath(w)])).toEqual([
      ["DELETED_COMPONENT_DROPPED", "IDOC[1]/E1AFKOL/E1AFFLL/E1AFVOL/E1RESBL[1]/XLOEK"],
    ]);
  });

  test("LOIPRO-MAP-036 a text item without material is dropped with a warning; a missing quantity is an error", () => {
    const mapped = withComponents(seg("E1RESBL", { POSNR: "0030", POSTP: "T" }));
    expect(op(mapped).MaterialConsumedRequirement).toBeUndefined();
    expect(mapped.warnings.map((w) => w.code)).toEqual(["COMPONENT_WITHOUT_MATERIAL_DROPPED"]);
    const errors = mapErrors(
      packetOf({
        segments: [
          typicalOrder({
            operations: [seg("E1AFVOL", { VORNR: "0010" }, seg("E1RESBL", { MATNR: "A", MEINS: "ST" }))],
          }),
        ],
      }),
    );
    expect(errors.map((e) => [e.code, mapIssuePath(e)])).toEqual([
      ["MISSING_FIELD", "IDOC[1]/E1AFKOL/E1AFFLL/E1AFVOL/E1RESBL/BDMNG"],
    ]);
  });
});
