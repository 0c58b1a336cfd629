/**
 * Loads a schema set offline from a directory and compiles it with libxml2, once per process.
 *
 * - `{ dir, entry }`: the entry file is compiled as it is.
 * - `{ dir }` without an entry (an official release folder): an entry is synthesized in memory that makes
 *   every global element of the set a possible document root (see `schema-set-entry.ts`).
 * - `"profile"` (or `{ release: "V0600" }` without a directory): the built-in profile `xsd/b2mml-v0600/`.
 *
 * Before compiling, every file the set reaches is scanned: includes and imports must stay inside the
 * directory. libxml2 then reads only those files, from memory, through the loader's input provider.
 *
 * @module
 */
import fs from "node:fs";
import path from "node:path";
import { ParseOption, XmlDocument, XmlLibError, XsdValidator } from "libxml2-wasm";
import { profileDir, profileEntry } from "./profile.js";
import { type B2mmlRelease, detectRelease } from "./release.js";
import { withServedFiles } from "./schema-input-provider.js";
import { synthesizeEntry } from "./schema-set-entry.js";
import { SchemaSetError, type SchemaSetProblem } from "./schema-set-error.js";
import { type ScannedSchema, scanSchemaSet } from "./schema-set-scan.js";

/** A compiled schema set. Obtain it from {@link loadSchemaSet}; the same object is returned while cached. */
export interface SchemaSet {
  /** The cache key: resolved directory and entry (`*` for a synthesized entry). */
  readonly id: string;
  /** Absolute directory of the set. */
  readonly dir: string;
  /** Absolute path of the entry (virtual, inside `dir`, for a synthesized entry). */
  readonly entry: string;
  /** True when the entry was synthesized by the loader. */
  readonly synthesized: boolean;
  /** True for the built-in profile. */
  readonly builtIn: boolean;
  /** The release, given by the caller or detected from the entry's target namespace. */
  readonly release: B2mmlRelease | undefined;
  /** The entry's target namespace. */
  readonly targetNamespace: string;
  /**
   * The possible document roots in the target namespace: the global element declarations of the files
   * compiled, by local name, sorted.
   */
  readonly roots: readonly string[];
  /** Every schema file compiled (synthesized files excluded), by path, with its SHA-256. */
  readonly files: readonly { readonly file: string; readonly sha256: string }[];
  /** The text of the synthesized entry and wrappers (for documentation and debugging). */
  readonly synthesizedSources: ReadonlyMap<string, string>;
  /** @internal libxml2's compiled schema. */
  readonly validator: XsdValidator;
}

/** Where to load a schema set from. */
export type SchemaSetSource =
  | "profile"
  | {
      /** The directory of the set. Without it, `release` must name a release with a built-in set (V0600). */
      readonly dir?: string;
      /** The entry file inside `dir`; omitted: the loader synthesizes an entry covering every file. */
      readonly entry?: string;
      /** The release the set is for (default: detected from the target namespace). */
      readonly release?: B2mmlRelease;
    };

const cache = new Map<string, { set: SchemaSet; doc: XmlDocument }>();

/**
 * Loads (or returns the cached) compiled schema set.
 *
 * @throws {@link SchemaSetError} `SCHEMA_SET_UNLOADABLE` when a file cannot be read, leaves the directory or
 *   does not compile (the message lists libxml2's errors with file:line:column); `SCHEMA_SET_UNAVAILABLE`
 *   when a release is asked for without a directory and has no built-in set
 */
export function loadSchemaSet(source: SchemaSetSource = "profile"): SchemaSet {
  if (source === "profile") return load(profileDir(), profileEntry, "V0600", true);
  if (source.dir === undefined) {
    if (source.release === undefined || source.release === "V0600") {
      return load(profileDir(), profileEntry, "V0600", true);
    }
    throw new SchemaSetError(
      "SCHEMA_SET_UNAVAILABLE",
      `no built-in schema set for ${source.release} (the profile is V0600): give the directory of the release's schemas`,
    );
  }
  return load(path.resolve(source.dir), source.entry, source.release, false);
}

/** Frees every cached compiled set; the next {@link loadSchemaSet} compiles again. */
export function disposeSchemaSets(): void {
  for (const { set, doc } of cache.values()) {
    set.validator.dispose();
    doc.dispose();
  }
  cache.clear();
}

