/**
 * Construct cases: property names (the same element twice, an attribute named like an element). Each is a
 * small inline schema in, the printed TypeScript (exact lines or blocks) and, where it matters, the binding
 * metadata out. Run by ./property-names.test.ts; compiled with every other table by ./compiles.test.ts.
 */
import { schema } from "../../helpers/inline-xsd.js";
import { block, type Case } from "./helpers.js";

export const propertyNameCases: [string, Case][] = [
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
        block(
          "export interface TwiceType {",
          "  /** Element `A` of type `xs:string`, occurs 1 (required). */",
          "  A: string[];",
          "  /** Element `B` of type `xs:string`, occurs 1 (required). */",
          "  B: string;",
          "}",
        ),
        block(
          "export interface TwiceOptionalType {",
          "  /** Element `A` of type `xs:string`, occurs 0..1 (optional). */",
          "  A?: string[];",
          "}",
        ),
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
        block(
          "export interface ClashType {",
          "  /** Element `name` of type `xs:string`, occurs 1 (required). */",
          "  name: string;",
          "  /** Attribute `name` of type `xs:string`, optional. */",
          '  "@name"?: string;',
          "}",
        ),
        block(
          "export interface ValueClashType {",
          "  /** Attribute `value` of type `xs:string`, optional. */",
          "  value?: string;",
          "  /** The element's character data, of type `xs:string`. */",
          "  $value: string;",
          "}",
        ),
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
];
