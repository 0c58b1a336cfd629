/**
 * The built-in schema set: the project's own V0600 production profile, shipped in the package as
 * `xsd/b2mml-v0600/`. Found from this module's URL, which is `src/validation/` in the repository and
 * `dist/validation/` in the package: both are two levels below the package root.
 *
 * @module
 */
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The profile's entry schema, inside {@link profileDir}. */
export const profileEntry = "b2mml-v0600-production.xsd";

/** Absolute path of `xsd/b2mml-v0600/` in the package (or repository) this module belongs to. */
export function profileDir(): string {
  return path.resolve(fileURLToPath(new URL("../../xsd/b2mml-v0600", import.meta.url)));
}
