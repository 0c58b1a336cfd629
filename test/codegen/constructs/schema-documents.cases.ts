/**
 * Construct cases: schema documents (include, import, chameleon include, circular import). Each is a small
 * inline schema in, the printed TypeScript (exact lines or blocks) and, where it matters, the binding
 * metadata out. Run by ./schema-documents.test.ts; compiled with every other table by ./compiles.test.ts.
 */
import { schema } from "../../helpers/inline-xsd.js";
import { block, type Case, chameleon, ex, exampleWithOther, otherWithExample } from "./helpers.js";

export const schemaDocumentCases: [string, Case][] = [
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
        block(
          "export interface OrderType {",
          "  /** Element `Line` of type `LineType`, occurs 1..* (repeated). */",
          "  Line: LineType[];",
          "}",
        ),
        block(
          "export interface LineType {",
          "  /** Element `Qty` of type `xs:decimal`, occurs 1 (required). */",
          "  Qty: string;",
          "}",
        ),
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
          "  /** Element `Party` of type `PartyType`, occurs 1 (required). */",
          "  Party: $Other.PartyType;",
          "  /** Element `Contact` of type `PartyType`, occurs 0..1 (optional). */",
          "  Contact?: $Other.PartyType;",
          "  /**",
          "   * Element `Status` of type `StatusCode`, occurs 1 (required).",
          '   * Facets: enumeration "A".',
          "   */",
          "  Status: $Other.StatusCode;",
          "}",
        ),
      ],
      wantIn: {
        "other.ts": [
          "// Namespace: urn:other",
          block(
            "export interface PartyType {",
            "  /** Element `Name` of type `xs:string`, occurs 1 (required). */",
            "  Name: string;",
            "}",
          ),
          'export type StatusCode = "A";',
          block(
            "export interface $Elements {",
            "  /** Global element `Contact` of type `PartyType`. */",
            "  Contact: PartyType;",
            "}",
          ),
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
          "  /** Attribute `listID` of type `xs:string`, optional. */",
          "  listID?: string;",
          "  /** The element's character data, of type `CodeContent`. */",
          "  value: CodeContent;",
          "}",
        ),
        "export type CodeContent = string;",
        block(
          "export interface OrderType {",
          "  /** Element `Code` of type `CodeType`, occurs 1 (required). */",
          "  Code: CodeType;",
          "  /** Element `Party` of type `PartyType`, occurs 1 (required). */",
          "  Party: $Other.PartyType;",
          "}",
        ),
      ],
      wantIn: {
        "other.ts": [
          block(
            "/** XSD complexType CodeType (urn:other); extension of CodeContent */",
            "export interface CodeType {",
            "  /** Attribute `listID` of type `xs:string`, optional. */",
            "  listID?: string;",
            "  /** The element's character data, of type `CodeContent`. */",
            "  value: CodeContent;",
            "}",
          ),
          "export type CodeContent = string;",
          block(
            "export interface PartyType {",
            "  /** Element `Code` of type `CodeType`, occurs 1 (required). */",
            "  Code: CodeType;",
            "}",
          ),
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
        block(
          "export interface AType {",
          "  /** Element `B` of type `BType`, occurs 0..1 (optional). */",
          "  B?: $Other.BType;",
          "}",
        ),
      ],
      wantIn: {
        "other.ts": [
          'import type * as $Example from "./example.js";',
          block(
            "export interface BType {",
            "  /** Element `A` of type `AType`, occurs 0..1 (optional). */",
            "  A?: $Example.AType;",
            "}",
          ),
        ],
      },
    },
  ],
];
