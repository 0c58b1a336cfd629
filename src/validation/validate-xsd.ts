/**
 * XSD validation of one document with libxml2, after the project's hardened reader.
 *
 * 1. The document is read with the hardened reader's scan mode, `scanXml` (DOCTYPE refused, limits, strict
 *    UTF-8; no tree built). If it refuses the document, the result is invalid with one issue of origin
 *    `"xml"` and the reader's code (`XML_*`); the document is not given to libxml2. The CLI maps an
 *    issue of origin `"xml"` to exit code 3.
 * 2. The release is the one given, else the one the root element's namespace names. Without a schema set
 *    given, the release picks it (V0600: the built-in profile); an unknown namespace gives one
 *    `XSD_UNKNOWN_RELEASE` issue.
 * 3. libxml2 parses the same input without network, external entities, DTD loading, entity substitution,
 *    XInclude or catalogs (and its input provider serves no file), then validates it against the set.
 *    Every diagnostic becomes an issue of origin `"xsd"` with the element's XPath: only then is the
 *    element tree built (`parseXmlTree`), to locate them. A valid document is parsed twice (reader scan,
 *    libxml2), never into the reader's tree; `result.root` builds it on first access.
 *
 * A plain document is parsed once: when the reader's cheap pre-check vouches for it (no DOCTYPE, UTF-8,
 * every limit kept with room, absolute namespace names) and libxml2 parses it without a diagnostic, the
 * reader would accept it, so step 1 is skipped (`parse-plain-document.ts`). Anything else takes the
 * steps above, so every refusal keeps the reader's code and position.
 *
 * @module
 */
import { XmlDocument, XmlLibError } from "libxml2-wasm";
import {
  parseXmlTree,
  type ReaderOptions,
  scanXml,
  type XmlElement,
  XmlParseError,
  type XmlRootStart,
} from "../binding/xml-tree.js";
import { DOCUMENT_PARSE_OPTIONS } from "./document-parse-options.js";
import { ElementLocator } from "./element-locator.js";
import type { ValidationIssue } from "./issues.js";
import { toLibxml2Refusal } from "./libxml2-refusal.js";
import { parsePlainDocument } from "./parse-plain-document.js";
import { type B2mmlRelease, detectRelease } from "./release.js";
import { withServedFiles } from "./schema-input-provider.js";
import { loadSchemaSet, type SchemaSet, type SchemaSetSource } from "./schema-set-loader.js";
import { indexPaths } from "./xpath.js";
import { toXsdIssue } from "./xsd-issue.js";
import { explainYearBeyondEngine } from "./year-limit.js";

export interface ValidateXsdOptions {
  /**
   * The schema set: a loaded {@link SchemaSet}, or where to load one from.
   * @default the set of the release (the built-in profile for V0600)
   */
  readonly schemas?: SchemaSet | SchemaSetSource;
  /**
   * The release the document is for.
   * @default detected from the root element's namespace
   */
  readonly release?: B2mmlRelease;
  /** A name for the document in positions (a path). */
  readonly file?: string;
  /** Limits of the hardened reader (e.g. a larger `maxInputBytes` for a very large document). */
  readonly reader?: Omit<ReaderOptions, "file">;
}

export interface XsdValidationResult {
  /** The release given, else detected from the root namespace; `undefined` when neither. */
  readonly release: B2mmlRelease | undefined;
  /** True when no issue has severity `"error"`. */
  readonly valid: boolean;
  readonly issues: readonly ValidationIssue[];
  /** The set validated against; `undefined` when the document was not read or its release is unknown. */
  readonly schemaSet: SchemaSet | undefined;
  /**
   * The document's element tree from the hardened reader; `undefined` when the reader refused it.
   *
   * Built lazily: validation only scans the document (`scanXml`) and builds the tree when libxml2 reports
   * issues (to locate them). Otherwise the first access to `root` reads the input again with
   * `parseXmlTree` and the same reader options (the scan accepted it, so this cannot fail unless the input
   * was modified since: then it throws `XmlParseError`), and later accesses return the same tree. Until
   * then the result keeps a reference to the input. Spreading or serializing the result reads `root`.
   */
  readonly root: XmlElement | undefined;
}

