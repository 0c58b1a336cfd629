/**
 * Problems found while mapping, as data: instances of the one issue base (`shared/issue.ts`) with a
 * stable `code`, the path of the field (or segment) where it was found, a message, and what was expected
 * and received. A mapping's own issues have the origin `mapping` (paths into an IDoc) or `posting`
 * (paths into the ProductionPerformance document); the reader's, the validator's and the
 * configuration's issues are forwarded with every field and their own origin. Renderers (the CLI's
 * `path: code message`) read only this.
 *
 * @module
 */
import { type Issue, parseIssuePath, renderIssuePath } from "../shared/issue.js";

/**
 * A mapping issue: `code` is stable, e.g. `UNKNOWN_UNIT`, `DST_GAP_SHIFTED`, or the forwarded area's
 * code; the path, rendered, is an IDoc path incl. the field
 * (`IDOC[1]/E1AFKOL/E1AFFLL[1]/E1AFVOL[2]/E1RESBL[3]/MEINS`), an XPath, or a configuration key path.
 */
export type MapIssue = Issue;

/** The origin of a mapping's own issues: into an IDoc (`mapping`) or into a B2MML document (`posting`). */
export type MapIssueOrigin = "mapping" | "posting";

/** Collects errors and warnings of one mapping run, in the order they are found. */
export class IssueCollector {
  readonly errors: MapIssue[] = [];
  readonly warnings: MapIssue[] = [];

  constructor(private readonly origin: MapIssueOrigin = "mapping") {}

  /** An error at `path`, written as the mapping's paths are (`IDOC[1]/E1AFKOL/AUFNR`, `/A/B[2]`). */
  error(code: string, path: string, message: string, details: IssueDetails = {}): void {
    this.errors.push(this.issue(code, "error", path, message, details));
  }

  warn(code: string, path: string, message: string, details: IssueDetails = {}): void {
    this.warnings.push(this.issue(code, "warning", path, message, details));
  }

  /** Another area's issue (reader, validator, configuration), kept whole, as an error or a warning. */
  forward(issue: MapIssue): void {
    (issue.severity === "error" ? this.errors : this.warnings).push(issue);
  }

  private issue(
    code: string,
    severity: MapIssue["severity"],
    path: string,
    message: string,
    details: IssueDetails,
  ): MapIssue {
    return {
      code,
      severity,
      origin: this.origin,
      message,
      path: parseIssuePath(path, this.origin),
      ...(details.expected === undefined ? {} : { expected: details.expected }),
      ...(details.received === undefined ? {} : { received: details.received }),
    };
  }
}

/** What was expected and what was received, where it helps. */
export interface IssueDetails {
  readonly expected?: string | undefined;
  readonly received?: string | undefined;
}

/** The path as the map commands print it; a configuration's key path is marked `config:`. */
export function mapIssuePath(issue: MapIssue): string {
  const path = renderIssuePath(issue);
  return issue.origin === "config" ? `config:${path}` : path;
}

/** `path: code message` as the CLI prints it; a validator's issue with its line. */
export function formatMapIssue(issue: MapIssue): string {
  const line =
    (issue.origin === "xsd" || issue.origin === "xml" || issue.origin === "rule") && issue.line !== undefined
      ? ` (line ${issue.line})`
      : "";
  const detail =
    issue.expected !== undefined || issue.received !== undefined
      ? ` (expected ${issue.expected ?? "-"}, received ${JSON.stringify(issue.received ?? "")})`
      : "";
  return `${mapIssuePath(issue)}: ${issue.code} ${issue.message}${line}${detail}`;
}

/** A mapping issue as the warnings files and JSON outputs write it: the path rendered, no origin. */
export interface MapIssueJson {
  readonly code: string;
  readonly message: string;
  readonly path: string;
  readonly expected?: string;
  readonly received?: string;
}

/** `{ code, message, path, expected?, received? }` with the path as {@link mapIssuePath} renders it. */
export function mapIssueJson(issue: MapIssue): MapIssueJson {
  return {
    code: issue.code,
    message: issue.message,
    path: mapIssuePath(issue),
    ...(issue.expected === undefined ? {} : { expected: issue.expected }),
    ...(issue.received === undefined ? {} : { received: issue.received }),
  };
}
