/**
 * Errors are data: every problem in a schema set comes back from `generate` as a {@link CodegenError}
 * whose diagnostics carry a code, the file and line where it is written, and the QName at fault; several
 * problems are reported together.
 *
 * Schemas here are written line by line (`lines(...)`: argument N is line N) so that expected line numbers
 * can be read off the source.
 */
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import type { CodegenDiagnostic, CodegenErrorCode } from "../../src/codegen/diagnostics.js";
import { CodegenError, formatDiagnostic } from "../../src/codegen/diagnostics.js";
import { generate } from "../../src/codegen/generate.js";
import { cleanupInline, expectDiagnostics, writeSchemaFiles } from "../helpers/inline-xsd.js";

afterAll(cleanupInline);

/** A file's text: argument N is line N. */
const lines = (...ls: string[]) => `${ls.join("\n")}\n`;

const XML_DECL = '<?xml version="1.0" encoding="UTF-8"?>';
const SCHEMA_OPEN =
  '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:example" xmlns="urn:example" elementFormDefault="qualified">';
const SCHEMA_CLOSE = "</xs:schema>";

interface Want {
  readonly code: CodegenErrorCode;
  /** The diagnostic's file ends with this name. */
  readonly file: string;
  readonly line: number;
  /** Exact QName; `null` when the diagnostic has none. */
  readonly qname: string | null;
  readonly expected?: string;
  readonly messageIncludes?: string;
}

interface Case {
  readonly given: Record<string, string>;
  readonly entries?: readonly string[];
  readonly want: Want;
}

