/**
 * Construct cases: the TSDoc of every generated property (issue #12). The schema's `xsd:documentation`
 * first, then the element or attribute, its XSD type, occurrence, default/fixed value and the facets of its
 * value. Run by ./property-docs.test.ts; compiled with every other table by ./compiles.test.ts.
 */
import { schema } from "../../helpers/inline-xsd.js";
import { block, type Case } from "./helpers.js";

export const propertyDocCases: [string, Case][] = [
  [
    "an element with xsd:documentation: its paragraphs (white space collapsed, @ escaped), then the XSD facts",
    {
      given: {
        "a.xsd": schema(`
  <xs:complexType name="OrderType">
    <xs:sequence>
      <xs:element name="ID" type="xs:string">
        <xs:annotation>
          <xs:documentation>The order's   identifier,
            unique per plant.</xs:documentation>
          <xs:documentation>Mail questions to mes@example.com.</xs:documentation>
        </xs:annotation>
      </xs:element>
    </xs:sequence>
    <xs:attribute name="lang" type="xs:language" default="en">
      <xs:annotation><xs:documentation>Language of the texts.</xs:documentation></xs:annotation>
    </xs:attribute>
  </xs:complexType>
  <xs:element name="Order" type="OrderType" nillable="true">
    <xs:annotation><xs:documentation>A document root.</xs:documentation></xs:annotation>
  </xs:element>`),
      },
      want: [
        block(
          "export interface OrderType {",
          "  /**",
          "   * The order's identifier, unique per plant.",
          "   *",
          "   * Mail questions to mes\\@example.com.",
          "   *",
          "   * Element `ID` of type `xs:string`, occurs 1 (required).",
          "   */",
          "  ID: string;",
          "  /**",
          "   * Language of the texts.",
          "   *",
          '   * Attribute `lang` of type `xs:language`, optional, default "en".',
          "   */",
          "  lang?: string;",
          "}",
        ),
        block(
          "export interface $Elements {",
          "  /**",
          "   * A document root.",
          "   *",
          "   * Global element `Order` of type `OrderType`, nillable.",
          "   */",
          "  Order: OrderType | $XsiNil;",
          "}",
        ),
      ],
      notWant: ["documentation"],
    },
  ],
  [
    "an enumeration: the literal union, and the listed values in the TSDoc",
    {
      given: {
        "a.xsd": schema(`
  <xs:simpleType name="StateType">
    <xs:restriction base="xs:string">
      <xs:enumeration value="Waiting"/>
      <xs:enumeration value="Running"/>
      <xs:enumeration value="Ended"/>
    </xs:restriction>
  </xs:simpleType>
  <xs:complexType name="JobType">
    <xs:sequence><xs:element name="State" type="StateType" fixed="Running"/></xs:sequence>
  </xs:complexType>`),
      },
      want: [
        block(
          "export interface JobType {",
          "  /**",
          '   * Element `State` of type `StateType`, occurs 1 (required), fixed "Running".',
          '   * Facets: enumeration "Waiting", "Running", "Ended".',
          "   */",
          "  State: StateType;",
          "}",
        ),
      ],
    },
  ],
  [
    "occurrence: optional, repeated, bounded, and optional because of a choice or a repeating group",
    {
      given: {
        "a.xsd": schema(`
  <xs:complexType name="LotType">
    <xs:sequence>
      <xs:element name="Note" type="xs:string" minOccurs="0" maxOccurs="unbounded"/>
      <xs:element name="Label" type="xs:string" minOccurs="0"/>
      <xs:element name="Sample" type="xs:string" minOccurs="1" maxOccurs="unbounded"/>
      <xs:element name="Pair" type="xs:string" minOccurs="2" maxOccurs="2"/>
      <xs:element name="Few" type="xs:string" minOccurs="1" maxOccurs="3"/>
      <xs:choice>
        <xs:element name="Weight" type="xs:decimal"/>
        <xs:element name="Count" type="xs:int"/>
      </xs:choice>
      <xs:sequence minOccurs="0" maxOccurs="unbounded">
        <xs:element name="Key" type="xs:string"/>
      </xs:sequence>
    </xs:sequence>
  </xs:complexType>`),
      },
      want: [
        block(
          "export interface LotType {",
          "  /** Element `Note` of type `xs:string`, occurs 0..* (optional, repeated). */",
          "  Note?: string[];",
          "  /** Element `Label` of type `xs:string`, occurs 0..1 (optional). */",
          "  Label?: string;",
          "  /** Element `Sample` of type `xs:string`, occurs 1..* (repeated). */",
          "  Sample: string[];",
          "  /** Element `Pair` of type `xs:string`, occurs 2 (repeated). */",
          "  Pair: string[];",
          "  /** Element `Few` of type `xs:string`, occurs 1..3 (repeated). */",
          "  Few: string[];",
          "  /** Element `Weight` of type `xs:decimal`, occurs 1 (required); optional as part of a choice or an optional group. */",
          "  Weight?: string;",
          "  /** Element `Count` of type `xs:int`, occurs 1 (required); optional as part of a choice or an optional group. */",
          "  Count?: string;",
          "  /** Repeating sequence, occurs 0..* (optional, repeated): one item per occurrence. */",
        ),
      ],
    },
  ],
  [
    "facets: a pattern per derivation step, lengths, digits and bounds of the value's type",
    {
      given: {
        "a.xsd": schema(`
  <xs:simpleType name="CodeType">
    <xs:restriction base="xs:string">
      <xs:pattern value="[A-Z]{2}\\d+"/>
      <xs:pattern value="X-.*"/>
      <xs:minLength value="3"/>
      <xs:maxLength value="12"/>
    </xs:restriction>
  </xs:simpleType>
  <xs:simpleType name="ShortCodeType">
    <xs:restriction base="CodeType"><xs:pattern value="[^\`]*"/><xs:length value="4"/></xs:restriction>
  </xs:simpleType>
  <xs:simpleType name="AmountType">
    <xs:restriction base="xs:decimal">
      <xs:totalDigits value="9"/><xs:fractionDigits value="3"/><xs:minInclusive value="0"/>
    </xs:restriction>
  </xs:simpleType>
  <xs:complexType name="ItemType">
    <xs:sequence>
      <xs:element name="Code" type="ShortCodeType"/>
      <xs:element name="Amount" type="AmountType" nillable="true"/>
    </xs:sequence>
  </xs:complexType>`),
      },
      want: [
        block(
          "export interface ItemType {",
          "  /**",
          "   * Element `Code` of type `ShortCodeType`, occurs 1 (required).",
          "   * Facets: pattern `[A-Z]{2}\\d+` or `X-.*`; pattern `` [^`]* ``; length 4; minLength 3; maxLength 12.",
          "   */",
          "  Code: ShortCodeType;",
          "  /**",
          "   * Element `Amount` of type `AmountType`, occurs 1 (required), nillable.",
          "   * Facets: totalDigits 9; fractionDigits 3; minInclusive 0.",
          "   */",
          "  Amount: AmountType | $XsiNil;",
          "}",
        ),
      ],
    },
  ],
];
