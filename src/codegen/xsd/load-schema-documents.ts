/**
 * The passes `expand-schema-paths` and `load-schema-documents` (see `PASSES` in `pass-list.ts`): reads
 * the entry schema files and everything they include or import, offline.
 *
 * Needs: paths of `.xsd` files or folders (a folder means every `.xsd` in it, in name order).
 * Guarantees: every schema document once per effective target namespace, in a stable order; a
 * no-namespace document included into a namespace (a "chameleon" include) is loaded once per namespace it
 * is included into; circular includes and imports terminate. A `schemaLocation` that is a URL is refused:
 * generation never touches the network.
 *
 * @module
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import {
  attributeValue,
  childElements,
  parseXmlTree,
  type XmlElement,
  XmlParseError,
} from "../../binding/xml-tree.js";
import type { DiagnosticSink, SourceLocation } from "../diagnostics.js";
import { XS } from "./model.js";

/** One schema document as it takes part in the set. */
export interface SchemaDocument {
  /** Path as given or resolved, used in diagnostics. */
  readonly file: string;
  readonly root: XmlElement;
  /** The `targetNamespace` written in the file (`null` when absent). */
  readonly declaredNamespace: string | null;
  /** The namespace its components belong to: the declared one, or the includer's for a chameleon include. */
  readonly targetNamespace: string | null;
  readonly elementFormQualified: boolean;
  readonly attributeFormQualified: boolean;
}

/** Expands folders to their `.xsd` files (sorted) and keeps files as they are. */
export function expandSchemaPaths(inputs: readonly string[]): string[] {
  const files: string[] = [];
  for (const input of inputs) {
    if (existsSync(input) && statSync(input).isDirectory()) {
      for (const name of readdirSync(input).sort()) {
        if (name.toLowerCase().endsWith(".xsd")) files.push(path.join(input, name));
      }
    } else files.push(input);
  }
  return files;
}

function location(file: string, element: XmlElement): SourceLocation {
  return { file, line: element.line, column: element.column };
}

/** Loads the schema documents reachable from the entry files. */
export function loadSchemaDocuments(entryFiles: readonly string[], sink: DiagnosticSink): SchemaDocument[] {
  const documents: SchemaDocument[] = [];
  const loaded = new Set<string>();
  const trees = new Map<string, XmlElement | null>();

  const readTree = (file: string, from: SourceLocation | undefined): XmlElement | null => {
    const cached = trees.get(file);
    if (cached !== undefined) return cached;
    let tree: XmlElement | null = null;
    if (!existsSync(file) || !statSync(file).isFile()) {
      sink.report({
        code: "SCHEMA_FILE_NOT_FOUND",
        message: `schema file not found: ${file}`,
        ...(from ? { location: from } : {}),
      });
    } else {
      try {
        const text = readFileSync(file, "utf8").replace(/^\uFEFF/, "");
        tree = parseXmlTree(text, file);
        if (tree.ns !== XS || tree.local !== "schema") {
          sink.report({
            code: "SCHEMA_ROOT_NOT_SCHEMA",
            message: "the root element is not xsd:schema",
            location: location(file, tree),
            qname: `${tree.prefix ? `${tree.prefix}:` : ""}${tree.local}`,
            expected: `{${XS}}schema`,
          });
          tree = null;
        }
      } catch (error) {
        if (!(error instanceof XmlParseError)) throw error;
        sink.report({
          code: "SCHEMA_NOT_WELL_FORMED",
          message: error.message,
          location: { file, line: error.line, column: error.column },
        });
      }
    }
    trees.set(file, tree);
    return tree;
  };

  const visit = (file: string, includerNamespace: string | null | undefined, from?: SourceLocation): void => {
    const root = readTree(file, from);
    if (!root) return;
    const declared = attributeValue(root, "targetNamespace") ?? null;
    let effective = declared;
    if (includerNamespace !== undefined && declared === null) effective = includerNamespace; // chameleon
    if (includerNamespace !== undefined && declared !== null && declared !== includerNamespace) {
      sink.report({
        code: "INCLUDE_NAMESPACE_MISMATCH",
        message: `an included schema must have the includer's target namespace or none; it has ${declared}`,
        ...(from ? { location: from } : {}),
        expected: includerNamespace ?? "no namespace",
      });
      return;
    }
    const key = `${path.resolve(file)}\u0000${effective ?? ""}`;
    if (loaded.has(key)) return;
    loaded.add(key);
    documents.push({
      file,
      root,
      declaredNamespace: declared,
      targetNamespace: effective,
      elementFormQualified: attributeValue(root, "elementFormDefault") === "qualified",
      attributeFormQualified: attributeValue(root, "attributeFormDefault") === "qualified",
    });
    for (const child of childElements(root)) {
      if (child.ns !== XS) continue;
      const where = location(file, child);
      if (child.local === "redefine" || child.local === "override") {
        sink.report({
          code: "UNSUPPORTED_CONSTRUCT",
          message: `xsd:${child.local} is not supported`,
          location: where,
          qname: `${child.prefix ? `${child.prefix}:` : ""}${child.local}`,
        });
        continue;
      }
      if (child.local !== "include" && child.local !== "import") continue;
      const schemaLocation = attributeValue(child, "schemaLocation");
      if (schemaLocation === undefined) continue; // an import without location: the namespace must be given elsewhere
      if (/^[a-z][a-z0-9+.-]*:\/\//i.test(schemaLocation)) {
        sink.report({
          code: "SCHEMA_LOCATION_REFUSED",
          message: `schemaLocation is a URL; schemas are read offline only: ${schemaLocation}`,
          location: where,
        });
        continue;
      }
      const target = path.join(path.dirname(file), schemaLocation);
      if (child.local === "include") {
        visit(target, effective, where);
      } else {
        const namespace = attributeValue(child, "namespace") ?? null;
        const importedRoot = readTree(target, where);
        if (!importedRoot) continue;
        const importedNamespace = attributeValue(importedRoot, "targetNamespace") ?? null;
        if (importedNamespace !== namespace) {
          sink.report({
            code: "IMPORT_NAMESPACE_MISMATCH",
            message: `imported schema ${schemaLocation} has target namespace ${importedNamespace ?? "(none)"}`,
            location: where,
            expected: namespace ?? "no namespace",
          });
          continue;
        }
        visit(target, undefined, where);
      }
    }
  };

  // A no-namespace entry that another document includes is a chameleon fragment, not a schema of its own:
  // load it standalone only when nothing included it.
  const deferred: string[] = [];
  for (const file of entryFiles) {
    const root = readTree(file, undefined);
    if (root && attributeValue(root, "targetNamespace") === undefined) deferred.push(file);
    else visit(file, undefined);
  }
  for (const file of deferred) {
    const absolute = path.resolve(file);
    const included = [...loaded].some((key) => key.startsWith(`${absolute}\u0000`));
    if (!included) visit(file, undefined);
  }
  return documents;
}
