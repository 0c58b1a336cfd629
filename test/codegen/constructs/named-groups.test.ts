/**
 * Table-driven unit tests of the XSD → TypeScript generator for named model groups (xsd:group ref with
 * occurrence, empty extension groups): a small inline schema in, the printed TypeScript (exact lines or
 * blocks) and, where it matters, the binding metadata out.
 */
import { afterAll } from "vitest";
import { cleanupInline } from "../../helpers/inline-xsd.js";
import { describeCases } from "./helpers.js";
import { namedGroupCases } from "./named-groups.cases.js";

afterAll(cleanupInline);

describeCases(namedGroupCases);
