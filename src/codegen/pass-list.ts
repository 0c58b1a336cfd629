/**
 * The generator's passes, in the order they run, as data. Each pass names what it needs and what it
 * guarantees; a test holds the list consistent (every need guaranteed by an earlier pass) and equal to the
 * pipeline table of `docs/codegen.md`. `generate` runs the whole list, `readSchemas` its first
 * passes.
 *
 * Every pass reports the problems it finds into one sink. A pass that *halts* stops the pipeline when any
 * problem was reported so far, with a `CodegenError` carrying all of them: loading and reading halt
 * (what follows would only repeat their problems), the build passes report together and halt after the
 * last of them, so that emitting only ever sees a schema set without known faults.
 *
 * @module
 */
import path from "node:path";
import type { DiagnosticSink } from "./diagnostics.js";
import { emitSchemaSet } from "./emit/emit-module.js";
import type { IrSchemaSet } from "./ir/model.js";
import { assignPropertyNames } from "./passes/assign-property-names.js";
import type { BuildContext } from "./passes/build-context.js";
import { buildElementDeclarations } from "./passes/build-element-declarations.js";
import { buildTypes } from "./passes/build-types.js";
import { checkUnreferencedDefinitions } from "./passes/check-unreferenced-definitions.js";
import { type CollectedType, collectTypes } from "./passes/collect-types.js";
import { type NamedTypes, nameAnonymousTypes } from "./passes/name-anonymous-types.js";
import { expandSchemaPaths, loadSchemaDocuments, type SchemaDocument } from "./xsd/load-schema-documents.js";
import type { XsdSchemaSet } from "./xsd/model.js";
import { readSchemaSet } from "./xsd/read-schema-set.js";

/** What a pass can need and guarantee. */
export const FACTS = [
  "entry-files",
  "schema-documents",
  "component-model",
  "type-order",
  "anonymous-type-names",
  "intermediate-types",
  "property-names",
  "element-declarations",
  "every-reference-checked",
  "typescript-modules",
] as const;
export type Fact = (typeof FACTS)[number];

/** What the passes hand on to each other: the caller's inputs, one diagnostic sink, each pass's product. */
export interface PipelineState {
  readonly inputs: readonly string[];
  /** The module specifier generated code imports the runtime contract from; emit's default when absent. */
  readonly runtimeImport?: string;
  readonly sink: DiagnosticSink;
  entries?: readonly string[];
  documents?: readonly SchemaDocument[];
  set?: XsdSchemaSet;
  collected?: readonly CollectedType[];
  named?: NamedTypes;
  ir?: IrSchemaSet;
  files?: ReadonlyMap<string, string>;
}

type Product = "entries" | "documents" | "set" | "collected" | "named" | "ir" | "files";

export interface Pass {
  readonly name: string;
  /** The module that does the work, relative to `src/codegen/`. */
  readonly module: string;
  readonly needs: readonly Fact[];
  readonly guarantees: readonly Fact[];
  /** Stops the pipeline after this pass when any problem has been reported so far. */
  readonly halts: boolean;
  readonly run: (state: PipelineState) => void;
}

/** A pass's product that an earlier pass provides; its absence is a bug in the pass list. */
function take<K extends Product>(state: PipelineState, key: K): NonNullable<PipelineState[K]> {
  const value = state[key];
  if (value === undefined) throw new Error(`internal: ${key} is needed before a pass has provided it`);
  return value as NonNullable<PipelineState[K]>;
}

function contextOf(state: PipelineState): BuildContext {
  return { set: take(state, "set"), anonymousNames: take(state, "named").anonymousNames, sink: state.sink };
}

export const PASSES = [
  {
    name: "expand-schema-paths",
    module: "xsd/load-schema-documents.ts",
    needs: [],
    guarantees: ["entry-files"],
    halts: true,
    run: (state) => {
      const entries = expandSchemaPaths(state.inputs);
      if (entries.length === 0)
        state.sink.report({ code: "NO_SCHEMA_FILES", message: `no .xsd file in ${state.inputs.join(", ")}` });
      state.entries = entries;
    },
  },
  {
    name: "load-schema-documents",
    module: "xsd/load-schema-documents.ts",
    needs: ["entry-files"],
    guarantees: ["schema-documents"],
    halts: true,
    run: (state) => {
      state.documents = loadSchemaDocuments(take(state, "entries"), state.sink);
    },
  },
  {
    name: "read-schema-set",
    module: "xsd/read-schema-set.ts",
    needs: ["schema-documents"],
    guarantees: ["component-model"],
    halts: true,
    run: (state) => {
      state.set = readSchemaSet(take(state, "documents"), state.sink);
    },
  },
  {
    name: "collect-types",
    module: "passes/collect-types.ts",
    needs: ["component-model"],
    guarantees: ["type-order"],
    halts: false,
    run: (state) => {
      state.collected = collectTypes(take(state, "set"));
    },
  },
  {
    name: "name-anonymous-types",
    module: "passes/name-anonymous-types.ts",
    needs: ["component-model", "type-order"],
    guarantees: ["anonymous-type-names"],
    halts: false,
    run: (state) => {
      state.named = nameAnonymousTypes(take(state, "set"), take(state, "collected"));
    },
  },
  {
    name: "build-types",
    module: "passes/build-types.ts",
    needs: ["component-model", "type-order", "anonymous-type-names"],
    guarantees: ["intermediate-types"],
    halts: false,
    run: (state) => {
      state.ir = buildTypes(contextOf(state), take(state, "named").ordered);
    },
  },
  {
    name: "assign-property-names",
    module: "passes/assign-property-names.ts",
    needs: ["intermediate-types"],
    guarantees: ["property-names"],
    halts: false,
    run: (state) => {
      for (const type of take(state, "ir").typeIndex.values())
        if (type.kind === "complex") assignPropertyNames(type, state.sink);
    },
  },
  {
    name: "build-element-declarations",
    module: "passes/build-element-declarations.ts",
    needs: ["component-model", "anonymous-type-names", "intermediate-types"],
    guarantees: ["element-declarations"],
    halts: false,
    run: (state) => buildElementDeclarations(contextOf(state), take(state, "ir")),
  },
  {
    name: "check-unreferenced-definitions",
    module: "passes/check-unreferenced-definitions.ts",
    needs: ["component-model", "anonymous-type-names", "intermediate-types", "element-declarations"],
    guarantees: ["every-reference-checked"],
    halts: true,
    run: (state) => checkUnreferencedDefinitions(contextOf(state)),
  },
  {
    name: "emit-modules",
    module: "emit/emit-module.ts",
    needs: [
      "schema-documents",
      "intermediate-types",
      "property-names",
      "element-declarations",
      "every-reference-checked",
    ],
    guarantees: ["typescript-modules"],
    halts: false,
    run: (state) => {
      const sourceFiles = [...new Set(take(state, "documents").map((d) => path.basename(d.file)))];
      state.files = emitSchemaSet(take(state, "ir"), {
        sourceFiles,
        ...(state.runtimeImport !== undefined ? { runtimeImport: state.runtimeImport } : {}),
      });
    },
  },
] as const satisfies readonly Pass[];

export type PassName = (typeof PASSES)[number]["name"];

/**
 * Runs the passes in order, through `last` (default: all of them). Throws a `CodegenError` with
 * every problem reported so far when a halting pass finds the sink not empty.
 */
export function runPasses(state: PipelineState, last?: PassName): void {
  for (const pass of PASSES as readonly Pass[]) {
    pass.run(state);
    if (pass.halts) state.sink.throwIfAny();
    if (pass.name === last) return;
  }
}
