/**
 * Test helper: compile XSD schema sets with libxml2-wasm, offline, and validate XML against them.
 *
 * - Schema files are read from one directory into memory; an input provider serves only those files
 *   to libxml2 and refuses everything else in that directory and every non-file URL, so a schema
 *   never reaches the network.
 * - MESA's V0600 `AllSchemas.xsd` does not compile in libxml2 (libxml2 keeps only the first import of
 *   a namespace, and that first import is CommonExtensions, which lacks most `Extended:*` groups).
 *   {@link loadMesaV0600} therefore compiles an in-memory entry schema that imports
 *   `B2MML-V0600-AllExtensions.xsd` first and then includes the two production document schemas.
 * - Compiled schemas are cached per process; {@link disposeValidators} frees them.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  closeBuffer,
  type ErrorDetail,
  openBuffer,
  ParseOption,
  readBuffer,
  XmlDocument,
  type XmlInputProvider,
  XmlLibError,
  XsdValidator,
  xmlRegisterInputProvider,
} from "libxml2-wasm";
import { officialSetsDir, repoRoot } from "./paths.js";

/** MESA's official V0600 schema set: reference data beside the repository (`../shared/b2mml/V0600`). */
export const mesaV0600Dir = path.join(officialSetsDir, "V0600");

/** The project's own V0600 production profile and its entry schema. */
export const profileV0600Dir = path.resolve(repoRoot, "xsd/b2mml-v0600");
export const profileV0600Entry = "b2mml-v0600-production.xsd";

/** True when MESA's V0600 set is present next to the repository (`../shared/b2mml/V0600`). */
export const sharedAvailable = fs.existsSync(path.join(mesaV0600Dir, "B2MML-V0600-ProductionSchedule.xsd"));

/** Why tests against MESA's schemas are skipped, for test titles. */
export const sharedMissingReason = `MESA V0600 schemas not found at ${mesaV0600Dir}`;

const B2MML_V0600_NS = "http://www.mesa.org/xml/B2MML-V0600";
const EXTENSIONS_V0600_NS = "http://www.mesa.org/xml/B2MML-V0600-AllExtensions";

/** File name given to the in-memory MESA entry schema; it does not exist on disk. */
const MESA_ENTRY_NAME = "b2mml-test-production-entry.xsd";

/**
 * The entry schema compiled for MESA V0600: the AllExtensions namespace is imported before
 * anything else, then the ProductionSchedule and ProductionPerformance document schemas are
 * included (they include Common, CoreComponents and ProductionPerformanceTypes themselves; the
 * Trans* types are in Common, so TransactionProfile.xsd is not needed).
 */
export const mesaV0600EntrySchema = `<?xml version="1.0" encoding="UTF-8"?>
<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema"
            targetNamespace="${B2MML_V0600_NS}"
            elementFormDefault="qualified" attributeFormDefault="unqualified">
  <xsd:import namespace="${EXTENSIONS_V0600_NS}" schemaLocation="B2MML-V0600-AllExtensions.xsd"/>
  <xsd:include schemaLocation="B2MML-V0600-ProductionSchedule.xsd"/>
  <xsd:include schemaLocation="B2MML-V0600-ProductionPerformance.xsd"/>
</xsd:schema>
`;

/** One validation problem: where (1-based line and column, 0 when libxml2 gives none) and what. */
export interface ValidationError {
  line: number;
  column: number;
  message: string;
}

/** A compiled schema set. Obtain through {@link loadSchemaSet}, {@link loadMesaV0600} or {@link loadProfileV0600}. */
export interface Validator {
  /** Cache key and label, e.g. "mesa-v0600". */
  readonly name: string;
  /** Absolute path of the entry schema (virtual for the MESA entry). */
  readonly entryPath: string;
  readonly xsd: XsdValidator;
}

export interface SchemaSetOptions {
  /** Cache key and label. */
  name: string;
  /** Directory whose `*.xsd` files (not sub-directories) libxml2 may read. */
  dir: string;
  /** Entry schema file name inside `dir`. */
  entry: string;
  /** Text of the entry schema when it is built in memory rather than read from `dir`. */
  entrySource?: string;
}

/** Serves registered schema files from memory; refuses other files in those folders and all non-file URLs. */
class SchemaInputProvider implements XmlInputProvider {
  private readonly files = new Map<string, Uint8Array>();
  private readonly dirs = new Set<string>();

