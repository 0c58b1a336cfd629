/**
 * The XSD → TypeScript generator: a pipeline of named passes (see {@link generate}).
 *
 * @module
 */
export type { CodegenDiagnostic, CodegenErrorCode, CodegenProblem, SourceLocation } from "./diagnostics.js";
export { CodegenError, formatDiagnostic } from "./diagnostics.js";
export type { GenerateOptions, GenerateResult, SchemaModel } from "./generate.js";
export { generate, readSchemas } from "./generate.js";
export type * from "./ir/model.js";
export type { StaleReport } from "./write-output.js";
export { checkOutput, isStale, writeOutput } from "./write-output.js";
export type { SchemaDocument } from "./xsd/load-schema-documents.js";
export type * from "./xsd/model.js";
export { clark, XS } from "./xsd/model.js";
