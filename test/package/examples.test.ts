/**
 * Every command of examples/<folder>/README.md (the lines of its ```sh blocks) runs as written, in a copy
 * of its folder, with the built CLI (`node dist/cli/main.js` for `b2mml`): the exit code and the key part
 * of the output are asserted. A command without an expectation, or an expectation whose command is gone
 * from the README, fails the test. The table and the runner are in ./helpers/examples.ts, shared with the
 * run by the installed package (packed.test.ts).
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { repoRoot } from "../helpers/paths.js";
import { EXPECTED, exampleFolders, runExample } from "./helpers/examples.js";

const examplesDir = path.join(repoRoot, "examples");
const folders = exampleFolders(examplesDir);
const work = mkdtempSync(path.join(tmpdir(), "b2mml-examples-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("examples/", () => {
  test("every folder has its expectations, and only those", () => {
    expect(folders).toEqual(Object.keys(EXPECTED).sort());
  });

  test("the package ships them (package.json files)", () => {
    const pkg = JSON.parse(readFileSync(path.join(repoRoot, "package.json"), "utf8")) as { files: string[] };
    expect(pkg.files).toContain("examples");
  });

  for (const folder of folders) {
    test(`${folder}: every command of its README runs as written`, async () => {
      await runExample(examplesDir, folder, work);
    }, 60_000);
  }
});
