/**
 * Table-driven unit tests of the XSD → TypeScript generator for type names (anonymous types named by their
 * place, reserved words, names that clash in TypeScript): a small inline schema in, the printed TypeScript
 * (exact lines or blocks) and, where it matters, the binding metadata out.
 */
import { afterAll, describe, test } from "vitest";
import { cleanupInline, schema } from "../../helpers/inline-xsd.js";
import { compilesOrIsReported, describeCases, exampleWithOther } from "./helpers.js";
import { typeNameCases } from "./type-names.cases.js";

afterAll(cleanupInline);

describeCases(typeNameCases);

describe("edge cases found by review (fixed)", () => {
  test("two XSD names that map to the same TypeScript identifier (A-B, A_B)", () => {
    compilesOrIsReported({
      "a.xsd": schema(`
  <xs:simpleType name="A-B"><xs:restriction base="xs:string"/></xs:simpleType>
  <xs:simpleType name="A_B"><xs:restriction base="xs:int"/></xs:simpleType>`),
    });
  });

  test("a schema type named like a runtime contract type (XsiNil)", () => {
    compilesOrIsReported({
      "a.xsd": schema(`
  <xs:complexType name="XsiNil">
    <xs:sequence><xs:element name="N" type="xs:string" nillable="true"/></xs:sequence>
  </xs:complexType>`),
    });
  });

  test("a schema type named like the import alias of another namespace module (Other)", () => {
    compilesOrIsReported(
      {
        "a.xsd": schema(
          `
  <xs:import namespace="urn:other" schemaLocation="o.xsd"/>
  <xs:complexType name="Other">
    <xs:sequence><xs:element name="O" type="o:OType"/></xs:sequence>
  </xs:complexType>`,
          exampleWithOther,
        ),
        "o.xsd": schema(`<xs:complexType name="OType"/>`, 'targetNamespace="urn:other"'),
      },
      ["a.xsd"],
    );
  });
});
