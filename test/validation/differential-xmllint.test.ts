/**
 * Differential test against native libxml2 (issue #10): fixed-seed, structure-aware mutants of the valid
 * V0600 fixtures and of the V0600 golden outputs (test/helpers/xml-mutants.ts), each checked by the
 * library (XSD validation against the built-in profile, canonicalization) and by native `xmllint
 * --schema` / `--c14n` / `--c14n11` / `--exc-c14n`. Asserted: no internal error in the library, no byte
 * difference between the two canonical forms, equal XSD verdicts (valid / invalid / refused), and every
 * disagreement in a class documented in docs/validation.md ("Differences from native libxml2").
 * Skipped with a reason when xmllint is not installed.
 */
import { execFile, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { canonicalizeXml } from "../../src/audit/canonicalize-xml.js";
import { XmlParseError } from "../../src/binding/xml-tree.js";
import { loadSchemaSet, validateXsd } from "../../src/validation/index.js";
import { disposeValidators } from "../helpers/libxml2-schema.js";
import { repoRoot } from "../helpers/paths.js";
import { applyMutantPlan, mutantPlanArbitrary } from "../helpers/xml-mutants.js";

const SEED = 20261203;
const MUTANTS = 300;
const xmllintAvailable = spawnSync("xmllint", ["--version"]).status === 0;
const PROFILE_ENTRY = path.join(repoRoot, "xsd/b2mml-v0600/b2mml-v0600-production.xsd");

/** The classes of disagreement documented in docs/validation.md, by the name used there. */
export const DOCUMENTED_CLASSES = [
  "doctype",
  "reader-limits",
  "namespace-constraints",
  "encoding",
  "engine-year-limit",
] as const;
type DisagreementClass = (typeof DOCUMENTED_CLASSES)[number];

const METHODS = [
  { library: "c14n#WithComments", native: "--c14n" },
  { library: "c14n11#WithComments", native: "--c14n11" },
  { library: "exc-c14n#WithComments", native: "--exc-c14n" },
] as const;

/** The valid V0600 fixtures and the V0600 golden outputs of the mappers. */
function sourceDocuments(): string[] {
  const valid = path.join(repoRoot, "fixtures/b2mml-v0600/valid");
  const files = fs.readdirSync(valid).map((c) => path.join(valid, c, "document.xml"));
  for (const mapping of ["loipro", "performance"]) {
    const dir = path.join(repoRoot, "fixtures/mappers", mapping);
    for (const c of fs.readdirSync(dir)) {
      const golden = path.join(dir, c, "expected.xml");
      if (fs.existsSync(golden)) files.push(golden);
    }
  }
  return files.sort().map((f) => fs.readFileSync(f, "utf8"));
}

type Verdict = "valid" | "invalid" | "refused";

interface LibraryOutcome {
  readonly canonical?: Buffer;
  readonly refusal?: XmlParseError;
  readonly verdict?: Verdict;
  readonly codes: readonly string[];
  readonly internal?: string;
}

function runLibrary(bytes: Uint8Array, file: string, method: string): LibraryOutcome {
  let canonical: Buffer | undefined;
  let refusal: XmlParseError | undefined;
  let internal: string | undefined;
  try {
    canonical = canonicalizeXml(bytes, { method: method as "c14n", reader: { file } });
  } catch (error) {
    if (error instanceof XmlParseError) refusal = error;
    else internal = `c14n: ${String(error)}`;
  }
  try {
    const result = validateXsd(bytes, { schemas: loadSchemaSet("profile"), file });
    const refused = result.issues.some((i) => i.origin === "xml");
    return {
      ...(canonical ? { canonical } : {}),
      ...(refusal ? { refusal } : {}),
      ...(internal ? { internal } : {}),
      verdict: refused ? "refused" : result.valid ? "valid" : "invalid",
      codes: result.issues.map((i) => i.code),
    };
  } catch (error) {
    return { codes: [], internal: `${internal ?? ""} validate: ${String(error)}` };
  }
}

/** Native verdicts of many files in one `xmllint --schema` run: no verdict line means not parsed. */
function nativeVerdicts(files: readonly string[]): Map<string, Verdict> {
  const run = spawnSync("xmllint", ["--noout", "--nonet", "--huge", "--schema", PROFILE_ENTRY, ...files], {
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  const verdicts = new Map<string, Verdict>(files.map((f) => [f, "refused"]));
  for (const line of run.stderr.split("\n")) {
    const m = /^(.*) (validates|fails to validate)$/.exec(line);
    if (m?.[1] !== undefined && verdicts.has(m[1]))
      verdicts.set(m[1], m[2] === "validates" ? "valid" : "invalid");
  }
  return verdicts;
}

/** Native canonical forms (`undefined`: xmllint failed), a few processes at a time. */
async function nativeCanonicalForms(
  jobs: readonly { readonly file: string; readonly flag: string }[],
): Promise<(Buffer | undefined)[]> {
  const results: (Buffer | undefined)[] = new Array(jobs.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < jobs.length; i = next++) {
      const job = jobs[i];
      if (job === undefined) continue;
      results[i] = await new Promise<Buffer | undefined>((resolve) =>
        execFile(
          "xmllint",
          ["--nonet", "--huge", job.flag, job.file],
          { encoding: "buffer", maxBuffer: 64 * 1024 * 1024 },
          (error, stdout) => resolve(error ? undefined : stdout),
        ),
      );
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  return results;
}

/** The documented class of a document the reader refuses and native libxml2 reads, by the refusal. */
function classifyRefusal(refusal: XmlParseError | undefined): DisagreementClass | undefined {
  if (refusal === undefined) return undefined;
  switch (refusal.code) {
    case "XML_DOCTYPE_REFUSED":
      return "doctype";
    case "XML_TOO_DEEP":
    case "XML_TOO_MANY_ATTRIBUTES":
    case "XML_TOO_MANY_ELEMENTS":
    case "XML_TEXT_TOO_LONG":
    case "XML_NAME_TOO_LONG":
    case "XML_INPUT_TOO_LARGE":
      return "reader-limits";
    case "XML_BAD_NAMESPACE_URI":
    case "XML_BAD_QNAME":
      return "namespace-constraints";
    case "XML_UNSUPPORTED_ENCODING":
      return "encoding";
    case "XML_NOT_WELL_FORMED":
      // namespace well-formedness (Namespaces in XML 1.0) that native libxml2 2.9 reports and recovers from
      return /unbound namespace prefix|xmlns|xml prefix|duplicate attribute: \{/.test(refusal.message)
        ? "namespace-constraints"
        : undefined;
    default:
      return undefined;
  }
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "b2mml-differential-"));
afterAll(() => {
  disposeValidators();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe.skipIf(!xmllintAvailable)(
  "differential: the library against native xmllint (skipped without xmllint)",
  () => {
    const sources = sourceDocuments();
    const plans = fc.sample(mutantPlanArbitrary(sources.length), { seed: SEED, numRuns: MUTANTS });
    const mutants = plans.map((plan, i) => {
      const file = path.join(tmp, `m${String(i).padStart(3, "0")}.xml`);
      const bytes = Buffer.from(applyMutantPlan(sources, plan), "utf8");
      fs.writeFileSync(file, bytes);
      return { i, file, bytes, plan, method: METHODS[i % METHODS.length] ?? METHODS[0] };
    });
    let nativeCanonical: (Buffer | undefined)[] = [];
    beforeAll(async () => {
      nativeCanonical = await nativeCanonicalForms(
        mutants.map((m) => ({ file: m.file, flag: m.method.native })),
      );
    });

    test(`${MUTANTS} mutants of ${sources.length} documents (seed ${SEED}): no internal error, equal canonical bytes and verdicts, documented disagreements only`, () => {
      const native = nativeVerdicts(mutants.map((m) => m.file));
      const internal: string[] = [];
      const byteDifferences: string[] = [];
      const unexplained: string[] = [];
      const classes = new Map<string, number>();
      const count = (c: string) => classes.set(c, (classes.get(c) ?? 0) + 1);
      let compared = 0;
      for (const { i, file, bytes, plan, method } of mutants) {
        const lib = runLibrary(bytes, file, method.library);
        if (lib.internal !== undefined) internal.push(`${path.basename(file)}: ${lib.internal}`);
        const canonical = nativeCanonical[i];
        const where = `${path.basename(file)} ${JSON.stringify(plan)}`;
        // canonical forms
        if (lib.canonical !== undefined && canonical !== undefined) {
          compared++;
          if (!lib.canonical.equals(canonical)) byteDifferences.push(where);
        } else if ((lib.canonical === undefined) !== (canonical === undefined)) {
          const cls = canonical !== undefined ? classifyRefusal(lib.refusal) : undefined;
          if (cls === undefined)
            unexplained.push(
              `c14n ${where}: library ${lib.refusal?.code ?? "accepted"}, native ${canonical ? "accepted" : "refused"}`,
            );
          else count(cls);
        }
        // XSD verdicts
        const nativeVerdict = native.get(file);
        if (lib.verdict !== undefined && lib.verdict !== nativeVerdict) {
          const cls =
            lib.verdict === "refused"
              ? classifyRefusal(lib.refusal)
              : lib.codes.includes("XSD_YEAR_BEYOND_ENGINE_LIMIT") && nativeVerdict === "valid"
                ? "engine-year-limit"
                : undefined;
          if (cls === undefined)
            unexplained.push(
              `xsd ${where}: library ${lib.verdict} ${lib.codes.join(",")}, native ${nativeVerdict}`,
            );
          else count(cls);
        }
      }
      expect(internal).toEqual([]);
      expect(byteDifferences).toEqual([]);
      expect(unexplained).toEqual([]);
      expect(
        [...classes.keys()].filter((c) => !(DOCUMENTED_CLASSES as readonly string[]).includes(c)),
      ).toEqual([]);
      // the mutants exercise the comparison: most documents canonicalize on both sides
      expect(compared).toBeGreaterThan(MUTANTS / 3);
    });

    test("every class of disagreement is documented in docs/validation.md", () => {
      const doc = fs.readFileSync(path.join(repoRoot, "docs/validation.md"), "utf8");
      for (const cls of DOCUMENTED_CLASSES) expect(doc).toContain(`| \`${cls}\` |`);
    });
  },
);
