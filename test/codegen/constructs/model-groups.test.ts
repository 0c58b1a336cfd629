/**
 * Table-driven unit tests of the XSD → TypeScript generator for model groups (sequence, choice, repeating
 * groups, nesting normalized): a small inline schema in, the printed TypeScript (exact lines or blocks) and,
 * where it matters, the binding metadata out.
 */
import { afterAll } from "vitest";
import { cleanupInline } from "../../helpers/inline-xsd.js";
import { describeCases } from "./helpers.js";
import { modelGroupCases } from "./model-groups.cases.js";

afterAll(cleanupInline);

describeCases(modelGroupCases);
