/**
 * Table-driven unit tests of the XSD → TypeScript generator for the TSDoc of generated properties (documentation,
 * occurrence, type, facets): a small inline schema in, the printed TypeScript (exact lines or blocks) and,
 * where it matters, the binding metadata out.
 */
import { afterAll } from "vitest";
import { cleanupInline } from "../../helpers/inline-xsd.js";
import { describeCases } from "./helpers.js";
import { propertyDocCases } from "./property-docs.cases.js";

afterAll(cleanupInline);

describeCases(propertyDocCases);
