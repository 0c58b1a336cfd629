/**
 * Construct cases: complex types (complexContent and simpleContent derivation, mixed content). Each is a
 * small inline schema in, the printed TypeScript (exact lines or blocks) and, where it matters, the binding
 * metadata out. Run by ./complex-types.test.ts; compiled with every other table by ./compiles.test.ts.
 */
import { schema } from "../../helpers/inline-xsd.js";
import { block, type Case, ex, xs } from "./helpers.js";

export const complexTypeCases: [string, Case][] = [
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
          "  /** Element `ID` of type `xs:string`, occurs 1 (required). */",
          "  ID: string;",
          "  /** Element `Description` of type `xs:string`, occurs 0..1 (optional). */",
          "  Description?: string;",
          "  /** Element `Extra` of type `xs:int`, occurs 0..1 (optional). */",
          "  Extra?: string;",
          "  /** Attribute `lang` of type `xs:language`, optional. */",
          "  lang?: string;",
          "  /** Attribute `version` of type `xs:string`, required. */",
          "  version: string;",
          "  /** Attribute `flag` of type `xs:boolean`, optional. */",
          "  flag?: string;",
          "}",
        ),
        block(
          "export interface ExtOfExtType {",
          "  /** Element `ID` of type `xs:string`, occurs 1 (required). */",
          "  ID: string;",
          "  /** Element `Description` of type `xs:string`, occurs 0..1 (optional). */",
          "  Description?: string;",
          "  /** Element `Extra` of type `xs:int`, occurs 0..1 (optional). */",
          "  Extra?: string;",
          "  /** Attribute `lang` of type `xs:language`, optional. */",
          "  lang?: string;",
          "  /** Attribute `version` of type `xs:string`, required. */",
          "  version: string;",
          "  /** Attribute `flag` of type `xs:boolean`, optional. */",
          "  flag?: string;",
          "  /** Attribute `more` of type `xs:string`, required. */",
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
          "  /** Element `ID` of type `xs:string`, occurs 1 (required). */",
          "  ID: string;",
          "  /** Attribute `version` of type `xs:string`, required. */",
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
          "  /** Attribute `currencyID` of type `xs:string`, required. */",
          "  currencyID: string;",
          "  /** The element's character data, of type `xs:decimal`. */",
          "  value: string;",
          "}",
        ),
        block(
          "/** XSD complexType PriceType (urn:example); extension of AmountType */",
          "export interface PriceType {",
          "  /** Attribute `currencyID` of type `xs:string`, required. */",
          "  currencyID: string;",
          "  /** Attribute `per` of type `xs:string`, optional. */",
          "  per?: string;",
          "  /** The element's character data, of type `xs:decimal`. */",
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
          "  /** Attribute `listID` of type `xs:string`, optional. */",
          "  listID?: string;",
          "  /**",
          "   * The element's character data, of type `xs:string`.",
          '   * Facets: enumeration "Open", "Closed"; maxLength 6.',
          "   */",
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
          "  /** Element `b` of type `xs:string`, occurs 0..* (optional, repeated). */",
          "  b?: string[];",
          "  /** Attribute `lang` of type `xs:string`, optional. */",
          "  lang?: string;",
          "  /** Character data between the child elements (mixed content), in document order. */",
          "  $text?: string[];",
          "}",
        ),
      ],
      wantMeta: { MixedType: { mixed: true, content: { particles: [{ name: "b" }] } } },
    },
  ],
];
