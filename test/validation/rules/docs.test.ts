/** docs/rules.md stays current: every rule of the catalogue is there with its ID and its statement. */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { RULES } from "../../../src/validation/rules/index.js";
import { repoRoot } from "../../helpers/paths.js";

const doc = fs.readFileSync(path.join(repoRoot, "docs/rules.md"), "utf8");

describe("docs/rules.md", () => {
  it.each(RULES.map((rule) => [rule.id, rule] as const))("documents %s with its statement", (id, rule) => {
    expect(doc).toContain(`## ${id}: ${rule.title}`);
    expect(doc).toContain(`> ${rule.statement}`);
  });

  it("documents no rule that does not exist", () => {
    const documented = [...doc.matchAll(/^## (B2MML-[A-Z]+-\d{3})/gm)].map((m) => m[1]);
    expect(documented).toEqual(RULES.map((rule) => rule.id));
  });
});
