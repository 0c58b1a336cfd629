/**
 * A small suite run by requirement-links.test.ts in a child vitest with the evidence reporter: tests that
 * exercise requirements, documentation checks (`markDocumentationCheck`) and a sample ID no requirement
 * source documents. Not part of the project's own suite (the name does not end in .test.ts).
 */
import { expect, test } from "vitest";
import { markDocumentationCheck, requirement } from "../../../../src/testing/index.js";

test("[LINK-REQ-001] exercised by its title", () => {
  expect(2 * 3).toBe(6);
});

test("LINK-REQ-002 is documented (a documentation check only)", () => {
  markDocumentationCheck();
  expect("## LINK-REQ-002").toContain("LINK-REQ-002");
});

test("LINK-REQ-001 and LINK-REQ-003 exercised by one test", () => {
  expect([1, 2].length).toBe(2);
});

test("LINK-REQ-003 is documented (a documentation check beside a test)", () => {
  markDocumentationCheck();
  expect("## LINK-REQ-003").toContain("LINK-REQ-003");
});

test("a sample ID tagged by a helper test", () => {
  requirement("ACME-IF-001");
  expect(true).toBe(true);
});