const cases: [string, Case][] = [
  [
    "unresolved type reference",
    {
      given: {
        "a.xsd": lines(
          XML_DECL,
          SCHEMA_OPEN,
          '  <xs:complexType name="T">',
          "    <xs:sequence>",
          '      <xs:element name="A" type="Missing"/>',
          "    </xs:sequence>",
          "  </xs:complexType>",
          SCHEMA_CLOSE,
        ),
      },
      want: {
        code: "UNRESOLVED_REFERENCE",
        file: "a.xsd",
        line: 5,
        qname: "{urn:example}Missing",
        messageIncludes: "type Missing is not defined in namespace urn:example",
      },
    },
  ],
  [
    "unresolved builtin (misspelt xs: type)",
    {
      given: {
        "a.xsd": lines(XML_DECL, SCHEMA_OPEN, '  <xs:element name="E" type="xs:strin"/>', SCHEMA_CLOSE),
      },
      want: {
        code: "UNRESOLVED_REFERENCE",
        file: "a.xsd",
        line: 3,
        qname: "{http://www.w3.org/2001/XMLSchema}strin",
      },
    },
  ],
  [
    "unresolved base type",
    {
      given: {
        "a.xsd": lines(
          XML_DECL,
          SCHEMA_OPEN,
          '  <xs:complexType name="T">',
          "    <xs:complexContent>",
          '      <xs:extension base="NoBase"/>',
          "    </xs:complexContent>",
          "  </xs:complexType>",
          SCHEMA_CLOSE,
        ),
      },
      want: { code: "UNRESOLVED_REFERENCE", file: "a.xsd", line: 5, qname: "{urn:example}NoBase" },
    },
  ],
  [
    "unresolved group ref",
    {
      given: {
        "a.xsd": lines(
          XML_DECL,
          SCHEMA_OPEN,
          '  <xs:complexType name="T">',
          "    <xs:sequence>",
          '      <xs:element name="A" type="xs:string"/>',
          '      <xs:group ref="NoGroup" minOccurs="0"/>',
          "    </xs:sequence>",
          "  </xs:complexType>",
          SCHEMA_CLOSE,
        ),
      },
      want: {
        code: "UNRESOLVED_REFERENCE",
        file: "a.xsd",
        line: 6,
        qname: "{urn:example}NoGroup",
        messageIncludes: "group NoGroup",
      },
    },
  ],
  [
    "unresolved element ref",
    {
      given: {
        "a.xsd": lines(
          XML_DECL,
          SCHEMA_OPEN,
          '  <xs:complexType name="T">',
          "    <xs:sequence>",
          '      <xs:element ref="NoElement"/>',
          "    </xs:sequence>",
          "  </xs:complexType>",
          SCHEMA_CLOSE,
        ),
      },
      want: {
        code: "UNRESOLVED_REFERENCE",
        file: "a.xsd",
        line: 5,
        qname: "{urn:example}NoElement",
        messageIncludes: "element NoElement",
      },
    },
  ],
  [
    "unresolved attribute group ref",
    {
      given: {
        "a.xsd": lines(
          XML_DECL,
          SCHEMA_OPEN,
          '  <xs:complexType name="T">',
          '    <xs:attributeGroup ref="NoAttrs"/>',
          "  </xs:complexType>",
          SCHEMA_CLOSE,
        ),
      },
      want: { code: "UNRESOLVED_REFERENCE", file: "a.xsd", line: 4, qname: "{urn:example}NoAttrs" },
    },
  ],
  [
    "undeclared prefix",
    {
      given: {
        "a.xsd": lines(
          XML_DECL,
          SCHEMA_OPEN,
          '  <xs:complexType name="T">',
          "    <xs:sequence>",
          '      <xs:element name="A" type="q:Thing"/>',
          "    </xs:sequence>",
          "  </xs:complexType>",
          SCHEMA_CLOSE,
        ),
      },
      want: {
        code: "INVALID_SCHEMA",
        file: "a.xsd",
        line: 5,
        qname: "q:Thing",
        messageIncludes: 'the prefix "q" is not declared',
      },
    },
  ],
  [
    "xsd:redefine is unsupported",
    {
      given: {
        "a.xsd": lines(XML_DECL, SCHEMA_OPEN, '  <xs:redefine schemaLocation="b.xsd"/>', SCHEMA_CLOSE),
        "b.xsd": lines(XML_DECL, SCHEMA_OPEN, SCHEMA_CLOSE),
      },
      entries: ["a.xsd"],
      want: { code: "UNSUPPORTED_CONSTRUCT", file: "a.xsd", line: 3, qname: "xs:redefine" },
    },
  ],
  [
    "substitutionGroup is unsupported",
    {
      given: {
        "a.xsd": lines(
          XML_DECL,
          SCHEMA_OPEN,
          '  <xs:element name="Head" type="xs:string"/>',
          '  <xs:element name="Member" type="xs:string" substitutionGroup="Head"/>',
          SCHEMA_CLOSE,
        ),
      },
      want: {
        code: "UNSUPPORTED_CONSTRUCT",
        file: "a.xsd",
        line: 4,
        qname: "Member",
        messageIncludes: "substitutionGroup",
      },
    },
  ],
  [
    "a schemaLocation that is an http URL is refused",
    {
      given: {
        "a.xsd": lines(
          XML_DECL,
          SCHEMA_OPEN,
          "",
          '  <xs:import namespace="urn:remote" schemaLocation="http://example.com/remote.xsd"/>',
          SCHEMA_CLOSE,
        ),
      },
      want: {
        code: "SCHEMA_LOCATION_REFUSED",
        file: "a.xsd",
        line: 4,
        qname: null,
        messageIncludes: "http://example.com/remote.xsd",
      },
    },
  ],
  [
    "a missing included file is reported where it is included",
    {
      given: {
        "a.xsd": lines(XML_DECL, SCHEMA_OPEN, '  <xs:include schemaLocation="missing.xsd"/>', SCHEMA_CLOSE),
      },
      want: {
        code: "SCHEMA_FILE_NOT_FOUND",
        file: "a.xsd",
        line: 3,
        qname: null,
        messageIncludes: "missing.xsd",
      },
    },
  ],
  [
    "a schema that is not well-formed XML",
    {
      given: {
        "a.xsd": lines(
          XML_DECL,
          SCHEMA_OPEN,
          '  <xs:element name="E">',
          "    <xs:complexType/>",
          SCHEMA_CLOSE,
        ),
      },
      want: { code: "SCHEMA_NOT_WELL_FORMED", file: "a.xsd", line: 5, qname: null },
    },
  ],
  [
    "a duplicate definition across two files",
    {
      given: {
        "a.xsd": lines(
          XML_DECL,
          SCHEMA_OPEN,
          '  <xs:include schemaLocation="b.xsd"/>',
          '  <xs:complexType name="PartyType"/>',
          SCHEMA_CLOSE,
        ),
        "b.xsd": lines(
          XML_DECL,
          SCHEMA_OPEN,
          "",
          "",
          '  <xs:complexType name="PartyType">',
          "  </xs:complexType>",
          SCHEMA_CLOSE,
        ),
      },
      entries: ["a.xsd"],
      want: {
        code: "DUPLICATE_DEFINITION",
        file: "b.xsd",
        line: 5,
        qname: "{urn:example}PartyType",
        messageIncludes: "a.xsd:4",
      },
    },
  ],
  [
    "a circular group",
    {
      given: {
        "a.xsd": lines(
          XML_DECL,
          SCHEMA_OPEN,
          '  <xs:group name="G">',
          "    <xs:sequence>",
          '      <xs:element name="x" type="xs:string"/>',
          '      <xs:group ref="G" minOccurs="0"/>',
          "    </xs:sequence>",
          "  </xs:group>",
          '  <xs:complexType name="T">',
          '    <xs:group ref="G"/>',
          "  </xs:complexType>",
          SCHEMA_CLOSE,
        ),
      },
      want: {
        code: "CIRCULAR_DEFINITION",
        file: "a.xsd",
        line: 6,
        qname: "{urn:example}G",
        messageIncludes: "group G contains itself",
      },
    },
  ],
  [
    "a circular type derivation",
    {
      given: {
        "a.xsd": lines(
          XML_DECL,
          SCHEMA_OPEN,
          '  <xs:complexType name="T">',
          '    <xs:complexContent><xs:extension base="T"/></xs:complexContent>',
          "  </xs:complexType>",
          SCHEMA_CLOSE,
        ),
      },
      want: { code: "CIRCULAR_DEFINITION", file: "a.xsd", line: 3, qname: "{urn:example}T" },
    },
  ],
  [
    "a root that is not xsd:schema",
    {
      given: {
        "a.xsd": lines(XML_DECL, "", '<schema xmlns="urn:not-xsd">', "</schema>"),
      },
      want: {
        code: "SCHEMA_ROOT_NOT_SCHEMA",
        file: "a.xsd",
        line: 3,
        qname: "schema",
        expected: "{http://www.w3.org/2001/XMLSchema}schema",
      },
    },
  ],
];

