/**
 * Construct cases: element declarations and wildcards (nillable, element references, xsd:any). Each is a
 * small inline schema in, the printed TypeScript (exact lines or blocks) and, where it matters, the binding
 * metadata out. Run by ./elements.test.ts; compiled with every other table by ./compiles.test.ts.
 */
import { schema } from "../../helpers/inline-xsd.js";
import { block, type Case, xs } from "./helpers.js";

export const elementCases: [string, Case][] = [
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
          "  /** Element `When` of type `xs:dateTime`, occurs 1 (required), nillable. */",
          "  When: string | $XsiNil;",
          "  /** Element `Many` of type `PartType`, occurs 0..* (optional, repeated), nillable. */",
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
        block(
          "export interface OpenType {",
          "  /** Element `ID` of type `xs:string`, occurs 1 (required). */",
          "  ID: string;",
          "  /** Wildcard `xs:any` (namespace ##other, processContents lax), occurs 0..* (optional, repeated): the matched elements as trees. */",
          "  any?: $AnyElement[];",
          "}",
        ),
        block(
          "export interface AnyOneType {",
          "  /** Wildcard `xs:any` (namespace ##any, processContents strict), occurs 1 (required): the matched elements as trees. */",
          "  any: $AnyElement[];",
          "}",
        ),
        block(
          "export interface AnyTypedType {",
          "  /** Element `Payload` of type `xs:anyType`, occurs 1 (required). */",
          "  Payload: $AnyElement;",
          "  /** Element `Untyped` of type `xs:anyType`, occurs 1 (required). */",
          "  Untyped: $AnyElement;",
          "}",
        ),
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
      want: [
        block(
          "export interface RefType {",
          "  /** Element `Note` of type `xs:string`, occurs 0..* (optional, repeated). */",
          "  Note?: string[];",
          '  /** Element `Count` of type `xs:int`, occurs 1 (required), nillable, default "0". */',
          "  Count: string | $XsiNil;",
          "}",
        ),
      ],
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
];
