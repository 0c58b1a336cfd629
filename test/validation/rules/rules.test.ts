/**
 * Business rules: table-driven cases per rule (a small document → exact issues), the catalogue, and
 * `runRules` ordering and selection.
 */
import { describe, expect, it } from "vitest";
import { parseXmlTree } from "../../../src/binding/xml-tree.js";
import { renderIssuePath } from "../../../src/shared/issue.js";
import { RULES, runRules } from "../../../src/validation/rules/index.js";
import { READER_COLUMN_OFFSET, startTag } from "./positions.js";

const V0600 = "http://www.mesa.org/xml/B2MML-V0600";

/** A one-schedule Process document around `body` (the content of ProductionSchedule). */
function schedule(body: string, ns = V0600): string {
  return `<ProcessProductionSchedule xmlns="${ns}" releaseID="6.0">
<ApplicationArea><CreationDateTime>2026-03-27T16:05:12+01:00</CreationDateTime></ApplicationArea>
<DataArea><Process/>
<ProductionSchedule>
${body}
</ProductionSchedule>
</DataArea>
</ProcessProductionSchedule>`;
}

/** A one-performance Sync document around `body` (the content of ProductionPerformance). */
function performance(body: string): string {
  return `<SyncProductionPerformance xmlns="${V0600}" releaseID="6.0">
<ApplicationArea><CreationDateTime>2026-03-30T14:12:00+02:00</CreationDateTime></ApplicationArea>
<DataArea><Sync/>
<ProductionPerformance>
${body}
</ProductionPerformance>
</DataArea>
</SyncProductionPerformance>`;
}

interface Want {
  code: string;
  /** the start tag the issue points at: element name and occurrence */
  at: [string, number?];
  path: string;
  message: string;
  expected?: string;
  received?: string;
}

interface Case {
  xml: string;
  want: Want[];
}

const PS = "/ProcessProductionSchedule/DataArea/ProductionSchedule";
const PP = "/SyncProductionPerformance/DataArea/ProductionPerformance";
const AA = "/ProcessProductionSchedule/ApplicationArea";

