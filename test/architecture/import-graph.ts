/**
 * Test helper: the import graph of `src/`, read with the TypeScript parser. Every static `import`,
 * `export … from`, dynamic `import("…")` and `import("…")` type names an edge; relative specifiers and the
 * package's own name (`b2mml/binding`, through the `exports` map) resolve to a file under `src/`, other
 * bare specifiers to a package. The dependency rules (test/architecture/dependency-rules.test.ts) are
 * checked over these edges, so that a synthetic graph can test the checker itself.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

/** One import as written in a source file. */
export interface ImportSite {
  readonly specifier: string;
  readonly line: number;
  /** `import type`, `export type … from` or an `import("…")` type: erased from the JavaScript. */
  readonly typeOnly: boolean;
  readonly dynamic: boolean;
}

/** Where an import lands: a file under `src/` (repository-relative), a package, or nowhere. */
export type ImportTarget =
  | { readonly kind: "file"; readonly file: string }
  | { readonly kind: "package"; readonly name: string }
  | { readonly kind: "unresolved" };

export interface ImportEdge extends ImportSite {
  /** The importing file, repository-relative (`src/binding/read.ts`). */
  readonly from: string;
  readonly target: ImportTarget;
}

/** Reads the imports of one source text, in the order written. */
export function readImportSites(text: string, fileName = "file.ts"): ImportSite[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.ES2022, true);
  const sites: ImportSite[] = [];
  const add = (node: ts.Node, literal: ts.Expression | undefined, typeOnly: boolean, dynamic: boolean) => {
    if (!literal || !ts.isStringLiteralLike(literal)) return;
    const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
    sites.push({ specifier: literal.text, line, typeOnly, dynamic });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) {
      const clause = node.importClause;
      const allTypes =
        clause !== undefined &&
        (clause.isTypeOnly ||
          (clause.name === undefined &&
            clause.namedBindings !== undefined &&
            ts.isNamedImports(clause.namedBindings) &&
            clause.namedBindings.elements.length > 0 &&
            clause.namedBindings.elements.every((e) => e.isTypeOnly)));
      add(node, node.moduleSpecifier, allTypes, false);
    } else if (ts.isExportDeclaration(node)) {
      const allTypes =
        node.isTypeOnly ||
        (node.exportClause !== undefined &&
          ts.isNamedExports(node.exportClause) &&
          node.exportClause.elements.length > 0 &&
          node.exportClause.elements.every((e) => e.isTypeOnly));
      add(node, node.moduleSpecifier, allTypes, false);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      add(node, node.moduleReference.expression, node.isTypeOnly, false);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      add(node, node.arguments[0], false, true);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      add(node, node.argument.literal, true, false);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return sites;
}

/** `src/<folder>/…` → `<folder>`; a file directly in `src/` → its own name (`index.ts`). */
export function folderOf(file: string): string {
  const parts = file.split("/");
  return parts.length > 2 ? (parts[1] ?? "") : (parts[1] ?? file);
}

/** The package a bare specifier names: `@scope/name/sub` → `@scope/name`, `pg/lib` → `pg`. */
export function packageOf(specifier: string): string {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : (parts[0] ?? specifier);
}

function resolveFile(root: string, candidate: string): string | null {
  const stem = candidate.replace(/\.(js|mjs|cjs|ts|mts|cts)$/, "");
  for (const file of [`${stem}.ts`, `${stem}.mts`, `${stem}.d.ts`, path.join(stem, "index.ts")]) {
    const abs = path.join(root, file);
    if (existsSync(abs) && statSync(abs).isFile()) return file.split(path.sep).join("/");
  }
  return null;
}

/** Resolves one specifier written in `from` (repository-relative). */
export function resolveImport(
  root: string,
  from: string,
  specifier: string,
  selfExports: Readonly<Record<string, unknown>>,
  selfName: string,
): ImportTarget {
  if (specifier.startsWith(".")) {
    const file = resolveFile(root, path.posix.join(path.posix.dirname(from), specifier));
    return file ? { kind: "file", file } : { kind: "unresolved" };
  }
  const name = packageOf(specifier);
  if (name !== selfName) return { kind: "package", name };
  const entry = selfExports[`.${specifier.slice(selfName.length)}`];
  const target =
    typeof entry === "string" ? entry : ((entry as { import?: string } | undefined)?.import ?? undefined);
  if (target === undefined) return { kind: "unresolved" };
  const file = resolveFile(root, path.posix.normalize(target.replace(/^\.\/dist\//, "src/")));
  return file ? { kind: "file", file } : { kind: "unresolved" };
}

function listSourceFiles(root: string, dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true }).sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  )) {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) out.push(...listSourceFiles(root, rel));
    else if (/\.(ts|mts|cts)$/.test(entry.name)) out.push(rel);
  }
  return out;
}

/** Every import edge of every TypeScript file under `src/` of the repository at `root`. */
export function readImportGraph(root: string): { files: string[]; edges: ImportEdge[] } {
  const pkg = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as {
    name: string;
    exports: Record<string, unknown>;
  };
  const files = listSourceFiles(root, "src");
  const edges: ImportEdge[] = [];
  for (const from of files) {
    for (const site of readImportSites(readFileSync(path.join(root, from), "utf8"), from))
      edges.push({ ...site, from, target: resolveImport(root, from, site.specifier, pkg.exports, pkg.name) });
  }
  return { files, edges };
}
