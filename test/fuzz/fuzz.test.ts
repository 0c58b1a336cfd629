/**
 * Fuzz test (issue #10): thousands of mutated fixture documents — IDoc-XML and IDoc-JSON from
 * `fixtures/idoc/`, B2MML from `fixtures/b2mml-v0600/valid/` and the mapping goldens — through the
 * library API: readIdoc and each IDoc mapper; validateDocument, the binding reader, the postings
 * mapper, C14N and the digest. Seeded (B2MML_FUZZ_SEED, default 20261203), B2MML_FUZZ_CASES cases
 * (default 2000; about 35 s on a loaded 2-core machine). Asserted for every case:
 * - no throw: every outcome is a result or an issue; the only exceptions allowed are the documented,
 *   coded refusals of input (`XmlParseError`, `IdocInputError`, both with a code and a position);
 * - no hang: each case is timed with performance.now; inputs are bounded (at most a few MB), so a case
 *   that never returns is one that runs into the test's timeout; the slowest cases are reported;
 * - no value changed without an issue: when a mutation changes one business value (a quantity, a
 *   date, an ID) to another valid value and the mapping still succeeds, its output differs from the
 *   unmutated document's, or an issue or the unmapped account names the field.
 * Failures whose fix belongs to another area may be listed in KNOWN with the area (empty today).
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { describe, expect, test } from "vitest";
import { canonicalizeXml, digest } from "../../src/audit/index.js";
import { read } from "../../src/binding/read.js";
import { rootOf } from "../../src/binding/schema-index.js";
import { parseXmlTree, XmlParseError } from "../../src/binding/xml-tree.js";
import { schemaSet } from "../../src/generated/b2mml-v0600/index.js";
import { IdocInputError, readIdoc } from "../../src/idoc/index.js";
import {
  type ErpPostingConfig,
  type MapperConfig,
  mapIdocsToProductionPerformance,
  mapLoiproToProductionSchedule,
  mapProductionPerformanceToErpPostings,
} from "../../src/mappers/index.js";
import { listSourceValues } from "../../src/mappers/production-performance-to-erp/source-account.js";
import { parseIssuePath, renderIssuePath } from "../../src/shared/issue.js";
import { validateDocument } from "../../src/validation/validate-document.js";
import { repoRoot } from "../helpers/paths.js";
import { type Mutant, mutateJson, mutateText, Random } from "./mutations.js";

const SEED = Number(process.env.B2MML_FUZZ_SEED ?? 20261203);
const CASES = Number(process.env.B2MML_FUZZ_CASES ?? 2000);
const fixture = (p: string) => path.join(repoRoot, p);
const inboundConfig = JSON.parse(
  readFileSync(fixture("fixtures/mappers/config.json"), "utf8"),
) as MapperConfig;
const postingConfig = JSON.parse(
  readFileSync(fixture("fixtures/mappers/erp-postings/config.json"), "utf8"),
) as ErpPostingConfig;

interface Seed {
  readonly file: string;
  readonly kind: "idoc-xml" | "idoc-json" | "b2mml";
  readonly text: string;
}

function listSeeds(): Seed[] {
  const seeds: Seed[] = [];
  const add = (dir: string, kind: (f: string) => Seed["kind"] | undefined) => {
    for (const d of readdirSync(fixture(dir), { withFileTypes: true })
      .filter((x) => x.isDirectory())
      .map((x) => x.name)
      .sort())
      for (const f of readdirSync(fixture(`${dir}/${d}`)).sort()) {
        const k = kind(f);
        if (k !== undefined)
          seeds.push({
            file: `${dir}/${d}/${f}`,
            kind: k,
            text: readFileSync(fixture(`${dir}/${d}/${f}`), "utf8"),
          });
      }
  };
  add("fixtures/idoc", (f) =>
    f.endsWith(".xml") ? "idoc-xml" : f.endsWith(".json") && !f.includes("issues") ? "idoc-json" : undefined,
  );
  add("fixtures/b2mml-v0600/valid", (f) => (f === "document.xml" ? "b2mml" : undefined));
  add("fixtures/mappers/performance", (f) => (f === "expected.xml" ? "b2mml" : undefined));
  add("fixtures/mappers/loipro", (f) => (f === "expected.xml" ? "b2mml" : undefined));
  return seeds;
}

/** A documented, coded refusal of the input: an outcome, not a failure. */
const isRefusal = (e: unknown) => e instanceof XmlParseError || e instanceof IdocInputError;

