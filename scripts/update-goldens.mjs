// Rewrites the LOIPRO mapper goldens in fixtures/mappers/loipro/<case>/ from the built package (dist/):
// expected.xml + expected-warnings.json for a mapped case, expected-errors.json (+ warnings) for a
// rejected one, expected-input-error.json when the reader refuses the input. The only writer of goldens.
//
//   npm run build && node scripts/update-goldens.mjs        (npm run update-goldens)
//
// Cases: every fixtures/idoc/<case>/ with idoc.xml (else idoc.json), plus the non-SAP LOIPRO05 sample
// from ../shared/idoc-samples/ when present. A golden folder may hold config.json (else
// fixtures/mappers/config.json) and options.json ({ verb, creationDateTime }); both are inputs, kept.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { readIdoc } from "../dist/idoc/index.js";
import { mapIssueJson, mapLoiproToProductionSchedule } from "../dist/mappers/index.js";

const root = path.resolve(fileURLToPath(new URL("..", import.meta.url)));
const goldens = path.join(root, "fixtures/mappers/loipro");
const idocFixtures = path.join(root, "fixtures/idoc");
const nonSapSample = path.resolve(root, "../shared/idoc-samples/nonsap-erp-LOIPRO05.xml");

function cases() {
  const list = [];
  if (existsSync(idocFixtures))
    for (const name of readdirSync(idocFixtures).sort()) {
      for (const file of ["idoc.xml", "idoc.json"]) {
        const input = path.join(idocFixtures, name, file);
        if (existsSync(input)) {
          list.push({ name, input });
          break;
        }
      }
    }
  if (existsSync(nonSapSample)) list.push({ name: "nonsap-erp-loipro05", input: nonSapSample });
  else console.error(`skipped the non-SAP sample: ${nonSapSample} is absent`);
  // mapper-only cases: a golden folder with input.json { "idoc": "<path from the repository root>" }
  for (const name of existsSync(goldens) ? readdirSync(goldens).sort() : []) {
    const spec = path.join(goldens, name, "input.json");
    if (existsSync(spec))
      list.push({ name, input: path.join(root, JSON.parse(readFileSync(spec, "utf8")).idoc) });
  }
  return list;
}

const json = (value) => `${JSON.stringify(value, null, 2)}\n`;
const readJson = (file, fallback) => (existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : fallback);

let written = 0;
for (const { name, input } of cases()) {
  const dir = path.join(goldens, name);
  mkdirSync(dir, { recursive: true });
  for (const file of [
    "expected.xml",
    "expected-warnings.json",
    "expected-errors.json",
    "expected-input-error.json",
  ])
    rmSync(path.join(dir, file), { force: true });
  const config = readJson(
    path.join(dir, "config.json"),
    readJson(path.join(root, "fixtures/mappers/config.json")),
  );
  const options = readJson(path.join(dir, "options.json"), {});
  let packet;
  try {
    packet = readIdoc(readFileSync(input), { file: path.basename(input) });
  } catch (error) {
    writeFileSync(path.join(dir, "expected-input-error.json"), json({ name: error.name, code: error.code }));
    console.log(`${name}: input refused (${error.code})`);
    written++;
    continue;
  }
  const result = mapLoiproToProductionSchedule(packet, config, options);
  writeFileSync(path.join(dir, "expected-warnings.json"), json(result.warnings.map(mapIssueJson)));
  if (result.ok) writeFileSync(path.join(dir, "expected.xml"), result.xml);
  else writeFileSync(path.join(dir, "expected-errors.json"), json(result.errors.map(mapIssueJson)));
  console.log(
    `${name}: ${result.ok ? "mapped" : `rejected (${result.errors.length} error(s))`}, ${result.warnings.length} warning(s)`,
  );
  written++;
}
console.log(`${written} golden case(s) written to ${path.relative(root, goldens)}`);

// ProductionPerformance goldens: fixtures/mappers/performance/<case>/input.json
// { "idocs": [<paths from the repository root>], "orderContext"?: <path>, "options"?: { "verb" } },
// config.json optional (else fixtures/mappers/config.json); writes expected.xml + expected-warnings.json
// or expected-errors.json (+ warnings). Inputs are named by their path from the repository root.
{
  const { mapIdocsToProductionPerformance } = await import("../dist/mappers/index.js");
  const perfGoldens = path.join(root, "fixtures/mappers/performance");
  let perfWritten = 0;
  for (const name of existsSync(perfGoldens) ? readdirSync(perfGoldens).sort() : []) {
    const dir = path.join(perfGoldens, name);
    const specFile = path.join(dir, "input.json");
    if (!existsSync(specFile)) continue;
    const spec = JSON.parse(readFileSync(specFile, "utf8"));
    for (const file of ["expected.xml", "expected-warnings.json", "expected-errors.json"])
      rmSync(path.join(dir, file), { force: true });
    const config = readJson(
      path.join(dir, "config.json"),
      readJson(path.join(root, "fixtures/mappers/config.json")),
    );
    const inputs = spec.idocs.map((p) => ({
      name: p,
      packet: readIdoc(readFileSync(path.join(root, p)), { file: path.basename(p) }),
    }));
    const options = {
      ...(spec.options ?? {}),
      ...(spec.orderContext === undefined
        ? {}
        : { orderContext: readIdoc(readFileSync(path.join(root, spec.orderContext))) }),
    };
    const result = mapIdocsToProductionPerformance(inputs, config, options);
    writeFileSync(path.join(dir, "expected-warnings.json"), json(result.warnings.map(mapIssueJson)));
    if (result.ok) writeFileSync(path.join(dir, "expected.xml"), result.xml);
    else writeFileSync(path.join(dir, "expected-errors.json"), json(result.errors.map(mapIssueJson)));
    console.log(
      `performance/${name}: ${result.ok ? "mapped" : `rejected (${result.errors.length} error(s))`}, ${result.warnings.length} warning(s)`,
    );
    perfWritten++;
  }
  console.log(`${perfWritten} golden case(s) written to ${path.relative(root, perfGoldens)}`);
}
