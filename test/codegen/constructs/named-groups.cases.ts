/**
 * Construct cases: named model groups (xsd:group ref with occurrence, empty extension groups). Each is a
 * small inline schema in, the printed TypeScript (exact lines or blocks) and, where it matters, the binding
 * metadata out. Run by ./named-groups.test.ts; compiled with every other table by ./compiles.test.ts.
 */
import { schema } from "../../helpers/inline-xsd.js";
import { block, type Case } from "./helpers.js";

export const namedGroupCases: [string, Case][] = [
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
          "  /** Element `P1` of type `xs:string`, occurs 1 (required). */",
          "  P1: string;",
          "  /** Element `P2` of type `xs:string`, occurs 0..1 (optional). */",
          "  P2?: string;",
          "  /** Element `X` of type `xs:string`, occurs 1 (required); optional as part of a choice or an optional group. */",
          "  X?: string;",
          "  /** Element `Y` of type `xs:string`, occurs 1 (required); optional as part of a choice or an optional group. */",
          "  Y?: string;",
          "  /** Element `S` of type `xs:string`, occurs 0..1 (optional). */",
          "  S?: string;",
          "}",
        ),
        block(
          "export interface RepGType {",
          "  /** Repeating sequence (group `Parts`), occurs 0..* (optional, repeated): one item per occurrence. */",
          "  Parts?: ({ P1: string; P2?: string })[];",
          "  /** Repeating choice (group `Alt`), occurs 1..* (repeated): one item per occurrence. */",
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
      want: [
        block(
          "export interface PersonType {",
          "  /** Element `ID` of type `xs:string`, occurs 1 (required). */",
          "  ID: string;",
          "}",
        ),
      ],
      notWant: ["Extensions.", "import type * as Extensions"],
      wantMeta: {
        PersonType: { content: { kind: "sequence", particles: [{ kind: "element", name: "ID" }] } },
        OnlyExtendedType: { content: null, attributes: [] },
      },
    },
  ],
];
