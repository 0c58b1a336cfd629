/**
 * Table-driven unit tests of the XSD → TypeScript generator for attributes, attribute groups and
 * anyAttribute: a small inline schema in, the printed TypeScript (exact lines or blocks) and, where it
 * matters, the binding metadata out.
 */
import { afterAll, describe, expect, test } from "vitest";
import { cleanupInline, generateInline, schema } from "../../helpers/inline-xsd.js";
import { attributeCases } from "./attributes.cases.js";
import { block, describeCases, metaFor } from "./helpers.js";

afterAll(cleanupInline);

describeCases(attributeCases);

describe("edge cases found by review (fixed)", () => {
  test("anyAttribute written directly in a complexType is kept (anyAttributes, metadata)", () => {
    const { files, ir } = generateInline({
      "a.xsd": schema(`
  <xs:complexType name="OpenAttrsType">
    <xs:sequence><xs:element name="ID" type="xs:string"/></xs:sequence>
    <xs:anyAttribute namespace="##other" processContents="lax"/>
  </xs:complexType>`),
    });
    expect(files.get("example.ts")).toContain(
      block(
        "export interface OpenAttrsType {",
        "  /** Element `ID` of type `xs:string`, occurs 1 (required). */",
        "  ID: string;",
        "  /** Attributes matched by `xs:anyAttribute` (namespace ##other, processContents lax), by name. */",
        "  anyAttributes?: Record<string, string>;",
        "}",
      ),
    );
    expect(metaFor(ir, "OpenAttrsType")).toMatchObject({
      anyAttribute: { prop: "anyAttributes", namespace: "##other", processContents: "lax" },
    });
  });
});
