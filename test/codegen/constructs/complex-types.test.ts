/**
 * Table-driven unit tests of the XSD → TypeScript generator for complex types (complexContent and
 * simpleContent derivation, mixed content): a small inline schema in, the printed TypeScript (exact lines or
 * blocks) and, where it matters, the binding metadata out.
 */
import { afterAll } from "vitest";
import { cleanupInline } from "../../helpers/inline-xsd.js";
import { complexTypeCases } from "./complex-types.cases.js";
import { describeCases } from "./helpers.js";

afterAll(cleanupInline);

describeCases(complexTypeCases);
