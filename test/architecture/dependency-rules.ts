/**
 * The dependency rules of the design notes ("Layout" / "Dependency rules" and "Growing the house" rule 9)
 * as data, and the checkers that apply them to an import graph (see ./import-graph.ts): one message per
 * broken rule per import, naming the importing file and line, the import, where it lands and the rule; and
 * every import cycle between files, with its files.
 */
import { folderOf, type ImportEdge, type ImportTarget } from "./import-graph.js";

export interface Rule {
  readonly id: string;
  readonly text: string;
  /** True when the edge breaks the rule. */
  readonly breaks: (edge: ImportEdge) => boolean;
}

const targetFolder = (edge: ImportEdge): string | null =>
  edge.target.kind === "file" ? folderOf(edge.target.file) : null;
const targetPackage = (edge: ImportEdge): string | null =>
  edge.target.kind === "package" ? edge.target.name : null;
const isIn = (folders: readonly string[], folder: string | null) =>
  folder !== null && folders.includes(folder);

/** What generated code may import from the runtime: the metadata contract and the lexical value types. */
const isContractOrValueType = (file: string) =>
  file === "src/binding/index.ts" ||
  file === "src/binding/metadata.ts" ||
  file.startsWith("src/binding/lexical/");

const DATABASE_DRIVERS = ["pg", "@electric-sql/pglite"];

export const RULES: readonly Rule[] = [
  {
    id: "binding-below-the-rest",
    text: "binding imports nothing from codegen, idoc, mappers, cli",
    breaks: (e) =>
      folderOf(e.from) === "binding" && isIn(["codegen", "idoc", "mappers", "cli"], targetFolder(e)),
  },
  {
    id: "generated-imports-only-the-contract",
    text: "generated imports only the binding metadata contract and value types (type-only), besides generated files",
    breaks: (e) => {
      if (folderOf(e.from) !== "generated") return false;
      if (e.target.kind !== "file") return true;
      if (folderOf(e.target.file) === "generated") return false;
      return !(isContractOrValueType(e.target.file) && e.typeOnly);
    },
  },
  {
    id: "libxml2-only-in-validation-audit-flow",
    text: "only validation and audit (and flow) import libxml2-wasm",
    breaks: (e) =>
      targetPackage(e) === "libxml2-wasm" && !isIn(["validation", "audit", "flow"], folderOf(e.from)),
  },
  {
    id: "mappers-never-import-cli",
    text: "mappers never import cli",
    breaks: (e) => folderOf(e.from) === "mappers" && targetFolder(e) === "cli",
  },
  {
    id: "nothing-imports-cli",
    text: "nothing imports cli except cli itself",
    breaks: (e) => targetFolder(e) === "cli" && folderOf(e.from) !== "cli",
  },
  {
    id: "database-drivers-only-in-flow",
    text: `only flow imports a database driver (${DATABASE_DRIVERS.join(", ")})`,
    breaks: (e) => isIn(DATABASE_DRIVERS, targetPackage(e)) && folderOf(e.from) !== "flow",
  },
  {
    id: "flow-only-from-cli-and-serve",
    text: "nothing below cli and serve imports flow",
    breaks: (e) => targetFolder(e) === "flow" && !isIn(["flow", "serve", "cli"], folderOf(e.from)),
  },
  {
    id: "shared-is-a-leaf",
    text: "shared imports nothing from other src folders (anyone may import shared)",
    breaks: (e) => folderOf(e.from) === "shared" && e.target.kind === "file" && targetFolder(e) !== "shared",
  },
  {
    id: "imports-resolve",
    text: "every relative import (and the package's own name) resolves to a file under src",
    breaks: (e) => e.target.kind === "unresolved",
  },
];

/**
 * Violations the current tree is known to have, `<rule id> <file>:<line> <specifier>`, each with the reason
 * it stays for now. Empty: the tree keeps every rule.
 */
export const KNOWN_EXCEPTIONS: ReadonlySet<string> = new Set<string>([]);

function describeTarget(target: ImportTarget): string {
  if (target.kind === "file") return target.file;
  if (target.kind === "package") return `package ${target.name}`;
  return "unresolved";
}

export function exceptionKey(rule: Rule, edge: ImportEdge): string {
  return `${rule.id} ${edge.from}:${edge.line} ${edge.specifier}`;
}

/** One message per broken rule per import: file and line, the import, where it lands, the rule. */
export function findRuleViolations(
  edges: readonly ImportEdge[],
  exceptions: ReadonlySet<string> = new Set(),
): string[] {
  const violations: string[] = [];
  for (const edge of edges)
    for (const rule of RULES)
      if (rule.breaks(edge) && !exceptions.has(exceptionKey(rule, edge)))
        violations.push(
          `${edge.from}:${edge.line} imports "${edge.specifier}" (${describeTarget(edge.target)}): breaks ${rule.id}: ${rule.text}`,
        );
  return violations;
}

/** Every import cycle between files (one per strongly connected set), as `a.ts → b.ts → a.ts`. */
export function findCycles(edges: readonly ImportEdge[]): string[] {
  const next = new Map<string, string[]>();
  for (const e of edges) {
    if (e.target.kind !== "file") continue;
    const list = next.get(e.from) ?? [];
    if (!list.includes(e.target.file)) list.push(e.target.file);
    next.set(e.from, list);
  }
  // Tarjan's strongly connected components, iterated in sorted order so that reports are stable.
  const nodes = [...new Set([...next.keys(), ...[...next.values()].flat()])].sort();
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  let counter = 0;
  const connect = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v) ?? []) {
      if (!index.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v) ?? 0, low.get(w) ?? 0));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) ?? 0, index.get(w) ?? 0));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string | undefined;
      do {
        w = stack.pop();
        if (w === undefined) break;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      const selfLoop = (next.get(v) ?? []).includes(v);
      if (component.length > 1 || selfLoop) components.push(component.sort());
    }
  };
  for (const v of nodes) if (!index.has(v)) connect(v);
  // One concrete cycle per component: the shortest path from its first file back to it, inside it.
  return components
    .sort((a, b) => ((a[0] ?? "") < (b[0] ?? "") ? -1 : 1))
    .map((component) => {
      const inside = new Set(component);
      const start = component[0] ?? "";
      const previous = new Map<string, string>();
      const queue = [start];
      let last: string | undefined;
      while (queue.length > 0 && last === undefined) {
        const v = queue.shift() as string;
        for (const w of next.get(v) ?? []) {
          if (!inside.has(w)) continue;
          if (w === start) {
            last = v;
            break;
          }
          if (!previous.has(w)) {
            previous.set(w, v);
            queue.push(w);
          }
        }
      }
      const cycle = [start];
      for (let v = last; v !== undefined && v !== start; v = previous.get(v)) cycle.splice(1, 0, v);
      return `import cycle: ${[...cycle, start].join(" → ")}`;
    });
}
