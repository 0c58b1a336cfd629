// Runs every benchmark and rewrites docs/benchmarks.md: the machine, the figures (medians of several
// runs) and the ratios, each against a baseline measured side by side in the same run.
//
// - scripts/bench-validate.mjs: XSD validation, the library vs `xmllint --schema` (DOM and --stream);
//   Xerces (`xsd-schema-validator`, a JVM per call) is measured here on the same generated documents;
// - scripts/bench-c14n.mjs: canonicalize + SHA-256, the library (libxml2 path, canonical by construction)
//   vs `xmllint --c14n | sha256sum` vs xml-crypto;
// - end to end (here): a LOIPRO IDoc of 20 operations × 10 components → validated ProductionSchedule and
//   its audit record, orders/s on one core, and the share of the time outside libxml2;
// - batch (here): `b2mml validate` over 1,000 files, `--jobs 1` vs `--jobs <cores>` (worker threads);
// - scripts/bench-codegen.mjs: XSD → TypeScript generation time per official release;
// - scripts/bench-reader.mjs: the hardened reader vs raw saxes.
//
// Needs: `npm run build` (npm run bench does it); xmllint (apt-get install -y libxml2-utils), a JDK for
// Xerces (apt-get install -y default-jdk-headless); each missing baseline is skipped and said so.
// Options: --quick (smaller runs, for a smoke test), --no-write (print only), --batch-only (the batch
// alone: rewrites its section of docs/benchmarks.md and leaves the rest).
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { generateSchedule } from "./lib/generate-documents.mjs";
import { goalsTable, readGoals, recordGoal, verdict } from "./lib/goals.mjs";
import { median } from "./lib/measure.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const quick = process.argv.includes("--quick");
const write = !process.argv.includes("--no-write");
const log = (line) => process.stderr.write(`${line}\n`);
/** The end-to-end figure of issue #11 ("today"), measured on the 2-core machine before the work on it. */
const E2E_BEFORE_MS = 136.7;
/** Where the scripts record their goals (scripts/lib/goals.mjs), set by main(). */
let goalsFile;

if (process.argv[2] === "--e2e-child") await e2eChild(Number(process.argv[3]));
else if (process.argv.includes("--batch-only")) batchOnly();
else await main();

/** Runs a bench script and returns its stdout (its figures and ratios, printed as it measures). */
function runScript(name, nodeArgs = []) {
  log(`running scripts/${name} …`);
  const start = performance.now();
  const r = spawnSync(process.execPath, [...nodeArgs, path.join(root, "scripts", name)], {
    cwd: root,
    encoding: "utf8",
    maxBuffer: 2 ** 26,
    env: { ...process.env, ...(goalsFile ? { B2MML_BENCH_GOALS: goalsFile } : {}) },
  });
  const seconds = ((performance.now() - start) / 1000).toFixed(0);
  if (r.status !== 0) return `failed (exit ${r.status}) after ${seconds} s:\n${r.stderr.slice(-3000)}`;
  return r.stdout.trim();
}

function machine() {
  const cpus = os.cpus();
  const tool = (cmd, args, stream = "stdout") => {
    const r = spawnSync(cmd, args, { encoding: "utf8" });
    return r.status === 0 ? (r[stream] || r.stdout || r.stderr).split("\n")[0].trim() : undefined;
  };
  return {
    cpu: `${cpus[0]?.model ?? "unknown"} × ${cpus.length}`,
    memory: `${Math.round(os.totalmem() / 2 ** 30)} GiB`,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    xmllint: tool("xmllint", ["--version"], "stderr"),
    java: tool("java", ["-version"], "stderr"),
  };
}

// ---------------------------------------------------------------- Xerces (xsd-schema-validator)

