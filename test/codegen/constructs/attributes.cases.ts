/**
 * Construct cases: attributes, attribute groups and anyAttribute. Each is a small inline schema in, the
 * printed TypeScript (exact lines or blocks) and, where it matters, the binding metadata out. Run by
 * ./attributes.test.ts; compiled with every other table by ./compiles.test.ts.
 */
import { schema } from "../../helpers/inline-xsd.js";
import { block, type Case, xs } from "./helpers.js";

export const attributeCases: [string, Case][] = [
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
          "  /** Attribute `req` of type `xs:string`, required. */",
          "  req: string;",
          "  /** Attribute `opt` of type `xs:int`, optional. */",
          "  opt?: string;",
          '  /** Attribute `def` of type `xs:string`, optional, default "x". */',
          "  def?: string;",
          '  /** Attribute `fix` of type `xs:string`, optional, fixed "1.0". */',
          "  fix?: string;",
          "  /** Attribute `untyped` of type `xs:anySimpleType`, optional. */",
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
          "  /** Element `X` of type `xs:string`, occurs 1 (required). */",
          "  X: string;",
          "  /** Attribute `own` of type `xs:string`, optional. */",
          "  own?: string;",
          "  /** Attribute `id` of type `xs:ID`, required. */",
          "  id: string;",
          "  /** Attribute `note` of type `xs:string`, optional. */",
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
];
