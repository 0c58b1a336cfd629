/**
 * Golden tests of the IDoc → ProductionPerformance mapper: every case in fixtures/mappers/performance/
 * maps to its committed golden byte for byte; every golden document is valid against the profile (with
 * the business rules) and MESA's official V0600. Rewrite with `node scripts/update-goldens.mjs`.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { readIdoc } from "../../../src/idoc/index.js";
import { mapIdocsToProductionPerformance } from "../../../src/mappers/index.js";
import { mapIssueJson } from "../../../src/mappers/issues.js";
import { loadSchemaSet } from "../../../src/validation/schema-set-loader.js";
import { validateDocument } from "../../../src/validation/validate-document.js";
import { validateXsd } from "../../../src/validation/validate-xsd.js";
import { officialReleases, officialSetsDir, officialSetsMissing, repoRoot } from "../../helpers/paths.js";

/** A rejecting case has no golden document (its golden is expected-errors.json): nothing to validate. */
const noDocument = (_title: string, _fn: () => void) => undefined;

const goldens = path.join(repoRoot, "fixtures/mappers/performance");
const hasMesa = officialReleases().includes("V0600");
const mesa = hasMesa ? loadSchemaSet({ dir: path.join(officialSetsDir, "V0600") }) : undefined;
const readJson = (file: string, fallback?: unknown): unknown =>
  existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : fallback;
const cases = readdirSync(goldens)
  .filter((name) => existsSync(path.join(goldens, name, "input.json")))
  .sort();

interface Spec {
  idocs: string[];
  orderContext?: string;
  options?: { verb?: "Sync" | "Process" };
}

function runCase(name: string) {
  const dir = path.join(goldens, name);
  const spec = readJson(path.join(dir, "input.json")) as Spec;
  const config = readJson(
    path.join(dir, "config.json"),
    readJson(path.join(repoRoot, "fixtures/mappers/config.json")),
  );
  const inputs = spec.idocs.map((p) => ({
    name: p,
    packet: readIdoc(readFileSync(path.join(repoRoot, p)), { file: path.basename(p) }),
  }));
  return mapIdocsToProductionPerformance(inputs, config as never, {
    ...(spec.options ?? {}),
    ...(spec.orderContext === undefined
      ? {}
      : { orderContext: readIdoc(readFileSync(path.join(repoRoot, spec.orderContext))) }),
  });
}

test("PERF-MAP-095 the golden cases cover every movement type and confirmation case", () => {
  expect(cases.length).toBeGreaterThanOrEqual(9);
  const all = cases
    .map((c) => path.join(goldens, c, "expected.xml"))
    .filter((f) => existsSync(f))
    .map((f) => readFileSync(f, "utf8"))
    .join("\n");
  for (const mt of ["101", "102", "261", "262", "531", "532"])
    expect(all).toContain(`<ValueString>${mt}</ValueString>`);
  for (const marker of [
    "<SegmentState>Running",
    "<SegmentState>Completed",
    "<ValueString>Scrap",
    "<ValueString>Rework",
    "<ValueString>Reversal",
    "<PersonID",
    "CONF_ACTIVITY1",
  ])
    expect(all).toContain(marker);
});

describe.each(cases)("golden %s", (name) => {
  const golden = (file: string) => path.join(goldens, name, file);

  test("PERF-MAP-095 PERF-MAP-008 the mapping equals the committed golden, twice", () => {
    const files = ["expected.xml", "expected-errors.json"].filter((f) => existsSync(golden(f)));
    expect(files, `no golden for ${name}: run node scripts/update-goldens.mjs`).toHaveLength(1);
    const result = runCase(name);
    expect(result.warnings.map(mapIssueJson)).toEqual(readJson(golden("expected-warnings.json")));
    if (result.ok) {
      expect(result.xml).toBe(readFileSync(golden("expected.xml"), "utf8"));
      const again = runCase(name);
      expect(again.ok && again.xml).toBe(result.xml);
    } else expect(result.errors.map(mapIssueJson)).toEqual(readJson(golden("expected-errors.json")));
  });

  (existsSync(golden("expected.xml")) ? test : noDocument)(
    "PERF-MAP-095 the golden document is valid against the profile, with the business rules",
    () => {
      expect(validateXsd(readFileSync(golden("expected.xml"))).valid).toBe(true);
      expect(validateDocument(readFileSync(golden("expected.xml")), { rules: true }).issues).toEqual([]);
    },
  );

  (existsSync(golden("expected.xml")) && hasMesa ? test : noDocument)(
    "PERF-MAP-095 the golden document is valid against MESA's official V0600",
    () => {
      const result = validateXsd(readFileSync(golden("expected.xml")), {
        schemas: mesa as NonNullable<typeof mesa>,
      });
      expect(result.issues).toEqual([]);
    },
  );
});

if (!hasMesa)
  test.skip(`PERF-MAP-095 golden documents against MESA's V0600: ${officialSetsMissing}`, () => {});
