/**
 * The document builders (issue #12): hand-built ProcessProductionSchedule and ProcessProductionPerformance
 * documents, written by `write` and validated by libxml2 (XSD) and the business rules against the
 * built-in V0600 profile; lexical values exactly as given; invalid input refused with a code.
 */
import { describe, expect, test } from "vitest";
import { read, rootOf, write } from "../../src/binding/index.js";
import {
  BuildError,
  dateTime,
  duration,
  identifier,
  location,
  materialActual,
  materialRequirement,
  processProductionPerformance,
  processProductionSchedule,
  productionPerformance,
  productionRequest,
  productionResponse,
  productionSchedule,
  quantity,
  segmentRequirement,
  segmentResponse,
  text,
} from "../../src/builders/index.js";
import { schemaSet } from "../../src/generated/b2mml-v0600/index.js";
import { validateDocument } from "../../src/validation/index.js";

const plant = location("CH01", "Site", "WERKS");

const schedule = processProductionSchedule({
  creationDateTime: "2026-04-14T06:00:00+02:00",
  bodId: "MES-PS-0001",
  sender: "S4PCLNT100",
  schedules: [
    productionSchedule({
      id: "PS-2026-04-14",
      requests: [
        productionRequest({
          id: "1004711",
          schemeID: "AUFNR",
          description: "Ibuprofen 400 mg film-coated tablets",
          location: plant,
          startTime: "2026-04-14T06:00:00+02:00",
          endTime: "2026-04-16T22:00:00+02:00",
          state: "Released",
          segments: [
            segmentRequirement({
              id: "0010",
              processSegmentId: "GRAN",
              earliestStartTime: "2026-04-14T06:00:00+02:00",
              latestEndTime: "2026-04-14T18:00:00+02:00",
              duration: "PT12H",
              materials: [
                materialRequirement({
                  material: "IBUPROFEN_400MG_FCT_BULK",
                  use: "Produced",
                  quantities: [quantity("1200000.000", "H87")],
                }),
                materialRequirement({
                  material: "100234",
                  use: "Consumed",
                  lot: "B2604-117",
                  quantities: [quantity("482.500", "KGM")],
                }),
              ],
            }),
          ],
        }),
      ],
    }),
  ],
});

const performance = processProductionPerformance({
  creationDateTime: "2026-04-16T22:05:00Z",
  bodId: "MES-PP-0001",
  sender: "MESBSL01",
  performances: [
    productionPerformance({
      id: "PP-1",
      productionScheduleId: "PS-2026-04-14",
      responses: [
        productionResponse({
          id: "R-1004711",
          productionRequestId: "1004711",
          schemeID: "AUFNR",
          location: plant,
          state: "Completed",
          segments: [
            segmentResponse({
              id: "0010",
              processSegmentId: "GRAN",
              actualStartTime: "2026-04-14T06:10:00+02:00",
              actualEndTime: "2026-04-14T17:40:00+02:00",
              state: "Completed",
              materials: [
                materialActual({
                  material: "IBUPROFEN_400MG_FCT_BULK",
                  use: "Produced",
                  quantities: [quantity("1198500", "H87")],
                }),
                materialActual({
                  material: "100234",
                  use: "Consumed",
                  lot: "B2604-117",
                  quantities: [quantity("482.75", "KGM")],
                }),
              ],
            }),
          ],
        }),
      ],
    }),
  ],
});

describe("document builders", () => {
  test("a hand-built ProcessProductionSchedule is valid against the built-in profile (XSD and rules)", () => {
    const xml = write(schedule, rootOf(schemaSet, "ProcessProductionSchedule"), { indent: "  " });
    const result = validateDocument(xml, { rules: true });
    expect(result.issues).toEqual([]);
    expect(result.outcome).toBe("valid");
    expect(xml).toContain('<QuantityString unitCode="H87">1200000.000</QuantityString>');
    expect(xml).toContain("<Duration>PT12H</Duration>");
  });

  test("a hand-built ProcessProductionPerformance is valid against the built-in profile (XSD and rules)", () => {
    const xml = write(performance, rootOf(schemaSet, "ProcessProductionPerformance"), { indent: "  " });
    const result = validateDocument(xml, { rules: true });
    expect(result.issues).toEqual([]);
    expect(result.outcome).toBe("valid");
  });

  test("the written document reads back to the built value", () => {
    const root = rootOf(schemaSet, "ProcessProductionSchedule");
    const back = read(write(schedule, root), root);
    expect(back.issues).toEqual([]);
    expect(back.value).toEqual(schedule);
  });

  test.each(["12.5", "-0.250", "1200000.000", "+1", ".5", "007"])(
    "quantity(%j) keeps the amount exactly",
    (amount) => {
      expect(quantity(amount, "KGM")).toEqual({
        QuantityString: { value: amount, unitCode: "KGM" },
        DataType: { value: "decimal" },
        UnitOfMeasure: { value: "KGM" },
      });
    },
  );

  const refusals: [string, () => unknown, string, string][] = [
    ["a decimal comma", () => quantity("12,5", "KGM"), "BUILD_INVALID_QUANTITY", "quantity.amount"],
    ["an exponent", () => quantity("1e3", "KGM"), "BUILD_INVALID_QUANTITY", "quantity.amount"],
    [
      "white space around the amount",
      () => quantity(" 12", "KGM"),
      "BUILD_INVALID_QUANTITY",
      "quantity.amount",
    ],
    ["an empty unit", () => quantity("12", ""), "BUILD_INVALID_UNIT", "quantity.unit"],
    ["a unit with a space", () => quantity("12", "KG M"), "BUILD_INVALID_UNIT", "quantity.unit"],
    ["no offset", () => dateTime("2026-04-14T06:00:00"), "BUILD_DATE_TIME_WITHOUT_OFFSET", "dateTime"],
    ["not a dateTime", () => dateTime("14.04.2026 06:00"), "BUILD_INVALID_DATE_TIME", "dateTime"],
    ["February 30", () => dateTime("2026-02-30T00:00:00Z"), "BUILD_INVALID_DATE_TIME", "dateTime"],
    ["not a duration", () => duration("2h"), "BUILD_INVALID_DURATION", "duration"],
    ["an empty identifier", () => identifier(""), "BUILD_INVALID_IDENTIFIER", "identifier"],
    [
      "a request start without offset",
      () => productionRequest({ id: "1", startTime: "2026-04-14T06:00:00" }),
      "BUILD_DATE_TIME_WITHOUT_OFFSET",
      "productionRequest.startTime",
    ],
    [
      "a padded order number",
      () => productionRequest({ id: " 1004711" }),
      "BUILD_INVALID_IDENTIFIER",
      "productionRequest.id",
    ],
    [
      "a creation time without offset",
      () => processProductionSchedule({ creationDateTime: "2026-04-14T06:00:00", schedules: [] }),
      "BUILD_DATE_TIME_WITHOUT_OFFSET",
      "applicationArea.creationDateTime",
    ],
  ];
  test.each(refusals)("refuses %s with a code and the argument's path", (_, build, code, path) => {
    let error: unknown;
    try {
      build();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(BuildError);
    expect(error).toMatchObject({ code, path });
  });

  test("text keeps its value and language; location nests", () => {
    expect(text(" as is ", "en")).toEqual({ value: " as is ", languageID: "en" });
    expect(location("0001", "StorageZone", "LGORT", plant)).toEqual({
      EquipmentID: { value: "0001", schemeID: "LGORT" },
      EquipmentElementLevel: { value: "StorageZone" },
      Location: plant,
    });
  });
});