interface Outcome {
  /** What each step gave: the output to compare, or `undefined` when rejected or refused. */
  readonly outputs: Record<string, string | undefined>;
  /** The paths the issues and the unmapped account name. */
  readonly named: readonly string[];
}

/** Runs one input through every API that takes it; throws only what the API threw unexpectedly. */
function runCase(kind: Seed["kind"], text: string): Outcome {
  const outputs: Record<string, string | undefined> = {};
  const named: string[] = [];
  const step = (name: string, fn: () => string | undefined) => {
    try {
      outputs[name] = fn();
    } catch (error) {
      if (!isRefusal(error)) throw Object.assign(error as Error, { step: name });
      outputs[name] = undefined;
    }
  };
  if (kind !== "b2mml") {
    step("readIdoc", () => {
      const packet = readIdoc(text);
      named.push(...packet.issues.map(renderIssuePath));
      const schedule = mapLoiproToProductionSchedule(packet, inboundConfig);
      named.push(...[...schedule.warnings, ...(schedule.ok ? [] : schedule.errors)].map(renderIssuePath));
      outputs.loipro = schedule.ok ? schedule.xml : undefined;
      const perf = mapIdocsToProductionPerformance(packet, inboundConfig);
      named.push(...[...perf.warnings, ...(perf.ok ? [] : perf.errors)].map(renderIssuePath));
      outputs.performance = perf.ok ? perf.xml : undefined;
      return "read";
    });
    return { outputs, named };
  }
  step("validate", () => validateDocument(text).outcome);
  step("read", () => {
    const tree = parseXmlTree(text);
    const known = [...schemaSet.modules.flatMap((m) => Object.values(m.elements))].some(
      (e) => e.name === tree.local,
    );
    return known ? String(read(tree, rootOf(schemaSet, tree.local)).issues.length) : "unknown root";
  });
  step("postings", () => {
    const r = mapProductionPerformanceToErpPostings(text, postingConfig);
    named.push(
      ...[
        ...r.warnings,
        ...(r.ok ? [] : r.errors),
        ...r.unmapped.map((u) => ({ path: parseIssuePath(u.path), origin: "posting" as const })),
      ].map(renderIssuePath),
    );
    return r.ok ? r.idocs.map((i) => i.xml).join("\n") : undefined;
  });
  step("c14n", () => digest(canonicalizeXml(text), { algorithm: "sha256" }).hex);
  return { outputs, named };
}

/** The XPath of the n-th element of that name in a B2MML document (as the mapper names it). */
function xpathOf(text: string, field: string, occurrence: number): string | undefined {
  try {
    return listSourceValues(parseXmlTree(text)).filter(
      (v) => v.element === field && v.attribute === undefined,
    )[occurrence - 1]?.path;
  } catch {
    return undefined;
  }
}

/**
 * Failures the fuzz found outside this area, by a test on the failure: the area that owns the fix.
 * (Each was found with the seed above; see the final report of the postings/config/fuzz branch.)
 */
const KNOWN: readonly { readonly area: string; readonly matches: (f: Failure) => boolean }[] = [
  // Empty since the merge: the two failures found here (a namespace URI libxml2 refuses thrown as a plain
  // Error from canonicalizeXml; a lone surrogate in an IDoc value reaching the mappers) are refused by
  // the reader now (XML_BAD_NAMESPACE_URI, IDOC_INVALID_CHARACTER), with regression tests in their areas.
];

interface Failure {
  readonly seed: string;
  readonly mutation: string;
  readonly problem: string;
  readonly input: string;
  /** Where the input differs from its seed: offset, the seed's text there and the mutant's. */
  readonly diff: string;
}