const cases: Record<string, Case> = {
  // ---- B2MML-TIME-001
  "B2MML-TIME-001: start after end in a request": {
    xml: schedule(`<ProductionRequest><ID>R1</ID>
<StartTime>2026-03-29T08:00:00+02:00</StartTime><EndTime>2026-03-29T07:00:00+02:00</EndTime>
</ProductionRequest>`),
    want: [
      {
        code: "B2MML-TIME-001",
        at: ["StartTime"],
        path: `${PS}/ProductionRequest/StartTime`,
        message: "StartTime 2026-03-29T08:00:00+02:00 is after EndTime 2026-03-29T07:00:00+02:00",
        expected: "StartTime at or before 2026-03-29T07:00:00+02:00",
        received: "2026-03-29T08:00:00+02:00",
      },
    ],
  },
  "B2MML-TIME-001: equal instants in different offsets pass": {
    xml: schedule(
      "<StartTime>2026-03-29T01:30:00.250+01:00</StartTime><EndTime>2026-03-29T00:30:00.25Z</EndTime>",
    ),
    want: [],
  },
  "B2MML-TIME-001: the autumn clock change, start later on the wall clock but earlier in UTC": {
    xml: schedule(
      "<StartTime>2026-10-25T02:30:00+02:00</StartTime><EndTime>2026-10-25T02:10:00+01:00</EndTime>",
    ),
    want: [],
  },
  "B2MML-TIME-001: one digit beyond the millisecond decides": {
    xml: schedule(`<ProductionRequest><ID>R1</ID><SegmentRequirement><ID>S1</ID>
<EarliestStartTime>2026-03-29T06:00:00.0000001Z</EarliestStartTime>
<LatestEndTime>2026-03-29T08:00:00.0000000+02:00</LatestEndTime>
</SegmentRequirement></ProductionRequest>`),
    want: [
      {
        code: "B2MML-TIME-001",
        at: ["EarliestStartTime"],
        path: `${PS}/ProductionRequest/SegmentRequirement/EarliestStartTime`,
        message:
          "EarliestStartTime 2026-03-29T06:00:00.0000001Z is after LatestEndTime 2026-03-29T08:00:00.0000000+02:00",
        expected: "EarliestStartTime at or before 2026-03-29T08:00:00.0000000+02:00",
        received: "2026-03-29T06:00:00.0000001Z",
      },
    ],
  },
  "B2MML-TIME-001: actual times of a segment response": {
    xml: performance(`<ProductionResponse><ID>R1</ID><SegmentResponse><ID>S1</ID>
<ActualStartTime>2026-03-30T00:00:00Z</ActualStartTime><ActualEndTime>2026-03-29T23:59:59.999Z</ActualEndTime>
</SegmentResponse></ProductionResponse>`),
    want: [
      {
        code: "B2MML-TIME-001",
        at: ["ActualStartTime"],
        path: `${PP}/ProductionResponse/SegmentResponse/ActualStartTime`,
        message: "ActualStartTime 2026-03-30T00:00:00Z is after ActualEndTime 2026-03-29T23:59:59.999Z",
        expected: "ActualStartTime at or before 2026-03-29T23:59:59.999Z",
        received: "2026-03-30T00:00:00Z",
      },
    ],
  },
  "B2MML-TIME-001: a missing offset is not compared (B2MML-TIME-002 reports it)": {
    xml: schedule("<StartTime>2026-03-29T08:00:00</StartTime><EndTime>2026-03-29T07:00:00+02:00</EndTime>"),
    want: [
      {
        code: "B2MML-TIME-002",
        at: ["StartTime"],
        path: `${PS}/StartTime`,
        message: "StartTime 2026-03-29T08:00:00 has no time zone offset",
        expected: "a dateTime with an offset: Z or ±hh:mm",
        received: "2026-03-29T08:00:00",
      },
    ],
  },
  "B2MML-TIME-001: start and end in different parents are not compared": {
    xml: schedule(`<StartTime>2026-04-01T00:00:00Z</StartTime>
<ProductionRequest><ID>R1</ID><EndTime>2026-03-01T00:00:00Z</EndTime></ProductionRequest>`),
    want: [],
  },
  // ---- B2MML-TIME-002
  "B2MML-TIME-002: CreationDateTime without offset, in any release namespace": {
    xml: `<ProcessProductionSchedule xmlns="http://www.wbf.org/xml/B2MML-V0401">
<ApplicationArea><CreationDateTime>2026-03-27T16:05:12</CreationDateTime></ApplicationArea>
</ProcessProductionSchedule>`,
    want: [
      {
        code: "B2MML-TIME-002",
        at: ["CreationDateTime"],
        path: `${AA}/CreationDateTime`,
        message: "CreationDateTime 2026-03-27T16:05:12 has no time zone offset",
        expected: "a dateTime with an offset: Z or ±hh:mm",
        received: "2026-03-27T16:05:12",
      },
    ],
  },
  "B2MML-TIME-002: elements outside the B2MML namespaces are not checked": {
    xml: `<ProcessProductionSchedule xmlns="urn:example:not-b2mml">
<ApplicationArea><CreationDateTime>2026-03-27T16:05:12</CreationDateTime></ApplicationArea>
</ProcessProductionSchedule>`,
    want: [],
  },
  "B2MML-TIME-002: a ValueString with DataType dateTime": {
    xml: performance(`<ProductionResponse><ID>R1</ID><SegmentResponse><ID>S1</ID><ProductionData><ID>T</ID>
<Value><ValueString> 2026-03-29T10:55:00 </ValueString><DataType>dateTime</DataType></Value>
</ProductionData></SegmentResponse></ProductionResponse>`),
    want: [
      {
        code: "B2MML-TIME-002",
        at: ["ValueString"],
        path: `${PP}/ProductionResponse/SegmentResponse/ProductionData/Value/ValueString`,
        message: "ValueString (DataType dateTime) 2026-03-29T10:55:00 has no time zone offset",
        expected: "a dateTime with an offset: Z or ±hh:mm",
        received: "2026-03-29T10:55:00",
      },
    ],
  },
  // ---- B2MML-TIME-003
  "B2MML-TIME-003: 29 February of a common year": {
    xml: schedule("<PublishedDate>2026-02-29T12:00:00Z</PublishedDate>"),
    want: [
      {
        code: "B2MML-TIME-003",
        at: ["PublishedDate"],
        path: `${PS}/PublishedDate`,
        message:
          'PublishedDate "2026-02-29T12:00:00Z" is not a valid xsd:dateTime: day 29 does not exist in 2026-02 (01–28)',
        expected: "xsd:dateTime YYYY-MM-DDThh:mm:ss(.s+)?(Z|±hh:mm)",
        received: "2026-02-29T12:00:00Z",
      },
    ],
  },
  "B2MML-TIME-003: 24:00:00 passes, 24:00:01 does not": {
    xml: schedule("<StartTime>2028-02-29T24:00:00Z</StartTime><EndTime>2028-02-29T24:00:01Z</EndTime>"),
    want: [
      {
        code: "B2MML-TIME-003",
        at: ["EndTime"],
        path: `${PS}/EndTime`,
        message:
          'EndTime "2028-02-29T24:00:01Z" is not a valid xsd:dateTime: hour 24 is only allowed as 24:00:00',
        expected: "xsd:dateTime YYYY-MM-DDThh:mm:ss(.s+)?(Z|±hh:mm)",
        received: "2028-02-29T24:00:01Z",
      },
    ],
  },
  "B2MML-TIME-003: a date without time": {
    xml: schedule("<StartTime>2026-03-29</StartTime>"),
    want: [
      {
        code: "B2MML-TIME-003",
        at: ["StartTime"],
        path: `${PS}/StartTime`,
        message:
          'StartTime "2026-03-29" is not a valid xsd:dateTime: expected YYYY-MM-DDThh:mm:ss(.s+)?(Z|±hh:mm)?',
        expected: "xsd:dateTime YYYY-MM-DDThh:mm:ss(.s+)?(Z|±hh:mm)",
        received: "2026-03-29",
      },
    ],
  },
  // ---- B2MML-VALUE-001
  "B2MML-VALUE-001: decimal comma": {
    xml: schedule(`<ProductionRequest><ID>R1</ID><SegmentRequirement><ID>S1</ID>
<MaterialConsumedRequirement><Quantity><QuantityString>12,5</QuantityString><DataType>decimal</DataType><UnitOfMeasure>KGM</UnitOfMeasure></Quantity></MaterialConsumedRequirement>
</SegmentRequirement></ProductionRequest>`),
    want: [
      {
        code: "B2MML-VALUE-001",
        at: ["QuantityString"],
        path: `${PS}/ProductionRequest/SegmentRequirement/MaterialConsumedRequirement/Quantity/QuantityString`,
        message:
          "QuantityString \"12,5\" is not a valid xsd:decimal (DataType decimal): the decimal separator must be '.', not ','",
        expected: "xsd:decimal",
        received: "12,5",
      },
    ],
  },
  "B2MML-VALUE-001: unsignedByte out of range, Quantity core type with exponent, duration": {
    xml: schedule(`<ProductionRequest><ID>R1</ID><SegmentRequirement><ID>S1</ID>
<ProductionParameter><Parameter><ID>P</ID>
<Value><ValueString>256</ValueString><DataType>unsignedByte</DataType></Value>
<Value><ValueString>1.5E3</ValueString><DataType>Quantity</DataType></Value>
<Value><ValueString>PT</ValueString><DataType>duration</DataType></Value>
<Value><ValueString>1.5E3</ValueString><DataType>double</DataType></Value>
<Value><ValueString>anything at all</ValueString><DataType>Text</DataType></Value>
<Value><ValueString>12,5</ValueString><DataType xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:nil="true"/></Value>
</Parameter></ProductionParameter>
</SegmentRequirement></ProductionRequest>`),
    want: [
      {
        code: "B2MML-VALUE-001",
        at: ["ValueString", 1],
        path: `${PS}/ProductionRequest/SegmentRequirement/ProductionParameter/Parameter/Value[1]/ValueString`,
        message:
          'ValueString "256" is not a valid xsd:unsignedByte (DataType unsignedByte): 256 is above the maximum 255 of xsd:unsignedByte',
        expected: "xsd:unsignedByte",
        received: "256",
      },
      {
        code: "B2MML-VALUE-001",
        at: ["ValueString", 2],
        path: `${PS}/ProductionRequest/SegmentRequirement/ProductionParameter/Parameter/Value[2]/ValueString`,
        message:
          'ValueString "1.5E3" is not a valid xsd:decimal (DataType Quantity): exponent notation is not allowed',
        expected: "xsd:decimal",
        received: "1.5E3",
      },
      {
        code: "B2MML-VALUE-001",
        at: ["ValueString", 3],
        path: `${PS}/ProductionRequest/SegmentRequirement/ProductionParameter/Parameter/Value[3]/ValueString`,
        message:
          'ValueString "PT" is not a valid xsd:duration (DataType duration): expected -?PnYnMnDTnHnMnS with at least one component (e.g. PT8H30M)',
        expected: "xsd:duration",
        received: "PT",
      },
    ],
  },
  // ---- B2MML-UOM-001
  "B2MML-UOM-001: decimal material quantity without unit; personnel and untyped quantities are not checked": {
    xml: schedule(`<ProductionRequest><ID>R1</ID><SegmentRequirement><ID>S1</ID>
<PersonnelRequirement><Quantity><QuantityString>2</QuantityString><DataType>integer</DataType></Quantity></PersonnelRequirement>
<MaterialProducedRequirement><Quantity><QuantityString>300.00</QuantityString></Quantity></MaterialProducedRequirement>
<MaterialProducedRequirement><Quantity><QuantityString>300.00</QuantityString><DataType>decimal</DataType></Quantity></MaterialProducedRequirement>
<MaterialConsumedRequirement><Quantity><QuantityString>5</QuantityString><DataType>integer</DataType><UnitOfMeasure> </UnitOfMeasure></Quantity></MaterialConsumedRequirement>
</SegmentRequirement></ProductionRequest>`),
    want: [
      {
        code: "B2MML-UOM-001",
        at: ["Quantity", 3],
        path: `${PS}/ProductionRequest/SegmentRequirement/MaterialProducedRequirement[2]/Quantity`,
        message: "Quantity 300.00 (DataType decimal) of MaterialProducedRequirement has no UnitOfMeasure",
        expected: "a non-empty UnitOfMeasure",
        received: "no UnitOfMeasure",
      },
      {
        code: "B2MML-UOM-001",
        at: ["UnitOfMeasure"],
        path: `${PS}/ProductionRequest/SegmentRequirement/MaterialConsumedRequirement/Quantity/UnitOfMeasure`,
        message: "Quantity 5 (DataType integer) of MaterialConsumedRequirement has an empty UnitOfMeasure",
        expected: "a non-empty UnitOfMeasure",
        received: "an empty UnitOfMeasure",
      },
    ],
  },
  // ---- B2MML-ID-001
  // Issue #18: the XSD makes these IDs optional; an absent one breaks no meaning and is not flagged.
  "B2MML-ID-001: request without ID passes, segment with a blank ID does not, schedule ID may be absent": {
    xml: schedule(
      `<ProductionRequest><SegmentRequirement><ID> </ID></SegmentRequirement></ProductionRequest>`,
    ),
    want: [
      {
        code: "B2MML-ID-001",
        at: ["ID"],
        path: `${PS}/ProductionRequest/SegmentRequirement/ID`,
        message: "SegmentRequirement has an empty ID",
        expected: "a non-empty ID",
        received: "an empty ID",
      },
    ],
  },
  "B2MML-ID-001: responses and segment responses without IDs pass": {
    xml: performance(
      "<ProductionResponse><SegmentResponse><ProcessSegmentID>MIX</ProcessSegmentID></SegmentResponse></ProductionResponse>",
    ),
    want: [],
  },
  "B2MML-ID-001: an empty schedule ID": {
    xml: schedule("<ID></ID>"),
    want: [
      {
        code: "B2MML-ID-001",
        at: ["ID"],
        path: `${PS}/ID`,
        message: "ProductionSchedule has an empty ID",
        expected: "a non-empty ID",
        received: "an empty ID",
      },
    ],
  },
  // ---- B2MML-ID-002
  "B2MML-ID-002: duplicate property IDs; equal IDs under different parents are fine": {
    xml: schedule(`<ProductionRequest><ID>R1</ID>
<SegmentRequirement><ID>0010</ID></SegmentRequirement>
<SegmentRequirement><ID>0020</ID><SegmentRequirement><ID>0010</ID></SegmentRequirement></SegmentRequirement>
<SegmentRequirement><ID>0030</ID>
<EquipmentRequirement><EquipmentRequirementProperty><ID>CLEAN</ID></EquipmentRequirementProperty><EquipmentRequirementProperty><ID> CLEAN </ID></EquipmentRequirementProperty></EquipmentRequirement>
</SegmentRequirement>
</ProductionRequest>
<ProductionRequest><ID>R2</ID><SegmentRequirement><ID>0010</ID></SegmentRequirement></ProductionRequest>`),
    want: [
      {
        code: "B2MML-ID-002",
        at: ["ID", 7],
        path: `${PS}/ProductionRequest[1]/SegmentRequirement[3]/EquipmentRequirement/EquipmentRequirementProperty[2]/ID`,
        message: `EquipmentRequirementProperty ID CLEAN is not unique: ${PS}/ProductionRequest[1]/SegmentRequirement[3]/EquipmentRequirement/EquipmentRequirementProperty[1] (line 9) has the same ID`,
        expected: "an ID unique among the EquipmentRequirementProperty elements of EquipmentRequirement",
        received: "CLEAN",
      },
    ],
  },
  "B2MML-ID-002: a Receiver listing several IDs is not an identified object": {
    xml: `<SyncProductionSchedule xmlns="${V0600}"><ApplicationArea>
<Receiver><ID>LAB-01</ID><ID>LAB-01</ID></Receiver>
<CreationDateTime>2026-03-27T16:05:12Z</CreationDateTime></ApplicationArea></SyncProductionSchedule>`,
    want: [],
  },
};