async function xerces(dir) {
  let validator;
  try {
    validator = await import("xsd-schema-validator");
  } catch {
    return { skipped: "xsd-schema-validator is not installed (npm ci installs it: a devDependency)" };
  }
  if (spawnSync("java", ["-version"]).status !== 0)
    return { skipped: "no JVM: apt-get install -y default-jdk-headless" };
  const { profileDir, profileEntry } = await import("../dist/validation/index.js");
  const schema = path.join(profileDir(), profileEntry);
  const sizes = [
    { label: "60 KB", bytes: 60e3, runs: quick ? 3 : 7 },
    { label: "6 MB", bytes: 6e6, runs: quick ? 1 : 3 },
    ...(quick ? [] : [{ label: "120 MB", bytes: 120e6, runs: 1 }]),
  ];
  const rows = [];
  await validator.validateXML(
    { file: path.join(root, "fixtures/b2mml-v0600/valid/process-production-schedule/document.xml") },
    schema,
  ); // compiles the helper once
  for (const size of sizes) {
    const file = path.join(dir, `xerces-${size.label.replace(" ", "")}.xml`);
    writeFileSync(file, generateSchedule(root, size.bytes));
    const mb = statSync(file).size / 1e6;
    const samples = [];
    for (let r = 0; r < size.runs; r++) {
      const start = performance.now();
      const result = await validator.validateXML({ file }, schema);
      samples.push(performance.now() - start);
      if (!result.valid) throw new Error(`Xerces: not valid: ${result.messages?.slice(0, 3)}`);
    }
    const ms = median(samples);
    rows.push({ label: size.label, mb, ms, runs: size.runs });
    log(`  Xerces ${size.label}: ${ms.toFixed(0)} ms`);
  }
  return { rows };
}

// ---------------------------------------------------------------- end to end

/** A LOIPRO IDoc of `ops` operations with `components` components each, from the tablet fixture. */
function generateLoipro(ops, components) {
  const s = readFileSync(path.join(root, "fixtures/idoc/loipro05-tablet-plain/idoc.xml"), "utf8");
  const first = s.indexOf("<E1AFVOL ");
  const firstEnd = s.indexOf("</E1AFVOL>", first) + "</E1AFVOL>".length;
  const lastEnd = s.lastIndexOf("</E1AFVOL>") + "</E1AFVOL>".length;
  const op = s.slice(first, firstEnd);
  const r0 = op.indexOf("<E1RESBL ");
  const r1 = op.lastIndexOf("</E1RESBL>") + "</E1RESBL>".length;
  const resb = op.slice(r0, op.indexOf("</E1RESBL>", r0) + "</E1RESBL>".length);
  const parts = [];
  for (let o = 1; o <= ops; o++) {
    const vornr = String(o * 10).padStart(4, "0");
    const comps = [];
    for (let c = 1; c <= components; c++) {
      const n = (o - 1) * components + c;
      comps.push(
        resb
          .replace(/<RSPOS>\d+<\/RSPOS>/, `<RSPOS>${String(n).padStart(4, "0")}</RSPOS>`)
          .replace(/<POSNR>\d+<\/POSNR>/, `<POSNR>${String(n * 10).padStart(4, "0")}</POSNR>`),
      );
    }
    parts.push(
      (op.slice(0, r0) + comps.join("\n            ") + op.slice(r1))
        .replace(/<VORNR>\d+<\/VORNR>/, `<VORNR>${vornr}</VORNR>`)
        .replace(/<APLZL>\d+<\/APLZL>/, `<APLZL>${String(o).padStart(8, "0")}</APLZL>`)
        .replace(/<RUECK>\d+<\/RUECK>/, `<RUECK>${String(712_000 + o).padStart(10, "0")}</RUECK>`)
        .replace(/<ME_OPERATION_ID>[^<]*</, `<ME_OPERATION_ID>OP${vornr}<`)
        .replace(/<MES_OPERID>[^<]*</, `<MES_OPERID>OP${vornr}<`),
    );
  }
  return s.slice(0, first) + parts.join("\n        ") + s.slice(lastEnd);
}

