/**
 * Construct cases: model groups (sequence, choice, repeating groups, nesting normalized). Each is a small
 * inline schema in, the printed TypeScript (exact lines or blocks) and, where it matters, the binding
 * metadata out. Run by ./model-groups.test.ts; compiled with every other table by ./compiles.test.ts.
 */
import { schema } from "../../helpers/inline-xsd.js";
import { block, type Case, ex, xs } from "./helpers.js";

export const modelGroupCases: [string, Case][] = [
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
          "  /** Element `Id` of type `xs:string`, occurs 1 (required). */",
          "  Id: string;",
          "  /** Element `Note` of type `xs:string`, occurs 0..1 (optional). */",
          "  Note?: string;",
          "  /** Element `Item` of type `ItemType`, occurs 0..* (optional, repeated). */",
          "  Item?: ItemType[];",
          "  /** Element `Pair` of type `xs:int`, occurs 2 (repeated). */",
          "  Pair: string[];",
          "}",
        ),
        block(
          "export interface ItemType {",
          "  /** Element `Qty` of type `xs:decimal`, occurs 1 (required). */",
          "  Qty: string;",
          "}",
        ),
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
      want: [
        block(
          "export interface ChoiceType {",
          "  /** Element `A` of type `xs:string`, occurs 1 (required); optional as part of a choice or an optional group. */",
          "  A?: string;",
          "  /** Element `B` of type `xs:int`, occurs 1..* (repeated); optional as part of a choice or an optional group. */",
          "  B?: string[];",
          "}",
        ),
      ],
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
          "  /** Element `Head` of type `xs:string`, occurs 1 (required). */",
          "  Head: string;",
          "  /** Repeating choice, occurs 0..* (optional, repeated): one item per occurrence. */",
          "  AOrBOrC?: ({ A: string } | { B: string } | { C: string[] })[];",
          "}",
        ),
        block(
          "export interface TopChoiceType {",
          "  /** Repeating choice, occurs 1..* (repeated): one item per occurrence. */",
          "  XOrY: ({ X: string } | { Y: string })[];",
          "}",
        ),
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
          "  /** Element `Head` of type `xs:string`, occurs 1 (required). */",
          "  Head: string;",
          "  /** Repeating sequence, occurs 0..* (optional, repeated): one item per occurrence. */",
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
          "  /** Element `A` of type `xs:string`, occurs 1 (required). */",
          "  A: string;",
          "  /** Element `A2` of type `xs:string`, occurs 1 (required). */",
          "  A2: string;",
          "  /** Element `B` of type `xs:string`, occurs 0..1 (optional). */",
          "  B?: string;",
          "  /** Element `C` of type `xs:string`, occurs 1 (required); optional as part of a choice or an optional group. */",
          "  C?: string;",
          "  /** Element `C2` of type `xs:string`, occurs 1 (required); optional as part of a choice or an optional group. */",
          "  C2?: string;",
          "  /** Element `D` of type `xs:string`, occurs 1 (required); optional as part of a choice or an optional group. */",
          "  D?: string;",
          "  /** Element `E` of type `xs:string`, occurs 1 (required); optional as part of a choice or an optional group. */",
          "  E?: string;",
          "  /** Element `F` of type `xs:string`, occurs 1 (required); optional as part of a choice or an optional group. */",
          "  F?: string;",
          "  /** Element `G` of type `xs:string`, occurs 1 (required); optional as part of a choice or an optional group. */",
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
];
