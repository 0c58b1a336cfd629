/**
 * Reads the files of a schema set before libxml2 sees them: every `include`, `import` and `redefine` must
 * name a file inside the set's directory (no network, no `..` out of it, no absolute path elsewhere) that
 * exists. Every file read must be a regular file whose real path (symbolic links resolved) lies inside the
 * directory, and is read with a size limit applied while reading ({@link readBoundedFile}: a FIFO is refused
 * without waiting for a writer, an endless device is cut at the limit). The XSD files are read with the
 * project's hardened reader (a DOCTYPE is refused).
 *
 * @module
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import {
  attributeValue,
  childElements,
  DEFAULT_READER_LIMITS,
  parseXmlTree,
  XmlParseError,
} from "../binding/xml-tree.js";
import { readBoundedFile } from "../shared/read-bounded-file.js";
import { SchemaSetError, type SchemaSetProblem } from "./schema-set-error.js";

/** The largest schema file read: the hardened reader's default `maxInputBytes` (64 MiB). */
export const MAX_SCHEMA_FILE_BYTES = DEFAULT_READER_LIMITS.maxInputBytes;

const XSD_NS = "http://www.w3.org/2001/XMLSchema";
const DECLARATIONS = new Set([
  "element",
  "complexType",
  "simpleType",
  "group",
  "attributeGroup",
  "attribute",
]);

/** A reference from one schema document to another. */
export interface SchemaReference {
  readonly kind: "include" | "import" | "redefine";
  /** Absolute path of the referenced file. */
  readonly file: string;
  readonly namespace: string | undefined;
}

/** What the loader needs to know about one schema document. */
export interface ScannedSchema {
  /** Absolute path. */
  readonly file: string;
  readonly bytes: Uint8Array;
  /** SHA-256 of the bytes, hex. */
  readonly sha256: string;
  /** `""` for a schema without a target namespace (a chameleon include). */
  readonly targetNamespace: string;
  /** Top-level element, type, group and attribute declarations. */
  readonly declarations: number;
  /** Top-level element declarations: the possible document roots. */
  readonly globalElements: readonly string[];
  readonly references: readonly SchemaReference[];
}

/**
 * Scans `startFiles` (absolute paths inside `dir`) and everything they reference, transitively.
 *
 * @throws {@link SchemaSetError} `SCHEMA_SET_UNLOADABLE` naming every bad file and reference
 */
export function scanSchemaSet(dir: string, startFiles: readonly string[]): Map<string, ScannedSchema> {
  const scanned = new Map<string, ScannedSchema>();
  const problems: SchemaSetProblem[] = [];
  const queue = [...startFiles];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    if (scanned.has(file)) continue;
    const schema = scanSchema(dir, file, problems);
    if (schema === undefined) continue;
    scanned.set(file, schema);
    for (const ref of schema.references) if (!scanned.has(ref.file)) queue.push(ref.file);
  }
  if (problems.length > 0) {
    throw new SchemaSetError("SCHEMA_SET_UNLOADABLE", `schema set ${dir} cannot be loaded`, problems);
  }
  return scanned;
}

function scanSchema(dir: string, file: string, problems: SchemaSetProblem[]): ScannedSchema | undefined {
  const outside = linkOutside(dir, file);
  if (outside !== undefined) {
    problems.push({
      file,
      line: 0,
      column: 0,
      code: "SCHEMA_FILE_OUTSIDE_SET",
      message: `refused: a symbolic link to ${outside}, outside the schema directory ${dir}`,
    });
    return undefined;
  }
  const read = readBoundedFile(file, { maxBytes: MAX_SCHEMA_FILE_BYTES });
  if (!read.ok) {
    problems.push({
      file,
      line: 0,
      column: 0,
      code: read.code,
      message: `cannot read the schema file: ${read.message}`,
    });
    return undefined;
  }
  const bytes = read.bytes;
  let root: ReturnType<typeof parseXmlTree>;
  try {
    root = parseXmlTree(bytes, { file });
  } catch (error) {
    if (!(error instanceof XmlParseError)) throw error;
    problems.push({
      file,
      line: error.line,
      column: error.column,
      message: `${error.code}: ${error.message}`,
    });
    return undefined;
  }
  if (root.ns !== XSD_NS || root.local !== "schema") {
    problems.push({
      file,
      line: root.line,
      column: root.column,
      message: "the root element is not xs:schema",
    });
    return undefined;
  }
  const references: SchemaReference[] = [];
  const globalElements: string[] = [];
  let declarations = 0;
  for (const child of childElements(root)) {
    if (child.ns !== XSD_NS) continue;
    if (DECLARATIONS.has(child.local)) declarations++;
    if (child.local === "element") globalElements.push(attributeValue(child, "name") ?? "");
    if (child.local !== "include" && child.local !== "import" && child.local !== "redefine") continue;
    const location = attributeValue(child, "schemaLocation");
    if (location === undefined) continue; // an import by namespace only loads nothing
    const where = { file, line: child.line, column: child.column };
    const target = resolveInside(dir, file, location);
    if (typeof target !== "string") {
      problems.push({ ...where, message: `${child.local} of "${location}" refused: ${target.reason}` });
      continue;
    }
    if (!fs.existsSync(target)) {
      problems.push({ ...where, message: `${child.local} of "${location}": no such file ${target}` });
      continue;
    }
    if (!isInside(fs.realpathSync(dir), fs.realpathSync(target))) {
      problems.push({ ...where, message: `${child.local} of "${location}" refused: a link out of ${dir}` });
      continue;
    }
    references.push({ kind: child.local, file: target, namespace: attributeValue(child, "namespace") });
  }
  return {
    file,
    bytes,
    sha256: createHash("sha256").update(bytes).digest("hex"),
    targetNamespace: attributeValue(root, "targetNamespace") ?? "",
    declarations,
    globalElements,
    references,
  };
}

/** The absolute path `location` names, relative to `fromFile`, when it stays inside `dir`. */
function resolveInside(dir: string, fromFile: string, location: string): string | { reason: string } {
  if (/^[a-z][a-z0-9+.-]+:/i.test(location) && !location.startsWith("file:")) {
    return { reason: "only files inside the schema directory are read (no network)" };
  }
  let target: string;
  try {
    target = location.startsWith("file:")
      ? path.normalize(new URL(location).pathname)
      : path.resolve(path.dirname(fromFile), decodeURI(location));
  } catch {
    return { reason: "not a valid file location" };
  }
  if (!isInside(dir, target)) {
    return { reason: `it resolves to ${target}, outside the schema directory ${dir}` };
  }
  return target;
}

/**
 * The real path of `file` when a symbolic link (of the file or of a folder on its way) takes it out of
 * `dir`; `undefined` when it stays inside or does not exist (the read then reports that).
 */
function linkOutside(dir: string, file: string): string | undefined {
  let real: string;
  try {
    real = fs.realpathSync(file);
  } catch {
    return undefined;
  }
  return isInside(fs.realpathSync(dir), real) ? undefined : real;
}

function isInside(dir: string, file: string): boolean {
  const relative = path.relative(dir, file);
  return relative !== "" && !relative.startsWith("..") && !path.isAbsolute(relative);
}
