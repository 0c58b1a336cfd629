/** Units (built-in table and configuration) and exact quantities. */
import { Decimal } from "decimal.js";
import { describe, expect, test } from "vitest";
import { BUILTIN_UNITS } from "../../src/mappers/index.js";
import { mapIssuePath } from "../../src/mappers/issues.js";
import { parseExactQuantity } from "../../src/mappers/units/quantity.js";
import { CONFIG, packetOf, seg, typicalOrder } from "./helpers/build-packet.js";
import { mapErrors, mapOk, segmentAt, textOf } from "./helpers/navigate.js";

const component = (fields: Record<string, string>) =>
  typicalOrder({
    operations: [
      seg(
        "E1AFVOL",
        { VORNR: "0010" },
        seg("E1RESBL", { MATNR: "C-1", BDMNG: "1.000", MEINS: "ST", ...fields }),
      ),
    ],
  });

const consumedQuantity = (mapped: ReturnType<typeof mapOk>) =>
  segmentAt(mapped, ["SEQ-0", "0010"]).MaterialConsumedRequirement?.[0]?.Quantity?.[0];

describe("units", () => {
  test.each([
    ["ST", "H87"],
    ["EA", "EA"],
    ["KG", "KGM"],
    ["G", "GRM"],
    ["TO", "TNE"],
    ["L", "LTR"],
    ["ML", "MLT"],
    ["M3", "MTQ"],
    ["M", "MTR"],
    ["MM", "MMT"],
    ["CM", "CMT"],
    ["M2", "MTK"],
    ["H", "HUR"],
    ["MIN", "MIN"],
    ["S", "SEC"],
    ["KAR", "CT"],
    ["PAK", "PK"],
  ])("LOIPRO-MAP-040 built-in table: %s → %s", (sap, rec20) => {
    expect(BUILTIN_UNITS[sap]).toBe(rec20);
    const q = consumedQuantity(mapOk(packetOf({ segments: [component({ MEINS: sap })] })));
    expect(textOf(q?.UnitOfMeasure)).toBe(rec20);
    expect(q?.QuantityString).toEqual({ value: "1.000", unitCode: rec20 });
  });

  test("LOIPRO-MAP-040 the configuration's units override and extend the built-in table", () => {
    const config = { ...CONFIG, units: { ST: "C62", PAL: "PX" } };
    expect(
      textOf(
        consumedQuantity(mapOk(packetOf({ segments: [component({ MEINS: "ST" })] }), config))?.UnitOfMeasure,
      ),
    ).toBe("C62");
    expect(
      textOf(
        consumedQuantity(mapOk(packetOf({ segments: [component({ MEINS: "PAL" })] }), config))?.UnitOfMeasure,
      ),
    ).toBe("PX");
  });

  test("LOIPRO-MAP-040 an unknown or missing unit is an error naming the unit field; nothing is guessed", () => {
    const errors = mapErrors(packetOf({ segments: [component({ MEINS: "PAL" })] }));
    expect(errors).toEqual([
      expect.objectContaining({
        code: "UNKNOWN_UNIT",
        path: "IDOC[1]/E1AFKOL/E1AFFLL/E1AFVOL/E1RESBL/MEINS",
        received: "PAL",
      }),
    ]);
    const missing = mapErrors(packetOf({ segments: [component({ MEINS: "" })] }));
    expect(missing.map((e) => [e.code, mapIssuePath(e)])).toEqual([
      ["MISSING_UNIT", "IDOC[1]/E1AFKOL/E1AFFLL/E1AFVOL/E1RESBL/MEINS"],
    ]);
  });
});

describe("quantities", () => {
  test.each([
    ["0.001"],
    ["123456789012.345"],
    ["3560.1"],
    ["400"],
    ["0.000"],
    ["99999999999999999999.999999999999999"],
  ])("LOIPRO-MAP-041 %s is passed on digit for digit", (bdmng) => {
    const q = consumedQuantity(mapOk(packetOf({ segments: [component({ BDMNG: bdmng })] })));
    expect(textOf(q?.QuantityString)).toBe(bdmng);
    expect(new Decimal(textOf(q?.QuantityString) ?? "NaN").eq(new Decimal(bdmng))).toBe(true);
  });

  test.each([["12,5"], ["1.000000000000000E+01"], ["12.345-"], ["abc"], [" 1"], ["1."]])(
    "LOIPRO-MAP-041 %j is not a normalized decimal: INVALID_QUANTITY at the field",
    (bdmng) => {
      const errors = mapErrors(packetOf({ segments: [component({ BDMNG: bdmng })] }));
      expect(errors).toEqual([
        expect.objectContaining({
          code: "INVALID_QUANTITY",
          path: "IDOC[1]/E1AFKOL/E1AFFLL/E1AFVOL/E1RESBL/BDMNG",
          received: bdmng,
        }),
      ]);
    },
  );

  test("LOIPRO-MAP-041 parseExactQuantity keeps the lexical form and the magnitude's digits", () => {
    expect(parseExactQuantity("-12.345")).toEqual({
      lexical: "-12.345",
      magnitude: "12.345",
      negative: true,
    });
    expect(parseExactQuantity("-0.000")).toEqual({ lexical: "-0.000", magnitude: "0.000", negative: false });
    expect(parseExactQuantity("1e3")).toBeUndefined();
  });
});
