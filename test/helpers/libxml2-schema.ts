/**
 * Test helper: a thin wrapper over the library's validation engine (`src/validation/`) for tests that
 * need the official V0600 set or the profile and a reason to skip when `../shared` is absent.
 */
import fs from "node:fs";
import path from "node:path";
import { disposeSchemaSets, loadSchemaSet, type SchemaSet } from "../../src/validation/index.js";
import { officialSetsDir } from "./paths.js";

/** MESA's official V0600 schema set: reference data beside the repository (`../shared/b2mml/V0600`). */
export const mesaV0600Dir = path.join(officialSetsDir, "V0600");

/** True when MESA's V0600 set is present next to the repository (`../shared/b2mml/V0600`). */
export const sharedAvailable = fs.existsSync(path.join(mesaV0600Dir, "B2MML-V0600-ProductionSchedule.xsd"));

/** Why tests against MESA's schemas are skipped, for test titles. */
export const sharedMissingReason = `MESA V0600 schemas not found at ${mesaV0600Dir}`;

/** MESA's official V0600 set with every document root (needs {@link sharedAvailable}). */
export function loadMesaV0600(): SchemaSet {
  if (!sharedAvailable) throw new Error(sharedMissingReason);
  return loadSchemaSet({ dir: mesaV0600Dir });
}

/** The project's own V0600 production profile (`xsd/b2mml-v0600/`). */
export function loadProfileV0600(): SchemaSet {
  return loadSchemaSet("profile");
}

/** Free every cached compiled schema set (call from `afterAll`). */
export function disposeValidators(): void {
  disposeSchemaSets();
}
