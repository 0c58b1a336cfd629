/**
 * Golden tests: every LOIPRO fixture of the reader (`fixtures/idoc/<case>/`) and the non-SAP sample map
 * to the committed golden in `fixtures/mappers/loipro/<case>/`, byte for byte; every golden document is
 * valid against the profile and against MESA's official V0600. Rewrite goldens with
 * `npm run update-goldens`, never by hand.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { readIdoc } from "../../src/idoc/index.js";
import { mapLoiproToProductionSchedule } from "../../src/mappers/index.js";
import { mapIssueJson } from "../../src/mappers/issues.js";
import { loadSchemaSet } from "../../src/validation/schema-set-loader.js";
import { validateDocument } from "../../src/validation/validate-document.js";
import { validateXsd } from "../../src/validation/validate-xsd.js";
import { officialReleases, officialSetsDir, officialSetsMissing, repoRoot } from "../helpers/paths.js";

/** A rejecting case has no golden document (its golden is expected-errors.json): nothing to validate. */
const noDocument = (_title: string, _fn: () => void) => undefined;

const goldens = path.join(repoRoot, "fixtures/mappers/loipro");
const idocFixtures = path.join(repoRoot, "fixtures/idoc");
const nonSapSample = path.resolve(repoRoot, "../shared/idoc-samples/nonsap-erp-LOIPRO05.xml");
const hasMesa = officialReleases().includes("V0600");

function cases(): { name: string; input: string }[] {
  const list: { name: string; input: string }[] = [];
  if (existsSync(idocFixtures))
    for (const name of readdirSync(idocFixtures).sort()) {
      const input = ["idoc.xml", "idoc.json"]
        .map((f) => path.join(idocFixtures, name, f))
        .find((f) => existsSync(f));
      if (input !== undefined) list.push({ name, input });
    }
  if (existsSync(nonSapSample)) list.push({ name: "nonsap-erp-loipro05", input: nonSapSample });
  // mapper-only cases: a golden folder with input.json { "idoc": "<path from the repository root>" }
  for (const name of existsSync(goldens) ? readdirSync(goldens).sort() : []) {
    const spec = path.join(goldens, name, "input.json");
    if (existsSync(spec))
      list.push({ name, input: path.join(repoRoot, JSON.parse(readFileSync(spec, "utf8")).idoc) });
  }
  return list;
}

const readJson = (file: string, fallback?: unknown): unknown =>
  existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : fallback;
const mesa = hasMesa ? loadSchemaSet({ dir: path.join(officialSetsDir, "V0600") }) : undefined;

describe.each(cases())("golden $name", ({ name, input }) => {
  const dir = path.join(goldens, name);
  const golden = (file: string) => path.join(dir, file);

  test("LOIPRO-MAP-095 the mapping equals the committed golden", () => {
    const goldenFiles = ["expected.xml", "expected-errors.json", "expected-input-error.json"].filter((f) =>
      existsSync(golden(f)),
    );
    expect(goldenFiles, `no golden for ${name}: run npm run update-goldens`).toHaveLength(1);
    let packet: ReturnType<typeof readIdoc>;
    try {
      packet = readIdoc(readFileSync(input), { file: path.basename(input) });
    } catch (error) {
      const e = error as { name: string; code?: string };
      expect({ name: e.name, code: e.code }).toEqual(readJson(golden("expected-input-error.json")));
      return;
    }
    const config = readJson(
      golden("config.json"),
      readJson(path.join(repoRoot, "fixtures/mappers/config.json")),
    );
    const options = readJson(golden("options.json"), {}) as object;
    const result = mapLoiproToProductionSchedule(packet, config as never, options);
    expect(result.warnings.map(mapIssueJson)).toEqual(readJson(golden("expected-warnings.json")));
    if (result.ok) expect(result.xml).toBe(readFileSync(golden("expected.xml"), "utf8"));
    else expect(result.errors.map(mapIssueJson)).toEqual(readJson(golden("expected-errors.json")));
  });

  (existsSync(golden("expected.xml")) ? test : noDocument)(
    "LOIPRO-MAP-095 the golden document is valid against the profile, with the business rules",
    () => {
      const result = validateDocument(readFileSync(golden("expected.xml")), { rules: true });
      expect(result.issues).toEqual([]);
    },
  );

  (existsSync(golden("expected.xml")) && hasMesa ? test : noDocument)(
    "LOIPRO-MAP-095 the golden document is valid against MESA's V0600",
    () => {
      const result = validateXsd(readFileSync(golden("expected.xml")), {
        schemas: mesa as NonNullable<typeof mesa>,
      });
      expect(result.issues).toEqual([]);
    },
  );
});

if (!hasMesa)
  test.skip(`LOIPRO-MAP-095 golden documents against MESA's V0600: ${officialSetsMissing}`, () => {});

describe("BODID across input formats", () => {
  const groups = [
    ["loipro05-tablet-plain", "loipro05-tablet-soap", "loipro05-tablet-json"],
    ["loipro01-packet", "loipro01-packet-json"],
  ];
  const bodIdOf = (name: string) => {
    const xml = path.join(goldens, name, "expected.xml");
    return existsSync(xml) ? /<BODID>([^<]*)<\/BODID>/.exec(readFileSync(xml, "utf8"))?.[1] : undefined;
  };
  test.each(groups.filter((g) => g.every((n) => existsSync(path.join(idocFixtures, n)))))(
    "LOIPRO-MAP-003 the same IDoc as plain XML, SOAP XML and JSON gives the same BODID (%s …)",
    (...names) => {
      const ids = names.map(bodIdOf);
      expect(ids[0]).toMatch(/^[^/]+\/\d+\/sha256:[0-9a-f]{64}$/);
      expect(new Set(ids).size).toBe(1);
    },
  );
});
