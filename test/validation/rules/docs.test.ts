/**
 * docs/rules.md stays current: every rule of the catalogue is there with its ID and its statement. These
 * are documentation checks (`markDocumentationCheck`): the evidence report does not count them as tests
 * of the rules; rules.test.ts (a case per rule, titled with its ID) exercises them.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { markDocumentationCheck } from "../../../src/testing/index.js";
import { RULES } from "../../../src/validation/rules/index.js";
import { repoRoot } from "../../helpers/paths.js";

const doc = fs.readFileSync(path.join(repoRoot, "docs/rules.md"), "utf8");

describe("docs/rules.md", () => {
  it.each(RULES.map((rule) => [rule.id, rule] as const))("documents %s with its statement", (id, rule) => {
    markDocumentationCheck();
    expect(doc).toContain(`## ${id}: ${rule.title}`);
    expect(doc).toContain(`> ${rule.statement}`);
  });

  it("documents no rule that does not exist", () => {
    markDocumentationCheck();
    const documented = [...doc.matchAll(/^## (B2MML-[A-Z]+-\d{3})/gm)].map((m) => m[1]);
    expect(documented).toEqual(RULES.map((rule) => rule.id));
  });
});
