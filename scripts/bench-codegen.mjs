// Benchmark: XSD → TypeScript generation time for every official B2MML release.
//
// Baseline, measured in the same run: parsing every schema file of the release into an element tree
// (the XML reading the generator cannot avoid). The ratio says how much the generator's own passes cost
// on top of reading the files. Median of RUNS runs after one warm-up. Run: npm run bench:codegen
import { existsSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { parseXmlTree } from "../dist/binding/xml-tree.js";
import { generate } from "../dist/codegen/generate.js";
import { median } from "./lib/measure.mjs";

const RUNS = 5;
const root = path.resolve(fileURLToPath(new URL("..", import.meta.url)));
const sets = path.resolve(root, "../shared/b2mml");
if (!existsSync(sets)) {
  console.log(`skipped: ${sets} is absent (the official B2MML sets are reference data beside the project)`);
  process.exit(0);
}

function time(fn) {
  fn();
  const samples = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

console.log(
  `machine: ${os.cpus()[0]?.model ?? "unknown cpu"} × ${os.cpus().length}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
);
console.log("release | schema files | parse only (baseline) ms | generate ms | ratio | lines emitted");
for (const release of ["V0401", "V0500", "V0600", "V0601", "V0701"]) {
  const dir = path.join(sets, release);
  if (!existsSync(dir)) continue;
  const result = generate([dir]);
  const files = [...new Set(result.documents.map((d) => d.file))];
  const texts = files.map((f) => readFileSync(f, "utf8"));
  const parseMs = time(() => {
    for (const t of texts) parseXmlTree(t.replace(/^\uFEFF/, ""));
  });
  const generateMs = time(() => generate([dir]));
  let lines = 0;
  for (const text of result.files.values()) lines += text.split("\n").length;
  console.log(
    `${release} | ${files.length} | ${parseMs.toFixed(1)} | ${generateMs.toFixed(1)} | ${(generateMs / parseMs).toFixed(2)}× | ${lines}`,
  );
}
