/**
 * The entry schema the loader compiles for a directory that is given without an entry file (an official
 * B2MML release folder): every namespace of the set other than the main one is imported FIRST, through an
 * in-memory wrapper that includes every file of that namespace, and then every document schema of the main
 * namespace is included. All global elements of the release are then possible document roots.
 *
 * Why: libxml2 (and Xerces) load only the first `xs:import` of a namespace and skip the later ones. In
 * MESA's V0500/V0600/V0601 `AllSchemas.xsd`, the first file included is CoreComponents/Common, whose import
 * of the extension namespace names `*-CommonExtensions.xsd`; the later imports of `*-AllExtensions.xsd`
 * (by Equipment, Material, …) are skipped, and every `Extended:*` group not in CommonExtensions stays
 * unresolved. Importing the whole extension namespace before any include makes every later import of it a
 * no-op that loses nothing. See docs/validation.md.
 *
 * @module
 */
import path from "node:path";
import type { ScannedSchema } from "./schema-set-scan.js";

/** The synthesized files: absolute path (virtual, inside the directory) → text. */
export interface SynthesizedEntry {
  readonly entryFile: string;
  readonly files: ReadonlyMap<string, string>;
  readonly mainNamespace: string;
  /** The namespaces imported first, in the order written. */
  readonly importedNamespaces: readonly string[];
  /** The real files the entry and its wrappers include, sorted by name. */
  readonly includedFiles: readonly string[];
}

const VIRTUAL_PREFIX = "b2mml-loader-";

/** Builds the entry for all schemas of `dir` (as scanned); `taken` are the file names that exist there. */
export function synthesizeEntry(
  dir: string,
  schemas: ReadonlyMap<string, ScannedSchema>,
  taken: ReadonlySet<string>,
): SynthesizedEntry {
  const all = [...schemas.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const mainNamespace = pickMainNamespace(all);
  const virtualName = (stem: string): string => {
    let name = `${VIRTUAL_PREFIX}${stem}.xsd`;
    for (let n = 2; taken.has(name); n++) name = `${VIRTUAL_PREFIX}${stem}-${n}.xsd`;
    return path.join(dir, name);
  };

  const files = new Map<string, string>();
  const importedNamespaces = [...new Set(all.map((s) => s.targetNamespace))]
    .filter((ns) => ns !== "" && ns !== mainNamespace)
    .sort();
  const imports: string[] = [];
  const included: string[] = [];
  importedNamespaces.forEach((namespace, index) => {
    const wrapper = virtualName(`namespace-${index + 1}`);
    const members = all.filter((s) => s.targetNamespace === namespace);
    included.push(...members.map((s) => s.file));
    files.set(
      wrapper,
      schemaText(
        namespace,
        [],
        members.map((s) => include(wrapper, s.file)),
      ),
    );
    imports.push(
      `  <xs:import namespace="${escapeAttribute(namespace)}" schemaLocation="${path.basename(wrapper)}"/>`,
    );
  });

  const entryFile = virtualName("entry");
  // Aggregators (files that only include others, such as AllSchemas.xsd) add nothing and would repeat the
  // import order problem; chameleon (no-namespace) files are included by the files that need them.
  const documents = all
    .filter((s) => s.targetNamespace === mainNamespace && s.declarations > 0)
    .map((s) => s.file);
  files.set(
    entryFile,
    schemaText(
      mainNamespace,
      imports,
      documents.map((f) => include(entryFile, f)),
    ),
  );
  const includedFiles = [...included, ...documents].sort();
  return { entryFile, files, mainNamespace, importedNamespaces, includedFiles };
}

/** The namespace with the most global element declarations (ties: the most files, then by name). */
function pickMainNamespace(schemas: readonly ScannedSchema[]): string {
  const score = new Map<string, [number, number]>();
  for (const s of schemas) {
    if (s.targetNamespace === "") continue;
    const [elements, files] = score.get(s.targetNamespace) ?? [0, 0];
    score.set(s.targetNamespace, [elements + s.globalElements.length, files + 1]);
  }
  const ranked = [...score].sort(
    ([na, [ea, fa]], [nb, [eb, fb]]) => eb - ea || fb - fa || (na < nb ? -1 : na > nb ? 1 : 0),
  );
  return ranked[0]?.[0] ?? "";
}

function include(fromFile: string, file: string): string {
  const location = path
    .relative(path.dirname(fromFile), file)
    .split(path.sep)
    .map(encodeURIComponent)
    .join("/");
  return `  <xs:include schemaLocation="${escapeAttribute(location)}"/>`;
}

function schemaText(namespace: string, imports: readonly string[], includes: readonly string[]): string {
  const target = namespace === "" ? "" : ` targetNamespace="${escapeAttribute(namespace)}"`;
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<!-- Generated in memory by the b2mml schema-set loader; not a file on disk. -->`,
    `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"${target} elementFormDefault="qualified">`,
    ...imports,
    ...includes,
    `</xs:schema>`,
    "",
  ].join("\n");
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
}
