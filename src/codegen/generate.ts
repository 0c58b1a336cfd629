/**
 * The generator pipeline, in order:
 *
 * 1. load (`xsd/load-schema-documents.ts`): files, includes, imports, chameleon includes;
 * 2. read (`xsd/read-schema-set.ts`): the XSD component model;
 * 3. collect types (`passes/collect-types.ts`): every type in schema order, anonymous ones named;
 * 4. build (`passes/build-ir.ts`): derivation, groups, facets, references checked, property names;
 * 5. emit (`emit/emit-module.ts`): one TypeScript module per namespace and an index.
 *
 * Each pass collects every problem it finds; the pipeline stops after the first pass that found any and
 * throws a {@link CodegenError} carrying all of them.
 *
 * @module
 */
import path from "node:path";
import { CodegenError, DiagnosticSink } from "./diagnostics.js";
import { emitSchemaSet } from "./emit/emit-module.js";
import type { IrSchemaSet } from "./ir/model.js";
import { buildIr } from "./passes/build-ir.js";
import { collectTypes } from "./passes/collect-types.js";
import { expandSchemaPaths, loadSchemaDocuments, type SchemaDocument } from "./xsd/load-schema-documents.js";
import type { XsdSchemaSet } from "./xsd/model.js";
import { readSchemaSet } from "./xsd/read-schema-set.js";

export interface GenerateOptions {
  /** The module specifier generated code imports the runtime contract types from. Default `b2mml/binding`. */
  readonly runtimeImport?: string;
}

export interface SchemaModel {
  readonly documents: readonly SchemaDocument[];
  readonly set: XsdSchemaSet;
}

export interface GenerateResult extends SchemaModel {
  readonly ir: IrSchemaSet;
  /** File name (relative to the output folder) → content. */
  readonly files: ReadonlyMap<string, string>;
}

/** Loads and reads a schema set (passes 1–2): the project's own schema reader. */
export function readSchemas(inputs: readonly string[]): SchemaModel {
  const sink = new DiagnosticSink();
  const entries = expandSchemaPaths(inputs);
  if (entries.length === 0)
    throw new CodegenError([{ code: "NO_SCHEMA_FILES", message: `no .xsd file in ${inputs.join(", ")}` }]);
  const documents = loadSchemaDocuments(entries, sink);
  sink.throwIfAny();
  const set = readSchemaSet(documents, sink);
  sink.throwIfAny();
  return { documents, set };
}

/** Runs the whole pipeline over files or folders of `.xsd` files. */
export function generate(inputs: readonly string[], options: GenerateOptions = {}): GenerateResult {
  const model = readSchemas(inputs);
  const sink = new DiagnosticSink();
  const collected = collectTypes(model.set);
  const ir = buildIr(model.set, collected, sink);
  sink.throwIfAny();
  const sourceFiles = [...new Set(model.documents.map((d) => path.basename(d.file)))];
  const files = emitSchemaSet(ir, {
    sourceFiles,
    ...(options.runtimeImport !== undefined ? { runtimeImport: options.runtimeImport } : {}),
  });
  return { ...model, ir, files };
}
