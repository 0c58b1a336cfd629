/**
 * The TypeScript generated for every construct case (every table of ./*.cases.ts) compiles under strict tsc.
 */
import { afterAll, describe, expect, test } from "vitest";
import { cleanupInline, compileGenerated, generateInline } from "../../helpers/inline-xsd.js";
import { attributeCases } from "./attributes.cases.js";
import { complexTypeCases } from "./complex-types.cases.js";
import { elementCases } from "./elements.cases.js";
import { modelGroupCases } from "./model-groups.cases.js";
import { namedGroupCases } from "./named-groups.cases.js";
import { propertyDocCases } from "./property-docs.cases.js";
import { propertyNameCases } from "./property-names.cases.js";
import { schemaDocumentCases } from "./schema-documents.cases.js";
import { simpleTypeCases } from "./simple-types.cases.js";
import { typeNameCases } from "./type-names.cases.js";

afterAll(cleanupInline);

/** Every construct case of every table. */
const cases = [
  ...modelGroupCases,
  ...namedGroupCases,
  ...elementCases,
  ...complexTypeCases,
  ...attributeCases,
  ...schemaDocumentCases,
  ...typeNameCases,
  ...simpleTypeCases,
  ...propertyNameCases,
  ...propertyDocCases,
];

describe("generated TypeScript compiles", () => {
  test("every case above (two namespaces, chameleons, a circular import …) under strict tsc", () => {
    const outputs = cases.map(([, c]) => generateInline(c.given, c.entries).files);
    const result = compileGenerated(outputs);
    expect(result.output).toBe("");
    expect(result.status).toBe(0);
  });

  test("the check is not vacuous: tsc fails on broken code", () => {
    const result = compileGenerated([new Map([["index.ts", "export const x: number = 'no';\n"]])]);
    expect(result.status).not.toBe(0);
    expect(result.output).toContain("TS2322");
  });
});
