/**
 * Construct cases: simple types (enumerations, open enumerations, unions, lists, facets). Each is a small
 * inline schema in, the printed TypeScript (exact lines or blocks) and, where it matters, the binding
 * metadata out. Run by ./simple-types.test.ts; compiled with every other table by ./compiles.test.ts.
 */
import { schema } from "../../helpers/inline-xsd.js";
import { block, type Case, ex, xs } from "./helpers.js";

export const simpleTypeCases: [string, Case][] = [
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
          "  /** Attribute `listID` of type `xs:normalizedString`, optional. */",
          "  listID?: string;",
          "  /**",
          "   * The element's character data, of type `xs:string`.",
          '   * Facets: enumeration "Physical", "Logical", "Other".',
          "   */",
          '  value: "Physical" | "Logical" | "Other";',
          "}",
        ),
        block(
          "/** XSD complexType AssemblyTypeType (urn:example); extension of AssemblyType1Type */",
          "export interface AssemblyTypeType {",
          "  /** Attribute `listID` of type `xs:normalizedString`, optional. */",
          "  listID?: string;",
          "  /** Attribute `OtherValue` of type `xs:string`, optional. */",
          "  OtherValue?: string;",
          "  /**",
          "   * The element's character data, of type `xs:string`.",
          '   * Facets: enumeration "Physical", "Logical", "Other".',
          "   */",
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
];