export { DOCUMENT_PARSE_OPTIONS } from "./document-parse-options.js";

/**
 * Validates one document against an XSD schema set.
 *
 * @throws {@link SchemaSetError} when the schema set cannot be loaded (or the release has no built-in set)
 */
export function validateXsd(
  input: string | Uint8Array,
  options: ValidateXsdOptions = {},
): XsdValidationResult {
  return validate(input, options, false);
}

/**
 * {@link validateXsd} with the tree built during the reader pass, for a caller that needs it anyway (the
 * business rules of `validateDocument`): one reader pass instead of a scan and a parse. Internal.
 */
export function validateXsdWithTree(
  input: string | Uint8Array,
  options: ValidateXsdOptions = {},
): XsdValidationResult {
  return validate(input, options, true);
}

function validate(
  input: string | Uint8Array,
  options: ValidateXsdOptions,
  withTree: boolean,
): XsdValidationResult {
  const readerOptions: ReaderOptions = {
    ...options.reader,
    ...(options.file === undefined ? {} : { file: options.file }),
  };
  if (!withTree) {
    const plain = validatePlain(input, options, readerOptions);
    if (plain !== undefined) return plain;
  }
  let root: XmlRootStart;
  let built: XmlElement | undefined;
  try {
    if (withTree) root = built = parseXmlTree(input, readerOptions);
    else root = scanXml(input, readerOptions).root;
  } catch (error) {
    if (!(error instanceof XmlParseError)) throw error;
    return {
      release: options.release,
      valid: false,
      issues: [readerIssue(error)],
      schemaSet: undefined,
      root: undefined,
    };
  }
  const tree = lazyTree(input, readerOptions, built);
  const release = options.release ?? detectRelease(root.ns);
  const schemaSet = resolveSchemaSet(options.schemas, release);
  if (schemaSet === undefined) {
    const issue: ValidationIssue = {
      code: "XSD_UNKNOWN_RELEASE",
      severity: "error",
      origin: "xsd",
      message: `the root element's namespace ${root.ns === null ? "(none)" : `'${root.ns}'`} is not one of a known B2MML release; give the release or the schema set`,
      line: root.line,
      column: root.column,
      path: [{ name: "" }, { name: root.local }],
      expected: "a B2MML namespace",
      received: root.ns ?? "",
    };
    return withLazyRoot({ release, valid: false, issues: [issue], schemaSet: undefined }, tree);
  }
  const issues = validateWithLibxml2(input, tree, schemaSet, options.file).map((issue) =>
    explainYearBeyondEngine(explainRootOutsideProfile(issue, schemaSet)),
  );
  const valid = !issues.some((i) => i.severity === "error");
  return withLazyRoot({ release, valid, issues, schemaSet }, tree);
}

/** The reader's tree of `input`, built at most once (or the one given); the input is let go once built. */
function lazyTree(
  input: string | Uint8Array,
  readerOptions: ReaderOptions,
  given?: XmlElement,
): () => XmlElement {
  let built = given;
  let source: string | Uint8Array | undefined = given === undefined ? input : undefined;
  return () => {
    if (built === undefined) {
      built = parseXmlTree(source ?? "", readerOptions);
      source = undefined;
    }
    return built;
  };
}

/**
 * The one-parse path ({@link parsePlainDocument}): libxml2 parses and validates, and the reader's pass is
 * skipped when its cheap pre-check and libxml2's silence prove that the reader accepts the document.
 * `undefined` when the reader's path must decide (a refusal, a libxml2 diagnostic, an unknown release:
 * their issues carry the reader's positions).
 */
function validatePlain(
  input: string | Uint8Array,
  options: ValidateXsdOptions,
  readerOptions: ReaderOptions,
): XsdValidationResult | undefined {
  const doc = parsePlainDocument(input, readerOptions);
  if (doc === undefined) return undefined;
  try {
    const ns = doc.root.namespaceUri;
    const release = options.release ?? detectRelease(ns === "" ? null : ns);
    const schemaSet = resolveSchemaSet(options.schemas, release);
    if (schemaSet === undefined) return undefined;
    const tree = lazyTree(input, readerOptions);
    let issues: ValidationIssue[];
    try {
      issues = validateParsed(doc, tree, schemaSet);
    } catch (error) {
      if (error instanceof XmlParseError) return undefined; // the reader refused after all: its path says how
      throw error;
    }
    const explained = issues.map((issue) =>
      explainYearBeyondEngine(explainRootOutsideProfile(issue, schemaSet)),
    );
    const valid = !explained.some((i) => i.severity === "error");
    return withLazyRoot({ release, valid, issues: explained, schemaSet }, tree);
  } finally {
    doc.dispose();
  }
}

