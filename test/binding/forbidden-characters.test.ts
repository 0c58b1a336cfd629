/**
 * The writer never copies a character that XML 1.0 forbids (C0 controls other than tab, LF and CR,
 * U+FFFE, U+FFFF, lone surrogates) into a document: it refuses the value with a `BindingWriteError` whose
 * problem names the XPath of the element or attribute, in normal and in canonical mode.
 */
import { describe, expect, test } from "vitest";
import { type RootMeta, rootOf } from "../../src/binding/schema-index.js";
import { BindingWriteError, type BindingWriteProblem, write } from "../../src/binding/write.js";
import { schemaSet } from "../../src/generated/b2mml-v0600/index.js";

// an untyped root: the tests write values the types would refuse
const root: RootMeta = rootOf(schemaSet, "ProcessProductionSchedule");
const EXPECTED = "XML 1.0 characters: tab, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD, U+10000–U+10FFFF";

/** A ProcessProductionSchedule with the given ApplicationArea additions and ProductionSchedule. */
function documentWith(applicationArea: object, schedule: object = {}, releaseID = "1"): unknown {
  return {
    releaseID,
    ApplicationArea: { CreationDateTime: { value: "2026-01-01T00:00:00Z" }, ...applicationArea },
    DataArea: { Process: {}, ProductionSchedule: [schedule] },
  };
}

function problemsOf(value: unknown, canonical: boolean): readonly BindingWriteProblem[] {
  try {
    write(value, root, { canonical });
  } catch (error) {
    expect(error).toBeInstanceOf(BindingWriteError);
    return (error as BindingWriteError).problems;
  }
  return expect.fail("write accepted the value");
}

const forbidden = (path: string, message: string, received: string): BindingWriteProblem => ({
  code: "BIND_WRITE_FORBIDDEN_CHARACTER",
  path,
  message,
  expected: EXPECTED,
  received,
});

const AA = "/ProcessProductionSchedule/ApplicationArea";
const PS = "/ProcessProductionSchedule/DataArea/ProductionSchedule";

const cases: [string, unknown, BindingWriteProblem[]][] = [
  [
    "U+0001 in BODID",
    documentWith({ BODID: { value: "AB\u0001C" } }),
    [forbidden(`${AA}/BODID`, "U+0001 at character 3 is not allowed in XML 1.0", "AB\\u0001C")],
  ],
  [
    "U+0000 in BODID (never taken for the writer's own root mark)",
    documentWith({ BODID: { value: "\u0000" } }),
    [forbidden(`${AA}/BODID`, "U+0000 at character 1 is not allowed in XML 1.0", "\\u0000")],
  ],
  [
    "U+FFFE in an attribute",
    documentWith({ BODID: { value: "B1", schemeID: "x\uFFFE" } }),
    [forbidden(`${AA}/BODID/@schemeID`, "U+FFFE at character 2 is not allowed in XML 1.0", "x\\uFFFE")],
  ],
  [
    "U+FFFF in the root's attribute",
    documentWith({}, {}, "\uFFFF"),
    [
      forbidden(
        "/ProcessProductionSchedule/@releaseID",
        "U+FFFF at character 1 is not allowed in XML 1.0",
        "\\uFFFF",
      ),
    ],
  ],
  [
    "a lone high surrogate in the second Description",
    documentWith({}, { Description: [{ value: "ok" }, { value: "😀\uD800x" }] }),
    [forbidden(`${PS}/Description[2]`, "U+D800 at character 2 is not allowed in XML 1.0", "😀\\uD800x")],
  ],
  [
    "a lone low surrogate",
    documentWith({}, { Description: [{ value: "\uDC00" }] }),
    [forbidden(`${PS}/Description`, "U+DC00 at character 1 is not allowed in XML 1.0", "\\uDC00")],
  ],
  [
    "ESC in a unitCode attribute",
    documentWith(
      {},
      {
        ProductionRequest: [
          {
            SegmentRequirement: [
              {
                MaterialRequirement: [
                  { Quantity: [{ QuantityString: { value: "5", unitCode: "h\u001b[2J" } }] },
                ],
              },
            ],
          },
        ],
      },
    ),
    [
      forbidden(
        `${PS}/ProductionRequest/SegmentRequirement/MaterialRequirement/Quantity/QuantityString/@unitCode`,
        "U+001B at character 2 is not allowed in XML 1.0",
        "h\\u001B[2J",
      ),
    ],
  ],
  [
    "items of a repeating group: the XPath counts the siblings of the same name",
    documentWith(
      {},
      {
        ProductionRequest: [
          {
            ProductProductionRuleIDGroup: [
              { ProductProductionRuleID: { value: "R1" } },
              { ProductProductionRuleID: { value: "R\u0002" } },
            ],
          },
        ],
      },
    ),
    [
      forbidden(
        `${PS}/ProductionRequest/ProductProductionRuleID[2]`,
        "U+0002 at character 2 is not allowed in XML 1.0",
        "R\\u0002",
      ),
    ],
  ],
  [
    "wildcard content in UserArea: text and attribute",
    documentWith({
      UserArea: {
        any: [
          {
            ns: "urn:x",
            name: "Note",
            attributes: [{ ns: null, name: "by", value: "\u0007" }],
            children: ["a\u0008"],
          },
        ],
      },
    }),
    [
      forbidden(`${AA}/UserArea/Note/@by`, "U+0007 at character 1 is not allowed in XML 1.0", "\\u0007"),
      forbidden(`${AA}/UserArea/Note`, "U+0008 at character 2 is not allowed in XML 1.0", "a\\u0008"),
    ],
  ],
  [
    "every problem of the document at once",
    documentWith({ BODID: { value: "\u000B" } }, { ID: { value: "\u000C" } }),
    [
      forbidden(`${AA}/BODID`, "U+000B at character 1 is not allowed in XML 1.0", "\\u000B"),
      forbidden(`${PS}/ID`, "U+000C at character 1 is not allowed in XML 1.0", "\\u000C"),
    ],
  ],
];

