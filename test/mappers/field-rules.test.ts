/**
 * Issue #20: the generic code that applies field rows (`src/mappers/shared/field-rules.ts`), one case per
 * kind, target shape, alternative source and condition.
 */
import { describe, expect, test } from "vitest";
import type { IdocSegment } from "../../src/idoc/model.js";
import { IssueCollector, mapIssuePath } from "../../src/mappers/issues.js";
import { applyRows, type FieldRow, sourceFields } from "../../src/mappers/shared/field-rules.js";
import { createContext } from "../../src/mappers/shared/map-context.js";

function segment(
  fields: Record<string, string>,
  children: IdocSegment[] = [],
  raw: Record<string, string> = fields,
): IdocSegment {
  return { name: "E1TEST", fields, raw, segments: children, path: "IDOC[1]/E1TEST" };
}

function run(rows: readonly FieldRow[], source: IdocSegment) {
  const issues = new IssueCollector();
  const ctx = createContext({ plants: {} }, issues);
  const values = applyRows(ctx, source, rows as readonly FieldRow<{ Value: unknown }>[]);
  return { values, errors: issues.errors.map((e) => `${mapIssuePath(e)} ${e.code}`) };
}

const row = (over: Partial<FieldRow>): FieldRow =>
  ({ id: "LOIPRO-MAP-033", from: "A", to: "Value", kind: "copy", ...over }) as FieldRow;

describe("applyRows", () => {
  test.each([
    [
      "copy",
      row({}),
      { A: "x" },
      [{ ValueString: { value: "x" }, DataType: { value: "string" }, Key: { value: "A" } }],
    ],
    [
      "decimal",
      row({ kind: "decimal" }),
      { A: "1.5" },
      [{ ValueString: { value: "1.5" }, DataType: { value: "decimal" }, Key: { value: "A" } }],
    ],
    [
      "date",
      row({ kind: "date" }),
      { A: "2026-01-31" },
      [{ ValueString: { value: "2026-01-31" }, DataType: { value: "date" }, Key: { value: "A" } }],
    ],
    [
      "quantity",
      row({ kind: "quantity", unit: "U" }),
      { A: "2.500", U: "KG" },
      [
        {
          ValueString: { value: "2.500", unitCode: "KGM" },
          DataType: { value: "decimal" },
          UnitOfMeasure: { value: "KGM" },
          Key: { value: "A" },
        },
      ],
    ],
    [
      "quantity: a zero without unit carries nothing",
      row({ kind: "quantity", unit: "U" }),
      { A: "0.000" },
      [],
    ],
    ["an absent field gives nothing", row({}), {}, []],
    [
      "key",
      row({ key: "OTHER" }),
      { A: "x" },
      [{ ValueString: { value: "x" }, DataType: { value: "string" }, Key: { value: "OTHER" } }],
    ],
  ] as const)("%s", (_, r, fields, expected) => {
    expect(run([r], segment(fields))).toEqual({ values: expected, errors: [] });
  });

  test.each([
    ["date", row({ kind: "date" }), { A: "2026-02-30" }, ["IDOC[1]/E1TEST/A INVALID_DATE"]],
    ["quantity", row({ kind: "quantity", unit: "U" }), { A: "5" }, ["IDOC[1]/E1TEST/U MISSING_UNIT"]],
  ] as const)("%s: a problem is reported at the field and nothing is passed on", (_, r, fields, errors) => {
    expect(run([r], segment(fields))).toEqual({ values: [], errors });
  });

  test("several sources: the first with a value, a child segment first", () => {
    const rows = [row({ from: ["E1CHILD/A", "A"] })];
    const child: IdocSegment = { ...segment({ A: "child" }), name: "E1CHILD" };
    expect(run(rows, segment({ A: "own" }, [child])).values[0]?.ValueString).toEqual({ value: "child" });
    expect(run(rows, segment({ A: "own" })).values[0]?.ValueString).toEqual({ value: "own" });
    expect(sourceFields(rows[0] as FieldRow)).toEqual(["A"]);
  });

  test("a condition the row names decides whether the value is passed on", () => {
    const withB = (s: IdocSegment) => s.fields.B !== undefined;
    expect(run([row({ when: withB })], segment({ A: "x" })).values).toEqual([]);
    expect(run([row({ when: withB })], segment({ A: "x", B: "y" })).values).toHaveLength(1);
  });

  test("the target decides the shape: property, production parameter", () => {
    const ctx = createContext({ plants: {} }, new IssueCollector());
    const source = segment({ A: "x" });
    const value = { ValueString: { value: "x" }, DataType: { value: "string" } };
    expect(
      applyRows(ctx, source, [
        {
          id: "LOIPRO-MAP-033",
          from: "A",
          to: "MaterialConsumedRequirementProperty",
          kind: "copy",
          label: "a",
        },
      ]),
    ).toEqual([{ ID: { value: "A" }, Description: [{ value: "a" }], Value: [value] }]);
    expect(
      applyRows(ctx, source, [{ id: "LOIPRO-MAP-023", from: "A", to: "ProductionParameter", kind: "copy" }]),
    ).toEqual([{ Parameter: { ID: { value: "A" }, Value: [value] } }]);
  });
});