/** The result, `root` a getter that builds the tree on first access ({@link XsdValidationResult.root}). */
function withLazyRoot(
  result: Omit<XsdValidationResult, "root">,
  tree: () => XmlElement,
): XsdValidationResult {
  return {
    ...result,
    get root() {
      return tree();
    },
  };
}

function resolveSchemaSet(
  schemas: ValidateXsdOptions["schemas"],
  release: B2mmlRelease | undefined,
): SchemaSet | undefined {
  if (schemas !== undefined) return isSchemaSet(schemas) ? schemas : loadSchemaSet(schemas);
  if (release === undefined) return undefined;
  return loadSchemaSet({ release });
}

function isSchemaSet(value: SchemaSet | SchemaSetSource): value is SchemaSet {
  return typeof value === "object" && "validator" in value;
}

function validateWithLibxml2(
  input: string | Uint8Array,
  tree: () => XmlElement,
  schemaSet: SchemaSet,
  file: string | undefined,
): ValidationIssue[] {
  const parseOptions = { url: file ?? "document.xml", option: DOCUMENT_PARSE_OPTIONS };
  let doc: XmlDocument;
  try {
    doc = withServedFiles(new Map(), [], () =>
      typeof input === "string"
        ? XmlDocument.fromString(input, parseOptions)
        : XmlDocument.fromBuffer(input, parseOptions),
    );
  } catch (error) {
    if (!(error instanceof XmlLibError)) throw error;
    return [readerIssue(toLibxml2Refusal(error, file))];
  }
  try {
    return validateParsed(doc, tree, schemaSet);
  } finally {
    doc.dispose();
  }
}

/** Validates a parsed document; the tree is built only when there are issues to locate. */
function validateParsed(doc: XmlDocument, tree: () => XmlElement, schemaSet: SchemaSet): ValidationIssue[] {
  try {
    schemaSet.validator.validate(doc);
    return [];
  } catch (error) {
    if (!(error instanceof XmlLibError)) throw error;
    const root = tree();
    const locator = new ElementLocator(root);
    const paths = indexPaths(root);
    return error.details.map((detail) => toXsdIssue(detail, locator, paths));
  }
}

/**
 * A root that the built-in profile does not declare: the profile covers the production documents only,
 * so a valid V0600 document of another kind (MaterialDefinition, ProductDefinition, …) lands here. The
 * issue says so, lists the profile's roots and how to validate against the official set.
 */
function explainRootOutsideProfile(issue: ValidationIssue, schemaSet: SchemaSet): ValidationIssue {
  if (!schemaSet.builtIn || issue.code !== "XSD_NO_ROOT_DECLARATION") return issue;
  const root = issue.received?.replace(/^\{[^}]*\}/, "") ?? "the root element";
  return {
    ...issue,
    message:
      `${root} is not a root of the built-in V0600 production profile, which declares only the ` +
      `ProductionSchedule and ProductionPerformance documents (${schemaSet.roots.length} roots, see expected). ` +
      "Validate other V0600 documents against MESA's official V0600 schema set: " +
      "--schemas <folder of the official V0600 set> on the command line, " +
      "schemas: { dir: <that folder> } in validateXsd/validateDocument. " +
      `(libxml2: ${issue.message})`,
    expected: `a root of the built-in profile: ${schemaSet.roots.join(", ")}`,
  };
}

function readerIssue(error: XmlParseError): ValidationIssue {
  return {
    code: error.code,
    severity: "error",
    origin: "xml",
    message: error.message.replace(/^.*?:\d+:\d+: /s, ""),
    line: error.line,
    column: error.column,
    path: [],
    ...(error.expected === undefined ? {} : { expected: error.expected }),
    ...(error.received === undefined ? {} : { received: error.received }),
  };
}