/** The first and last difference between a seed and its mutant, for a minimal reproduction. */
function describeDiff(seed: string, mutant: string): string {
  let i = 0;
  while (i < seed.length && i < mutant.length && seed[i] === mutant[i]) i++;
  let j = 0;
  while (
    j < seed.length - i &&
    j < mutant.length - i &&
    seed[seed.length - 1 - j] === mutant[mutant.length - 1 - j]
  )
    j++;
  const cut = (t: string) =>
    JSON.stringify(t.length > 60 ? `${t.slice(0, 60)}… (${t.length} chars)` : t).replace(
      /[^\x20-\x7e]/g,
      (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
    );
  return `at ${i}: ${cut(seed.slice(i, seed.length - j))} → ${cut(mutant.slice(i, mutant.length - j))}`;
}

describe("fuzz: mutated fixtures through the library API", () => {
  const seeds = listSeeds();
  const baselines = new Map(seeds.map((s) => [s.file, runCase(s.kind, s.text)]));

  test("the seeds run clean: every fixture gives a result, none throws", () => {
    expect(seeds.length).toBeGreaterThanOrEqual(30);
    for (const s of seeds) expect(baselines.get(s.file), s.file).toBeDefined();
  });

  test(`${CASES} mutated cases (seed ${SEED}): no throw, no hang, no value changed without an issue`, () => {
    const rnd = new Random(SEED);
    const failures: Failure[] = [];
    const times: { ms: number; label: string }[] = [];
    let changesChecked = 0;
    const started = performance.now();
    for (let n = 0; n < CASES; n++) {
      const s = seeds[n % seeds.length] as Seed;
      const mutant: Mutant =
        s.kind === "idoc-json" && rnd.next() < 0.6 ? mutateJson(s.text, rnd) : mutateText(s.text, rnd);
      const label = `#${n} ${s.file} ${mutant.mutation}`;
      const t0 = performance.now();
      let outcome: Outcome | undefined;
      try {
        outcome = runCase(s.kind, mutant.text);
      } catch (error) {
        const e = error as Error & { step?: string };
        failures.push({
          seed: s.file,
          mutation: mutant.mutation,
          problem: `throws in ${e.step ?? "?"}: ${e.name}: ${e.message.slice(0, 200)}`,
          input: mutant.text,
          diff: describeDiff(s.text, mutant.text),
        });
      }
      times.push({ ms: performance.now() - t0, label });
      const change = mutant.change;
      const base = baselines.get(s.file);
      if (outcome === undefined || change === undefined || base === undefined) continue;
      const field = s.kind === "b2mml" ? xpathOf(mutant.text, change.field, change.occurrence) : undefined;
      const isNamed = outcome.named.some((p) =>
        field !== undefined
          ? p === field || p.startsWith(`${field}/`)
          : p.endsWith(`/${change.field}`) || p.includes(`/${change.field}[`),
      );
      for (const [name, out] of Object.entries(outcome.outputs)) {
        if (
          ["loipro", "performance", "postings"].includes(name) &&
          out !== undefined &&
          base.outputs[name] !== undefined
        )
          changesChecked++;
        if (
          ["loipro", "performance", "postings"].includes(name) &&
          out !== undefined &&
          out === base.outputs[name] &&
          !isNamed
        )
          failures.push({
            seed: s.file,
            mutation: mutant.mutation,
            problem: `${name}: ${change.field}[${change.occurrence}] ${JSON.stringify(change.from)} → ${JSON.stringify(change.to)} gives the same output and no issue names it`,
            input: mutant.text,
            diff: describeDiff(s.text, mutant.text),
          });
      }
    }
    const total = performance.now() - started;
    times.sort((a, b) => b.ms - a.ms);
    console.info(
      `fuzz: ${CASES} cases (${changesChecked} mapped value changes checked) in ${(total / 1000).toFixed(1)} s; slowest: ${times
        .slice(0, 3)
        .map((t) => `${t.ms.toFixed(0)} ms ${t.label}`)
        .join("; ")}`,
    );
    const unknown = failures.filter((f) => !KNOWN.some((k) => k.matches(f)));
    const report = (list: Failure[]) => list.map((f) => `${f.seed} ${f.mutation} ${f.diff}: ${f.problem}`);
    if (failures.length > unknown.length)
      console.info(
        `fuzz: ${failures.length - unknown.length} known failure(s) of other areas:\n${report(failures.filter((f) => !unknown.includes(f))).join("\n")}`,
      );
    expect(report(unknown)).toEqual([]);
    if (CASES >= 1000) expect(changesChecked).toBeGreaterThan(50);
  });
});