  addDirectory(dir: string): void {
    if (this.dirs.has(dir)) return;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.isFile() && entry.name.endsWith(".xsd")) {
        const file = path.join(dir, entry.name);
        this.files.set(file, fs.readFileSync(file));
      }
    }
    this.dirs.add(dir);
  }

  match = (filename: string): boolean => {
    const file = toLocalPath(filename);
    if (file === undefined) return true; // a network URL: claim it so that open() refuses it
    return this.files.has(file) || this.dirs.has(path.dirname(file));
  };

  open = (filename: string): number | undefined => {
    const file = toLocalPath(filename);
    const buffer = file === undefined ? undefined : this.files.get(file);
    return buffer === undefined ? undefined : openBuffer(buffer);
  };

  read = (fd: number, buffer: Uint8Array): number => readBuffer(fd, buffer);

  close = (fd: number): boolean => {
    closeBuffer(fd);
    return true;
  };
}

/** An absolute local path for a file name or file: URL; undefined for any other URL scheme. */
function toLocalPath(filename: string): string | undefined {
  if (filename.startsWith("file:")) return path.normalize(fileURLToPath(filename));
  if (/^[a-z][a-z0-9+.-]+:/i.test(filename)) return undefined;
  return path.resolve(filename);
}

let provider: SchemaInputProvider | undefined;

function schemaInputProvider(): SchemaInputProvider {
  if (provider === undefined) {
    const created = new SchemaInputProvider();
    if (!xmlRegisterInputProvider(created)) {
      throw new Error("libxml2 refused the schema input provider (its callback table is full)");
    }
    provider = created;
  }
  return provider;
}

interface CacheEntry {
  validator: Validator;
  schemaDoc: XmlDocument;
}

const cache = new Map<string, CacheEntry>();

/** Compile (once) the schema set whose entry is `options.entry` in `options.dir`. */
export function loadSchemaSet(options: SchemaSetOptions): Validator {
  const cached = cache.get(options.name);
  if (cached !== undefined) return cached.validator;

  const dir = path.resolve(options.dir);
  const entryPath = path.join(dir, options.entry);
  schemaInputProvider().addDirectory(dir);

  const schemaDoc =
    options.entrySource === undefined
      ? XmlDocument.fromBuffer(fs.readFileSync(entryPath), {
          url: entryPath,
          option: ParseOption.XML_PARSE_NONET,
        })
      : XmlDocument.fromString(options.entrySource, { url: entryPath, option: ParseOption.XML_PARSE_NONET });
  let xsd: XsdValidator;
  try {
    xsd = XsdValidator.fromDoc(schemaDoc);
  } catch (error) {
    schemaDoc.dispose();
    const details = error instanceof XmlLibError ? toValidationErrors(error.details) : [];
    const listed = details.map((d) => `  ${d.line}:${d.column} ${d.message}`).join("\n");
    throw new Error(`schema set "${options.name}" (${entryPath}) does not compile in libxml2:\n${listed}`, {
      cause: error,
    });
  }
  const validator: Validator = { name: options.name, entryPath, xsd };
  cache.set(options.name, { validator, schemaDoc });
  return validator;
}

/** MESA's official V0600 ProductionSchedule + ProductionPerformance schemas (needs {@link sharedAvailable}). */
export function loadMesaV0600(): Validator {
  if (!sharedAvailable) throw new Error(sharedMissingReason);
  return loadSchemaSet({
    name: "mesa-v0600",
    dir: mesaV0600Dir,
    entry: MESA_ENTRY_NAME,
    entrySource: mesaV0600EntrySchema,
  });
}

/** The project's own V0600 production profile (`xsd/b2mml-v0600/`). */
export function loadProfileV0600(): Validator {
  return loadSchemaSet({ name: "profile-v0600", dir: profileV0600Dir, entry: profileV0600Entry });
}

/**
 * Parse and validate one XML document. Returns every problem libxml2 reports, well-formedness
 * errors included; an empty array means the document is valid. Entities are not expanded and
 * nothing is loaded over the network.
 */
export function validate(
  validator: Validator,
  xml: string | Uint8Array,
  options: { url?: string } = {},
): ValidationError[] {
  const parseOptions = { url: options.url ?? "document.xml", option: ParseOption.XML_PARSE_NONET };
  let doc: XmlDocument;
  try {
    doc =
      typeof xml === "string"
        ? XmlDocument.fromString(xml, parseOptions)
        : XmlDocument.fromBuffer(xml, parseOptions);
  } catch (error) {
    if (error instanceof XmlLibError) return toValidationErrors(error.details);
    throw error;
  }
  try {
    validator.xsd.validate(doc);
    return [];
  } catch (error) {
    if (error instanceof XmlLibError) return toValidationErrors(error.details);
    throw error;
  } finally {
    doc.dispose();
  }
}

/** Free every cached compiled schema (call from `afterAll`). */
export function disposeValidators(): void {
  for (const { validator, schemaDoc } of cache.values()) {
    validator.xsd.dispose();
    schemaDoc.dispose();
  }
  cache.clear();
}

function toValidationErrors(details: readonly ErrorDetail[]): ValidationError[] {
  return details.map((d) => ({ line: d.line, column: d.col, message: d.message.trim() }));
}