function load(
  dir: string,
  entry: string | undefined,
  release: B2mmlRelease | undefined,
  builtIn: boolean,
): SchemaSet {
  const id = `${dir}${path.sep}${entry ?? "*"}`;
  const cached = cache.get(id);
  if (cached !== undefined) return cached.set;

  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    throw new SchemaSetError("SCHEMA_SET_UNLOADABLE", `schema directory ${dir} does not exist`);
  }
  const names = fs.readdirSync(dir).filter((name) => name.endsWith(".xsd"));
  let entryFile: string;
  let schemas: Map<string, ScannedSchema>;
  let synthesizedSources = new Map<string, string>();
  let targetNamespace: string;
  if (entry !== undefined) {
    entryFile = path.resolve(dir, entry);
    if (path.dirname(entryFile) !== dir && !entryFile.startsWith(`${dir}${path.sep}`)) {
      throw new SchemaSetError(
        "SCHEMA_SET_UNLOADABLE",
        `entry ${entry} is outside the schema directory ${dir}`,
      );
    }
    schemas = scanSchemaSet(dir, [entryFile]);
    targetNamespace = schemas.get(entryFile)?.targetNamespace ?? "";
  } else {
    if (names.length === 0) throw new SchemaSetError("SCHEMA_SET_UNLOADABLE", `no .xsd file in ${dir}`);
    const scanned = scanSchemaSet(
      dir,
      names.map((name) => path.join(dir, name)),
    );
    const synthesized = synthesizeEntry(dir, scanned, new Set(names));
    entryFile = synthesized.entryFile;
    synthesizedSources = new Map(synthesized.files);
    schemas = closure(scanned, synthesized.includedFiles);
    targetNamespace = synthesized.mainNamespace;
  }

  const served = new Map<string, Uint8Array>();
  for (const s of schemas.values()) served.set(s.file, s.bytes);
  const encoder = new TextEncoder();
  for (const [file, text] of synthesizedSources) served.set(file, encoder.encode(text));

  const refused: string[] = [];
  let doc: XmlDocument | undefined;
  let validator: XsdValidator;
  try {
    const parsed = XmlDocument.fromBuffer(served.get(entryFile) ?? new Uint8Array(), {
      url: entryFile,
      option: SCHEMA_PARSE_OPTIONS,
    });
    doc = parsed;
    validator = withServedFiles(served, refused, () => XsdValidator.fromDoc(parsed));
  } catch (error) {
    doc?.dispose();
    if (!(error instanceof XmlLibError)) throw error;
    const problems: SchemaSetProblem[] = error.details
      .filter((d) => d.level >= 2)
      .map((d) => ({ file: d.file ?? entryFile, line: d.line, column: d.col, message: d.message.trim() }));
    for (const name of refused)
      problems.push({ file: name, line: 0, column: 0, message: "refused by the loader" });
    throw new SchemaSetError(
      "SCHEMA_SET_UNLOADABLE",
      `schema set ${id} does not compile in libxml2`,
      problems,
    );
  }
  const set: SchemaSet = {
    id,
    dir,
    entry: entryFile,
    synthesized: entry === undefined,
    builtIn,
    release: release ?? detectRelease(targetNamespace),
    targetNamespace,
    roots: [
      ...new Set(
        [...schemas.values()]
          .filter((s) => s.targetNamespace === targetNamespace)
          .flatMap((s) => s.globalElements)
          .filter((name) => name !== ""),
      ),
    ].sort(),
    files: [...schemas.values()]
      .map((s) => ({ file: s.file, sha256: s.sha256 }))
      .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)),
    synthesizedSources,
    validator,
  };
  cache.set(id, { set, doc });
  return set;
}

/** Schema documents are read without network, external entities or catalogs. */
const SCHEMA_PARSE_OPTIONS =
  ParseOption.XML_PARSE_NONET | ParseOption.XML_PARSE_NO_XXE | ParseOption.XML_PARSE_NO_SYS_CATALOG;

/** The scanned schemas reachable from `starts`. */
function closure(
  scanned: ReadonlyMap<string, ScannedSchema>,
  starts: readonly string[],
): Map<string, ScannedSchema> {
  const out = new Map<string, ScannedSchema>();
  const queue = [...starts];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    const schema = scanned.get(file);
    if (schema === undefined || out.has(file)) continue;
    out.set(file, schema);
    for (const ref of schema.references) queue.push(ref.file);
  }
  return out;
}