describe("write refuses characters XML 1.0 forbids, naming the XPath", () => {
  describe.each([
    ["normal", false],
    ["canonical", true],
  ])("%s mode", (_mode, canonical) => {
    test.each(cases)("%s", (_name, value, want) => {
      expect(problemsOf(value, canonical)).toEqual(want);
    });
  });

  test("a namespace URI given in the options is checked too", () => {
    let error: unknown;
    try {
      write(documentWith({}), root, { namespaces: [{ prefix: "x", uri: "urn:\u0001" }] });
    } catch (e) {
      error = e;
    }
    expect((error as BindingWriteError).problems).toEqual([
      forbidden(
        "/ProcessProductionSchedule/@xmlns:x",
        "U+0001 at character 5 is not allowed in XML 1.0",
        "urn:\\u0001",
      ),
    ]);
  });

  test("a name in wildcard content that is no XML name is refused", () => {
    const value = documentWith({
      UserArea: {
        any: [{ ns: null, name: "a b", attributes: [{ ns: null, name: "c<", value: "v" }], children: [] }],
      },
    });
    expect(problemsOf(value, false)).toEqual([
      {
        code: "BIND_WRITE_INVALID_NAME",
        path: `${AA}/UserArea/*`,
        message: "the element name is not an XML name",
        expected: "an XML name without a colon (NCName)",
        received: "a b",
      },
      {
        code: "BIND_WRITE_INVALID_NAME",
        path: `${AA}/UserArea/*/@*`,
        message: "the attribute name is not an XML name",
        expected: "an XML name without a colon (NCName)",
        received: "c<",
      },
    ]);
  });

  test.each([
    ["tab, LF and CR", "a\tb\nc\rd", "<BODID>a\tb\nc&#xD;d</BODID>"],
    ["a surrogate pair", "😀", "<BODID>😀</BODID>"],
    [
      "the last characters before the forbidden ones",
      "\uD7FF\uE000\uFFFD\u{10FFFF}",
      "<BODID>\uD7FF\uE000\uFFFD\u{10FFFF}</BODID>",
    ],
  ])("%s are written", (_name, text, want) => {
    expect(write(documentWith({ BODID: { value: text } }), root)).toContain(want);
  });
});
