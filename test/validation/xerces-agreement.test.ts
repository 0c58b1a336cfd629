/**
 * A second, independent engine: Xerces (Java, through `xsd-schema-validator`) must agree with libxml2 on
 * valid/invalid for every fixture, against the profile and MESA's V0600 set. Xerces gets the same entry as
 * libxml2: the profile's entry file, and for MESA the loader's synthesized entry written to a temporary
 * folder with absolute file URLs. Skipped with a message when `java` is missing.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { validateXML } from "xsd-schema-validator";
import { disposeSchemaSets, loadSchemaSet, type SchemaSet, validateXsd } from "../../src/validation/index.js";
import { mesaV0600Dir, sharedAvailable, sharedMissingReason } from "../helpers/libxml2-schema.js";
import { repoRoot } from "../helpers/paths.js";

const javaAvailable = spawnSync("java", ["-version"], { stdio: "ignore" }).status === 0;
const fixturesDir = path.join(repoRoot, "fixtures/b2mml-v0600");
const temp = fs.mkdtempSync(path.join(os.tmpdir(), "b2mml-xerces-"));

afterAll(() => {
  disposeSchemaSets();
  fs.rmSync(temp, { recursive: true, force: true });
});

const documents = (["valid", "invalid"] as const).flatMap((kind) =>
  fs
    .readdirSync(path.join(fixturesDir, kind))
    .sort()
    .map((name) => path.join(fixturesDir, kind, name, "document.xml")),
);

/** The loader's synthesized entry and wrappers, written to `temp` with absolute locations; the entry's path. */
function writeSynthesizedEntry(set: SchemaSet): string {
  const out = path.join(temp, path.basename(set.dir));
  fs.mkdirSync(out, { recursive: true });
  const virtual = new Set([...set.synthesizedSources.keys()].map((f) => path.basename(f)));
  for (const [file, text] of set.synthesizedSources) {
    const rewritten = text.replace(/schemaLocation="([^"]+)"/g, (_m, location: string) => {
      const name = decodeURIComponent(location);
      const target = virtual.has(name) ? path.join(out, name) : path.join(set.dir, name);
      return `schemaLocation="${pathToFileURL(target).href}"`;
    });
    fs.writeFileSync(path.join(out, path.basename(file)), rewritten);
  }
  return path.join(out, path.basename(set.entry));
}

type Verdict = "valid" | "invalid" | `engine error: ${string}`;

async function xercesVerdict(file: string, entry: string): Promise<Verdict> {
  try {
    const result = await validateXML({ file }, entry);
    return result.valid ? "valid" : "invalid";
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return message.includes("status=WITH_ERRORS") ? "invalid" : `engine error: ${message}`;
  }
}

/** Runs `task` over `items`, at most `limit` at a time (one JVM per call). */
async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++) results[i] = await task(items[i] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

const sets: { title: string; skip: string | undefined; load: () => { set: SchemaSet; entry: string } }[] = [
  {
    title: "profile xsd/b2mml-v0600",
    skip: undefined,
    load: () => {
      const set = loadSchemaSet("profile");
      return { set, entry: set.entry };
    },
  },
  {
    title: "MESA V0600 (synthesized entry)",
    skip: sharedAvailable ? undefined : sharedMissingReason,
    load: () => {
      const set = loadSchemaSet({ dir: mesaV0600Dir });
      return { set, entry: writeSynthesizedEntry(set) };
    },
  },
];

for (const { title, skip, load } of sets) {
  const reason = !javaAvailable ? "java not found on PATH" : skip;
  describe.skipIf(reason !== undefined)(
    reason === undefined
      ? `Xerces agrees with libxml2: ${title}`
      : `Xerces agrees with libxml2: ${title} (skipped: ${reason})`,
    () => {
      it("on every fixture", async () => {
        const { set, entry } = load();
        const xerces = await mapLimited(documents, 4, (file) => xercesVerdict(file, entry));
        const disagreements = documents.flatMap((file, i) => {
          const libxml2: Verdict = validateXsd(fs.readFileSync(file), { schemas: set, file }).valid
            ? "valid"
            : "invalid";
          const other = xerces[i];
          return other === libxml2
            ? []
            : [`${path.relative(repoRoot, file)}: libxml2 ${libxml2}, Xerces ${other}`];
        });
        expect(disagreements).toEqual([]);
        // the fixtures' own verdict, so that agreeing on the wrong answer does not pass
        expect(xerces).toEqual(
          documents.map((file) => (file.includes(`${path.sep}valid${path.sep}`) ? "valid" : "invalid")),
        );
      });
    },
  );
}
