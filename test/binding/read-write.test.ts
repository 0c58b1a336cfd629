/**
 * What read reports instead of dropping, and what write refuses: exact codes, messages, lines and paths.
 */
import { describe, expect, test } from "vitest";
import { type BindingIssue, read } from "../../src/binding/read.js";
import { type RootMeta, rootOf } from "../../src/binding/schema-index.js";
import { BindingWriteError, write } from "../../src/binding/write.js";
import { schemaSet } from "../../src/generated/b2mml-v0600/index.js";
import { renderIssuePath } from "../../src/shared/issue.js";

const NS = 'xmlns="http://www.mesa.org/xml/B2MML-V0600"';
const XSI = 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"';
// an untyped root: the tests write values the types would refuse
const root: RootMeta = rootOf(schemaSet, "ProductionSchedule");

function issuesOf(xml: string): (Pick<BindingIssue, "code" | "line" | "message"> & { path: string })[] {
  return read(xml, root).issues.map((i) => ({
    code: i.code,
    line: i.line,
    path: renderIssuePath(i),
    message: i.message,
  }));
}

describe("read reports what the value cannot hold", () => {
  test.each<[string, string, (Pick<BindingIssue, "code" | "line" | "message"> & { path: string })[]]>([
    [
      "an element the content model has no place for",
      `<ProductionSchedule ${NS}>\n  <ID>PS1</ID>\n  <Bogus/>\n</ProductionSchedule>`,
      [
        {
          code: "BIND_UNEXPECTED_ELEMENT",
          line: 3,
          path: "/ProductionSchedule/Bogus",
          message: "Bogus is not expected here in ProductionSchedule (type ProductionScheduleType)",
        },
      ],
    ],
    [
      "an element out of schema order",
      `<ProductionSchedule ${NS}>\n  <EndTime>2026-01-01T00:00:00Z</EndTime>\n  <ID>PS1</ID>\n</ProductionSchedule>`,
      [
        {
          code: "BIND_UNEXPECTED_ELEMENT",
          line: 3,
          path: "/ProductionSchedule/ID",
          message: "ID is not expected here in ProductionSchedule (type ProductionScheduleType)",
        },
      ],
    ],
    [
      "an undeclared attribute",
      `<ProductionSchedule ${NS}>\n  <ID color="red">PS1</ID>\n</ProductionSchedule>`,
      [
        {
          code: "BIND_UNKNOWN_ATTRIBUTE",
          line: 2,
          path: "/ProductionSchedule/ID",
          message: "attribute color is not declared for ID",
        },
      ],
    ],
    [
      "text in element-only content",
      `<ProductionSchedule ${NS}>stray<ID>PS1</ID></ProductionSchedule>`,
      [
        {
          code: "BIND_UNEXPECTED_TEXT",
          line: 1,
          path: "/ProductionSchedule",
          message: "ProductionSchedule has element-only content; its text is not kept",
        },
      ],
    ],
    [
      "xsi:type (read as the declared type, reported)",
      `<ProductionSchedule ${NS} ${XSI}>\n  <ID xsi:type="IdentifierType">PS1</ID>\n</ProductionSchedule>`,
      [
        {
          code: "BIND_XSI_TYPE_IGNORED",
          line: 2,
          path: "/ProductionSchedule/ID",
          message: 'xsi:type="IdentifierType" is not used; the value is read as the declared type',
        },
      ],
    ],
    [
      "xsi:nil on an element that is not nillable",
      `<ProductionSchedule ${NS} ${XSI}>\n  <ID xsi:nil="true"/>\n</ProductionSchedule>`,
      [
        {
          code: "BIND_NIL_NOT_NILLABLE",
          line: 2,
          path: "/ProductionSchedule/ID",
          message: "ID is not nillable but carries xsi:nil",
        },
      ],
    ],
    [
      "another root element",
      `<ProductionPerformance ${NS}/>`,
      [
        {
          code: "BIND_ROOT_MISMATCH",
          line: 1,
          path: "/ProductionPerformance",
          message:
            "the root element is {http://www.mesa.org/xml/B2MML-V0600}ProductionPerformance, expected {http://www.mesa.org/xml/B2MML-V0600}ProductionSchedule",
        },
      ],
    ],
  ])("%s", (_name, xml, expected) => {
    expect(issuesOf(xml)).toEqual(expected);
  });

  test("the second of two repeated elements gets an indexed path", () => {
    const xml = `<ProductionSchedule ${NS}><ProductionRequest><ID>1</ID></ProductionRequest><ProductionRequest><ID a="b">2</ID></ProductionRequest></ProductionSchedule>`;
    expect(issuesOf(xml).map((i) => i.path)).toEqual(["/ProductionSchedule/ProductionRequest[2]/ID"]);
  });

  test("values keep every character as written, whitespace included", () => {
    const xml = `<ProductionSchedule ${NS}><ID> PS 1 </ID><StartTime>2026-03-29T01:30:00.250+01:00</StartTime></ProductionSchedule>`;
    expect(read(xml, root).value).toEqual({
      ID: { value: " PS 1 " },
      StartTime: { value: "2026-03-29T01:30:00.250+01:00" },
    });
  });
});

describe("write puts elements in schema order and refuses what does not fit", () => {
  test("schema order, escaping, default namespace", () => {
    const xml = write(
      {
        StartTime: { value: "2026-01-01T00:00:00Z" },
        Description: [{ value: 'a < b & "c"\r' }],
        ID: { value: "P&1" },
      },
      root,
      { declaration: false },
    );
    expect(xml).toBe(
      '<ProductionSchedule xmlns="http://www.mesa.org/xml/B2MML-V0600"><ID>P&amp;1</ID><Description>a &lt; b &amp; "c"&#xD;</Description><StartTime>2026-01-01T00:00:00Z</StartTime></ProductionSchedule>',
    );
  });

  test("attribute values are escaped as C14N does; empty elements can be expanded", () => {
    const xml = write({ ID: { value: "", schemeID: 'x"\t\n<&' } }, root, {
      declaration: false,
      expandEmptyElements: true,
    });
    expect(xml).toBe(
      '<ProductionSchedule xmlns="http://www.mesa.org/xml/B2MML-V0600"><ID schemeID="x&quot;&#x9;&#xA;&lt;&amp;"></ID></ProductionSchedule>',
    );
  });

  test.each<[string, unknown, string[]]>([
    [
      "an unknown property",
      { ID: { value: "1" }, Colour: "red" },
      ["/ProductionSchedule: property Colour is not part of type ProductionScheduleType"],
    ],
    [
      "one value where an array belongs",
      { Description: { value: "x" } },
      ["/ProductionSchedule/Description: expected an array, got object"],
    ],
    [
      "a number instead of a lexical string",
      { ID: { value: 12.5 } },
      ["/ProductionSchedule/ID: expected a string value, got number"],
    ],
  ])("%s", (_name, value, problems) => {
    let error: unknown;
    try {
      write(value, root);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(BindingWriteError);
    expect((error as BindingWriteError).problems.map((p) => `${p.path}: ${p.message}`)).toEqual(problems);
  });
});
