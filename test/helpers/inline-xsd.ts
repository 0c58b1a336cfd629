/**
 * Test helper: runs the code generator over small inline schemas.
 *
 * {@link generateInline} writes the given files (file name → XSD text) into a fresh temporary folder and
 * generates from it; {@link expectDiagnostics} does the same for schemas that must fail and returns the
 * diagnostics of the thrown {@link CodegenError}. Temporary folders are removed by {@link cleanupInline}.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { SchemaModuleMeta, TypeMeta } from "../../src/binding/metadata.js";
import { type CodegenDiagnostic, CodegenError } from "../../src/codegen/diagnostics.js";
import { type GenerateResult, generate } from "../../src/codegen/generate.js";
import type { IrSchemaSet } from "../../src/codegen/ir/model.js";
import { runTsc } from "./tsc.js";

/** The XSD namespace declaration most inline schemas use. */
export const XS_NS = 'xmlns:xs="http://www.w3.org/2001/XMLSchema"';

/** A schema document in `urn:example` with elementFormDefault qualified; `body` is its content. */
export function schema(
  body: string,
  attributes = 'targetNamespace="urn:example" xmlns="urn:example"',
): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<xs:schema ${XS_NS} ${attributes} elementFormDefault="qualified">
${body}
</xs:schema>
`;
}

const tempDirs: string[] = [];

/** Writes `files` (name → text, names may contain `/`) into a new temporary folder; returns it. */
export function writeSchemaFiles(files: Readonly<Record<string, string>>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "b2mml-inline-xsd-"));
  tempDirs.push(dir);
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(dir, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  return dir;
}

export interface InlineResult {
  readonly dir: string;
  readonly files: ReadonlyMap<string, string>;
  readonly ir: IrSchemaSet;
  readonly result: GenerateResult;
}

/**
 * Generates from inline schemas. `entries` names the entry files inside the folder; without it the whole
 * folder is the input.
 */
export function generateInline(
  given: Readonly<Record<string, string>>,
  entries?: readonly string[],
): InlineResult {
  const dir = writeSchemaFiles(given);
  const inputs = entries ? entries.map((e) => path.join(dir, e)) : [dir];
  const result = generate(inputs);
  return { dir, files: result.files, ir: result.ir, result };
}

/** Generates and expects a {@link CodegenError}; returns its diagnostics (fails the test otherwise). */
export function expectDiagnostics(
  given: Readonly<Record<string, string>>,
  entries?: readonly string[],
): { dir: string; diagnostics: readonly CodegenDiagnostic[] } {
  const dir = writeSchemaFiles(given);
  const inputs = entries ? entries.map((e) => path.join(dir, e)) : [dir];
  try {
    generate(inputs);
  } catch (error) {
    if (error instanceof CodegenError) return { dir, diagnostics: error.diagnostics };
    throw error;
  }
  throw new Error("expected generate() to throw a CodegenError, but it succeeded");
}

/** The metadata of one type, looked up in the IR by namespace and name, without source positions. */
export function typeMeta(ir: IrSchemaSet, ns: string | null, name: string): TypeMeta | undefined {
  const t = ir.namespaces.find((n) => n.namespace === ns)?.types.find((x) => x.name === name);
  return t === undefined ? undefined : (stripSources(t) as TypeMeta);
}

/** A deep copy without `source` keys (the IR keeps source locations; metadata does not). */
export function stripSources(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripSources);
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (k !== "source") out[k] = stripSources(v);
    return out;
  }
  return value;
}

/** The module metadata as emitted (types and elements of one namespace), without sources. */
export function moduleMeta(ir: IrSchemaSet, ns: string | null): SchemaModuleMeta | undefined {
  const n = ir.namespaces.find((x) => x.namespace === ns);
  if (!n) return undefined;
  const types: Record<string, TypeMeta> = {};
  for (const t of n.types) types[t.name] = stripSources(t) as TypeMeta;
  const elements: SchemaModuleMeta["elements"] = Object.fromEntries(
    n.elements.map((e) => [e.name, stripSources(e) as SchemaModuleMeta["elements"][string]]),
  );
  return { namespace: ns, types, elements };
}

/** Removes every temporary folder made so far. */
export function cleanupInline(): void {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/**
 * Type-checks generated files with `tsc` (strict, exactOptionalPropertyTypes, noUncheckedIndexedAccess,
 * NodeNext, `b2mml/binding` mapped to the project's runtime contract). Each output goes into a folder of
 * its own; returns tsc's exit status and output.
 */
export function compileGenerated(outputs: readonly ReadonlyMap<string, string>[]): {
  status: number;
  output: string;
} {
  const root = mkdtempSync(path.join(os.tmpdir(), "b2mml-inline-tsc-"));
  tempDirs.push(root);
  const folders = outputs.map((files, i) => {
    const folder = `out${String(i).padStart(2, "0")}`;
    mkdirSync(path.join(root, folder));
    for (const [name, text] of files) writeFileSync(path.join(root, folder, name), text);
    return folder;
  });
  return runTsc(root, folders);
}