/** In a child process (one core): map + validate + audit record, and the libxml2 share. */
async function e2eChild(runs) {
  const { readIdoc } = await import("../dist/idoc/index.js");
  const { mapLoiproToProductionSchedule, parseMapperConfigJson } = await import("../dist/mappers/index.js");
  const { validateDocument, loadSchemaSet, DOCUMENT_PARSE_OPTIONS } = await import(
    "../dist/validation/index.js"
  );
  const { createAuditRecord, canonicalizeXml } = await import("../dist/audit/index.js");
  const { XmlDocument } = await import("libxml2-wasm");
  const idoc = generateLoipro(20, 10);
  const checked = parseMapperConfigJson(
    readFileSync(path.join(root, "fixtures/mappers/config.json"), "utf8"),
  );
  if (!checked.ok) throw new Error("config");
  const config = checked.config;
  const set = loadSchemaSet("profile");
  const once = () => {
    const mapped = mapLoiproToProductionSchedule(readIdoc(idoc), config);
    if (!mapped.ok) throw new Error(JSON.stringify(mapped.errors.slice(0, 3)));
    const validation = validateDocument(mapped.xml, { rules: true, schemas: set });
    if (validation.outcome !== "valid") throw new Error(JSON.stringify(validation.issues.slice(0, 3)));
    return {
      xml: mapped.xml,
      record: createAuditRecord({
        operation: "mapping",
        correlationId: mapped.bodId,
        idempotencyKey: mapped.bodId,
        messageType: "ProcessProductionSchedule",
        b2mmlRelease: "V0600",
        input: { payload: idoc, canonicalization: "c14n" },
        output: { payload: mapped.xml, canonicalization: "c14n" },
        schemaSet: set,
        configuration: config,
        mapper: "loipro-to-production-schedule",
        outcome: "mapped",
      }),
    };
  };
  const { xml } = once(); // warm-up
  const time = (fn) => {
    const samples = [];
    for (let r = 0; r < runs; r++) {
      const start = performance.now();
      for (let i = 0; i < 20; i++) fn();
      samples.push((performance.now() - start) / 20);
    }
    return median(samples);
  };
  const total = time(once);
  // libxml2's own work in one order: parse + XSD validation of the output, parse + C14N of the input
  // and of the output (the audit record's digests).
  const libxml2 = time(() => {
    const doc = XmlDocument.fromBuffer(Buffer.from(xml), { option: DOCUMENT_PARSE_OPTIONS });
    try {
      set.validator.validate(doc);
    } finally {
      doc.dispose();
    }
    canonicalizeXml(idoc);
    canonicalizeXml(xml);
  });
  const hardened = time(() => {
    canonicalizeXml(idoc);
    canonicalizeXml(xml);
  });
  // where the time goes: each step alone, on the same documents
  const parsed = readIdoc(idoc);
  const phases = {
    "read the IDoc (readIdoc)": time(() => readIdoc(idoc)),
    "map (mapLoiproToProductionSchedule, binding writer included)": time(() =>
      mapLoiproToProductionSchedule(parsed, config),
    ),
    "validate (validateDocument: reader tree, libxml2 XSD, rules)": time(() =>
      validateDocument(xml, { rules: true, schemas: set }),
    ),
    "audit record (C14N digests of input and output, schema set, configuration)": time(() =>
      createAuditRecord({
        operation: "mapping",
        correlationId: "bench",
        idempotencyKey: "bench",
        messageType: "ProcessProductionSchedule",
        b2mmlRelease: "V0600",
        input: { payload: idoc, canonicalization: "c14n" },
        output: { payload: xml, canonicalization: "c14n" },
        schemaSet: set,
        configuration: config,
        mapper: "loipro-to-production-schedule",
        outcome: "mapped",
      }),
    ),
  };
  process.stdout.write(
    JSON.stringify({ total, libxml2, hardened, phases, idocBytes: idoc.length, xmlBytes: xml.length }),
  );
}

