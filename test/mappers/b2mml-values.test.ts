/**
 * Issue #20: one builder each for text values and plant › storage locations (`src/mappers/shared/
 * b2mml-values.ts`), used by the LOIPRO and the performance mappings; LOIPRO keeps its own rule that a
 * component or order item without LGORT has no location (LOIPRO-MAP-032).
 */
import { describe, expect, test } from "vitest";
import { locationOf as performanceLocationOf } from "../../src/mappers/idoc-to-production-performance/values.js";
import { storageLocation } from "../../src/mappers/loipro-to-production-schedule/components.js";
import { stringValue as loiproStringValue } from "../../src/mappers/loipro-to-production-schedule/context.js";
import { locationOf, stringValue } from "../../src/mappers/shared/b2mml-values.js";

const SITE = { EquipmentID: { value: "1000", schemeID: "WERKS" }, EquipmentElementLevel: { value: "Site" } };
const ZONE = {
  EquipmentID: { value: "0001", schemeID: "LGORT" },
  EquipmentElementLevel: { value: "StorageZone" },
};

describe("shared B2MML value builders", () => {
  test.each([
    ["A", undefined, { ValueString: { value: "A" }, DataType: { value: "string" } }],
    ["A", "string", { ValueString: { value: "A" }, DataType: { value: "string" } }],
    ["20260131", "date", { ValueString: { value: "20260131" }, DataType: { value: "date" } }],
    ["-1.500", "decimal", { ValueString: { value: "-1.500" }, DataType: { value: "decimal" } }],
    ["", "string", { ValueString: { value: "" }, DataType: { value: "string" } }],
  ] as const)("stringValue(%j, %s)", (text, dataType, expected) => {
    expect(stringValue(text, dataType)).toEqual(expected);
  });

  test.each([
    ["1000", "0001", { ...SITE, Location: ZONE }],
    ["1000", undefined, SITE],
    [undefined, "0001", ZONE],
    [undefined, undefined, undefined],
  ] as const)("locationOf(%s, %s)", (plant, storage, expected) => {
    expect(locationOf(plant, storage)).toEqual(expected);
  });

  test.each([
    ["1000", "0001", { ...SITE, Location: ZONE }],
    ["1000", undefined, undefined],
    [undefined, "0001", ZONE],
    [undefined, undefined, undefined],
  ] as const)("LOIPRO storageLocation(%s, %s): no location without LGORT", (plant, lgort, expected) => {
    expect(storageLocation(plant, lgort)).toEqual(expected);
  });

  test("the mappings use the one shared builder, not a copy", () => {
    expect(loiproStringValue).toBe(stringValue);
    expect(performanceLocationOf).toBe(locationOf);
  });
});
