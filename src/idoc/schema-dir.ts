/**
 * Where the project's IDoc schemas are: `xsd/idoc/` in the package (or repository) this module belongs
 * to, found from the module's URL (`src/idoc/` in the repository, `dist/idoc/` in the package: both two
 * levels below the package root, which ships `xsd/`).
 *
 * @module
 */
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The entry schema inside {@link idocSchemaDir}: every basic type the reader knows. */
export const IDOC_SCHEMA_ENTRY = "idoc.xsd";

/** Absolute path of `xsd/idoc/`. */
export function idocSchemaDir(): string {
  return path.resolve(fileURLToPath(new URL("../../xsd/idoc", import.meta.url)));
}
