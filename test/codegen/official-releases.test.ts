/**
 * Every official B2MML release generates and compiles, and every type definition of its XSDs becomes
 * exactly one emitted type.
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { childElements, type XmlElement } from "../../src/binding/xml-tree.js";
import { generate } from "../../src/codegen/generate.js";
import { writeOutput } from "../../src/codegen/write-output.js";
import { XS } from "../../src/codegen/xsd/model.js";
import { officialReleases, officialSetsDir, officialSetsMissing } from "../helpers/paths.js";
import { typeCheckFolders } from "../helpers/tsc.js";

const releases = officialReleases();
const work = mkdtempSync(path.join(os.tmpdir(), "b2mml-releases-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Counts {
  namedComplex: number;
  anonymousComplex: number;
  namedSimple: number;
  anonymousSimple: number;
}

/** Counts type definitions straight from the schema document's element tree. */
function countTypeDefinitions(root: XmlElement, counts: Counts): void {
  for (const child of childElements(root)) {
    if (child.ns === XS && (child.local === "complexType" || child.local === "simpleType")) {
      const named = child.attributes.some((a) => a.ns === null && a.local === "name");
      const key =
        `${named ? "named" : "anonymous"}${child.local === "complexType" ? "Complex" : "Simple"}` as keyof Counts;
      counts[key]++;
    }
    countTypeDefinitions(child, counts);
  }
}

function countEmitted(files: ReadonlyMap<string, string>): number {
  let emitted = 0;
  for (const [name, text] of files) {
    if (name === "index.ts") continue;
    emitted += (text.match(/^export (interface|type) (?!\$Elements\b)/gm) ?? []).length;
  }
  return emitted;
}

describe.skipIf(releases.length === 0)("official B2MML releases", () => {
  test.each(releases)("%s: generates one type per XSD type definition", (release) => {
    const result = generate([path.join(officialSetsDir, release)]);
    const counts: Counts = { namedComplex: 0, anonymousComplex: 0, namedSimple: 0, anonymousSimple: 0 };
    // one count per schema document as it takes part in the set: a no-namespace file included into two
    // namespaces defines its types in both
    for (const doc of result.documents) countTypeDefinitions(doc.root, counts);
    const inXsd = counts.namedComplex + counts.anonymousComplex + counts.namedSimple + counts.anonymousSimple;
    const emitted = countEmitted(result.files);
    console.log(
      `${release}: ${result.documents.length} schema documents; complexTypes ${counts.namedComplex} named + ${counts.anonymousComplex} anonymous, simpleTypes ${counts.namedSimple} named + ${counts.anonymousSimple} anonymous = ${inXsd} in the XSDs; ${emitted} types emitted in ${result.files.size} modules`,
    );
    expect(emitted).toBe(inXsd);
    const out = path.join(work, release);
    mkdirSync(out, { recursive: true });
    writeOutput(result.files, out);
  });

  test("every release's generated code compiles with tsc --strict --noEmit", () => {
    typeCheckFolders(work, releases);
  });
});

if (releases.length === 0) test.skip(officialSetsMissing, () => {});
