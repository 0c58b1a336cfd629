/**
 * Table-driven unit tests of the XSD → TypeScript generator, one case per XSD construct: a small inline
 * schema in, the printed TypeScript (exact lines or blocks) and, where it matters, the binding metadata out.
 */
import os from "node:os";
import { afterAll, describe, expect, test } from "vitest";
import { CodegenError } from "../../src/codegen/diagnostics.js";
import {
  cleanupInline,
  compileGenerated,
  generateInline,
  moduleMeta,
  schema,
  stripSources,
} from "../helpers/inline-xsd.js";

afterAll(cleanupInline);

const xs = (local: string) => `{http://www.w3.org/2001/XMLSchema}${local}`;
const ex = (local: string) => `{urn:example}${local}`;
/** Lines joined: an exact block of generated code. */
const block = (...lines: string[]) => lines.join("\n");

/** A schema document in `urn:example` that also binds prefix `o:` to `urn:other`. */
const exampleWithOther = 'targetNamespace="urn:example" xmlns="urn:example" xmlns:o="urn:other"';
const otherWithExample = 'targetNamespace="urn:other" xmlns="urn:other" xmlns:e="urn:example"';

/** A no-namespace ("chameleon") schema document. */
const chameleon = (body: string) => `<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" elementFormDefault="qualified">
${body}
</xs:schema>
`;

interface Case {
  /** File name → XSD text. */
  readonly given: Record<string, string>;
  /** Entry files (default: the whole folder). */
  readonly entries?: readonly string[];
  /** Exact lines or blocks that must appear in `example.ts`. */
  readonly want: readonly string[];
  /** Exact lines or blocks that must appear in other generated files. */
  readonly wantIn?: Readonly<Record<string, readonly string[]>>;
  /** Snippets that must not appear in `example.ts`. */
  readonly notWant?: readonly string[];
  /** Type metadata (Clark name, or local name in urn:example → expected subset, matched with toMatchObject). */
  readonly wantMeta?: Readonly<Record<string, unknown>>;
}

