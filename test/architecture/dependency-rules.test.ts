/**
 * The dependency rules of the design notes ("Layout" / "Dependency rules" and "Growing the house" rule 9),
 * enforced over the imports of every file in `src/` (static `import`, `export … from`, dynamic
 * `import("…")`, each resolved to the folder it lands in). Each violation names the importing file and
 * line, the import and the rule (rules and checkers: ./dependency-rules.ts). The checker itself is tested
 * first, on synthetic import graphs with a planted violation each.
 */
import path from "node:path";
import { describe, expect, test } from "vitest";
import { exceptionKey, findCycles, findRuleViolations, KNOWN_EXCEPTIONS, RULES } from "./dependency-rules.js";
import {
  type ImportEdge,
  type ImportSite,
  type ImportTarget,
  readImportGraph,
  readImportSites,
} from "./import-graph.js";

/** A synthetic edge: `to` is a repository path (a file under src) or a package name. */
function edge(from: string, to: string, site: Partial<ImportSite> = {}): ImportEdge {
  const target: ImportTarget = to.startsWith("src/")
    ? { kind: "file", file: to }
    : { kind: "package", name: to };
  return {
    specifier: site.specifier ?? to,
    line: site.line ?? 1,
    typeOnly: site.typeOnly ?? false,
    dynamic: false,
    from,
    target,
  };
}

