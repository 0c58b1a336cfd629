/**
 * The generator pipeline: the passes of `PASSES` (`pass-list.ts`), in the order listed there: load
 * and read the schema set, collect and name its types, build the intermediate model, emit one TypeScript
 * module per namespace and an index.
 *
 * Each pass collects every problem it finds; the pipeline stops after the first halting pass that finds
 * any and throws a `CodegenError` carrying all of them.
 *
 * @module
 */
import { DiagnosticSink } from "./diagnostics.js";
import type { IrSchemaSet } from "./ir/model.js";
import { type PipelineState, runPasses } from "./pass-list.js";
import type { SchemaDocument } from "./xsd/load-schema-documents.js";
import type { XsdSchemaSet } from "./xsd/model.js";

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

function produced<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`internal: the pipeline ended without ${what}`);
  return value;
}

/** Loads and reads a schema set (the passes through `read-schema-set`): the project's own schema reader. */
export function readSchemas(inputs: readonly string[]): SchemaModel {
  const state: PipelineState = { inputs, sink: new DiagnosticSink() };
  runPasses(state, "read-schema-set");
  return { documents: produced(state.documents, "documents"), set: produced(state.set, "a schema set") };
}

/** Runs the whole pipeline over files or folders of `.xsd` files. */
export function generate(inputs: readonly string[], options: GenerateOptions = {}): GenerateResult {
  const state: PipelineState = {
    inputs,
    sink: new DiagnosticSink(),
    ...(options.runtimeImport !== undefined ? { runtimeImport: options.runtimeImport } : {}),
  };
  runPasses(state);
  return {
    documents: produced(state.documents, "documents"),
    set: produced(state.set, "a schema set"),
    ir: produced(state.ir, "an intermediate model"),
    files: produced(state.files, "files"),
  };
}