const cases: [string, Case][] = [
  [
    "sequence: required, optional and repeated elements",
    {
      given: {
        "a.xsd": schema(`
  <xs:complexType name="SeqType">
    <xs:sequence>
      <xs:element name="Id" type="xs:string"/>
      <xs:element name="Note" type="xs:string" minOccurs="0"/>
      <xs:element name="Item" type="ItemType" minOccurs="0" maxOccurs="unbounded"/>
      <xs:element name="Pair" type="xs:int" minOccurs="2" maxOccurs="2"/>
    </xs:sequence>
  </xs:complexType>
  <xs:complexType name="ItemType">
    <xs:sequence><xs:element name="Qty" type="xs:decimal"/></xs:sequence>
  </xs:complexType>`),
      },
      want: [
        block(
          "/** XSD complexType SeqType (urn:example) */",
          "export interface SeqType {",
          "  Id: string;",
          "  Note?: string;",
          "  Item?: ItemType[];",
          "  Pair: string[];",
          "}",
        ),
        block("export interface ItemType {", "  Qty: string;", "}"),
      ],
      wantMeta: {
        SeqType: {
          kind: "complex",
          name: "SeqType",
          ns: "urn:example",
          content: {
            kind: "sequence",
            min: 1,
            max: 1,
            particles: [
              {
                kind: "element",
                name: "Id",
                ns: "urn:example",
                prop: "Id",
                min: 1,
                max: 1,
                type: xs("string"),
              },
              { kind: "element", name: "Note", prop: "Note", min: 0, max: 1, type: xs("string") },
              { kind: "element", name: "Item", prop: "Item", min: 0, max: "unbounded", type: ex("ItemType") },
              { kind: "element", name: "Pair", prop: "Pair", min: 2, max: 2, type: xs("int") },
            ],
          },
          attributes: [],
        },
      },
    },
  ],
  [
    "choice: every member becomes optional",
    {
      given: {
        "a.xsd": schema(`
  <xs:complexType name="ChoiceType">
    <xs:choice>
      <xs:element name="A" type="xs:string"/>
      <xs:element name="B" type="xs:int" maxOccurs="unbounded"/>
    </xs:choice>
  </xs:complexType>`),
      },
      want: [block("export interface ChoiceType {", "  A?: string;", "  B?: string[];", "}")],
      wantMeta: {
        ChoiceType: {
          content: {
            kind: "choice",
            min: 1,
            max: 1,
            particles: [
              { kind: "element", name: "A", min: 1, max: 1 },
              { kind: "element", name: "B", min: 1, max: "unbounded" },
            ],
          },
        },
      },
    },
  ],
  [
    "repeating choice: ordered array of single-key objects, property joined with Or",
    {
      given: {
        "a.xsd": schema(`
  <xs:complexType name="RepChoiceType">
    <xs:sequence>
      <xs:element name="Head" type="xs:string"/>
      <xs:choice minOccurs="0" maxOccurs="unbounded">
        <xs:element name="A" type="xs:string"/>
        <xs:element name="B" type="xs:int"/>
        <xs:element name="C" type="xs:int" maxOccurs="3"/>
      </xs:choice>
    </xs:sequence>
  </xs:complexType>
  <xs:complexType name="TopChoiceType">
    <xs:choice maxOccurs="unbounded">
      <xs:element name="X" type="xs:string"/>
      <xs:element name="Y" type="xs:string"/>
    </xs:choice>
  </xs:complexType>`),
      },
      want: [
        block(
          "export interface RepChoiceType {",
          "  Head: string;",
          "  AOrBOrC?: ({ A: string } | { B: string } | { C: string[] })[];",
          "}",
        ),
        block("export interface TopChoiceType {", "  XOrY: ({ X: string } | { Y: string })[];", "}"),
      ],
      wantMeta: {
        RepChoiceType: {
          content: {
            particles: [
              { kind: "element", name: "Head" },
              { kind: "choice", min: 0, max: "unbounded", prop: "AOrBOrC" },
            ],
          },
        },
        TopChoiceType: { content: { kind: "choice", min: 1, max: "unbounded", prop: "XOrY" } },
      },
    },
  ],
  [
    "repeating sequence: array of objects, property joined with And",
    {
      given: {
        "a.xsd": schema(`
  <xs:complexType name="RepSeqType">
    <xs:sequence>
      <xs:element name="Head" type="xs:string"/>
      <xs:sequence minOccurs="0" maxOccurs="unbounded">
        <xs:element name="Key" type="xs:string"/>
        <xs:element name="Value" type="xs:string" minOccurs="0"/>
      </xs:sequence>
    </xs:sequence>
  </xs:complexType>`),
      },
      want: [
        block(
          "export interface RepSeqType {",
          "  Head: string;",
          "  KeyAndValue?: ({ Key: string; Value?: string })[];",
          "}",
        ),
      ],
      wantMeta: {
        RepSeqType: {
          content: {
            kind: "sequence",
            particles: [
              { kind: "element", name: "Head", prop: "Head" },
              {
                kind: "sequence",
                min: 0,
                max: "unbounded",
                prop: "KeyAndValue",
                particles: [
                  { kind: "element", name: "Key", prop: "Key", min: 1, max: 1 },
                  { kind: "element", name: "Value", prop: "Value", min: 0, max: 1 },
                ],
              },
            ],
          },
        },
      },
    },
  ],
  [
    "nested groups: normalization (splice, unwrap single particle, optional around one element, drop empty)",
    {
      given: {
        "a.xsd": schema(`
  <xs:complexType name="NestedType">
    <xs:sequence>
      <xs:sequence>
        <xs:element name="A" type="xs:string"/>
        <xs:element name="A2" type="xs:string"/>
      </xs:sequence>
      <xs:sequence minOccurs="0">
        <xs:element name="B" type="xs:string"/>
      </xs:sequence>
      <xs:choice>
        <xs:element name="C" type="xs:string"/>
        <xs:choice>
          <xs:element name="C2" type="xs:string"/>
        </xs:choice>
        <xs:sequence>
          <xs:element name="D" type="xs:string"/>
          <xs:element name="E" type="xs:string"/>
        </xs:sequence>
      </xs:choice>
      <xs:sequence minOccurs="0">
        <xs:element name="F" type="xs:string"/>
        <xs:element name="G" type="xs:string"/>
      </xs:sequence>
      <xs:sequence/>
      <xs:choice minOccurs="0"/>
    </xs:sequence>
  </xs:complexType>`),
      },
      want: [
        block(
          "export interface NestedType {",
          "  A: string;",
          "  A2: string;",
          "  B?: string;",
          "  C?: string;",
          "  C2?: string;",
          "  D?: string;",
          "  E?: string;",
          "  F?: string;",
          "  G?: string;",
          "}",
        ),
      ],
      wantMeta: {
        NestedType: {
          content: {
            kind: "sequence",
            min: 1,
            max: 1,
            particles: [
              // the inner 1..1 sequence is spliced into the outer one
              { kind: "element", name: "A", min: 1, max: 1 },
              { kind: "element", name: "A2", min: 1, max: 1 },
              // 0..1 sequence around one element → the element with minOccurs 0
              { kind: "element", name: "B", min: 0, max: 1 },
              {
                kind: "choice",
                min: 1,
                max: 1,
                particles: [
                  { kind: "element", name: "C" },
                  // a 1..1 group around a single particle is that particle
                  { kind: "element", name: "C2", min: 1, max: 1 },
                  {
                    kind: "sequence",
                    min: 1,
                    max: 1,
                    particles: [
                      { kind: "element", name: "D" },
                      { kind: "element", name: "E" },
                    ],
                  },
                ],
              },
              {
                kind: "sequence",
                min: 0,
                max: 1,
                particles: [
                  { kind: "element", name: "F", min: 1 },
                  { kind: "element", name: "G", min: 1 },
                ],
              },
              // empty groups are dropped: nothing follows
            ],
          },
        },
      },
    },
  ],
  [
    "complexContent extension: base content then the extension's, attributes inherited",
    {
      given: {
        "a.xsd": schema(`
  <xs:complexType name="BaseType">
    <xs:sequence>
      <xs:element name="ID" type="xs:string"/>
      <xs:element name="Description" type="xs:string" minOccurs="0"/>
    </xs:sequence>
    <xs:attribute name="lang" type="xs:language"/>
    <xs:attribute name="version" type="xs:string" use="required"/>
  </xs:complexType>
  <xs:complexType name="ExtType">
    <xs:complexContent>
      <xs:extension base="BaseType">
        <xs:sequence>
          <xs:element name="Extra" type="xs:int" minOccurs="0"/>
        </xs:sequence>
        <xs:attribute name="flag" type="xs:boolean"/>
      </xs:extension>
    </xs:complexContent>
  </xs:complexType>
  <xs:complexType name="ExtOfExtType">
    <xs:complexContent>
      <xs:extension base="ExtType">
        <xs:attribute name="more" type="xs:string" use="required"/>
      </xs:extension>
    </xs:complexContent>
  </xs:complexType>`),
      },
      want: [
        block(
          "/** XSD complexType ExtType (urn:example); extension of BaseType */",
          "export interface ExtType {",
          "  ID: string;",
          "  Description?: string;",
          "  Extra?: string;",
          "  lang?: string;",
          "  version: string;",
          "  flag?: string;",
          "}",
        ),
        block(
          "export interface ExtOfExtType {",
          "  ID: string;",
          "  Description?: string;",
          "  Extra?: string;",
          "  lang?: string;",
          "  version: string;",
          "  flag?: string;",
          "  more: string;",
          "}",
        ),
      ],
      wantMeta: {
        ExtType: {
          base: ex("BaseType"),
          derivation: "extension",
          content: {
            kind: "sequence",
            min: 1,
            max: 1,
            particles: [
              { kind: "element", name: "ID", prop: "ID" },
              { kind: "element", name: "Description", prop: "Description" },
              { kind: "element", name: "Extra", prop: "Extra", type: xs("int") },
            ],
          },
          attributes: [
            { name: "lang", ns: null, prop: "lang", type: xs("language"), use: "optional" },
            { name: "version", prop: "version", use: "required" },
            { name: "flag", prop: "flag", type: xs("boolean"), use: "optional" },
          ],
        },
      },
    },
  ],
  [
    "complexContent restriction: own content, prohibited attribute removed",
    {
      given: {
        "a.xsd": schema(`
  <xs:complexType name="BaseType">
    <xs:sequence>
      <xs:element name="ID" type="xs:string"/>
      <xs:element name="Description" type="xs:string" minOccurs="0"/>
    </xs:sequence>
    <xs:attribute name="lang" type="xs:language"/>
    <xs:attribute name="version" type="xs:string"/>
  </xs:complexType>
  <xs:complexType name="RestrType">
    <xs:complexContent>
      <xs:restriction base="BaseType">
        <xs:sequence>
          <xs:element name="ID" type="xs:string"/>
        </xs:sequence>
        <xs:attribute name="lang" use="prohibited"/>
        <xs:attribute name="version" type="xs:string" use="required"/>
      </xs:restriction>
    </xs:complexContent>
  </xs:complexType>`),
      },
      want: [
        block(
          "/** XSD complexType RestrType (urn:example); restriction of BaseType */",
          "export interface RestrType {",
          "  ID: string;",
          "  version: string;",
          "}",
        ),
      ],
      wantMeta: {
        RestrType: {
          base: ex("BaseType"),
          derivation: "restriction",
          content: { particles: [{ kind: "element", name: "ID" }] },
          attributes: [{ name: "version", use: "required" }],
        },
      },
    },
  ],
  [
    "simpleContent extension of a builtin and of a complex type",
    {
      given: {
        "a.xsd": schema(`
  <xs:complexType name="AmountType">
    <xs:simpleContent>
      <xs:extension base="xs:decimal">
        <xs:attribute name="currencyID" type="xs:string" use="required"/>
      </xs:extension>
    </xs:simpleContent>
  </xs:complexType>
  <xs:complexType name="PriceType">
    <xs:simpleContent>
      <xs:extension base="AmountType">
        <xs:attribute name="per" type="xs:string"/>
      </xs:extension>
    </xs:simpleContent>
  </xs:complexType>`),
      },
      want: [
        block(
          "/** XSD complexType AmountType (urn:example); extension of decimal */",
          "export interface AmountType {",
          "  currencyID: string;",
          "  value: string;",
          "}",
        ),
        block(
          "/** XSD complexType PriceType (urn:example); extension of AmountType */",
          "export interface PriceType {",
          "  currencyID: string;",
          "  per?: string;",
          "  value: string;",
          "}",
        ),
      ],
      wantMeta: {
        AmountType: {
          base: xs("decimal"),
          derivation: "extension",
          content: null,
          simpleContent: { prop: "value", type: xs("decimal") },
        },
        PriceType: {
          base: ex("AmountType"),
          derivation: "extension",
          content: null,
          simpleContent: { prop: "value", type: xs("decimal") },
          attributes: [{ name: "currencyID", use: "required" }, { name: "per" }],
        },
      },
    },
  ],
  [
    "simpleContent restriction with enumeration: a literal union, facets in metadata",
    {
      given: {
        "a.xsd": schema(`
  <xs:complexType name="CodeType">
    <xs:simpleContent>
      <xs:extension base="xs:string">
        <xs:attribute name="listID" type="xs:string"/>
      </xs:extension>
    </xs:simpleContent>
  </xs:complexType>
  <xs:complexType name="StatusType">
    <xs:simpleContent>
      <xs:restriction base="CodeType">
        <xs:enumeration value="Open"/>
        <xs:enumeration value="Closed"/>
        <xs:maxLength value="6"/>
      </xs:restriction>
    </xs:simpleContent>
  </xs:complexType>`),
      },
      want: [
        block(
          "/** XSD complexType StatusType (urn:example); restriction of CodeType */",
          "export interface StatusType {",
          "  listID?: string;",
          '  value: "Open" | "Closed";',
          "}",
        ),
      ],
      wantMeta: {
        StatusType: {
          base: ex("CodeType"),
          derivation: "restriction",
          simpleContent: {
            prop: "value",
            type: xs("string"),
            facets: { enumeration: ["Open", "Closed"], maxLength: 6 },
          },
        },
      },
    },
  ],
  [
    "attributes: required and optional; default and fixed kept in metadata",
    {
      given: {
        "a.xsd": schema(`
  <xs:complexType name="AttrType">
    <xs:attribute name="req" type="xs:string" use="required"/>
    <xs:attribute name="opt" type="xs:int"/>
    <xs:attribute name="def" type="xs:string" default="x"/>
    <xs:attribute name="fix" type="xs:string" fixed="1.0"/>
    <xs:attribute name="untyped"/>
  </xs:complexType>`),
      },
      want: [
        block(
          "export interface AttrType {",
          "  req: string;",
          "  opt?: string;",
          "  def?: string;",
          "  fix?: string;",
          "  untyped?: string;",
          "}",
        ),
      ],
      wantMeta: {
        AttrType: {
          content: null,
          attributes: [
            { name: "req", ns: null, prop: "req", type: xs("string"), use: "required" },
            { name: "opt", ns: null, prop: "opt", type: xs("int"), use: "optional" },
            { name: "def", prop: "def", use: "optional", default: "x" },
            { name: "fix", prop: "fix", use: "optional", fixed: "1.0" },
            { name: "untyped", prop: "untyped", type: xs("anySimpleType"), use: "optional" },
          ],
        },
      },
    },
  ],
  [
    "attribute group references (nested)",
    {
      given: {
        "a.xsd": schema(`
  <xs:attributeGroup name="IdAttrs">
    <xs:attribute name="id" type="xs:ID" use="required"/>
    <xs:attributeGroup ref="NoteAttrs"/>
  </xs:attributeGroup>
  <xs:attributeGroup name="NoteAttrs">
    <xs:attribute name="note" type="xs:string"/>
  </xs:attributeGroup>
  <xs:complexType name="WithGroupType">
    <xs:sequence><xs:element name="X" type="xs:string"/></xs:sequence>
    <xs:attribute name="own" type="xs:string"/>
    <xs:attributeGroup ref="IdAttrs"/>
  </xs:complexType>`),
      },
      want: [
        block(
          "export interface WithGroupType {",
          "  X: string;",
          "  own?: string;",
          "  id: string;",
          "  note?: string;",
          "}",
        ),
      ],
      wantMeta: {
        WithGroupType: {
          attributes: [
            { name: "own", use: "optional" },
            { name: "id", type: xs("ID"), use: "required" },
            { name: "note", use: "optional" },
          ],
        },
      },
    },
  ],
  [
    "named model groups (xsd:group ref) with minOccurs/maxOccurs; a repeating reference is named after the group",
    {
      given: {
        "a.xsd": schema(`
  <xs:group name="Parts">
    <xs:sequence>
      <xs:element name="P1" type="xs:string"/>
      <xs:element name="P2" type="xs:string" minOccurs="0"/>
    </xs:sequence>
  </xs:group>
  <xs:group name="Alt">
    <xs:choice>
      <xs:element name="X" type="xs:string"/>
      <xs:element name="Y" type="xs:string"/>
    </xs:choice>
  </xs:group>
  <xs:group name="Single">
    <xs:sequence>
      <xs:element name="S" type="xs:string"/>
    </xs:sequence>
  </xs:group>
  <xs:complexType name="GType">
    <xs:sequence>
      <xs:group ref="Parts"/>
      <xs:group ref="Alt" minOccurs="0"/>
      <xs:group ref="Single" minOccurs="0"/>
    </xs:sequence>
  </xs:complexType>
  <xs:complexType name="RepGType">
    <xs:sequence>
      <xs:group ref="Parts" minOccurs="0" maxOccurs="unbounded"/>
      <xs:group ref="Alt" maxOccurs="unbounded"/>
    </xs:sequence>
  </xs:complexType>`),
      },
      want: [
        block(
          "export interface GType {",
          "  P1: string;",
          "  P2?: string;",
          "  X?: string;",
          "  Y?: string;",
          "  S?: string;",
          "}",
        ),
        block(
          "export interface RepGType {",
          "  Parts?: ({ P1: string; P2?: string })[];",
          "  Alt: ({ X: string } | { Y: string })[];",
          "}",
        ),
      ],
      wantMeta: {
        GType: {
          content: {
            kind: "sequence",
            particles: [
              { kind: "element", name: "P1", min: 1 },
              { kind: "element", name: "P2", min: 0 },
              { kind: "choice", min: 0, max: 1, particles: [{ name: "X" }, { name: "Y" }] },
              { kind: "element", name: "S", min: 0, max: 1 },
            ],
          },
        },
        RepGType: {
          content: {
            particles: [
              { kind: "sequence", min: 0, max: "unbounded", prop: "Parts" },
              { kind: "choice", min: 1, max: "unbounded", prop: "Alt" },
            ],
          },
        },
      },
    },
  ],
  [
    "empty model group (B2MML's Extended:* extension groups) contributes nothing",
    {
      given: {
        "a.xsd": schema(
          `
  <xs:import namespace="urn:example:extensions" schemaLocation="ext.xsd"/>
  <xs:complexType name="PersonType">
    <xs:sequence>
      <xs:element name="ID" type="xs:string"/>
      <xs:group ref="Extended:Person" minOccurs="0" maxOccurs="1"/>
    </xs:sequence>
  </xs:complexType>
  <xs:complexType name="OnlyExtendedType">
    <xs:sequence>
      <xs:group ref="Extended:Person" minOccurs="0" maxOccurs="unbounded"/>
    </xs:sequence>
  </xs:complexType>`,
          'targetNamespace="urn:example" xmlns="urn:example" xmlns:Extended="urn:example:extensions"',
        ),
        "ext.xsd": schema(
          `
  <xs:group name="Person">
    <xs:sequence/>
  </xs:group>`,
          'targetNamespace="urn:example:extensions"',
        ),
      },
      entries: ["a.xsd"],
      want: [block("export interface PersonType {", "  ID: string;", "}")],
      notWant: ["Extensions.", "import type * as Extensions"],
      wantMeta: {
        PersonType: { content: { kind: "sequence", particles: [{ kind: "element", name: "ID" }] } },
        OnlyExtendedType: { content: null, attributes: [] },
      },
    },
  ],
  [
    "include: the included file's types join the includer's namespace module",
    {
      given: {
        "main.xsd": schema(`
  <xs:include schemaLocation="sub/part.xsd"/>
  <xs:complexType name="OrderType">
    <xs:sequence><xs:element name="Line" type="LineType" maxOccurs="unbounded"/></xs:sequence>
  </xs:complexType>
  <xs:element name="Order" type="OrderType"/>`),
        "sub/part.xsd": schema(`
  <xs:complexType name="LineType">
    <xs:sequence><xs:element name="Qty" type="xs:decimal"/></xs:sequence>
  </xs:complexType>`),
      },
      entries: ["main.xsd"],
      want: [
        "// Schema files: main.xsd, part.xsd",
        block("export interface OrderType {", "  Line: LineType[];", "}"),
        block("export interface LineType {", "  Qty: string;", "}"),
      ],
      notWant: ["import type * as"],
    },
  ],
  [
    "import across two namespaces: `import type * as Alias` and `Alias.Type`",
    {
      given: {
        "main.xsd": schema(
          `
  <xs:import namespace="urn:other" schemaLocation="other.xsd"/>
  <xs:complexType name="OrderType">
    <xs:sequence>
      <xs:element name="Party" type="o:PartyType"/>
      <xs:element ref="o:Contact" minOccurs="0"/>
      <xs:element name="Status" type="o:StatusCode"/>
    </xs:sequence>
  </xs:complexType>
  <xs:element name="Order" type="OrderType"/>`,
          exampleWithOther,
        ),
        "other.xsd": schema(
          `
  <xs:complexType name="PartyType">
    <xs:sequence><xs:element name="Name" type="xs:string"/></xs:sequence>
  </xs:complexType>
  <xs:simpleType name="StatusCode">
    <xs:restriction base="xs:token"><xs:enumeration value="A"/></xs:restriction>
  </xs:simpleType>
  <xs:element name="Contact" type="PartyType"/>`,
          'targetNamespace="urn:other" xmlns="urn:other"',
        ),
      },
      entries: ["main.xsd"],
      want: [
        'import type * as $Other from "./other.js";',
        block(
          "export interface OrderType {",
          "  Party: $Other.PartyType;",
          "  Contact?: $Other.PartyType;",
          "  Status: $Other.StatusCode;",
          "}",
        ),
      ],
      wantIn: {
        "other.ts": [
          "// Namespace: urn:other",
          block("export interface PartyType {", "  Name: string;", "}"),
          'export type StatusCode = "A";',
          block("export interface $Elements {", "  Contact: PartyType;", "}"),
        ],
      },
      wantMeta: {
        OrderType: {
          content: {
            particles: [
              { name: "Party", ns: "urn:example", type: "{urn:other}PartyType" },
              { name: "Contact", ns: "urn:other", type: "{urn:other}PartyType", min: 0 },
              { name: "Status", type: "{urn:other}StatusCode" },
            ],
          },
        },
      },
    },
  ],
  [
    "chameleon include: one no-namespace file included into two namespaces yields its types in both",
    {
      given: {
        "main.xsd": schema(
          `
  <xs:include schemaLocation="common.xsd"/>
  <xs:import namespace="urn:other" schemaLocation="other.xsd"/>
  <xs:complexType name="OrderType">
    <xs:sequence>
      <xs:element name="Code" type="CodeType"/>
      <xs:element name="Party" type="o:PartyType"/>
    </xs:sequence>
  </xs:complexType>
  <xs:element name="Order" type="OrderType"/>`,
          exampleWithOther,
        ),
        "other.xsd": schema(
          `
  <xs:include schemaLocation="common.xsd"/>
  <xs:complexType name="PartyType">
    <xs:sequence><xs:element name="Code" type="CodeType"/></xs:sequence>
  </xs:complexType>`,
          'targetNamespace="urn:other" xmlns="urn:other"',
        ),
        "common.xsd": chameleon(`
  <xs:complexType name="CodeType">
    <xs:simpleContent>
      <xs:extension base="CodeContent"><xs:attribute name="listID" type="xs:string"/></xs:extension>
    </xs:simpleContent>
  </xs:complexType>
  <xs:simpleType name="CodeContent"><xs:restriction base="xs:token"/></xs:simpleType>`),
      },
      // the whole folder: common.xsd is an entry too, but only as a chameleon fragment
      want: [
        block(
          "/** XSD complexType CodeType (urn:example); extension of CodeContent */",
          "export interface CodeType {",
          "  listID?: string;",
          "  value: CodeContent;",
          "}",
        ),
        "export type CodeContent = string;",
        block("export interface OrderType {", "  Code: CodeType;", "  Party: $Other.PartyType;", "}"),
      ],
      wantIn: {
        "other.ts": [
          block(
            "/** XSD complexType CodeType (urn:other); extension of CodeContent */",
            "export interface CodeType {",
            "  listID?: string;",
            "  value: CodeContent;",
            "}",
          ),
          "export type CodeContent = string;",
          block("export interface PartyType {", "  Code: CodeType;", "}"),
        ],
      },
      wantMeta: {
        CodeType: { simpleContent: { type: ex("CodeContent") } },
        "{urn:other}CodeType": { ns: "urn:other", simpleContent: { type: "{urn:other}CodeContent" } },
        "{urn:other}PartyType": { content: { particles: [{ name: "Code", type: "{urn:other}CodeType" }] } },
      },
    },
  ],
  [
    "circular import between two namespaces terminates",
    {
      given: {
        "a.xsd": schema(
          `
  <xs:import namespace="urn:other" schemaLocation="b.xsd"/>
  <xs:complexType name="AType">
    <xs:sequence><xs:element name="B" type="o:BType" minOccurs="0"/></xs:sequence>
  </xs:complexType>
  <xs:element name="A" type="AType"/>`,
          exampleWithOther,
        ),
        "b.xsd": schema(
          `
  <xs:import namespace="urn:example" schemaLocation="a.xsd"/>
  <xs:complexType name="BType">
    <xs:sequence><xs:element name="A" type="e:AType" minOccurs="0"/></xs:sequence>
  </xs:complexType>`,
          otherWithExample,
        ),
      },
      entries: ["a.xsd"],
      want: [
        'import type * as $Other from "./other.js";',
        block("export interface AType {", "  B?: $Other.BType;", "}"),
      ],
      wantIn: {
        "other.ts": [
          'import type * as $Example from "./example.js";',
          block("export interface BType {", "  A?: $Example.AType;", "}"),
        ],
      },
    },
  ],
  [
    "anonymous complex types are named by their place",
    {
      given: {
        "a.xsd": schema(`
  <xs:complexType name="ProcessXType">
    <xs:sequence>
      <xs:element name="DataArea">
        <xs:complexType>
          <xs:sequence>
            <xs:element name="Process" type="xs:string"/>
            <xs:element name="Inner" minOccurs="0">
              <xs:complexType><xs:attribute name="n" type="xs:int"/></xs:complexType>
            </xs:element>
          </xs:sequence>
        </xs:complexType>
      </xs:element>
    </xs:sequence>
  </xs:complexType>
  <xs:element name="E">
    <xs:complexType>
      <xs:sequence><xs:element name="V" type="xs:string"/></xs:sequence>
    </xs:complexType>
  </xs:element>`),
      },
      want: [
        block("export interface ProcessXType {", "  DataArea: ProcessXType_DataArea;", "}"),
        block(
          "/** XSD anonymous complexType, named by its place: ProcessXType_DataArea (urn:example) */",
          "export interface ProcessXType_DataArea {",
          "  Process: string;",
          "  Inner?: ProcessXType_DataArea_Inner;",
          "}",
        ),
        block("export interface ProcessXType_DataArea_Inner {", "  n?: string;", "}"),
        block("export interface E_Type {", "  V: string;", "}"),
        block("export interface $Elements {", "  E: E_Type;", "}"),
      ],
      wantMeta: {
        ProcessXType: { content: { particles: [{ name: "DataArea", type: ex("ProcessXType_DataArea") }] } },
        ProcessXType_DataArea: { kind: "complex", anonymous: true },
        E_Type: { kind: "complex", name: "E_Type", anonymous: true },
      },
    },
  ],
  [
    "anonymous simple types on attributes and elements",
    {
      given: {
        "a.xsd": schema(`
  <xs:complexType name="JobType">
    <xs:sequence>
      <xs:element name="Priority">
        <xs:simpleType>
          <xs:restriction base="xs:int"><xs:minInclusive value="1"/><xs:maxInclusive value="9"/></xs:restriction>
        </xs:simpleType>
      </xs:element>
    </xs:sequence>
    <xs:attribute name="mode" use="required">
      <xs:simpleType>
        <xs:restriction base="xs:string">
          <xs:enumeration value="fast"/>
          <xs:enumeration value="slow"/>
        </xs:restriction>
      </xs:simpleType>
    </xs:attribute>
  </xs:complexType>`),
      },
      want: [
        block("export interface JobType {", "  Priority: JobType_Priority;", "  mode: JobType_mode;", "}"),
        block(
          "/** XSD anonymous simpleType, named by its place: JobType_mode (urn:example) */",
          'export type JobType_mode = "fast" | "slow";',
        ),
        "export type JobType_Priority = string;",
      ],
      wantMeta: {
        JobType: { attributes: [{ name: "mode", type: ex("JobType_mode"), use: "required" }] },
        JobType_mode: {
          kind: "simple",
          anonymous: true,
          variety: "atomic",
          primitive: "string",
          base: xs("string"),
          facets: { enumeration: ["fast", "slow"] },
        },
        JobType_Priority: { primitive: "int", facets: { minInclusive: "1", maxInclusive: "9" } },
      },
    },
  ],
  [
    "enumerations: unions of string literals (escaped), inherited by a restriction without its own",
    {
      given: {
        "a.xsd": schema(`
  <xs:simpleType name="ColorEnum">
    <xs:restriction base="xs:string">
      <xs:enumeration value="red"/>
      <xs:enumeration value="green"/>
      <xs:enumeration value="it's &quot;blue&quot;"/>
    </xs:restriction>
  </xs:simpleType>
  <xs:simpleType name="SameColors">
    <xs:restriction base="ColorEnum"><xs:maxLength value="20"/></xs:restriction>
  </xs:simpleType>
  <xs:simpleType name="FewerColors">
    <xs:restriction base="ColorEnum"><xs:enumeration value="red"/></xs:restriction>
  </xs:simpleType>
  <xs:simpleType name="Level">
    <xs:restriction base="xs:int"><xs:enumeration value="1"/><xs:enumeration value="2"/></xs:restriction>
  </xs:simpleType>`),
      },
      want: [
        'export type ColorEnum = "red" | "green" | "it\'s \\"blue\\"";',
        'export type SameColors = "red" | "green" | "it\'s \\"blue\\"";',
        'export type FewerColors = "red";',
        'export type Level = "1" | "2";',
      ],
      wantMeta: {
        ColorEnum: { variety: "atomic", facets: { enumeration: ["red", "green", 'it\'s "blue"'] } },
        SameColors: {
          base: ex("ColorEnum"),
          primitive: "string",
          facets: { enumeration: ["red", "green", 'it\'s "blue"'], maxLength: 20 },
        },
        FewerColors: { facets: { enumeration: ["red"] } },
        Level: { primitive: "int", facets: { enumeration: ["1", "2"] } },
      },
    },
  ],
  [
    "open enumeration: union of an enumeration and xsd:normalizedString",
    {
      given: {
        "a.xsd": schema(`
  <xs:simpleType name="UnitEnum">
    <xs:restriction base="xs:string"><xs:enumeration value="kg"/><xs:enumeration value="m"/></xs:restriction>
  </xs:simpleType>
  <xs:simpleType name="Unit">
    <xs:union memberTypes="UnitEnum xs:normalizedString"/>
  </xs:simpleType>`),
      },
      want: ['export type UnitEnum = "kg" | "m";', "export type Unit = UnitEnum | (string & {});"],
      wantMeta: {
        Unit: { variety: "union", memberTypes: [ex("UnitEnum"), xs("normalizedString")], facets: {} },
      },
    },
  ],
  [
    "open enumeration, B2MML style: restriction with Other, then extension adding OtherValue",
    {
      given: {
        "a.xsd": schema(`
  <xs:complexType name="CodeType">
    <xs:simpleContent>
      <xs:extension base="xs:string">
        <xs:attribute name="listID" type="xs:normalizedString"/>
      </xs:extension>
    </xs:simpleContent>
  </xs:complexType>
  <xs:complexType name="AssemblyType1Type">
    <xs:simpleContent>
      <xs:restriction base="CodeType">
        <xs:enumeration value="Physical"/>
        <xs:enumeration value="Logical"/>
        <xs:enumeration value="Other"/>
      </xs:restriction>
    </xs:simpleContent>
  </xs:complexType>
  <xs:complexType name="AssemblyTypeType">
    <xs:simpleContent>
      <xs:extension base="AssemblyType1Type">
        <xs:attribute name="OtherValue" type="xs:string"/>
      </xs:extension>
    </xs:simpleContent>
  </xs:complexType>`),
      },
      want: [
        block(
          "export interface AssemblyType1Type {",
          "  listID?: string;",
          '  value: "Physical" | "Logical" | "Other";',
          "}",
        ),
        block(
          "/** XSD complexType AssemblyTypeType (urn:example); extension of AssemblyType1Type */",
          "export interface AssemblyTypeType {",
          "  listID?: string;",
          "  OtherValue?: string;",
          '  value: "Physical" | "Logical" | "Other";',
          "}",
        ),
      ],
      wantMeta: {
        AssemblyTypeType: {
          base: ex("AssemblyType1Type"),
          derivation: "extension",
          simpleContent: {
            prop: "value",
            type: xs("string"),
            facets: { enumeration: ["Physical", "Logical", "Other"] },
          },
          attributes: [{ name: "listID" }, { name: "OtherValue", use: "optional" }],
        },
      },
    },
  ],
  [
    "unions: member types, inline members, all-string unions",
    {
      given: {
        "a.xsd": schema(`
  <xs:simpleType name="ColorEnum">
    <xs:restriction base="xs:string"><xs:enumeration value="red"/></xs:restriction>
  </xs:simpleType>
  <xs:simpleType name="NumOrDate">
    <xs:union memberTypes="xs:int xs:date"/>
  </xs:simpleType>
  <xs:simpleType name="ColorOrNone">
    <xs:union memberTypes="ColorEnum">
      <xs:simpleType><xs:restriction base="xs:string"><xs:enumeration value="none"/></xs:restriction></xs:simpleType>
    </xs:union>
  </xs:simpleType>`),
      },
      want: [
        "export type NumOrDate = string;",
        "export type ColorOrNone = ColorEnum | ColorOrNone_member1;",
        block(
          "/** XSD anonymous simpleType, named by its place: ColorOrNone_member1 (urn:example) */",
          'export type ColorOrNone_member1 = "none";',
        ),
      ],
      wantMeta: {
        NumOrDate: { variety: "union", memberTypes: [xs("int"), xs("date")] },
        ColorOrNone: { variety: "union", memberTypes: [ex("ColorEnum"), ex("ColorOrNone_member1")] },
        ColorOrNone_member1: { anonymous: true, facets: { enumeration: ["none"] } },
      },
    },
  ],
  [
    "lists: TypeScript string, metadata variety list with the item type",
    {
      given: {
        "a.xsd": schema(`
  <xs:simpleType name="IntList">
    <xs:list itemType="xs:int"/>
  </xs:simpleType>
  <xs:simpleType name="CodeList">
    <xs:list>
      <xs:simpleType><xs:restriction base="xs:token"><xs:enumeration value="A"/></xs:restriction></xs:simpleType>
    </xs:list>
  </xs:simpleType>
  <xs:simpleType name="Tokens">
    <xs:restriction base="xs:NMTOKENS"><xs:maxLength value="3"/></xs:restriction>
  </xs:simpleType>`),
      },
      want: [
        "export type IntList = string;",
        "export type CodeList = string;",
        'export type CodeList_item = "A";',
        "export type Tokens = string;",
      ],
      wantMeta: {
        IntList: { kind: "simple", variety: "list", itemType: xs("int"), facets: {} },
        CodeList: { variety: "list", itemType: ex("CodeList_item") },
        Tokens: { variety: "list", itemType: xs("NMTOKEN"), facets: { maxLength: 3 } },
      },
    },
  ],
  [
    "nillable: T | $XsiNil, and nillable: true in metadata",
    {
      given: {
        "a.xsd": schema(`
  <xs:complexType name="NilType">
    <xs:sequence>
      <xs:element name="When" type="xs:dateTime" nillable="true"/>
      <xs:element name="Many" type="PartType" nillable="true" minOccurs="0" maxOccurs="unbounded"/>
    </xs:sequence>
  </xs:complexType>
  <xs:complexType name="PartType"/>
  <xs:element name="Root" type="NilType" nillable="true"/>`),
      },
      want: [
        'import type { SchemaModuleMeta as $SchemaModuleMeta, XsiNil as $XsiNil } from "b2mml/binding";',
        block(
          "export interface NilType {",
          "  When: string | $XsiNil;",
          "  Many?: (PartType | $XsiNil)[];",
          "}",
        ),
        '  elements: { Root: { name: "Root", ns: "urn:example", type: "{urn:example}NilType", nillable: true } },',
      ],
      wantMeta: {
        NilType: {
          content: {
            particles: [
              { name: "When", nillable: true, type: xs("dateTime") },
              { name: "Many", nillable: true, max: "unbounded" },
            ],
          },
        },
      },
    },
  ],
  [
    "xsd:any wildcards: any?: $AnyElement[], namespace and processContents in metadata",
    {
      given: {
        "a.xsd": schema(`
  <xs:complexType name="OpenType">
    <xs:sequence>
      <xs:element name="ID" type="xs:string"/>
      <xs:any namespace="##other" processContents="lax" minOccurs="0" maxOccurs="unbounded"/>
    </xs:sequence>
  </xs:complexType>
  <xs:complexType name="AnyOneType">
    <xs:sequence><xs:any/></xs:sequence>
  </xs:complexType>
  <xs:complexType name="AnyTypedType">
    <xs:sequence><xs:element name="Payload" type="xs:anyType"/><xs:element name="Untyped"/></xs:sequence>
  </xs:complexType>`),
      },
      want: [
        'import type { AnyElement as $AnyElement, SchemaModuleMeta as $SchemaModuleMeta } from "b2mml/binding";',
        block("export interface OpenType {", "  ID: string;", "  any?: $AnyElement[];", "}"),
        block("export interface AnyOneType {", "  any: $AnyElement[];", "}"),
        block("export interface AnyTypedType {", "  Payload: $AnyElement;", "  Untyped: $AnyElement;", "}"),
      ],
      wantMeta: {
        OpenType: {
          content: {
            particles: [
              { kind: "element", name: "ID" },
              {
                kind: "any",
                prop: "any",
                min: 0,
                max: "unbounded",
                namespace: "##other",
                processContents: "lax",
              },
            ],
          },
        },
        AnyOneType: {
          content: {
            particles: [{ kind: "any", min: 1, max: 1, namespace: "##any", processContents: "strict" }],
          },
        },
        AnyTypedType: { content: { particles: [{ type: xs("anyType") }, { type: xs("anyType") }] } },
      },
    },
  ],
  [
    "facets are kept as metadata: pattern steps, length, ranges, digits, whiteSpace",
    {
      given: {
        "a.xsd": schema(`
  <xs:simpleType name="Code">
    <xs:restriction base="xs:string">
      <xs:pattern value="[A-Z]+"/>
      <xs:pattern value="[0-9]+"/>
      <xs:length value="4"/>
      <xs:whiteSpace value="collapse"/>
    </xs:restriction>
  </xs:simpleType>
  <xs:simpleType name="ShortCode">
    <xs:restriction base="Code">
      <xs:pattern value="A.*"/>
      <xs:length value="2"/>
    </xs:restriction>
  </xs:simpleType>
  <xs:simpleType name="Percent">
    <xs:restriction base="xs:decimal">
      <xs:minInclusive value="0"/>
      <xs:maxInclusive value="100.00"/>
      <xs:totalDigits value="5"/>
      <xs:fractionDigits value="2"/>
    </xs:restriction>
  </xs:simpleType>
  <xs:simpleType name="Small">
    <xs:restriction base="Percent">
      <xs:maxExclusive value="10"/>
      <xs:minExclusive value="-1"/>
      <xs:fractionDigits value="1"/>
    </xs:restriction>
  </xs:simpleType>
  <xs:simpleType name="Name">
    <xs:restriction base="xs:token"><xs:minLength value="1"/><xs:maxLength value="40"/></xs:restriction>
  </xs:simpleType>`),
      },
      want: [
        "export type Code = string;",
        "export type ShortCode = Code;",
        "export type Percent = string;",
        "export type Small = Percent;",
      ],
      wantMeta: {
        Code: {
          primitive: "string",
          facets: { pattern: [["[A-Z]+", "[0-9]+"]], length: 4, whiteSpace: "collapse" },
        },
        ShortCode: {
          base: ex("Code"),
          primitive: "string",
          // patterns: one step per derivation step; a later length replaces the inherited one
          facets: { pattern: [["[A-Z]+", "[0-9]+"], ["A.*"]], length: 2, whiteSpace: "collapse" },
        },
        Percent: {
          primitive: "decimal",
          facets: { minInclusive: "0", maxInclusive: "100.00", totalDigits: 5, fractionDigits: 2 },
        },
        Small: {
          primitive: "decimal",
          facets: {
            minInclusive: "0",
            maxInclusive: "100.00",
            minExclusive: "-1",
            maxExclusive: "10",
            totalDigits: 5,
            fractionDigits: 1,
          },
        },
        Name: { primitive: "token", facets: { minLength: 1, maxLength: 40 } },
      },
    },
  ],
  [
    "element references: the global element's name, namespace and type; occurrence from the ref",
    {
      given: {
        "a.xsd": schema(`
  <xs:element name="Note" type="xs:string"/>
  <xs:element name="Count" type="xs:int" nillable="true" default="0"/>
  <xs:complexType name="RefType">
    <xs:sequence>
      <xs:element ref="Note" minOccurs="0" maxOccurs="unbounded"/>
      <xs:element ref="Count"/>
    </xs:sequence>
  </xs:complexType>`),
      },
      want: [block("export interface RefType {", "  Note?: string[];", "  Count: string | $XsiNil;", "}")],
      wantMeta: {
        RefType: {
          content: {
            particles: [
              {
                kind: "element",
                name: "Note",
                ns: "urn:example",
                min: 0,
                max: "unbounded",
                type: xs("string"),
              },
              {
                kind: "element",
                name: "Count",
                min: 1,
                max: 1,
                type: xs("int"),
                nillable: true,
                default: "0",
              },
            ],
          },
        },
      },
    },
  ],
  [
    "mixed content: $text beside the elements",
    {
      given: {
        "a.xsd": schema(`
  <xs:complexType name="MixedType" mixed="true">
    <xs:sequence>
      <xs:element name="b" type="xs:string" minOccurs="0" maxOccurs="unbounded"/>
    </xs:sequence>
    <xs:attribute name="lang" type="xs:string"/>
  </xs:complexType>`),
      },
      want: [
        block(
          "export interface MixedType {",
          "  b?: string[];",
          "  lang?: string;",
          "  $text?: string[];",
          "}",
        ),
      ],
      wantMeta: { MixedType: { mixed: true, content: { particles: [{ name: "b" }] } } },
    },
  ],
  [
    "the same element name twice in one sequence: one array property",
    {
      given: {
        "a.xsd": schema(`
  <xs:complexType name="TwiceType">
    <xs:sequence>
      <xs:element name="A" type="xs:string"/>
      <xs:element name="B" type="xs:string"/>
      <xs:element name="A" type="xs:string" minOccurs="0"/>
    </xs:sequence>
  </xs:complexType>
  <xs:complexType name="TwiceOptionalType">
    <xs:sequence>
      <xs:element name="A" type="xs:string" minOccurs="0"/>
      <xs:element name="A" type="xs:string" minOccurs="0"/>
    </xs:sequence>
  </xs:complexType>`),
      },
      want: [
        block("export interface TwiceType {", "  A: string[];", "  B: string;", "}"),
        block("export interface TwiceOptionalType {", "  A?: string[];", "}"),
      ],
      wantMeta: {
        TwiceType: {
          content: {
            particles: [
              { name: "A", prop: "A", min: 1 },
              { name: "B", prop: "B" },
              { name: "A", prop: "A", min: 0 },
            ],
          },
        },
      },
    },
  ],
  [
    "an attribute named like an element takes @name; a value attribute moves the value to $value",
    {
      given: {
        "a.xsd": schema(`
  <xs:complexType name="ClashType">
    <xs:sequence>
      <xs:element name="name" type="xs:string"/>
    </xs:sequence>
    <xs:attribute name="name" type="xs:string"/>
  </xs:complexType>
  <xs:complexType name="ValueClashType">
    <xs:simpleContent>
      <xs:extension base="xs:string"><xs:attribute name="value" type="xs:string"/></xs:extension>
    </xs:simpleContent>
  </xs:complexType>`),
      },
      want: [
        block("export interface ClashType {", "  name: string;", '  "@name"?: string;', "}"),
        block("export interface ValueClashType {", "  value?: string;", "  $value: string;", "}"),
      ],
      wantMeta: {
        ClashType: {
          content: { particles: [{ name: "name", prop: "name" }] },
          attributes: [{ name: "name", prop: "@name" }],
        },
        ValueClashType: { attributes: [{ name: "value", prop: "value" }], simpleContent: { prop: "$value" } },
      },
    },
  ],
  [
    "a type name that is a TypeScript reserved word takes a trailing underscore",
    {
      given: {
        "a.xsd": schema(`
  <xs:simpleType name="string">
    <xs:restriction base="xs:string"><xs:maxLength value="3"/></xs:restriction>
  </xs:simpleType>
  <xs:complexType name="class">
    <xs:sequence>
      <xs:element name="S" type="string"/>
      <xs:element name="T" type="xs:string"/>
    </xs:sequence>
  </xs:complexType>
  <xs:element name="Class" type="class"/>`),
      },
      want: [
        "/** XSD simpleType string (urn:example) */",
        "export type string_ = string;",
        block("export interface class_ {", "  S: string_;", "  T: string;", "}"),
        block("export interface $Elements {", "  Class: class_;", "}"),
      ],
      wantMeta: { string: { name: "string" }, class: { name: "class" } },
    },
  ],
];