describe("the checker, on synthetic import graphs", () => {
  const cases: [string, { given: ImportEdge[]; want: string[] }][] = [
    [
      "a graph that keeps every rule",
      {
        given: [
          edge("src/cli/main.ts", "src/cli/run.ts"),
          edge("src/cli/run.ts", "src/mappers/index.ts"),
          edge("src/mappers/index.ts", "src/binding/write.ts"),
          edge("src/validation/xsd.ts", "libxml2-wasm"),
          edge("src/audit/c14n.ts", "libxml2-wasm"),
          edge("src/flow/stores/pg.ts", "pg"),
          edge("src/flow/stores/pglite.ts", "@electric-sql/pglite"),
          edge("src/flow/inbox.ts", "libxml2-wasm"),
          edge("src/serve/app.ts", "src/flow/inbox.ts"),
          edge("src/cli/commands/serve.ts", "src/flow/inbox.ts"),
          edge("src/generated/idoc/index.ts", "src/generated/idoc/idoc.ts"),
          edge("src/generated/idoc/idoc.ts", "src/binding/index.ts", {
            specifier: "b2mml/binding",
            typeOnly: true,
          }),
          edge("src/generated/x/x.ts", "src/binding/lexical/decimal.ts", { typeOnly: true }),
          edge("src/shared/read-bounded.ts", "node:fs"),
          edge("src/binding/xml-input.ts", "src/shared/read-bounded.ts"),
          edge("src/idoc/read-idoc.ts", "src/shared/read-bounded.ts"),
        ],
        want: [],
      },
    ],
    [
      "binding imports codegen",
      {
        given: [
          edge("src/binding/read.ts", "src/codegen/ir/model.ts", {
            specifier: "../codegen/ir/model.js",
            line: 7,
          }),
        ],
        want: [
          'src/binding/read.ts:7 imports "../codegen/ir/model.js" (src/codegen/ir/model.ts): breaks binding-below-the-rest: binding imports nothing from codegen, idoc, mappers, cli',
        ],
      },
    ],
    [
      "binding imports idoc and mappers",
      {
        given: [
          edge("src/binding/write.ts", "src/idoc/model.ts", { specifier: "../idoc/model.js", line: 3 }),
          edge("src/binding/write.ts", "src/mappers/index.ts", { specifier: "../mappers/index.js", line: 4 }),
        ],
        want: [
          'src/binding/write.ts:3 imports "../idoc/model.js" (src/idoc/model.ts): breaks binding-below-the-rest: binding imports nothing from codegen, idoc, mappers, cli',
          'src/binding/write.ts:4 imports "../mappers/index.js" (src/mappers/index.ts): breaks binding-below-the-rest: binding imports nothing from codegen, idoc, mappers, cli',
        ],
      },
    ],
    [
      "generated imports a binding value (not type-only) and the binding reader",
      {
        given: [
          edge("src/generated/x/x.ts", "src/binding/index.ts", { specifier: "b2mml/binding", line: 5 }),
          edge("src/generated/x/x.ts", "src/binding/read.ts", {
            specifier: "../../binding/read.js",
            line: 6,
            typeOnly: true,
          }),
          edge("src/generated/x/x.ts", "decimal.js", { line: 7 }),
        ],
        want: [
          'src/generated/x/x.ts:5 imports "b2mml/binding" (src/binding/index.ts): breaks generated-imports-only-the-contract: generated imports only the binding metadata contract and value types (type-only), besides generated files',
          'src/generated/x/x.ts:6 imports "../../binding/read.js" (src/binding/read.ts): breaks generated-imports-only-the-contract: generated imports only the binding metadata contract and value types (type-only), besides generated files',
          'src/generated/x/x.ts:7 imports "decimal.js" (package decimal.js): breaks generated-imports-only-the-contract: generated imports only the binding metadata contract and value types (type-only), besides generated files',
        ],
      },
    ],
    [
      "libxml2-wasm outside validation and audit (a subpath too)",
      {
        given: [
          edge("src/idoc/read-idoc.ts", "libxml2-wasm", { line: 2 }),
          edge("src/mappers/shared/run.ts", "libxml2-wasm", {
            specifier: "libxml2-wasm/lib/nodejs.mjs",
            line: 9,
          }),
        ],
        want: [
          'src/idoc/read-idoc.ts:2 imports "libxml2-wasm" (package libxml2-wasm): breaks libxml2-only-in-validation-audit-flow: only validation and audit (and flow) import libxml2-wasm',
          'src/mappers/shared/run.ts:9 imports "libxml2-wasm/lib/nodejs.mjs" (package libxml2-wasm): breaks libxml2-only-in-validation-audit-flow: only validation and audit (and flow) import libxml2-wasm',
        ],
      },
    ],
    [
      "a mapper imports cli",
      {
        given: [
          edge("src/mappers/config/load.ts", "src/cli/io.ts", { specifier: "../../cli/io.js", line: 4 }),
        ],
        want: [
          'src/mappers/config/load.ts:4 imports "../../cli/io.js" (src/cli/io.ts): breaks mappers-never-import-cli: mappers never import cli',
          'src/mappers/config/load.ts:4 imports "../../cli/io.js" (src/cli/io.ts): breaks nothing-imports-cli: nothing imports cli except cli itself',
        ],
      },
    ],
    [
      "the public API and testing import cli",
      {
        given: [
          edge("src/index.ts", "src/cli/exit-codes.ts", { specifier: "./cli/exit-codes.js", line: 12 }),
          edge("src/testing/index.ts", "src/cli/run.ts", {
            specifier: "../cli/run.js",
            line: 3,
            typeOnly: true,
          }),
        ],
        want: [
          'src/index.ts:12 imports "./cli/exit-codes.js" (src/cli/exit-codes.ts): breaks nothing-imports-cli: nothing imports cli except cli itself',
          'src/testing/index.ts:3 imports "../cli/run.js" (src/cli/run.ts): breaks nothing-imports-cli: nothing imports cli except cli itself',
        ],
      },
    ],
    [
      "a database driver outside flow",
      {
        given: [
          edge("src/audit/ledger.ts", "pg", { line: 1 }),
          edge("src/serve/app.ts", "@electric-sql/pglite", {
            specifier: "@electric-sql/pglite/worker",
            line: 2,
          }),
        ],
        want: [
          'src/audit/ledger.ts:1 imports "pg" (package pg): breaks database-drivers-only-in-flow: only flow imports a database driver (pg, @electric-sql/pglite)',
          'src/serve/app.ts:2 imports "@electric-sql/pglite/worker" (package @electric-sql/pglite): breaks database-drivers-only-in-flow: only flow imports a database driver (pg, @electric-sql/pglite)',
        ],
      },
    ],
    [
      "a module below cli and serve imports flow",
      {
        given: [
          edge("src/mappers/shared/run.ts", "src/flow/outbox.ts", {
            specifier: "../../flow/outbox.js",
            line: 8,
          }),
        ],
        want: [
          'src/mappers/shared/run.ts:8 imports "../../flow/outbox.js" (src/flow/outbox.ts): breaks flow-only-from-cli-and-serve: nothing below cli and serve imports flow',
        ],
      },
    ],
    [
      "shared imports another src folder",
      {
        given: [
          edge("src/shared/read-bounded.ts", "src/validation/issues.ts", {
            specifier: "../validation/issues.js",
            line: 5,
          }),
        ],
        want: [
          'src/shared/read-bounded.ts:5 imports "../validation/issues.js" (src/validation/issues.ts): breaks shared-is-a-leaf: shared imports nothing from other src folders (anyone may import shared)',
        ],
      },
    ],
    [
      "an import that resolves to no file",
      {
        given: [
          {
            from: "src/idoc/read-idoc.ts",
            specifier: "./no-such-file.js",
            line: 4,
            typeOnly: false,
            dynamic: false,
            target: { kind: "unresolved" },
          },
        ],
        want: [
          'src/idoc/read-idoc.ts:4 imports "./no-such-file.js" (unresolved): breaks imports-resolve: every relative import (and the package\'s own name) resolves to a file under src',
        ],
      },
    ],
  ];
  test.each(cases)("%s", (_name, { given, want }) => {
    expect(findRuleViolations(given)).toEqual(want);
  });

  test("a listed known exception is not reported; the same import on another line is", () => {
    const given = [
      edge("src/idoc/a.ts", "libxml2-wasm", { line: 2 }),
      edge("src/idoc/a.ts", "libxml2-wasm", { line: 3 }),
    ];
    expect(
      findRuleViolations(
        given,
        new Set(["libxml2-only-in-validation-audit-flow src/idoc/a.ts:2 libxml2-wasm"]),
      ),
    ).toEqual([
      'src/idoc/a.ts:3 imports "libxml2-wasm" (package libxml2-wasm): breaks libxml2-only-in-validation-audit-flow: only validation and audit (and flow) import libxml2-wasm',
    ]);
  });

  const cycleCases: [string, { given: ImportEdge[]; want: string[] }][] = [
    [
      "no cycle in a diamond",
      {
        given: [
          edge("src/a/a.ts", "src/b/b.ts"),
          edge("src/a/a.ts", "src/c/c.ts"),
          edge("src/b/b.ts", "src/d/d.ts"),
          edge("src/c/c.ts", "src/d/d.ts"),
          edge("src/d/d.ts", "node:fs"),
        ],
        want: [],
      },
    ],
    [
      "two files importing each other",
      {
        given: [edge("src/a/x.ts", "src/a/y.ts"), edge("src/a/y.ts", "src/a/x.ts")],
        want: ["import cycle: src/a/x.ts → src/a/y.ts → src/a/x.ts"],
      },
    ],
    [
      "a cycle of three across folders, entered from outside",
      {
        given: [
          edge("src/cli/main.ts", "src/mappers/m.ts"),
          edge("src/mappers/m.ts", "src/idoc/i.ts"),
          edge("src/idoc/i.ts", "src/validation/v.ts"),
          edge("src/validation/v.ts", "src/mappers/m.ts"),
        ],
        want: ["import cycle: src/idoc/i.ts → src/validation/v.ts → src/mappers/m.ts → src/idoc/i.ts"],
      },
    ],
    [
      "a file importing itself",
      { given: [edge("src/a/x.ts", "src/a/x.ts")], want: ["import cycle: src/a/x.ts → src/a/x.ts"] },
    ],
    [
      "two separate cycles, each reported",
      {
        given: [
          edge("src/a/p.ts", "src/a/q.ts"),
          edge("src/a/q.ts", "src/a/p.ts"),
          edge("src/b/r.ts", "src/b/s.ts"),
          edge("src/b/s.ts", "src/b/r.ts"),
        ],
        want: [
          "import cycle: src/a/p.ts → src/a/q.ts → src/a/p.ts",
          "import cycle: src/b/r.ts → src/b/s.ts → src/b/r.ts",
        ],
      },
    ],
  ];
  test.each(cycleCases)("cycles: %s", (_name, { given, want }) => {
    expect(findCycles(given)).toEqual(want);
  });

  const siteCases: [string, { given: string; want: ImportSite[] }][] = [
    [
      "import, import type, export from, export type from, side-effect import",
      {
        given: [
          'import { a } from "./a.js";',
          'import type { B } from "./b.js";',
          'export { c } from "./c.js";',
          'export type { D } from "./d.js";',
          'import "./e.js";',
          'import { type F } from "./f.js";',
          'export * from "./g.js";',
        ].join("\n"),
        want: [
          { specifier: "./a.js", line: 1, typeOnly: false, dynamic: false },
          { specifier: "./b.js", line: 2, typeOnly: true, dynamic: false },
          { specifier: "./c.js", line: 3, typeOnly: false, dynamic: false },
          { specifier: "./d.js", line: 4, typeOnly: true, dynamic: false },
          { specifier: "./e.js", line: 5, typeOnly: false, dynamic: false },
          { specifier: "./f.js", line: 6, typeOnly: true, dynamic: false },
          { specifier: "./g.js", line: 7, typeOnly: false, dynamic: false },
        ],
      },
    ],
    [
      "dynamic import and import type inside a function; strings that only look like imports",
      {
        given: [
          "export async function load() {",
          '  const m = await import("./worker.js");',
          '  let t: typeof import("./types.js") | undefined;',
          "  const text = \"import x from './not-an-import.js'\";",
          "  return [m, t, text];",
          "}",
        ].join("\n"),
        want: [
          { specifier: "./worker.js", line: 2, typeOnly: false, dynamic: true },
          { specifier: "./types.js", line: 3, typeOnly: true, dynamic: false },
        ],
      },
    ],
  ];
  test.each(siteCases)("reading imports: %s", (_name, { given, want }) => {
    expect(readImportSites(given)).toEqual(want);
  });
});