describe("business rules", () => {
  it.each(Object.entries(cases))("%s", (_name, { xml, want }) => {
    const issues = runRules(parseXmlTree(xml));
    const expected = want.map(({ code, at, path, message, expected, received }) => {
      const { line, column } = startTag(xml, at[0], at[1]);
      return {
        code,
        severity: "error",
        origin: "rule",
        message,
        line,
        column: column + READER_COLUMN_OFFSET,
        path,
        ...(expected === undefined ? {} : { expected }),
        ...(received === undefined ? {} : { received }),
      };
    });
    expect(issues).toEqual(expected);
  });
});

describe("runRules", () => {
  const xml = schedule(`<ProductionRequest><ID></ID>
<StartTime>2026-03-29T08:00:00+02:00</StartTime><EndTime>2026-03-29T07:00:00</EndTime>
</ProductionRequest>`);

  it("reports in document order, one element's issues in catalogue order", () => {
    const issues = runRules(parseXmlTree(xml));
    expect(issues.map((i) => [i.code, renderIssuePath(i)])).toEqual([
      ["B2MML-ID-001", `${PS}/ProductionRequest/ID`],
      ["B2MML-TIME-002", `${PS}/ProductionRequest/EndTime`],
    ]);
  });

  it("runs only the rules asked for", () => {
    const issues = runRules(parseXmlTree(xml), { only: ["B2MML-TIME-002"] });
    expect(issues.map((i) => i.code)).toEqual(["B2MML-TIME-002"]);
    expect(runRules(parseXmlTree(xml), { only: [] })).toEqual([]);
  });

  it("refuses an unknown rule ID", () => {
    expect(() => runRules(parseXmlTree(xml), { only: ["B2MML-NOPE-001"] })).toThrow(
      /unknown rule ID B2MML-NOPE-001; known: B2MML-TIME-001/,
    );
  });

  it("has a catalogue of unique, stable IDs with one-line statements", () => {
    const ids = RULES.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of RULES) {
      expect(rule.id).toMatch(/^B2MML-[A-Z]+-\d{3}$/);
      expect(rule.statement).not.toMatch(/\n/);
      expect(rule.title.length).toBeGreaterThan(0);
    }
  });
});
