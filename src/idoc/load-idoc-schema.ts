/**
 * The reader's schema extended by the user's own IDoc definitions (Z-segments, fields of newer releases),
 * read at run time from a folder of XSD files in the shape of `xsd/idoc` (no namespace; the SAP data types
 * of `xsd/idoc/sap-data-types.xsd`, `CHAR10`, `QUAN13_3` …, used by name without an include):
 *
 * - a complex type named like a segment of the project's schemas (`E1AFKOL`, `E1RESBL`) adds its fields
 *   and child segments to that segment, wherever the segment is declared (the position of an added child
 *   segment is not checked);
 * - any other complex type (`Z1AFKOL_GMP`) is a segment of its own, known wherever a parent declares it.
 *
 * The files are read with the project's own schema reader (the code generator's passes 1–4); a problem in
 * them is an {@link IdocSchemaError} naming the file, line and column. Strict validation (`strict: true`)
 * still validates against the project's schemas only.
 *
 * @module
 */
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import type { TypeMeta } from "../binding/metadata.js";
import { CodegenError, formatDiagnostic } from "../codegen/diagnostics.js";
import { generate } from "../codegen/generate.js";
import { $schema } from "../generated/idoc/no-namespace.js";
import { buildIdocSchema, type IdocSchema } from "./idoc-schema.js";
import { idocSchemaDir } from "./schema-dir.js";

/** The user's IDoc definitions cannot be read; `problems` as `file:line:column: code message`. */
export class IdocSchemaError extends Error {
  override readonly name = "IdocSchemaError";
  readonly code = "IDOC_SCHEMA_INVALID";
  constructor(
    readonly folder: string,
    readonly problems: readonly string[],
  ) {
    super(`${folder}: the IDoc definitions cannot be read:\n${problems.join("\n")}`);
  }
}

/**
 * The project's IDoc schema plus the definitions in `folder` (every `*.xsd` in it, not recursive).
 *
 * @throws {@link IdocSchemaError} when the folder has no XSD file or a file cannot be read
 */
export function loadIdocSchema(folder: string): IdocSchema {
  const dir = path.resolve(folder);
  let files: string[];
  try {
    files = readdirSync(dir)
      .filter((f) => f.endsWith(".xsd") && statSync(path.join(dir, f)).isFile())
      .sort()
      .map((f) => path.join(dir, f));
  } catch (error) {
    throw new IdocSchemaError(dir, [
      `cannot read the folder (${(error as NodeJS.ErrnoException).code ?? error})`,
    ]);
  }
  if (files.length === 0) throw new IdocSchemaError(dir, ["no .xsd file in the folder"]);
  let types: readonly TypeMeta[];
  try {
    const ir = generate([path.join(idocSchemaDir(), "sap-data-types.xsd"), ...files]).ir;
    types = ir.namespaces.flatMap((ns) => ns.types) as unknown as readonly TypeMeta[];
  } catch (error) {
    if (error instanceof CodegenError)
      throw new IdocSchemaError(dir, error.diagnostics.map(formatDiagnostic));
    throw error;
  }
  const merged: Record<string, TypeMeta> = { ...$schema.types };
  const additions: { name: string; type: string }[] = [];
  for (const type of types) {
    if (type.kind !== "complex") {
      if (!Object.hasOwn(merged, type.name)) merged[type.name] = type;
      continue;
    }
    // a user type named like a project type (E1RESBL) is kept apart, so the project's stays as it is
    const key = Object.hasOwn($schema.types, type.name) ? `${type.name}@user` : type.name;
    merged[key] = type;
    additions.push({ name: type.name, type: key });
  }
  return buildIdocSchema(merged, $schema.elements, additions);
}
