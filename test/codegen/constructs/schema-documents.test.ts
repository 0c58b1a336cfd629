/**
 * Table-driven unit tests of the XSD → TypeScript generator for schema documents (include, import, chameleon
 * include, circular import): a small inline schema in, the printed TypeScript (exact lines or blocks) and,
 * where it matters, the binding metadata out.
 */
import { afterAll } from "vitest";
import { cleanupInline } from "../../helpers/inline-xsd.js";
import { describeCases } from "./helpers.js";
import { schemaDocumentCases } from "./schema-documents.cases.js";

afterAll(cleanupInline);

describeCases(schemaDocumentCases);
