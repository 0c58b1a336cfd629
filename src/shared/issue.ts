/**
 * The one issue shape of every area (reader, XSD validation, rules, binding, IDoc reader,
 * configuration, mapping, generator): a stable code, a severity, where it comes from, and where it is,
 * as path segments. A path is rendered (as an XPath, an IDoc path or a configuration key path) only at
 * the edge, by {@link renderIssuePath}; forwarding an issue from one area to another keeps every field.
 *
 * Each area narrows `code` to its own union and `origin` to its own value(s): `ValidationIssue`,
 * `BindingIssue`, `IdocIssue`, `ConfigIssue`, `MapIssue`, `CodegenDiagnostic`.
 *
 * @module
 */

/** One step of a path: an element, an IDoc segment or field, or a configuration key. */
export interface PathSegment {
  /**
   * The element's local name, the segment's or field's name, or the key. An absolute XPath starts at the
   * document node, written as a first segment with the empty name (`/A/B` is `["", "A", "B"]`).
   */
  readonly name: string;
  /** 1-based position among siblings of the same name, where it is part of the path (`B[2]`). */
  readonly index?: number;
}

export type IssuePath = readonly PathSegment[];

export type Severity = "error" | "warning";

/**
 * Which area found the issue, which also says what its path points into: `xml` (the hardened XML
 * reader), `xsd` (schema validation), `rule` (a business rule), `binding` (the typed reader) and
 * `posting` (the ProductionPerformance → ERP mapping) point into an XML document (XPath); `idoc` (the
 * IDoc reader) and `mapping` (the IDoc → B2MML mappings) into an IDoc; `config` into the configuration
 * and `option` into the caller's options (key paths); `codegen` into a schema file (`line`, `column`).
 */
export type IssueOrigin =
  | "xml"
  | "xsd"
  | "rule"
  | "binding"
  | "idoc"
  | "mapping"
  | "posting"
  | "config"
  | "option"
  | "codegen";

/** The base every issue is an instance of. */
export interface Issue<Code extends string = string, Origin extends IssueOrigin = IssueOrigin> {
  readonly code: Code;
  readonly severity: Severity;
  readonly origin: Origin;
  readonly message: string;
  readonly path: IssuePath;
  /** 1-based; absent (or 0 where an area always gives it) when unknown. */
  readonly line?: number;
  readonly column?: number;
  readonly expected?: string;
  readonly received?: string;
}

const KEY_PATH_ORIGINS: ReadonlySet<IssueOrigin> = new Set(["config", "option"]);
const INDEXED = /^(.*)\[([1-9][0-9]*)\]$/s;

function segmentOf(step: string): PathSegment {
  const m = INDEXED.exec(step);
  return m ? { name: m[1] as string, index: Number(m[2]) } : { name: step };
}

/**
 * The segments of a path written with `/` (an XPath such as `/A/B[2]/C`, an IDoc path such as
 * `IDOC[1]/E1AFKOL/AUFNR`) or, for `config` and `option`, with `.` (`plants.1000.timeZone`). The empty
 * string is the empty path. Rendering the result with the same origin gives the text back unchanged.
 */
export function parseIssuePath(text: string, origin: IssueOrigin = "xml"): IssuePath {
  if (text === "") return [];
  return text.split(KEY_PATH_ORIGINS.has(origin) ? "." : "/").map(segmentOf);
}

/** The path as text in its area's notation: XPath or IDoc path with `/`, key path with `.`. */
export function renderIssuePath(issue: Pick<Issue, "path" | "origin">): string {
  const steps = issue.path.map((s) => (s.index === undefined ? s.name : `${s.name}[${s.index}]`));
  return steps.join(KEY_PATH_ORIGINS.has(issue.origin) ? "." : "/");
}

/** `path` appended with one more step. */
export function childPath(path: IssuePath, name: string, index?: number): IssuePath {
  return [...path, index === undefined ? { name } : { name, index }];
}

/** The issue with `prefix` before its path's first step (`order-context:` + `IDOC[1]/…`), as a source name. */
export function prefixIssuePath<I extends Issue>(issue: I, prefix: string): I {
  const [first, ...rest] = issue.path;
  const head = first === undefined ? { name: prefix } : { ...first, name: `${prefix}${first.name}` };
  return { ...issue, path: [head, ...rest] };
}
