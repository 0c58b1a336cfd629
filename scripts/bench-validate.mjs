// Benchmark: XSD validation throughput of the library (hardened reader + libxml2-wasm, built-in profile)
// against native `xmllint --schema` (DOM, and `--stream`) on the same generated files, in the same run.
//
// Documents: V0600 ProcessProductionSchedule of about 60 KB, 6 MB and 120 MB (the ProductionRequest of the
// process-production-schedule fixture, repeated with distinct IDs; valid against the profile), written to a
// temporary folder. Times are medians of several runs; the 60 KB figure validates the document BATCH times
// per run (one xmllint process with the file given BATCH times, so process start and schema compilation are
// spread as in ours). Peak memory is the maximum RSS of the measuring process (/usr/bin/time -v).
// Run: npm run bench:validate   (needs `npx tsc -p tsconfig.build.json` first; npm run build does it)
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { XmlDocument } from "libxml2-wasm";
import { parseXmlTree } from "../dist/binding/xml-tree.js";
import {
  DOCUMENT_PARSE_OPTIONS,
  loadSchemaSet,
  profileDir,
  profileEntry,
  validateXsd,
} from "../dist/validation/index.js";
import { generateSchedule } from "./lib/generate-documents.mjs";
import { recordGoal } from "./lib/goals.mjs";
import { median, timed } from "./lib/measure.mjs";

const script = fileURLToPath(import.meta.url);
const root = path.resolve(path.dirname(script), "..");
const READER = { maxInputBytes: 512 * 2 ** 20, maxElements: 50_000_000 };
const SIZES = [
  { label: "60 KB", bytes: 60e3, runs: 7, batch: 200 },
  { label: "6 MB", bytes: 6e6, runs: 5, batch: 1 },
  { label: "120 MB", bytes: 120e6, runs: 3, batch: 1 },
];

if (process.argv[2] === "--child")
  await child(process.argv[3], process.argv[4], Number(process.argv[5]), Number(process.argv[6]));
else await main();

/** Measures one phase in this process and prints {ms: median per document}. */
async function child(mode, file, runs, batch) {
  const bytes = readFileSync(file);
  const set = loadSchemaSet("profile");
  const once = {
    full: () => {
      const result = validateXsd(bytes, { schemas: set, reader: READER });
      if (!result.valid) throw new Error(`not valid: ${JSON.stringify(result.issues.slice(0, 3))}`);
    },
    reader: () => parseXmlTree(bytes, READER),
    libxml2: () => {
      const doc = XmlDocument.fromBuffer(bytes, { option: DOCUMENT_PARSE_OPTIONS });
      try {
        set.validator.validate(doc);
      } finally {
        doc.dispose();
      }
    },
  }[mode];
  if (batch > 1 || bytes.length < 10e6) once(); // warm-up
  const samples = [];
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    for (let i = 0; i < batch; i++) once();
    samples.push((performance.now() - start) / batch);
  }
  process.stdout.write(JSON.stringify({ ms: median(samples) }));
}

function ours(mode, file, size) {
  const run = timed(process.execPath, [script, "--child", mode, file, String(size.runs), String(size.batch)]);
  return { ms: JSON.parse(run.stdout).ms, rssMiB: run.rssMiB };
}

function xmllint(file, size, stream) {
  const entry = path.join(profileDir(), profileEntry);
  const args = [
    "--noout",
    ...(stream ? ["--stream"] : []),
    "--schema",
    entry,
    ...Array(size.batch).fill(file),
  ];
  const samples = [];
  let rssMiB = 0;
  for (let r = 0; r < size.runs; r++) {
    const run = timed("xmllint", args);
    samples.push(run.ms / size.batch);
    rssMiB = Math.max(rssMiB, run.rssMiB);
  }
  return { ms: median(samples), rssMiB };
}

async function main() {
  const hasXmllint = spawnSync("xmllint", ["--version"]).status === 0;
  const cpu = os.cpus()[0]?.model ?? "unknown cpu";
  console.log(
    `machine: ${cpu} × ${os.cpus().length}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
  );
  if (hasXmllint)
    console.log(
      `baseline: ${spawnSync("xmllint", ["--version"], { encoding: "utf8" }).stderr.split("\n")[0]}`,
    );
  else
    console.log(
      "xmllint not found: the baseline is skipped. Install it with: apt-get install -y libxml2-utils",
    );
  const dir = mkdtempSync(path.join(os.tmpdir(), "b2mml-bench-"));
  try {
    const rows = [];
    for (const size of SIZES) {
      const file = path.join(dir, `schedule-${size.label.replace(" ", "")}.xml`);
      writeFileSync(file, generateSchedule(root, size.bytes));
      const mb = statSync(file).size / 1e6;
      const full = ours("full", file, size);
      const reader = ours("reader", file, size);
      const libxml2 = ours("libxml2", file, size);
      const dom = hasXmllint ? xmllint(file, size, false) : undefined;
      const stream = hasXmllint ? xmllint(file, size, true) : undefined;
      rows.push({ size, mb, full, reader, libxml2, dom, stream });
      const fmt = (m) => `${(1000 / m.ms).toFixed(1)} docs/s ${(mb / (m.ms / 1000)).toFixed(1)} MB/s`;
      console.log(
        `\n${size.label} (${mb.toFixed(2)} MB, median of ${size.runs} runs${size.batch > 1 ? ` × ${size.batch} documents` : ""})`,
      );
      console.log(`  library validateXsd      ${fmt(full)}   peak RSS ${full.rssMiB.toFixed(0)} MiB`);
      console.log(`    hardened reader alone  ${fmt(reader)}`);
      console.log(`    libxml2-wasm alone     ${fmt(libxml2)}   peak RSS ${libxml2.rssMiB.toFixed(0)} MiB`);
      if (dom)
        recordGoal({
          goal: "Validation vs `xmllint --schema` DOM",
          label: size.label,
          value: dom.ms / full.ms,
          target: 1,
          better: "higher",
          unit: "×",
        });
      if (size.label === "120 MB")
        recordGoal({
          goal: "Streaming",
          label: "peak RSS of validateXsd",
          value: full.rssMiB,
          target: 256,
          better: "lower",
          unit: "MiB",
          note: "a 120 MB document; there is no streaming path, so the 1 GB document is not attempted",
        });
      if (dom && stream) {
        console.log(`  xmllint --schema         ${fmt(dom)}   peak RSS ${dom.rssMiB.toFixed(0)} MiB`);
        console.log(`  xmllint --stream         ${fmt(stream)}   peak RSS ${stream.rssMiB.toFixed(0)} MiB`);
        console.log(
          `  ratio library/xmllint: ${(dom.ms / full.ms).toFixed(2)} (DOM), ${(stream.ms / full.ms).toFixed(2)} (stream); libxml2-wasm alone/xmllint DOM: ${(dom.ms / libxml2.ms).toFixed(2)}`,
        );
      }
    }
    console.log(
      "\n(ratio = throughput of the library / throughput of xmllint; above 1 the library is faster)",
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