function e2e() {
  log("end to end …");
  const r = spawnSync(
    process.execPath,
    [fileURLToPath(import.meta.url), "--e2e-child", String(quick ? 3 : 7)],
    {
      cwd: root,
      encoding: "utf8",
    },
  );
  if (r.status !== 0) return { failed: r.stderr.slice(-3000) };
  return JSON.parse(r.stdout);
}

// ---------------------------------------------------------------- batch

function batch(dir) {
  log("batch validate …");
  const files = quick ? 200 : 1000;
  const folder = path.join(dir, "batch");
  mkdirSync(folder);
  const source = path.join(root, "fixtures/b2mml-v0600/valid/process-production-schedule/document.xml");
  const list = [];
  for (let i = 0; i < files; i++) {
    const f = path.join(folder, `doc-${String(i).padStart(4, "0")}.xml`);
    copyFileSync(source, f);
    list.push(f);
  }
  const cli = path.join(root, "dist/cli/main.js");
  const cores = os.availableParallelism();
  // One process each time, the whole batch on its command line: --jobs 1 validates in the main thread,
  // --jobs <cores> in the main thread and cores − 1 worker threads.
  const runOnce = (jobs) => {
    const start = performance.now();
    const r = spawnSync(process.execPath, [cli, "validate", "--rules", "--jobs", String(jobs), ...list], {
      stdio: "ignore",
    });
    const ms = performance.now() - start;
    if (r.status !== 0) throw new Error(`validate --jobs ${jobs} exit ${r.status}`);
    return ms;
  };
  // Alternated, so that a change in the machine's load touches both alike.
  const runs = quick ? 1 : 5;
  const one = [];
  const all = [];
  for (let r = 0; r < runs; r++) {
    one.push(runOnce(1));
    all.push(runOnce(cores));
  }
  return { files, bytes: statSync(source).size, cores, runs, one: median(one), all: median(all) };
}

function batchText(batchResult) {
  return [
    `\`b2mml validate --rules --jobs <n>\` over ${batchResult.files} files (${(batchResult.bytes / 1e3).toFixed(1)} KB each, the process-production-schedule fixture), one process with every file on its command line: \`--jobs 1\` (the main thread alone) against \`--jobs ${batchResult.cores}\` (one thread per core: the main thread and ${batchResult.cores - 1} worker thread(s), each loading the engine and the schema set once). Wall time of the whole command, start-up included; median of ${batchResult.runs} runs, alternated.`,
    "",
    "| | wall time | files/s |",
    "|---|---:|---:|",
    `| \`--jobs 1\` | ${(batchResult.one / 1000).toFixed(2)} s | ${(batchResult.files / (batchResult.one / 1000)).toFixed(0)} |`,
    `| \`--jobs ${batchResult.cores}\` | ${(batchResult.all / 1000).toFixed(2)} s | ${(batchResult.files / (batchResult.all / 1000)).toFixed(0)} |`,
    "",
    `Speed-up: **${(batchResult.one / batchResult.all).toFixed(2)}×** on ${batchResult.cores} cores.`,
    ...(batchResult.date
      ? [
          "",
          `Measured on ${batchResult.date} by \`node scripts/bench.mjs --batch-only\`, apart from the rest of this page.`,
        ]
      : []),
  ].join("\n");
}

