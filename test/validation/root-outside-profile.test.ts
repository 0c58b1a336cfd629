/**
 * A valid V0600 document outside the built-in profile (issue #18): validated against the profile, the
 * `XSD_NO_ROOT_DECLARATION` issue says that the root is not one of the profile's (and lists them) and how to
 * validate it (`--schemas <folder of the official V0600 set>`). The fixture is proved valid against MESA's
 * V0600 by the library and by native xmllint.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadSchemaSet, validateDocument, validateXsd } from "../../src/validation/index.js";
import {
  disposeValidators,
  loadMesaV0600,
  mesaV0600Dir,
  sharedAvailable,
} from "../helpers/libxml2-schema.js";
import { repoRoot } from "../helpers/paths.js";

const file = path.join(
  repoRoot,
  "fixtures/b2mml-v0600/outside-profile/sync-material-definition/document.xml",
);
const bytes = fs.readFileSync(file);
const xmllint = spawnSync("xmllint", ["--version"]).status === 0;

afterAll(() => disposeValidators());

const PROFILE_ROOTS = [
  "AcknowledgeProductionPerformance",
  "AcknowledgeProductionSchedule",
  "CancelProductionPerformance",
  "CancelProductionSchedule",
  "ChangeProductionPerformance",
  "ChangeProductionSchedule",
  "GetProductionPerformance",
  "GetProductionSchedule",
  "ProcessProductionPerformance",
  "ProcessProductionSchedule",
  "ProductionPerformance",
  "ProductionRequest",
  "ProductionResponse",
  "ProductionSchedule",
  "RespondProductionPerformance",
  "RespondProductionSchedule",
  "ShowProductionPerformance",
  "ShowProductionSchedule",
  "SyncProductionPerformance",
  "SyncProductionSchedule",
];

describe("a V0600 MaterialDefinition against the built-in profile", () => {
  it("the profile knows its roots", () => {
    expect(loadSchemaSet("profile").roots).toEqual(PROFILE_ROOTS);
  });

  it("the issue says the root is outside the profile, lists its roots and how to validate it", () => {
    const result = validateXsd(bytes, { file });
    expect(result.valid).toBe(false);
    expect(result.issues).toEqual([
      {
        code: "XSD_NO_ROOT_DECLARATION",
        severity: "error",
        origin: "xsd",
        message:
          "SyncMaterialDefinition is not a root of the built-in V0600 production profile, which declares only the " +
          "ProductionSchedule and ProductionPerformance documents (20 roots, see expected). Validate other V0600 " +
          "documents against MESA's official V0600 schema set: --schemas <folder of the official V0600 set> on the " +
          "command line, schemas: { dir: <that folder> } in validateXsd/validateDocument. (libxml2: Element " +
          "'{http://www.mesa.org/xml/B2MML-V0600}SyncMaterialDefinition': No matching global declaration " +
          "available for the validation root.)",
        line: 3,
        column: 1,
        path: "/SyncMaterialDefinition",
        expected: `a root of the built-in profile: ${PROFILE_ROOTS.join(", ")}`,
        received: "{http://www.mesa.org/xml/B2MML-V0600}SyncMaterialDefinition",
      },
    ]);
  });

  it.skipIf(!sharedAvailable)(
    "is valid against MESA's V0600 through the library (skipped without ../shared)",
    () => {
      expect(validateXsd(bytes, { schemas: loadMesaV0600(), file }).issues).toEqual([]);
      expect(validateDocument(bytes, { schemas: { dir: mesaV0600Dir }, file, rules: true }).outcome).toBe(
        "valid",
      );
    },
  );

  it.skipIf(!sharedAvailable || !xmllint)(
    "is valid against MESA's V0600 Material schema in native xmllint",
    () => {
      const run = spawnSync(
        "xmllint",
        ["--noout", "--nonet", "--schema", path.join(mesaV0600Dir, "B2MML-V0600-Material.xsd"), file],
        { encoding: "utf8" },
      );
      expect(run.stderr).toContain("validates");
      expect(run.status).toBe(0);
    },
  );
});
