/**
 * A help text that names a guide (`docs/<guide>.md`) says where the guides are: the package does not ship
 * docs/ (test/package/packed.test.ts), so a bare path would point at nothing.
 */
import { describe, expect, test } from "vitest";
import { runInProcess } from "./helpers/run-cli.js";

const HELPS = [
  ["--help"],
  ["validate", "--help"],
  ["map", "--help"],
  ["map", "production-schedule", "--help"],
  ["map", "production-performance", "--help"],
  ["map", "erp-postings", "--help"],
  ["hash", "--help"],
  ["c14n", "--help"],
  ["audit", "--help"],
  ["codegen", "--help"],
];

describe("help texts that name a guide", () => {
  test.each(HELPS)("b2mml %s … says where docs/ is", async (...args) => {
    const run = await runInProcess(args);
    const help = run.out + run.err;
    expect(help.length).toBeGreaterThan(0);
    if (help.includes("docs/"))
      expect(help).toContain(
        "The guides named docs/<guide>.md are not in the package; read them at\nhttps://github.com/b2mml/b2mml/tree/main/docs.",
      );
  });

  test("validate and every mapping name a guide", async () => {
    for (const args of [["validate"], ["map"], ["map", "production-schedule"], ["map", "erp-postings"]])
      expect((await runInProcess([...args, "--help"])).out).toContain(
        "https://github.com/b2mml/b2mml/tree/main/docs.",
      );
  });
});
