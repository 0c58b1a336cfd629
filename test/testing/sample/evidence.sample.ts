/**
 * A small suite run by evidence-reporter.test.ts in a child vitest with the evidence reporter: a passing
 * test per way of naming a requirement, an artifact-recording golden test, and a deliberate failure.
 * Not part of the project's own suite (the name does not end in .test.ts).
 */
import { expect, test } from "vitest";
import { expectMapping, requirement } from "../../../src/testing/index.js";

test("[DEMO-REQ-001] named in the title", () => {
  expect(1 + 1).toBe(2);
});

test("tagged with requirement()", () => {
  requirement("DEMO-REQ-002");
  expectMapping({
    input: "<in/>",
    config: { plant: "1000" },
    map: () => "<out a='1'/>",
    expected: '<out a="1"></out>',
  });
});

test("DEMO-REQ-003 fails on purpose", () => {
  requirement("DEMO-REQ-003");
  expect("actual").toBe("expected");
});

test("names no requirement", () => {
  expect(true).toBe(true);
});