function describeAll(diagnostics: readonly CodegenDiagnostic[]): string {
  return diagnostics.map(formatDiagnostic).join("\n");
}

describe.each(cases)("%s", (_name, c) => {
  test(`is reported as ${c.want.code} with file, line and QName`, () => {
    const { diagnostics } = expectDiagnostics(c.given, c.entries);
    const found = diagnostics.filter((d) => d.code === c.want.code);
    expect(found.length, describeAll(diagnostics)).toBeGreaterThan(0);
    const d = found.find((x) => x.location?.line === c.want.line) ?? found[0];
    expect(d?.location, describeAll(diagnostics)).toBeDefined();
    expect(d?.location?.file.endsWith(`${path.sep}${c.want.file}`), d?.location?.file).toBe(true);
    expect(d?.location?.line).toBe(c.want.line);
    expect(d?.location?.column).toBeGreaterThan(0);
    if (c.want.qname === null) expect(d?.qname).toBeUndefined();
    else expect(d?.qname).toBe(c.want.qname);
    if (c.want.expected !== undefined) expect(d?.expected).toBe(c.want.expected);
    if (c.want.messageIncludes !== undefined) expect(d?.message).toContain(c.want.messageIncludes);
  });
});

describe("several problems are reported together", () => {
  test("every unresolved reference of a schema, in one CodegenError", () => {
    const { diagnostics } = expectDiagnostics({
      "a.xsd": lines(
        XML_DECL,
        SCHEMA_OPEN,
        '  <xs:complexType name="T">',
        "    <xs:sequence>",
        '      <xs:element name="A" type="Missing"/>',
        '      <xs:group ref="NoGroup"/>',
        '      <xs:element ref="NoElement"/>',
        "    </xs:sequence>",
        '    <xs:attribute name="at" type="NoSimple"/>',
        '    <xs:attributeGroup ref="NoAttrs"/>',
        "  </xs:complexType>",
        '  <xs:element name="E" type="AlsoMissing"/>',
        SCHEMA_CLOSE,
      ),
    });
    expect(diagnostics.map((d) => [d.code, d.location?.line, d.qname])).toEqual([
      ["UNRESOLVED_REFERENCE", 5, "{urn:example}Missing"],
      ["UNRESOLVED_REFERENCE", 6, "{urn:example}NoGroup"],
      ["UNRESOLVED_REFERENCE", 7, "{urn:example}NoElement"],
      ["UNRESOLVED_REFERENCE", 9, "{urn:example}NoSimple"],
      ["UNRESOLVED_REFERENCE", 10, "{urn:example}NoAttrs"],
      ["UNRESOLVED_REFERENCE", 12, "{urn:example}AlsoMissing"],
    ]);
  });

  test("load problems of several files, in one CodegenError", () => {
    const { diagnostics } = expectDiagnostics(
      {
        "a.xsd": lines(
          XML_DECL,
          SCHEMA_OPEN,
          '  <xs:redefine schemaLocation="c.xsd"/>',
          '  <xs:include schemaLocation="https://example.com/x.xsd"/>',
          '  <xs:include schemaLocation="missing.xsd"/>',
          SCHEMA_CLOSE,
        ),
        "b.xsd": lines(XML_DECL, SCHEMA_OPEN, "  <xs:element>", SCHEMA_CLOSE),
        "c.xsd": lines(XML_DECL, "<notSchema/>"),
      },
      ["a.xsd", "b.xsd", "c.xsd"],
    );
    expect(diagnostics.map((d) => [d.code, path.basename(d.location?.file ?? ""), d.location?.line])).toEqual(
      [
        ["UNSUPPORTED_CONSTRUCT", "a.xsd", 3],
        ["SCHEMA_LOCATION_REFUSED", "a.xsd", 4],
        ["SCHEMA_FILE_NOT_FOUND", "a.xsd", 5],
        ["SCHEMA_NOT_WELL_FORMED", "b.xsd", 4],
        ["SCHEMA_ROOT_NOT_SCHEMA", "c.xsd", 2],
      ],
    );
  });

  test("the error message lists every diagnostic, one line each as file:line:column: CODE", () => {
    const dir = writeSchemaFiles({
      "a.xsd": lines(
        XML_DECL,
        SCHEMA_OPEN,
        '  <xs:element name="A" type="Missing1"/>',
        '  <xs:element name="B" type="Missing2"/>',
        SCHEMA_CLOSE,
      ),
    });
    let error: unknown;
    try {
      generate([dir]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CodegenError);
    const message = (error as CodegenError).message.split("\n");
    expect(message).toHaveLength(2);
    expect(message[0]).toMatch(
      /a\.xsd:3:\d+: UNRESOLVED_REFERENCE type Missing1 is not defined in namespace urn:example \[\{urn:example\}Missing1\]$/,
    );
    expect(message[1]).toMatch(/a\.xsd:4:\d+: UNRESOLVED_REFERENCE .* \[\{urn:example\}Missing2\]$/);
  });

  test("no .xsd file at all", () => {
    const dir = writeSchemaFiles({ "readme.txt": "nothing here" });
    expect(() => generate([dir])).toThrow(CodegenError);
    try {
      generate([dir]);
    } catch (e) {
      expect((e as CodegenError).diagnostics.map((d) => d.code)).toEqual(["NO_SCHEMA_FILES"]);
    }
  });
});

describe("edge cases found by review (fixed)", () => {
  test("a simpleType and a complexType of the same name share one symbol space (DUPLICATE_DEFINITION)", () => {
    const { diagnostics } = expectDiagnostics({
      "a.xsd": lines(
        XML_DECL,
        SCHEMA_OPEN,
        '  <xs:simpleType name="Code"><xs:restriction base="xs:string"/></xs:simpleType>',
        '  <xs:complexType name="Code"/>',
        SCHEMA_CLOSE,
      ),
    });
    expect(diagnostics).toContainEqual(
      expect.objectContaining({
        code: "DUPLICATE_DEFINITION",
        qname: "{urn:example}Code",
        location: expect.objectContaining({ line: 4 }),
      }),
    );
  });
});
