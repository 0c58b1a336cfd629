/**
 * Table-driven unit tests of the XSD → TypeScript generator for simple types (enumerations, open
 * enumerations, unions, lists, facets): a small inline schema in, the printed TypeScript (exact lines or
 * blocks) and, where it matters, the binding metadata out.
 */
import { afterAll, describe, expect, test } from "vitest";
import { cleanupInline, generateInline, schema } from "../../helpers/inline-xsd.js";
import { describeCases } from "./helpers.js";
import { simpleTypeCases } from "./simple-types.cases.js";

afterAll(cleanupInline);

describeCases(simpleTypeCases);

describe("edge cases found by review (fixed)", () => {
  test("a restriction of a union by enumeration is a union of its literals", () => {
    const { files } = generateInline({
      "a.xsd": schema(`
  <xs:simpleType name="UnitEnum">
    <xs:restriction base="xs:string"><xs:enumeration value="kg"/><xs:enumeration value="m"/></xs:restriction>
  </xs:simpleType>
  <xs:simpleType name="Unit"><xs:union memberTypes="UnitEnum xs:normalizedString"/></xs:simpleType>
  <xs:simpleType name="Kilo"><xs:restriction base="Unit"><xs:enumeration value="kg"/></xs:restriction></xs:simpleType>`),
    });
    expect(files.get("example.ts")).toContain('export type Kilo = "kg";');
  });
});