function metaFor(ir: Parameters<typeof moduleMeta>[0], key: string): unknown {
  const clarkName = key.startsWith("{") ? key : ex(key);
  const t = ir.typeIndex.get(clarkName);
  return t === undefined ? undefined : stripSources(t);
}

describe.each(cases)("%s", (_name, c) => {
  const run = () => generateInline(c.given, c.entries);

  test("printed TypeScript", () => {
    const { files } = run();
    const main = files.get("example.ts");
    expect(main, `example.ts among ${[...files.keys()].join(", ")}`).toBeDefined();
    for (const want of c.want) expect(main).toContain(want);
    for (const not of c.notWant ?? []) expect(main).not.toContain(not);
    for (const [file, wants] of Object.entries(c.wantIn ?? {})) {
      const text = files.get(file);
      expect(text, `${file} among ${[...files.keys()].join(", ")}`).toBeDefined();
      for (const want of wants) expect(text).toContain(want);
    }
  });

  if (c.wantMeta) {
    const wantMeta = c.wantMeta;
    test("metadata", () => {
      const { ir } = run();
      for (const [key, want] of Object.entries(wantMeta)) {
        const got = metaFor(ir, key);
        expect(got, `type ${key}`).toBeDefined();
        expect(got, `type ${key}`).toMatchObject(want as object);
      }
    });
  }
});

