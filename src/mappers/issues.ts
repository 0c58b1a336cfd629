/**
 * Problems found while mapping, as data: a stable `code`, the IDoc path of the field (or segment) where
 * it was found, a message, and what was expected and received. Renderers (the CLI's `path: code message`)
 * read only this.
 *
 * @module
 */

export interface MapIssue {
  /** Stable code, e.g. `UNKNOWN_UNIT`, `DST_GAP_SHIFTED`; the reader's codes for the reader's issues. */
  readonly code: string;
  readonly message: string;
  /** IDoc path incl. the field: `IDOC[1]/E1AFKOL/E1AFFLL[1]/E1AFVOL[2]/E1RESBL[3]/MEINS`. */
  readonly path: string;
  readonly expected?: string;
  readonly received?: string;
}

/** Collects errors and warnings of one mapping run, in the order they are found. */
export class IssueCollector {
  readonly errors: MapIssue[] = [];
  readonly warnings: MapIssue[] = [];

  error(code: string, path: string, message: string, details: IssueDetails = {}): void {
    this.errors.push(issue(code, path, message, details));
  }

  warn(code: string, path: string, message: string, details: IssueDetails = {}): void {
    this.warnings.push(issue(code, path, message, details));
  }
}

/** What was expected and what was received, where it helps. */
export interface IssueDetails {
  readonly expected?: string | undefined;
  readonly received?: string | undefined;
}

function issue(code: string, path: string, message: string, details: IssueDetails): MapIssue {
  return {
    code,
    message,
    path,
    ...(details.expected === undefined ? {} : { expected: details.expected }),
    ...(details.received === undefined ? {} : { received: details.received }),
  };
}

/** `path: code message` as the CLI prints it. */
export function formatMapIssue(issue: MapIssue): string {
  const detail =
    issue.expected !== undefined || issue.received !== undefined
      ? ` (expected ${issue.expected ?? "-"}, received ${JSON.stringify(issue.received ?? "")})`
      : "";
  return `${issue.path}: ${issue.code} ${issue.message}${detail}`;
}
