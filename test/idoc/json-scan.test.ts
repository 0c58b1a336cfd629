/**
 * IDoc-JSON text is scanned before `JSON.parse`: duplicate keys (which `JSON.parse` would silently
 * collapse to the last one) are refused with the key, the object's path and the line; the depth and
 * element limits apply before the object graph is built.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, test, vi } from "vitest";
import { IdocInputError, readIdoc } from "../../src/idoc/index.js";
import { idocFixturesDir } from "./helpers.js";

afterEach(() => {
  vi.restoreAllMocks();
});

function refusal(run: () => unknown): IdocInputError {
  try {
    run();
  } catch (error) {
    if (error instanceof IdocInputError) return error;
    throw error;
  }
  throw new Error("not refused");
}

const control = '"EDI_DC40": { "DOCNUM": "1", "IDOCTYP": "LOIPRO05", "MESTYP": "LOIPRO" }';

describe("duplicate keys", () => {
  test("two E1AFKOL objects in one IDoc: refused, not one silently lost", () => {
    const text = `{ "LOIPRO05": { "IDOC": [ { ${control},
  "E1AFKOL": { "AUFNR": "1004711" },
  "E1AFKOL": { "AUFNR": "1004712" } } ] } }`;
    const error = refusal(() => readIdoc(text, { file: "orders.json" }));
    expect(error.code).toBe("JSON_NOT_WELL_FORMED");
    expect(error.line).toBe(3);
    expect(error.column).toBe(3);
    expect(error.message).toContain('duplicate key "E1AFKOL"');
    expect(error.message).toContain("LOIPRO05.IDOC[0]");
    expect(error.message).toMatch(/^orders\.json:3:3: /);
  });

  test("a duplicate field deep in a repeated segment: the path names the array index", () => {
    const text = `{"IDOC":[{${control}},{${control},"E1AFKOL":{"AUFNR":"1","E1AFFLL":[{"PLNFL":"0"},{"PLNFL":"1","E1AFVOL":{"VORNR":"0010","VORNR":"0020"}}]}}]}`;
    const error = refusal(() => readIdoc(text));
    expect(error.code).toBe("JSON_NOT_WELL_FORMED");
    expect(error.message).toContain(
      'duplicate key "VORNR" in the object at IDOC[1].E1AFKOL.E1AFFLL[1].E1AFVOL',
    );
    expect(error.line).toBe(1);
    expect(text.slice((error.column ?? 0) - 1)).toMatch(/^"VORNR":"0020"/);
  });

  test("at the top level and in the root wrapper; an escaped spelling is the same key", () => {
    expect(refusal(() => readIdoc('{"IDOC":[],"ID\\u004fC":[]}')).message).toContain(
      'duplicate key "IDOC" in the object at (top level)',
    );
    expect(
      refusal(() => readIdoc(`{"LOIPRO05":{"IDOC":[{${control}}]},"LOIPRO05":{"IDOC":[]}}`)).message,
    ).toContain('duplicate key "LOIPRO05" in the object at (top level)');
    expect(refusal(() => readIdoc(`{"LOIPRO05":{"IDOC":[],"IDOC":[{${control}}]}}`)).message).toContain(
      'duplicate key "IDOC" in the object at LOIPRO05',
    );
  });

  test("the same key in different objects, and key-like strings in values, are fine", () => {
    const text = `{"IDOC":[{${control},"E1AFKOL":[{"AUFNR":"1","X":"AUFNR"},{"AUFNR":"2","Y":"{\\"AUFNR\\":1,\\"AUFNR\\":2}"}]}]}`;
    const packet = readIdoc(text);
    expect(packet.idocs).toHaveLength(1);
    expect(packet.issues.filter((i) => i.severity === "error")).toEqual([]);
  });

  test("bytes (UTF-8) are scanned too; a syntax error is still JSON.parse's", () => {
    const bytes = new TextEncoder().encode(`{"IDOC":{${control},"E1AFKOL":{},"E1AFKOL":{}}}`);
    expect(refusal(() => readIdoc(bytes)).message).toContain('duplicate key "E1AFKOL" in the object at IDOC');
    const broken = refusal(() => readIdoc('{"IDOC": [ {"A": "1",, } ]}'));
    expect(broken.code).toBe("JSON_NOT_WELL_FORMED");
    expect(broken.message).not.toContain("duplicate");
  });
});

describe("limits apply before JSON.parse builds the graph", () => {
  test("a large array of {} over maxElements is refused without parsing", () => {
    const parse = vi.spyOn(JSON, "parse");
    const text = `[${Array.from({ length: 10_000 }, () => "{}").join(",")}]`;
    const error = refusal(() => readIdoc(text, { reader: { maxElements: 100 } }));
    expect(error.code).toBe("JSON_TOO_MANY_ELEMENTS");
    expect(error.line).toBe(1);
    expect(parse).not.toHaveBeenCalled();
  });

  test("objects nested deeper than maxDepth are refused without parsing", () => {
    const parse = vi.spyOn(JSON, "parse");
    const depth = 5_000;
    const text = `{"IDOC":[{${control},${'"E1":{'.repeat(depth)}${"}".repeat(depth)}}]}`;
    const error = refusal(() => readIdoc(text, { reader: { maxDepth: 50 } }));
    expect(error.code).toBe("JSON_TOO_DEEP");
    expect(parse).not.toHaveBeenCalled();
    // nested arrays count as levels too
    expect(refusal(() => readIdoc(`[${"[".repeat(depth)}${"]".repeat(depth)}]`)).code).toBe("JSON_TOO_DEEP");
  });

  const jsonFixtures = readdirSync(idocFixturesDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(idocFixturesDir, d.name, "idoc.json")))
    .map((d) => d.name);

  /** The smallest value of a limit at which `read` succeeds. */
  const smallest = (read: (limit: number) => unknown): number => {
    let low = 0;
    let high = 1_000_000;
    while (low < high) {
      const mid = Math.floor((low + high) / 2);
      try {
        read(mid);
        high = mid;
      } catch {
        low = mid + 1;
      }
    }
    return low;
  };

  test.each(jsonFixtures)("%s: the scan is no stricter than the reader's exact limits", (name) => {
    const text = readFileSync(path.join(idocFixturesDir, name, "idoc.json"), "utf8");
    const value = JSON.parse(text) as object;
    const elements = smallest((maxElements) => readIdoc(value, { reader: { maxElements } }));
    const depth = smallest((maxDepth) => readIdoc(value, { reader: { maxDepth } }));
    expect(elements).toBeGreaterThan(10);
    expect(() => readIdoc(text, { reader: { maxElements: elements, maxDepth: depth } })).not.toThrow();
    expect(smallest((maxElements) => readIdoc(text, { reader: { maxElements } }))).toBe(elements);
    expect(smallest((maxDepth) => readIdoc(text, { reader: { maxDepth } }))).toBe(depth);
  });
});