describe("edge cases found by review (fixed)", () => {
  test("anyAttribute written directly in a complexType is kept (anyAttributes, metadata)", () => {
    const { files, ir } = generateInline({
      "a.xsd": schema(`
  <xs:complexType name="OpenAttrsType">
    <xs:sequence><xs:element name="ID" type="xs:string"/></xs:sequence>
    <xs:anyAttribute namespace="##other" processContents="lax"/>
  </xs:complexType>`),
    });
    expect(files.get("example.ts")).toContain(
      block(
        "export interface OpenAttrsType {",
        "  ID: string;",
        "  anyAttributes?: Record<string, string>;",
        "}",
      ),
    );
    expect(metaFor(ir, "OpenAttrsType")).toMatchObject({
      anyAttribute: { prop: "anyAttributes", namespace: "##other", processContents: "lax" },
    });
  });

  test("a restriction of a union by enumeration is a union of its literals", () => {
    const { files } = generateInline({
      "a.xsd": schema(`
  <xs:simpleType name="UnitEnum">
    <xs:restriction base="xs:string"><xs:enumeration value="kg"/><xs:enumeration value="m"/></xs:restriction>
  </xs:simpleType>
  <xs:simpleType name="Unit"><xs:union memberTypes="UnitEnum xs:normalizedString"/></xs:simpleType>
  <xs:simpleType name="Kilo"><xs:restriction base="Unit"><xs:enumeration value="kg"/></xs:restriction></xs:simpleType>`),
    });
    expect(files.get("example.ts")).toContain('export type Kilo = "kg";');
  });

  /** Either a diagnostic (errors are data) or generated code that compiles; never broken code. */
  const compilesOrIsReported = (given: Record<string, string>, entries?: readonly string[]) => {
    let generated: ReturnType<typeof generateInline>;
    try {
      generated = generateInline(given, entries);
    } catch (error) {
      if (error instanceof CodegenError) return;
      throw error;
    }
    const result = compileGenerated([generated.files]);
    expect(result.output).toBe("");
    expect(result.status).toBe(0);
  };

  test("two XSD names that map to the same TypeScript identifier (A-B, A_B)", () => {
    compilesOrIsReported({
      "a.xsd": schema(`
  <xs:simpleType name="A-B"><xs:restriction base="xs:string"/></xs:simpleType>
  <xs:simpleType name="A_B"><xs:restriction base="xs:int"/></xs:simpleType>`),
    });
  });

  test("a schema type named like a runtime contract type (XsiNil)", () => {
    compilesOrIsReported({
      "a.xsd": schema(`
  <xs:complexType name="XsiNil">
    <xs:sequence><xs:element name="N" type="xs:string" nillable="true"/></xs:sequence>
  </xs:complexType>`),
    });
  });

  test("a schema type named like the import alias of another namespace module (Other)", () => {
    compilesOrIsReported(
      {
        "a.xsd": schema(
          `
  <xs:import namespace="urn:other" schemaLocation="o.xsd"/>
  <xs:complexType name="Other">
    <xs:sequence><xs:element name="O" type="o:OType"/></xs:sequence>
  </xs:complexType>`,
          exampleWithOther,
        ),
        "o.xsd": schema(`<xs:complexType name="OType"/>`, 'targetNamespace="urn:other"'),
      },
      ["a.xsd"],
    );
  });
});

