/**
 * validateXsd: issue codes, XPaths, expected/received, the hardened reader in front of libxml2.
 * Documents are variations of the valid ProcessProductionSchedule fixture, checked against the profile.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { disposeSchemaSets, validateXsd } from "../../src/validation/index.js";
import { repoRoot } from "../helpers/paths.js";

const base = fs.readFileSync(
  path.join(repoRoot, "fixtures/b2mml-v0600/valid/process-production-schedule/document.xml"),
  "utf8",
);
const REQUEST2 = "/ProcessProductionSchedule/DataArea/ProductionSchedule/ProductionRequest[2]";

/** The fixture with the `n`-th (1-based) occurrence of `find` replaced. */
function variant(find: string, replace: string, n = 1): string {
  let at = -1;
  for (let i = 0; i < n; i++) {
    at = base.indexOf(find, at + 1);
    if (at < 0) throw new Error(`"${find}" occurs fewer than ${n} times`);
  }
  return base.slice(0, at) + replace + base.slice(at + find.length);
}

afterAll(() => disposeSchemaSets());

describe("validateXsd against the profile", () => {
  it("accepts the fixture as a string and as bytes", () => {
    expect(validateXsd(base)).toMatchObject({ valid: true, issues: [], release: "V0600" });
    expect(validateXsd(new TextEncoder().encode(base)).valid).toBe(true);
  });

  it.each([
    [
      "a bad dateTime in the second request",
      { doc: variant("<StartTime>2026-03-31T06:00:00+02:00", "<StartTime>2026-03-31 06:00"), line: 175 },
      {
        code: "XSD_INVALID_VALUE",
        path: `${REQUEST2}/StartTime`,
        received: "2026-03-31 06:00",
        expected: expect.stringContaining("atomic type"),
      },
    ],
    [
      "a value outside an enumeration",
      { doc: variant("<EquipmentElementLevel>Unit<", "<EquipmentElementLevel>Machine<"), line: 40 },
      {
        code: "XSD_INVALID_VALUE",
        path: "/ProcessProductionSchedule/DataArea/ProductionSchedule/ProductionRequest[1]/HierarchyScope/HierarchyScope/EquipmentElementLevel",
        received: "Machine",
        expected: expect.stringContaining("'Unit'"),
      },
    ],
    [
      "an attribute not declared",
      {
        doc: variant(
          '<Process acknowledgeCode="Always"/>',
          '<Process acknowledgeCode="Always" urgent="yes"/>',
        ),
        line: 17,
      },
      {
        code: "XSD_UNEXPECTED_ATTRIBUTE",
        path: "/ProcessProductionSchedule/DataArea/Process/@urgent",
        received: "urgent",
      },
    ],
    [
      "an invalid attribute value",
      { doc: variant('acknowledgeCode="Always"', 'acknowledgeCode="Sometimes"'), line: 17 },
      {
        code: "XSD_INVALID_VALUE",
        path: "/ProcessProductionSchedule/DataArea/Process/@acknowledgeCode",
        received: "Sometimes",
      },
    ],
    [
      "text in element-only content",
      { doc: variant("<ApplicationArea>", "<ApplicationArea>stray text"), line: 4 },
      { code: "XSD_INVALID_CONTENT", path: "/ProcessProductionSchedule/ApplicationArea" },
    ],
    [
      "an element in a sequence out of order",
      {
        doc: variant("<Priority>2</Priority>", "").replace(
          "<EndTime>2026-03-30T14:00:00+02:00</EndTime>",
          "<Priority>2</Priority><EndTime>2026-03-30T14:00:00+02:00</EndTime>",
        ),
        line: 44,
      },
      {
        code: "XSD_UNEXPECTED_ELEMENT",
        path: "/ProcessProductionSchedule/DataArea/ProductionSchedule/ProductionRequest[1]/EndTime",
        received: "EndTime",
      },
    ],
  ])("%s", (_name, given, want) => {
    const result = validateXsd(given.doc);
    expect(result.valid).toBe(false);
    expect(result.issues[0]).toMatchObject({ origin: "xsd", severity: "error", line: given.line, ...want });
  });

  it("reports a missing child element with what was expected", () => {
    const doc = '<ProcessProductionSchedule xmlns="http://www.mesa.org/xml/B2MML-V0600" releaseID="6.0"/>';
    expect(validateXsd(doc).issues).toEqual([
      expect.objectContaining({
        code: "XSD_MISSING_ELEMENT",
        path: "/ProcessProductionSchedule",
        line: 1,
        expected: "ApplicationArea",
      }),
    ]);
  });

  it("finds the element by its prefix when the document uses one", () => {
    const doc = base
      .replace('xmlns="http://www.mesa.org/xml/B2MML-V0600"', 'xmlns:b="http://www.mesa.org/xml/B2MML-V0600"')
      .replace(/<(\/?)([A-Za-z])/g, "<$1b:$2")
      .replace("<b:Priority>2</b:Priority>", "<b:Priority>high</b:Priority>");
    const issue = validateXsd(doc).issues[0];
    expect(issue).toMatchObject({
      code: "XSD_INVALID_VALUE",
      path: "/ProcessProductionSchedule/DataArea/ProductionSchedule/ProductionRequest[1]/Priority",
    });
  });
});

describe("the hardened reader runs first", () => {
  it("refuses a DOCTYPE (no entity reaches libxml2) with an issue of source xml", () => {
    const doc = `<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n${base.replace(/^<\?xml[^>]*>\n/, "").replace("ERP-PRD-100", "&e;")}`;
    const result = validateXsd(doc);
    expect(result).toMatchObject({ valid: false, schemaSet: undefined });
    expect(result.issues).toEqual([
      expect.objectContaining({ code: "XML_DOCTYPE_REFUSED", origin: "xml", line: 2, path: "" }),
    ]);
    expect(JSON.stringify(result.issues)).not.toContain("root:");
  });

  it("reports a document that is not well-formed with its position", () => {
    const result = validateXsd(variant("</Sender>", "</Sendr>"));
    expect(result.valid).toBe(false);
    expect(result.issues).toEqual([
      expect.objectContaining({ code: "XML_NOT_WELL_FORMED", origin: "xml", line: 9 }),
    ]);
  });

  it("applies the reader's limits, which the caller can raise", () => {
    const small = { maxInputBytes: 1000 };
    expect(validateXsd(base, { reader: small }).issues[0]?.code).toBe("XML_INPUT_TOO_LARGE");
    expect(validateXsd(base, { reader: { maxInputBytes: 10_000_000 } }).valid).toBe(true);
  });
});
