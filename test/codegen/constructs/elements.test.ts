/**
 * Table-driven unit tests of the XSD → TypeScript generator for element declarations and wildcards (nillable,
 * element references, xsd:any): a small inline schema in, the printed TypeScript (exact lines or blocks) and,
 * where it matters, the binding metadata out.
 */
import { afterAll } from "vitest";
import { cleanupInline } from "../../helpers/inline-xsd.js";
import { elementCases } from "./elements.cases.js";
import { describeCases } from "./helpers.js";

afterAll(cleanupInline);

describeCases(elementCases);