describe("$Elements and index.ts", () => {
  const given = {
    "main.xsd": schema(
      `
  <xs:import namespace="urn:other" schemaLocation="other.xsd"/>
  <xs:complexType name="OrderType">
    <xs:sequence><xs:element name="Party" type="o:PartyType"/></xs:sequence>
  </xs:complexType>
  <xs:element name="Order" type="OrderType"/>
  <xs:element name="Amount" type="xs:decimal"/>
  <xs:element name="Any"/>
  <xs:element name="Foreign" type="o:PartyType"/>`,
      exampleWithOther,
    ),
    "other.xsd": schema(
      `
  <xs:complexType name="PartyType"/>
  <xs:simpleType name="Empty"><xs:restriction base="xs:string"/></xs:simpleType>`,
      'targetNamespace="urn:other" xmlns="urn:other"',
    ),
  };

  test("$Elements maps each global element to its type; none → Record<string, never>", () => {
    const { files } = generateInline(given, ["main.xsd"]);
    expect(files.get("example.ts")).toContain(
      block(
        "/** The global elements of this namespace (the possible document roots) and their types. */",
        "export interface $Elements {",
        "  Order: OrderType;",
        "  Amount: string;",
        "  Any: $AnyElement;",
        "  Foreign: $Other.PartyType;",
        "}",
      ),
    );
    expect(files.get("other.ts")).toContain("export type $Elements = Record<string, never>;");
    expect(files.get("other.ts")).toContain(
      block(
        "/** Binding metadata: element order, occurrence, attributes, simple-content values and facets. */",
        "export const $schema: $SchemaModuleMeta = {",
        '  namespace: "urn:other",',
      ),
    );
  });

  test("index.ts re-exports the primary namespace, others as namespace objects, and schemaSet", () => {
    const { files } = generateInline(given, ["main.xsd"]);
    expect([...files.keys()].sort()).toEqual(["example.ts", "index.ts", "other.ts"]);
    expect(files.get("index.ts")).toBe(
      [
        "// Generated by `b2mml codegen` from XML Schema. Do not edit: change the schema and regenerate.",
        "// Schema files: main.xsd, other.xsd",
        "",
        'import type { SchemaSetMeta } from "b2mml/binding";',
        'import { $schema as Example$schema } from "./example.js";',
        'import { $schema as Other$schema } from "./other.js";',
        "",
        'export * from "./example.js";',
        'export * as Other from "./other.js";',
        "",
        "/** Every namespace module of this schema set; give it to the binding runtime. */",
        "export const schemaSet: SchemaSetMeta = { modules: [Example$schema, Other$schema] };",
        "",
      ].join("\n"),
    );
  });

  test("the emitted $schema literal is the intermediate model without source positions", async () => {
    const { files, ir } = generateInline(given, ["main.xsd"]);
    const ts = await import("typescript");
    for (const [file, ns] of [
      ["example.ts", "urn:example"],
      ["other.ts", "urn:other"],
    ] as const) {
      const js = ts.transpileModule(files.get(file) ?? "", {
        compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
      }).outputText;
      const mod = (await import(`data:text/javascript,${encodeURIComponent(js)}`)) as { $schema: unknown };
      expect(mod.$schema).toEqual(moduleMeta(ir, ns));
    }
  });
});

