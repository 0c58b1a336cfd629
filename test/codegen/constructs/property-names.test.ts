/**
 * Table-driven unit tests of the XSD → TypeScript generator for property names (the same element twice, an
 * attribute named like an element): a small inline schema in, the printed TypeScript (exact lines or blocks)
 * and, where it matters, the binding metadata out.
 */
import { afterAll } from "vitest";
import { cleanupInline } from "../../helpers/inline-xsd.js";
import { describeCases } from "./helpers.js";
import { propertyNameCases } from "./property-names.cases.js";

afterAll(cleanupInline);

describeCases(propertyNameCases);