/** `--batch-only`: measures the batch alone and rewrites its section of docs/benchmarks.md. */
function batchOnly() {
  const dir = mkdtempSync(path.join(os.tmpdir(), "b2mml-bench-batch-"));
  try {
    const text = batchText({ ...batch(dir), date: new Date().toISOString().slice(0, 10) });
    const title = "Batch: b2mml validate over many files";
    const page = path.join(root, "docs/benchmarks.md");
    const md = readFileSync(page, "utf8");
    const from = md.indexOf(`## ${title}\n`);
    const to = md.indexOf("\n## ", from + 1);
    if (from < 0 || to < 0)
      throw new Error(`docs/benchmarks.md has no section "${title}": run npm run bench`);
    const updated = `${md.slice(0, from)}${section(title, text)}${md.slice(to)}`;
    if (write) writeFileSync(page, updated);
    process.stdout.write(`${text}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------- report

function section(title, text) {
  return `## ${title}\n\n${text}\n`;
}

function block(text) {
  return `\`\`\`text\n${text}\n\`\`\``;
}

async function main() {
  const m = machine();
  log(`machine: ${m.cpu}, ${m.memory}, ${m.os}, Node ${m.node}`);
  const dir = mkdtempSync(path.join(os.tmpdir(), "b2mml-bench-all-"));
  goalsFile = path.join(dir, "goals.jsonl");
  process.env.B2MML_BENCH_GOALS = goalsFile;
  try {
    const validate = runScript("bench-validate.mjs");
    const xercesResult = await xerces(dir);
    const c14n = runScript("bench-c14n.mjs");
    const endToEnd = e2e();
    const batchResult = batch(dir);
    const codegen = runScript("bench-codegen.mjs");
    const reader = runScript("bench-reader.mjs", ["--expose-gc"]);
    if (!endToEnd.failed) {
      recordGoal({
        goal: "End to end: orders/s against today's",
        label: `${(1000 / endToEnd.total).toFixed(1)} orders/s now, ${(1000 / E2E_BEFORE_MS).toFixed(1)} in issue #11 (${E2E_BEFORE_MS} ms per order)`,
        value: E2E_BEFORE_MS / endToEnd.total,
        target: 3,
        better: "higher",
        unit: "×",
        note: "the baseline is the issue's figure, not measured in this run",
      });
      recordGoal({
        goal: "End to end: share of the time outside libxml2",
        label: "LOIPRO 20 × 10",
        value: 100 * (1 - endToEnd.libxml2 / endToEnd.total),
        target: 25,
        better: "lower",
        unit: "%",
      });
    }
    recordGoal({
      goal: `Batch: \`validate --jobs ${batchResult.cores}\` over \`--jobs 1\``,
      label: `${batchResult.files} files, ${batchResult.cores} cores`,
      value: batchResult.one / batchResult.all,
      target: 1.5,
      better: "higher",
      unit: "×",
    });
    const goals = readGoals(goalsFile);
    for (const g of goals)
      log(`${verdict(g)}  ${g.goal}: ${g.label} = ${g.value.toFixed(2)} (target ${g.target})`);

    const xercesText = xercesResult.skipped
      ? `Skipped: ${xercesResult.skipped}.`
      : [
          "| Document | Xerces (JVM per call) | documents/s | MB/s | runs |",
          "|---|---:|---:|---:|---:|",
          ...xercesResult.rows.map(
            (r) =>
              `| ${r.label} (${r.mb.toFixed(2)} MB) | ${r.ms.toFixed(0)} ms | ${(1000 / r.ms).toFixed(2)} | ${(r.mb / (r.ms / 1000)).toFixed(1)} | ${r.runs} |`,
          ),
          "",
          "Each call starts a JVM (`xsd-schema-validator` spawns `java` per document): compare with the",
          "library's figures above for the same sizes (the library keeps the compiled schema in memory).",
        ].join("\n");
    const e2eText = endToEnd.failed
      ? `Failed:\n${block(endToEnd.failed)}`
      : [
          `IDoc of 20 operations × 10 components (${(endToEnd.idocBytes / 1e3).toFixed(0)} KB) → ProcessProductionSchedule (${(endToEnd.xmlBytes / 1e3).toFixed(0)} KB): read the IDoc, map, validate (XSD and rules), build the audit record (C14N digests of input and output, schema set, configuration). One process, one core; median of runs of 20 orders.`,
          "",
          "| | ms per order | orders/s |",
          "|---|---:|---:|",
          `| whole pipeline | ${endToEnd.total.toFixed(2)} | ${(1000 / endToEnd.total).toFixed(1)} |`,
          `| of which libxml2 (parse + XSD validation of the output; hardened read + parse + C14N of input and output) | ${endToEnd.libxml2.toFixed(2)} | |`,
          "",
          `Share of the time outside libxml2: **${(100 * (1 - endToEnd.libxml2 / endToEnd.total)).toFixed(0)} %** (IDoc reading, mapping, binding writer, rules, hashing, JSON canonicalization; the libxml2 part is measured alone, on the same documents, and includes the hardened reader's pass before C14N when the document needs it, so the share outside is a lower bound).`,
          "",
          "Where the time goes (each step timed alone on the same documents, ms per order; the steps overlap the libxml2 figure above):",
          "",
          "| step | ms per order | share of the pipeline |",
          "|---|---:|---:|",
          ...Object.entries(endToEnd.phases).map(
            ([step, ms]) => `| ${step} | ${ms.toFixed(2)} | ${((100 * ms) / endToEnd.total).toFixed(0)} % |`,
          ),
        ].join("\n");

    const md = [
      "# Benchmarks",
      "",
      "Written by `npm run bench` (scripts/bench.mjs), which runs every benchmark script and rewrites this page;",
      "do not edit it by hand. Every figure is a median of several runs, and every ratio compares with a",
      "baseline measured side by side in the same run on the same generated documents (V0600",
      "ProcessProductionSchedule documents valid against the built-in profile, scripts/lib/generate-documents.mjs).",
      "Timings depend on the machine: compare the ratios, not the absolute figures, across machines.",
      "",
      "Baselines: `xmllint` (Debian `libxml2-utils`; `apt-get install -y libxml2-utils`), Xerces through",
      "`xsd-schema-validator` (a devDependency; needs a JDK: `apt-get install -y default-jdk-headless`), xml-crypto",
      "with @xmldom/xmldom (devDependencies). A missing baseline is skipped and the section says so.",
      "",
      "## Machine",
      "",
      `- CPU: ${m.cpu}`,
      `- Memory: ${m.memory}`,
      `- OS: ${m.os}`,
      `- Node.js: ${m.node}`,
      `- xmllint: ${m.xmllint ?? "absent"}`,
      `- Java (Xerces): ${m.java ?? "absent"}`,
      `- Run: ${new Date().toISOString().slice(0, 10)}${quick ? " (--quick: fewer and smaller runs)" : ""}`,
      `- Load average when the run ended: ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(
          ", ",
        )} (other work on the machine moves the figures; the ratios compare figures measured one after the other)`,
      "",
      section(
        "Goals of issue #11 (Performance)",
        `Each goal with its ratio from this run and PASS or FAIL (scripts/lib/goals.mjs). A ratio above 1 is faster than the baseline, except for time ratios and shares, marked ≤.\n\n${goalsTable(goals)}`,
      ),
      section(
        "XSD validation: library vs xmllint vs Xerces",
        `From scripts/bench-validate.mjs (the library's \`validateXsd\`: hardened reader scan + libxml2-wasm; ratio = library throughput / xmllint throughput):\n\n${block(validate)}\n\n### Xerces (xsd-schema-validator)\n\n${xercesText}`,
      ),
      section(
        "Canonicalize + SHA-256: library vs xmllint vs xml-crypto",
        `From scripts/bench-c14n.mjs:\n\n${block(c14n)}\n\nThe generated documents carry no comment, so Canonical XML 1.0 with comments (\`xmllint --c14n\`) and without (the library's default) give the same bytes: the \`library = … = xmllint\` line checks that the engines agree.`,
      ),
      section("End to end: LOIPRO IDoc → validated ProductionSchedule + audit record", e2eText),
      section("Batch: b2mml validate over many files", batchText(batchResult)),
      section(
        "XSD → TypeScript generation, per official release",
        `From scripts/bench-codegen.mjs:\n\n${block(codegen)}`,
      ),
      section(
        "Reading XML: the hardened reader vs raw saxes",
        `From scripts/bench-reader.mjs:\n\n${block(reader)}`,
      ),
    ].join("\n");
    if (write) writeFileSync(path.join(root, "docs/benchmarks.md"), md);
    process.stdout.write(md);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
