/**
 * The evidence report as data: per requirement, the tests that name it, their results and the digests of
 * their artifacts; the environment the tests ran in; and the requirements without a passing test.
 * Built by {@link buildEvidenceReport} from plain test records, so that it does not depend on a runner.
 *
 * @module
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { LIBRARY } from "../audit/audit-record.js";
import { JCS } from "../audit/c14n-method.js";
import { canonicalizeJson } from "../audit/canonicalize-json.js";
import { type DigestRecord, digestBytes } from "../audit/digest.js";
import { type EvidenceTest, findRequirementIds } from "./evidence.js";

export type { EvidenceTest } from "./evidence.js";

import {
  anchorTests,
  type IdOutsideSources,
  linkRequirements,
  type ReportedTest,
  type RequirementEvidence,
} from "./link-requirements.js";

export type {
  IdOutsideSources,
  ReportedTest,
  RequirementEvidence,
  RequirementStatus,
} from "./link-requirements.js";

export const EVIDENCE_REPORT_FORMAT = "b2mml-evidence-report/1";

export interface EvidenceEnvironment {
  readonly library: { readonly name: string; readonly version: string };
  readonly node: string;
  readonly os: string;
  /** `git rev-parse HEAD` of the root, when it is a git checkout. */
  readonly gitCommit?: string;
  /** Every schema file (relative to its folder) with its SHA-256, and a JCS digest over the list. */
  readonly schemaSet?: {
    readonly files: readonly { readonly file: string; readonly sha256: string }[];
    readonly digest: DigestRecord;
  };
  /** Each configuration file with the JCS digest of its JSON value. */
  readonly configurations: readonly { readonly file: string; readonly digest: DigestRecord }[];
}

export interface EvidenceReport {
  readonly format: typeof EVIDENCE_REPORT_FORMAT;
  /** xs:dateTime (UTC) of the run. */
  readonly generatedAt: string;
  readonly environment: EvidenceEnvironment;
  readonly summary: {
    readonly tests: number;
    readonly passed: number;
    readonly failed: number;
    readonly skipped: number;
    readonly requirements: number;
    readonly requirementsPassed: number;
    /** Requirements without a passing test (failed or untested). */
    readonly requirementsWithoutPassingTest: number;
  };
  /** The requirements the sources document (only those), each linked to its tests. */
  readonly requirements: readonly RequirementEvidence[];
  /** Every test of the run, in run order, with its anchor. */
  readonly tests: readonly ReportedTest[];
  /** IDs tests name that no requirement source documents (samples, typos): not requirements. */
  readonly outsideSources: readonly IdOutsideSources[];
  /** IDs of requirements without a passing test, in order. */
  readonly withoutPassingTest: readonly string[];
  /** Tests that name no requirement. */
  readonly testsWithoutRequirement: number;
}

export interface EnvironmentOptions {
  /** The root folder (git commit, relative paths). @default process.cwd() */
  readonly root?: string;
  /** Folders of the schema set used (every `.xsd` below them is digested). */
  readonly schemas?: readonly string[];
  /** Configuration files (JSON) the tests use. */
  readonly configurations?: readonly string[];
}

const relative = (root: string, file: string) => path.relative(root, file).split(path.sep).join("/");

function listFiles(dir: string, suffix: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith(suffix))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

function gitCommit(root: string): string | undefined {
  try {
    const out = execFileSync("git", ["rev-parse", "HEAD"], {
      cwd: root,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    }).trim();
    return /^[0-9a-f]{40,64}$/.test(out) ? out : undefined;
  } catch {
    return undefined;
  }
}

/** Describes the environment: library, Node, OS, git commit, schema set and configuration digests. */
export function describeEnvironment(options: EnvironmentOptions = {}): EvidenceEnvironment {
  const root = path.resolve(options.root ?? process.cwd());
  const commit = gitCommit(root);
  const schemaFiles = (options.schemas ?? []).flatMap((dir) => {
    const abs = path.resolve(root, dir);
    return listFiles(abs, ".xsd").map((file) => ({
      file: relative(root, file),
      sha256: createHash("sha256").update(readFileSync(file)).digest("hex"),
    }));
  });
  schemaFiles.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const configurations = (options.configurations ?? []).map((file) => {
    const abs = path.resolve(root, file);
    const value: unknown = JSON.parse(readFileSync(abs, "utf8"));
    return { file: relative(root, abs), digest: digestBytes(canonicalizeJson(value), "sha256", JCS) };
  });
  return {
    library: LIBRARY,
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    ...(commit ? { gitCommit: commit } : {}),
    ...(schemaFiles.length > 0
      ? {
          schemaSet: {
            files: schemaFiles,
            digest: digestBytes(canonicalizeJson(schemaFiles), "sha256", JCS),
          },
        }
      : {}),
    configurations,
  };
}

/**
 * The requirement IDs documents name, with the documents naming each. A source is a file or a pattern
 * with `*` in its last segment (`docs/mapping-*.md`); missing files are ignored.
 */
export function scanRequirementSources(
  sources: readonly string[],
  root: string = process.cwd(),
  pattern?: RegExp,
): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const source of sources) {
    const abs = path.resolve(root, source);
    const dir = path.dirname(abs);
    const base = path.basename(abs);
    let files: string[];
    if (base.includes("*")) {
      const re = new RegExp(
        `^${base
          .split("*")
          .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
          .join(".*")}$`,
      );
      try {
        files = readdirSync(dir)
          .filter((f) => re.test(f))
          .map((f) => path.join(dir, f))
          .sort();
      } catch {
        files = [];
      }
    } else files = [abs];
    for (const file of files) {
      let text: string;
      try {
        if (!statSync(file).isFile()) continue;
        text = readFileSync(file, "utf8");
      } catch {
        continue;
      }
      for (const id of findRequirementIds(text, pattern)) {
        const list = found.get(id) ?? [];
        const name = relative(root, file);
        if (!list.includes(name)) list.push(name);
        found.set(id, list);
      }
    }
  }
  return found;
}

/**
 * Builds the report from the tests and the documented requirements: the table holds the IDs the sources
 * document; a test marked as a documentation check is listed beside them but is not their test.
 */
export function buildEvidenceReport(
  tests: readonly EvidenceTest[],
  documented: ReadonlyMap<string, readonly string[]>,
  environment: EvidenceEnvironment,
  generatedAt: Date = new Date(),
): EvidenceReport {
  const reported = anchorTests(tests);
  const { requirements, outsideSources } = linkRequirements(reported, documented);
  const withoutPassingTest = requirements.filter((r) => r.status !== "passed").map((r) => r.id);
  const count = (state: EvidenceTest["state"]) => tests.filter((t) => t.state === state).length;
  return {
    format: EVIDENCE_REPORT_FORMAT,
    generatedAt: generatedAt.toISOString(),
    environment,
    summary: {
      tests: tests.length,
      passed: count("passed"),
      failed: count("failed"),
      skipped: count("skipped") + count("pending"),
      requirements: requirements.length,
      requirementsPassed: requirements.length - withoutPassingTest.length,
      requirementsWithoutPassingTest: withoutPassingTest.length,
    },
    requirements,
    tests: reported,
    outsideSources,
    withoutPassingTest,
    testsWithoutRequirement: tests.filter((t) => t.requirements.length === 0).length,
  };
}