describe("the dependency rules hold in src/", () => {
  const root = path.resolve(import.meta.dirname, "../..");
  const graph = readImportGraph(root);

  test("the import graph is read: every file, the dynamic import of the validate worker, b2mml/binding", () => {
    expect(graph.files.length).toBeGreaterThan(150);
    expect(graph.edges).toContainEqual(
      expect.objectContaining({
        from: "src/cli/validate-worker.ts",
        specifier: "./validate-file.js",
        dynamic: true,
        target: { kind: "file", file: "src/cli/validate-file.ts" },
      }),
    );
    expect(graph.edges).toContainEqual(
      expect.objectContaining({
        from: "src/generated/idoc/no-namespace.ts",
        specifier: "b2mml/binding",
        typeOnly: true,
        target: { kind: "file", file: "src/binding/index.ts" },
      }),
    );
  });

  test("no import breaks a rule", () => {
    expect(findRuleViolations(graph.edges, KNOWN_EXCEPTIONS)).toEqual([]);
  });

  test("every known exception still exists (remove it from the list once fixed)", () => {
    const present = new Set(
      graph.edges.flatMap((e) => RULES.filter((r) => r.breaks(e)).map((r) => exceptionKey(r, e))),
    );
    expect([...KNOWN_EXCEPTIONS].filter((k) => !present.has(k))).toEqual([]);
  });

  test("no circular import between files", () => {
    expect(findCycles(graph.edges)).toEqual([]);
  });
});
