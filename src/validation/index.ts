/**
 * Validation: XSD validation through libxml2 against the built-in V0600 profile or an official B2MML
 * schema set, with issues as data.
 *
 * ```ts
 * import { loadSchemaSet, validateXsd } from "b2mml/validation";
 * const result = validateXsd(xml); // release from the root namespace; V0600 → the built-in profile
 * const official = validateXsd(xml, { schemas: { dir: "../shared/b2mml/V0600" } });
 * ```
 *
 * @module
 */

export type { IssueSource, ValidationIssue } from "./issues.js";
export { profileDir, profileEntry } from "./profile.js";
export {
  B2MML_RELEASES,
  type B2mmlRelease,
  detectRelease,
  isB2mmlRelease,
  RELEASE_NAMESPACES,
} from "./release.js";
export {
  parseRuleSelection,
  RULES,
  type Rule,
  type RuleContext,
  type RuleSelection,
  type RuleSelectionError,
  type RunRulesOptions,
  runRules,
} from "./rules/index.js";
export {
  SchemaSetError,
  type SchemaSetErrorCode,
  type SchemaSetProblem,
  type SchemaSetProblemCode,
} from "./schema-set-error.js";
export {
  disposeSchemaSets,
  loadSchemaSet,
  type SchemaSet,
  type SchemaSetSource,
} from "./schema-set-loader.js";
export {
  type DocumentValidationResult,
  type ValidateDocumentOptions,
  validateDocument,
} from "./validate-document.js";
export {
  DOCUMENT_PARSE_OPTIONS,
  type ValidateXsdOptions,
  validateXsd,
  type XsdValidationResult,
} from "./validate-xsd.js";
export { indexPaths } from "./xpath.js";
export type { XsdIssueCode } from "./xsd-issue.js";
