// Benchmark: canonicalize + SHA-256 throughput (MB/s) of the library against native
// `xmllint --c14n <file> | sha256sum` (the baseline, measured in the same run) and xml-crypto's C14N (when
// installed), plus the canonical-by-construction path (binding writer with `canonical: true`, then one
// SHA-256 pass).
//
// Documents: V0600 ProcessProductionSchedule of about 6 MB and 120 MB (scripts/lib/generate-documents.mjs),
// written to a temporary folder. Each of our measurements runs in a child process (median of several runs;
// peak RSS by /usr/bin/time -v when present).
// Run: npm run build && node scripts/bench-c14n.mjs
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { generateSchedule } from "./lib/generate-documents.mjs";
import { recordGoal } from "./lib/goals.mjs";
import { median, timed } from "./lib/measure.mjs";

const script = fileURLToPath(import.meta.url);
const root = path.resolve(path.dirname(script), "..");
const READER = { maxInputBytes: 512 * 2 ** 20, maxElements: 50_000_000 };
const SIZES = [
  { label: "6 MB", bytes: 6e6, runs: 5 },
  { label: "120 MB", bytes: 120e6, runs: 3 },
];

if (process.argv[2] === "--child") await child(process.argv[3], process.argv[4], Number(process.argv[5]));
else await main();

/** Measures one path in this process; prints {ms, hex}. */
async function child(mode, file, runs) {
  const bytes = readFileSync(file);
  const sha = (b) => createHash("sha256").update(b).digest("hex");
  let once;
  if (mode === "library") {
    const { digest } = await import("../dist/audit/digest.js");
    once = () => digest(bytes, { canonicalization: "c14n", reader: READER }).hex;
  } else if (mode === "libxml2") {
    const { XmlDocument } = await import("libxml2-wasm");
    const { DOCUMENT_PARSE_OPTIONS } = await import("../dist/validation/index.js");
    const { canonicalizeLibxml2Document } = await import("../dist/audit/libxml2-c14n.js");
    const { c14nMethod } = await import("../dist/audit/c14n-method.js");
    once = () => {
      const doc = XmlDocument.fromBuffer(bytes, { option: DOCUMENT_PARSE_OPTIONS });
      try {
        return sha(canonicalizeLibxml2Document(doc, c14nMethod("c14n")));
      } finally {
        doc.dispose();
      }
    };
  } else if (mode === "construction") {
    const { read, rootOf, write } = await import("../dist/binding/index.js");
    const { schemaSet } = await import("../dist/generated/b2mml-v0600/index.js");
    const rootMeta = rootOf(schemaSet, "ProcessProductionSchedule");
    const { value, issues } = read(bytes, rootMeta, READER); // not timed: the value is what a mapper holds
    if (issues.length > 0) throw new Error(`read issues: ${JSON.stringify(issues.slice(0, 3))}`);
    once = () => sha(Buffer.from(write(value, rootMeta, { canonical: true }), "utf8"));
  } else if (mode === "xml-crypto") {
    const { C14nCanonicalization } = await import("xml-crypto");
    const { DOMParser } = await import("@xmldom/xmldom");
    once = () => {
      const dom = new DOMParser().parseFromString(bytes.toString("utf8"), "text/xml");
      return sha(new C14nCanonicalization().process(dom.documentElement, {}));
    };
  } else throw new Error(`unknown mode ${mode}`);
  if (bytes.length < 10e6) once(); // warm-up
  const samples = [];
  let hex = "";
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    hex = once();
    samples.push(performance.now() - start);
  }
  process.stdout.write(JSON.stringify({ ms: median(samples), hex }));
}

function ours(mode, file, size) {
  const run = timed(process.execPath, [
    "--max-old-space-size=12000",
    script,
    "--child",
    mode,
    file,
    String(size.runs),
  ]);
  const { ms, hex } = JSON.parse(run.stdout);
  return { ms, hex, rssMiB: run.rssMiB };
}

