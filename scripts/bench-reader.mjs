import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { SaxesParser } from "saxes";
import { parseXmlTree } from "../dist/binding/xml-tree.js";
import { generateSchedule } from "./lib/generate-documents.mjs";
import { recordGoal } from "./lib/goals.mjs";
import { median } from "./lib/measure.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const RUNS = 5;
const CHUNK = 64 * 1024;
const READER = { maxInputBytes: 512 * 2 ** 20, maxElements: 50_000_000 };
const SIZES = [
  { label: "6 MB", bytes: 6e6 },
  { label: "24 MB", bytes: 24e6 },
];

const gc = globalThis.gc ?? (() => {});

/** A V0600 ProcessProductionSchedule of about `target` bytes, and how many requests it holds. */
function generate(target) {
  const text = generateSchedule(root, target);
  return { text, requests: text.split("</ProductionRequest>").length - 1 };
}

function rawSaxes(text) {
  const parser = new SaxesParser({ xmlns: true, position: true });
  parser.on("error", (err) => {
    throw err;
  });
  for (let start = 0; start < text.length; start += CHUNK) parser.write(text.slice(start, start + CHUNK));
  parser.close();
}

function measure(run) {
  run(); // warm-up
  const samples = [];
  for (let r = 0; r < RUNS; r++) {
    gc();
    const start = performance.now();
    run();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

/** Heap kept by the result of `run` (MiB), measured once after GC. */
function retained(run) {
  gc();
  const before = process.memoryUsage().heapUsed;
  const result = run();
  gc();
  const after = process.memoryUsage().heapUsed;
  if (result === undefined) throw new Error("no result");
  return (after - before) / 2 ** 20;
}

console.log(
  `Node ${process.version}, median of ${RUNS} runs${globalThis.gc ? "" : " (run with --expose-gc for heap figures)"}`,
);
for (const size of SIZES) {
  const { text, requests } = generate(size.bytes);
  const bytes = new TextEncoder().encode(text);
  const mb = bytes.length / 1e6;
  const saxes = measure(() => rawSaxes(text));
  const treeString = measure(() => parseXmlTree(text, READER));
  const treeBytes = measure(() => parseXmlTree(bytes, READER));
  const fmt = (ms) => `${ms.toFixed(0).padStart(6)} ms ${(mb / (ms / 1000)).toFixed(1).padStart(6)} MB/s`;
  console.log(`\n${size.label} (${mb.toFixed(2)} MB, ${requests} ProductionRequests)`);
  console.log(`  saxes alone (64 KiB chunks)      ${fmt(saxes)}`);
  console.log(
    `  parseXmlTree (string)            ${fmt(treeString)}   ratio ${(treeString / saxes).toFixed(2)}`,
  );
  console.log(
    `  parseXmlTree (Uint8Array)        ${fmt(treeBytes)}   ratio ${(treeBytes / saxes).toFixed(2)}`,
  );
  recordGoal({
    goal: "Tree: parseXmlTree vs raw saxes (time ratio)",
    label: `${size.label}, bytes`,
    value: treeBytes / saxes,
    target: 1.5,
    better: "lower",
    unit: "×",
  });
  if (globalThis.gc)
    console.log(
      `  tree retained on the heap        ${retained(() => parseXmlTree(text, READER)).toFixed(0)} MiB`,
    );
}
console.log(
  "\n(ratio = parseXmlTree time / saxes time; fast-xml-parser is not installed, so no second reference)",
);
