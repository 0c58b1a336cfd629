/**
 * Issue #20: the outbound IDoc field order has one source, the XSD (`xsd/idoc/`), read through the
 * generated IDoc types. The oracle here is the XSD text itself: every segment the postings write lists
 * its fields in the order of its `<xs:group name="SEGMENT.fields">`; a field the mapper sets that the
 * schema lacks is refused, never dropped.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { writeIdocXml } from "../../../src/idoc/write-idoc-xml.js";
import {
  goodsMovementIdoc,
  timeTicketIdoc,
} from "../../../src/mappers/production-performance-to-erp/build-idocs.js";
import {
  POSTING_SEGMENTS,
  postingSegments,
} from "../../../src/mappers/production-performance-to-erp/segment-definitions.js";
import { loadConfig } from "./helpers.js";

const xsdDir = path.resolve(import.meta.dirname, "../../../xsd/idoc");
const xsdText = readdirSync(xsdDir)
  .filter((f) => f.endsWith(".xsd"))
  .map((f) => readFileSync(path.join(xsdDir, f), "utf8"))
  .join("\n");

/** The element names of `<xs:group name="SEGMENT.fields">` in document order. */
function xsdFieldOrder(segment: string): string[] {
  const group = new RegExp(`<xs:group name="${segment}\\.fields">([\\s\\S]*?)</xs:group>`).exec(xsdText);
  if (group?.[1] === undefined) throw new Error(`no group ${segment}.fields in xsd/idoc`);
  return [...group[1].matchAll(/<xs:element name="([A-Z0-9_]+)"/g)].map((m) => m[1] ?? "");
}

const SEGMENTS_BY_BASIC_TYPE = [
  ["PPCC2PRETTICKET02", ["E1PPCC2PRETTICKET", "E1BP_PP_TIMETICKET"]],
  [
    "MBGMCR03",
    [
      "E1MBGMCR",
      "E1BP2017_GM_HEAD_01",
      "E1BP2017_GM_CODE",
      "E1BP2017_GM_ITEM_CREATE",
      "E1BP2017_GM_SERIALNUMBER",
      "E1BPPAREX",
    ],
  ],
] as const;

describe("issue #20 outbound field order comes from the XSD alone", () => {
  test.each(SEGMENTS_BY_BASIC_TYPE)("%s writes exactly the segments %j", (basicType, segments) => {
    expect(Object.keys(postingSegments(basicType))).toEqual(segments);
  });

  const SEGMENT_CASES = SEGMENTS_BY_BASIC_TYPE.flatMap(([basicType, segments]) =>
    segments.map((segment) => [basicType, segment] as const),
  );
  test.each(SEGMENT_CASES)("%s %s fields are in the order of the XSD group", (basicType, segment) => {
    expect(postingSegments(basicType)[segment]).toEqual(xsdFieldOrder(segment));
  });

  test("POSTING_SEGMENTS is the union of both basic types, in XSD order", () => {
    const expected = Object.fromEntries(
      SEGMENTS_BY_BASIC_TYPE.flatMap(([, segments]) => segments.map((s) => [s, xsdFieldOrder(s)])),
    );
    expect(POSTING_SEGMENTS).toEqual(expected);
  });

  test.each([
    [
      "time ticket",
      () =>
        timeTicketIdoc({ config: loadConfig() }, 1, { EX_IDENT: "K1", CONF_NO: "1", NOT_IN_SCHEMA: "X" }, []),
      "writeIdocXml: E1BP_PP_TIMETICKET has no field NOT_IN_SCHEMA",
    ],
    [
      "goods movement item",
      () =>
        goodsMovementIdoc(
          { config: loadConfig() },
          1,
          { REF_DOC_NO: "K1" },
          "03",
          [{ MATERIAL: "M1", NOT_IN_SCHEMA: "X" }],
          [],
        ),
      "writeIdocXml: E1BP2017_GM_ITEM_CREATE has no field NOT_IN_SCHEMA",
    ],
    [
      "goods movement head",
      () =>
        goodsMovementIdoc({ config: loadConfig() }, 1, { REF_DOC_NO: "K1", HEAD_EXTRA: "X" }, "03", [], []),
      "writeIdocXml: E1BP2017_GM_HEAD_01 has no field HEAD_EXTRA",
    ],
  ])("a %s field the schema lacks is an error, not dropped", (_, build, message) => {
    expect(build).toThrow(new Error(message));
  });

  test("a field the schema declares is written where the XSD puts it, whatever order the mapper sets it in", () => {
    const xml = writeIdocXml(
      [
        {
          control: { IDOCTYP: "PPCC2PRETTICKET02" },
          segments: [
            {
              name: "E1PPCC2PRETTICKET",
              fields: {},
              segments: [
                { name: "E1BP_PP_TIMETICKET", fields: { PLANT: "1000", CONF_TEXT: "t", ORDERID: "1" } },
              ],
            },
          ],
        },
      ],
      { definitions: postingSegments("PPCC2PRETTICKET02") },
    );
    expect(xml.split("\n").filter((l) => /<(ORDERID|CONF_TEXT|PLANT)>/.test(l))).toEqual([
      "        <ORDERID>1</ORDERID>",
      "        <CONF_TEXT>t</CONF_TEXT>",
      "        <PLANT>1000</PLANT>",
    ]);
  });

  test("EDI_DC40 is written in the order of its XSD group too (no hand list)", () => {
    const order = xsdFieldOrder("EDI_DC40");
    const control = Object.fromEntries(
      [...order].reverse().map((field) => [field, field === "IDOCTYP" ? "PPCC2PRETTICKET02" : "X"]),
    );
    const xml = writeIdocXml([{ control, segments: [] }], {
      definitions: postingSegments("PPCC2PRETTICKET02"),
    });
    const block = /<EDI_DC40 SEGMENT="1">([\s\S]*?)<\/EDI_DC40>/.exec(xml)?.[1] ?? "";
    expect([...block.matchAll(/<([A-Z0-9_]+)>/g)].map((m) => m[1])).toEqual(order);
  });
});