function xmllint(file, size) {
  const samples = [];
  let hex = "";
  for (let r = 0; r < size.runs; r++) {
    const run = timed("sh", ["-c", 'xmllint --c14n "$1" | sha256sum', "sh", file]);
    samples.push(run.ms);
    hex = run.stdout.split(" ")[0];
  }
  return { ms: median(samples), hex };
}

async function main() {
  const hasXmllint = spawnSync("xmllint", ["--version"]).status === 0;
  let hasXmlCrypto = true;
  try {
    await import("xml-crypto");
    await import("@xmldom/xmldom");
  } catch {
    hasXmlCrypto = false;
  }
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
  if (!hasXmlCrypto)
    console.log(
      "xml-crypto not installed: skipped (npm install --no-save xml-crypto @xmldom/xmldom to include it)",
    );
  const dir = mkdtempSync(path.join(os.tmpdir(), "b2mml-bench-c14n-"));
  try {
    for (const size of SIZES) {
      const file = path.join(dir, `schedule-${size.label.replace(" ", "")}.xml`);
      writeFileSync(file, generateSchedule(root, size.bytes));
      const mb = statSync(file).size / 1e6;
      const library = ours("library", file, size);
      const libxml2 = ours("libxml2", file, size);
      const construction = ours("construction", file, size);
      const native = hasXmllint ? xmllint(file, size) : undefined;
      const crypto = hasXmlCrypto ? ours("xml-crypto", file, size) : undefined;
      const fmt = (m) => `${(mb / (m.ms / 1000)).toFixed(1).padStart(6)} MB/s  (${m.ms.toFixed(0)} ms)`;
      console.log(`\n${size.label} (${mb.toFixed(2)} MB, median of ${size.runs} runs)`);
      console.log(
        `  library digest (hardened: pre-check + libxml2 C14N 1.0 + SHA-256)${fmt(library)}   peak RSS ${library.rssMiB.toFixed(0)} MiB`,
      );
      console.log(
        `    libxml2-wasm parse + C14N + SHA-256 alone                    ${fmt(libxml2)}   peak RSS ${libxml2.rssMiB.toFixed(0)} MiB`,
      );
      console.log(
        `  canonical by construction (write canonical + SHA-256)          ${fmt(construction)}   peak RSS ${construction.rssMiB.toFixed(0)} MiB`,
      );
      if (native)
        console.log(`  xmllint --c14n | sha256sum                                     ${fmt(native)}`);
      if (crypto)
        console.log(`  xml-crypto C14N + SHA-256                                      ${fmt(crypto)}`);
      const same = [libxml2, ...(native ? [native] : [])].every((m) => m.hex === library.hex);
      console.log(
        `  library = libxml2-wasm alone${native ? " = xmllint" : ""}: ${same ? "yes" : "NO"} (${library.hex})`,
      );
      console.log(
        `  by construction: ${construction.hex} (the C14N of the value: the input's indentation between elements is not part of it)`,
      );
      if (native) {
        const goal = { target: 1, better: "higher", unit: "×" };
        recordGoal({
          ...goal,
          goal: "Digest (hardened C14N + SHA-256) vs xmllint",
          label: size.label,
          value: native.ms / library.ms,
        });
        recordGoal({
          ...goal,
          goal: "Canonical by construction vs xmllint",
          label: size.label,
          value: native.ms / construction.ms,
        });
      }
      if (native)
        console.log(
          `  ratio vs xmllint: library ${(native.ms / library.ms).toFixed(2)}, libxml2-wasm alone ${(native.ms / libxml2.ms).toFixed(2)}, by construction ${(native.ms / construction.ms).toFixed(2)}${crypto ? `, xml-crypto ${(native.ms / crypto.ms).toFixed(2)}` : ""}`,
        );
    }
    console.log("\n(ratio = throughput / throughput of xmllint --c14n | sha256sum; above 1 is faster)");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
