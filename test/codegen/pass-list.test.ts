/**
 * The generator's pass list is data (`src/codegen/pass-list.ts`): its order is consistent (every need is
 * guaranteed by an earlier pass), it halts where problems must stop the pipeline, each pass's module exists,
 * and the pipeline table of docs/codegen.md lists exactly these passes.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { DiagnosticSink } from "../../src/codegen/diagnostics.js";
import { FACTS, PASSES, type PipelineState, runPasses } from "../../src/codegen/pass-list.js";
import { cleanupInline, schema, writeSchemaFiles } from "../helpers/inline-xsd.js";

afterAll(cleanupInline);

const root = path.resolve(import.meta.dirname, "../..");

interface PassShape {
  readonly name: string;
  readonly needs: readonly string[];
  readonly guarantees: readonly string[];
}

/** Every way a pass list can be out of order, one message each. */
function findOrderProblems(passes: readonly PassShape[]): string[] {
  const problems: string[] = [];
  const guaranteedBy = new Map<string, string>();
  for (const pass of passes) {
    for (const need of pass.needs)
      if (!guaranteedBy.has(need))
        problems.push(`${pass.name} needs ${need}, which no earlier pass guarantees`);
    for (const fact of pass.guarantees) {
      const earlier = guaranteedBy.get(fact);
      if (earlier !== undefined)
        problems.push(`${pass.name} guarantees ${fact}, already guaranteed by ${earlier}`);
      else guaranteedBy.set(fact, pass.name);
    }
  }
  return problems;
}

describe("the order checker", () => {
  const cases: [string, { given: PassShape[]; want: string[] }][] = [
    [
      "a consistent list",
      {
        given: [
          { name: "a", needs: [], guarantees: ["x"] },
          { name: "b", needs: ["x"], guarantees: ["y"] },
          { name: "c", needs: ["x", "y"], guarantees: [] },
        ],
        want: [],
      },
    ],
    [
      "a need guaranteed only by a later pass",
      {
        given: [
          { name: "a", needs: ["y"], guarantees: ["x"] },
          { name: "b", needs: ["x"], guarantees: ["y"] },
        ],
        want: ["a needs y, which no earlier pass guarantees"],
      },
    ],
    [
      "a need no pass guarantees",
      {
        given: [{ name: "a", needs: ["z"], guarantees: [] }],
        want: ["a needs z, which no earlier pass guarantees"],
      },
    ],
    [
      "a need guaranteed by the pass itself",
      {
        given: [{ name: "a", needs: ["x"], guarantees: ["x"] }],
        want: ["a needs x, which no earlier pass guarantees"],
      },
    ],
    [
      "a fact guaranteed twice",
      {
        given: [
          { name: "a", needs: [], guarantees: ["x"] },
          { name: "b", needs: [], guarantees: ["x"] },
        ],
        want: ["b guarantees x, already guaranteed by a"],
      },
    ],
  ];
  test.each(cases)("%s", (_name, { given, want }) => {
    expect(findOrderProblems(given)).toEqual(want);
  });
});

describe("the generator's pass list", () => {
  test("every pass's needs are guaranteed by an earlier pass; no fact is guaranteed twice", () => {
    expect(findOrderProblems(PASSES)).toEqual([]);
  });

  test("every fact is guaranteed by some pass, and the last pass guarantees the TypeScript modules", () => {
    const guaranteed = PASSES.flatMap((p) => [...p.guarantees]);
    expect([...guaranteed].sort()).toEqual([...FACTS].sort());
    expect(PASSES[PASSES.length - 1]?.guarantees).toEqual(["typescript-modules"]);
  });

  test("the order of the passes", () => {
    expect(PASSES.map((p) => p.name)).toEqual([
      "expand-schema-paths",
      "load-schema-documents",
      "read-schema-set",
      "collect-types",
      "name-anonymous-types",
      "build-types",
      "assign-property-names",
      "build-element-declarations",
      "check-unreferenced-definitions",
      "emit-modules",
    ]);
  });

  test("loading and reading halt on problems; the build passes report together and halt before emitting", () => {
    expect(PASSES.filter((p) => p.halts).map((p) => p.name)).toEqual([
      "expand-schema-paths",
      "load-schema-documents",
      "read-schema-set",
      "check-unreferenced-definitions",
    ]);
    const emit = PASSES.findIndex((p) => p.name === "emit-modules");
    expect(PASSES[emit - 1]?.halts).toBe(true);
  });

  test("every pass's module exists under src/codegen/", () => {
    for (const pass of PASSES)
      expect(existsSync(path.join(root, "src/codegen", pass.module)), `${pass.name}: ${pass.module}`).toBe(
        true,
      );
  });

  test("docs/codegen.md's pipeline table lists the passes in order, with their modules, needs and guarantees", () => {
    const text = readFileSync(path.join(root, "docs/codegen.md"), "utf8");
    const rows = text
      .split("\n")
      .filter((line) => /^\| \d+ \| `/.test(line))
      .map((line) => line.split("|").map((cell) => cell.trim()));
    const cells = (cell: string | undefined) => [...(cell ?? "").matchAll(/`([^`]+)`/g)].map((m) => m[1]);
    expect(
      rows.map((r) => ({
        name: cells(r[2])[0],
        module: cells(r[3])[0],
        needs: cells(r[4]),
        guarantees: cells(r[5]?.split(":")[0]),
        halts: r[6] === "yes",
      })),
    ).toEqual(
      PASSES.map((p) => ({
        name: p.name,
        module: p.module,
        needs: [...p.needs],
        guarantees: [...p.guarantees],
        halts: p.halts,
      })),
    );
  });

  test("runPasses stops after the named pass: the products of later passes are absent", () => {
    const dir = writeSchemaFiles({
      "a.xsd": schema(
        `<xs:element name="E"><xs:complexType><xs:attribute name="a"/></xs:complexType></xs:element>`,
      ),
    });
    const state: PipelineState = { inputs: [dir], sink: new DiagnosticSink() };
    runPasses(state, "collect-types");
    expect(state.collected?.map((t) => [t.qname.local, t.kind, t.anonymous])).toEqual([
      ["E_Type", "complex", true],
    ]);
    expect(state.named).toBeUndefined();
    expect(state.ir).toBeUndefined();
    expect(state.files).toBeUndefined();
    expect(state.sink.items).toEqual([]);
  });
});