describe("determinism", () => {
  const given = {
    "main.xsd": schema(
      `
  <xs:include schemaLocation="common.xsd"/>
  <xs:import namespace="urn:other" schemaLocation="other.xsd"/>
  <xs:complexType name="OrderType">
    <xs:sequence>
      <xs:element name="Code" type="CodeType"/>
      <xs:element name="Party" type="o:PartyType"/>
      <xs:element name="Area"><xs:complexType><xs:attribute name="a"/></xs:complexType></xs:element>
    </xs:sequence>
  </xs:complexType>
  <xs:element name="Order" type="OrderType"/>`,
      exampleWithOther,
    ),
    "other.xsd": schema(
      `
  <xs:include schemaLocation="common.xsd"/>
  <xs:import namespace="urn:example" schemaLocation="main.xsd"/>
  <xs:complexType name="PartyType">
    <xs:sequence><xs:element name="Code" type="CodeType"/></xs:sequence>
  </xs:complexType>`,
      'targetNamespace="urn:other" xmlns="urn:other" xmlns:e="urn:example"',
    ),
    "common.xsd": chameleon(`
  <xs:simpleType name="CodeType"><xs:restriction base="xs:token"/></xs:simpleType>`),
  };

  test("generating twice (from two folders) gives byte-identical files without absolute paths", () => {
    const first = generateInline(given);
    const second = generateInline(given);
    expect(first.dir).not.toBe(second.dir);
    expect([...second.files.keys()]).toEqual([...first.files.keys()]);
    for (const [name, text] of first.files) {
      expect(second.files.get(name), name).toBe(text);
      for (const dir of [first.dir, second.dir, os.tmpdir()]) expect(text, name).not.toContain(dir);
    }
  });

  test("the input order of entry files does not change the output", () => {
    const a = generateInline(given, ["main.xsd", "other.xsd", "common.xsd"]);
    const b = generateInline(given, ["main.xsd", "common.xsd", "other.xsd"]);
    expect(Object.fromEntries(b.files)).toEqual(Object.fromEntries(a.files));
  });
});

describe("generated TypeScript compiles", () => {
  test("every case above (two namespaces, chameleons, a circular import …) under strict tsc", () => {
    const outputs = cases.map(([, c]) => generateInline(c.given, c.entries).files);
    const result = compileGenerated(outputs);
    expect(result.output).toBe("");
    expect(result.status).toBe(0);
  });

  test("the check is not vacuous: tsc fails on broken code", () => {
    const result = compileGenerated([new Map([["index.ts", "export const x: number = 'no';\n"]])]);
    expect(result.status).not.toBe(0);
    expect(result.output).toContain("TS2322");
  });
});
