/**
 * Construct cases: type names (anonymous types named by their place, reserved words, names that clash in
 * TypeScript). Each is a small inline schema in, the printed TypeScript (exact lines or blocks) and, where it
 * matters, the binding metadata out. Run by ./type-names.test.ts; compiled with every other table by
 * ./compiles.test.ts.
 */
import { schema } from "../../helpers/inline-xsd.js";
import { block, type Case, ex, xs } from "./helpers.js";

export const typeNameCases: [string, Case][] = [
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
        block(
          "export interface ProcessXType {",
          "  /** Element `DataArea` of type `ProcessXType_DataArea`, occurs 1 (required). */",
          "  DataArea: ProcessXType_DataArea;",
          "}",
        ),
        block(
          "/** XSD anonymous complexType, named by its place: ProcessXType_DataArea (urn:example) */",
          "export interface ProcessXType_DataArea {",
          "  /** Element `Process` of type `xs:string`, occurs 1 (required). */",
          "  Process: string;",
          "  /** Element `Inner` of type `ProcessXType_DataArea_Inner`, occurs 0..1 (optional). */",
          "  Inner?: ProcessXType_DataArea_Inner;",
          "}",
        ),
        block(
          "export interface ProcessXType_DataArea_Inner {",
          "  /** Attribute `n` of type `xs:int`, optional. */",
          "  n?: string;",
          "}",
        ),
        block(
          "export interface E_Type {",
          "  /** Element `V` of type `xs:string`, occurs 1 (required). */",
          "  V: string;",
          "}",
        ),
        block(
          "export interface $Elements {",
          "  /** Global element `E` of type `E_Type`. */",
          "  E: E_Type;",
          "}",
        ),
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
        block(
          "export interface JobType {",
          "  /**",
          "   * Element `Priority` of type `JobType_Priority`, occurs 1 (required).",
          "   * Facets: minInclusive 1; maxInclusive 9.",
          "   */",
          "  Priority: JobType_Priority;",
          "  /**",
          "   * Attribute `mode` of type `JobType_mode`, required.",
          '   * Facets: enumeration "fast", "slow".',
          "   */",
          "  mode: JobType_mode;",
          "}",
        ),
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
        block(
          "export interface class_ {",
          "  /**",
          "   * Element `S` of type `string`, occurs 1 (required).",
          "   * Facets: maxLength 3.",
          "   */",
          "  S: string_;",
          "  /** Element `T` of type `xs:string`, occurs 1 (required). */",
          "  T: string;",
          "}",
        ),
        block(
          "export interface $Elements {",
          "  /** Global element `Class` of type `class`. */",
          "  Class: class_;",
          "}",
        ),
      ],
      wantMeta: { string: { name: "string" }, class: { name: "class" } },
    },
  ],
];
