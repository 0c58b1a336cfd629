/**
 * Test setup: an issue's path (segments) equals the text it renders to with `/` (`IDOC[1]/E1AFKOL/AUFNR`,
 * `/A/B[2]`), so that expectations can name paths as people read them. Key paths (`config`, `option`)
 * render with `.` and are compared through `renderIssuePath` or `mapIssuePath` explicitly.
 */
import { expect } from "vitest";
import type { PathSegment } from "../../src/shared/issue.js";

function isSegment(value: unknown): value is PathSegment {
  if (typeof value !== "object" || value === null) return false;
  const { name, index, ...rest } = value as Record<string, unknown>;
  return (
    typeof name === "string" &&
    (index === undefined || typeof index === "number") &&
    Object.keys(rest).length === 0
  );
}

const slashPath = (path: readonly PathSegment[]) =>
  path.map((s) => (s.index === undefined ? s.name : `${s.name}[${s.index}]`)).join("/");

expect.addEqualityTesters([
  function issuePathEqualsItsText(a: unknown, b: unknown): boolean | undefined {
    const isPath = (v: unknown): v is PathSegment[] => Array.isArray(v) && v.every(isSegment);
    if (isPath(a) && typeof b === "string") return slashPath(a) === b;
    if (isPath(b) && typeof a === "string") return slashPath(b) === a;
    return undefined;
  },
]);
