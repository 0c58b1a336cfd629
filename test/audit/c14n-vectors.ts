/**
 * The libxml2 C14N conformance vectors (`../shared/vectors/c14n-libxml2`, read in place, never copied):
 * the four modes, each vector's optional XPath subset and InclusiveNamespaces PrefixList, and the
 * expected bytes (a missing result file means empty output).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { XmlDocument } from "libxml2-wasm";
import type { C14nMethodName } from "../../src/audit/c14n-method.js";
import type { XPathSelector } from "../../src/audit/libxml2-c14n.js";
import { repoRoot } from "../helpers/paths.js";

export const vectorsDir = path.resolve(repoRoot, "../shared/vectors");
export const c14nVectorsDir = path.join(vectorsDir, "c14n-libxml2");
export const vectorsMissing = `../shared/vectors is absent at ${vectorsDir}: the conformance vectors are reference data beside the project; tests that need them are skipped`;

/** The libxml2 suite's mode folders and the method each one runs. */
export const MODES: Readonly<Record<string, C14nMethodName>> = {
  "without-comments": "c14n",
  "with-comments": "c14n#WithComments",
  "exc-without-comments": "exc-c14n",
  "1-1-without-comments": "c14n11",
};

export interface C14nVector {
  /** `<mode>/<name>` */
  readonly id: string;
  readonly mode: string;
  readonly method: C14nMethodName;
  readonly name: string;
  readonly file: string;
  readonly input: Buffer;
  readonly expected: Buffer;
  readonly subset?: XPathSelector;
  readonly inclusivePrefixes?: readonly string[];
  readonly hasDoctype: boolean;
}

/** The XPath file's expression and the namespaces declared on its `XPath` element (as libxml2's runner). */
function readXPath(file: string): XPathSelector {
  const doc = XmlDocument.fromBuffer(readFileSync(file));
  try {
    return { expression: doc.root.content, namespaces: { ...doc.root.nsDeclarations } };
  } finally {
    doc.dispose();
  }
}

export function loadC14nVectors(): C14nVector[] {
  if (!existsSync(c14nVectorsDir)) return [];
  const vectors: C14nVector[] = [];
  for (const [mode, method] of Object.entries(MODES)) {
    const dir = path.join(c14nVectorsDir, "test/c14n", mode);
    for (const entry of readdirSync(dir).sort()) {
      if (!entry.endsWith(".xml")) continue;
      const name = entry.slice(0, -4);
      const file = path.join(dir, entry);
      const input = readFileSync(file);
      const result = path.join(c14nVectorsDir, "result/c14n", mode, name);
      const xpath = path.join(dir, `${name}.xpath`);
      const ns = path.join(dir, `${name}.ns`);
      vectors.push({
        id: `${mode}/${name}`,
        mode,
        method,
        name,
        file,
        input,
        expected: existsSync(result) ? readFileSync(result) : Buffer.alloc(0),
        ...(existsSync(xpath) ? { subset: readXPath(xpath) } : {}),
        ...(existsSync(ns)
          ? { inclusivePrefixes: readFileSync(ns, "utf8").split(/\s+/).filter(Boolean) }
          : {}),
        hasDoctype: input.includes("<!DOCTYPE"),
      });
    }
  }
  return vectors;
}
