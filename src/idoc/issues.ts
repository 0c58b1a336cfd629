/**
 * The reader's issue codes and how issues are made. Messages are plain text for people; programs read
 * the code and the path.
 *
 * @module
 */

import { parseIssuePath } from "../shared/issue.js";
import type { IdocIssue } from "./model.js";

/**
 * Every code the reader reports (strict mode adds the `XSD_*` codes of the validation engine, see
 * `docs/validation.md`).
 */
export type IdocIssueCode =
  /** error: the input is no IDoc (no `IDOC` element or key, an empty SOAP body, an unknown JSON shape). */
  | "IDOC_NOT_AN_IDOC"
  /** error: the root element is in a namespace other than none or the SAP SOAP IDoc namespace. */
  | "IDOC_UNSUPPORTED_NAMESPACE"
  /** warning: a basic type without a schema in `xsd/idoc`; segments are read by name. */
  | "IDOC_UNKNOWN_BASIC_TYPE"
  /** warning: the root name is neither the extension type (CIMTYP) nor the basic type (IDOCTYP). */
  | "IDOC_ROOT_MISMATCH"
  /** warning: EDI_DC40 lacks a field the reader and mappers rely on (IDOCTYP, MESTYP, DOCNUM, SNDPRN, CREDAT, CRETIM). */
  | "IDOC_CONTROL_FIELD_MISSING"
  /** warning: a segment the schema does not know here or anywhere; kept with its fields. */
  | "IDOC_UNKNOWN_SEGMENT"
  /** warning: a known segment under a parent that does not have it; kept. */
  | "IDOC_MISPLACED_SEGMENT"
  /** warning: a field the segment's schema does not declare; kept, trimmed only. */
  | "IDOC_UNKNOWN_FIELD"
  /** warning: a field given twice in one segment; the first is kept. */
  | "IDOC_DUPLICATE_FIELD"
  /** warning: a date, time, number or numeric text that cannot be read; left out of `fields`, kept in `raw`. */
  | "IDOC_INVALID_VALUE"
  /** warning: an IDoc-JSON field value that is not a string (a JSON number may have lost digits); left out of `fields`. */
  | "IDOC_INVALID_JSON_VALUE"
  /** warning: a segment before a sibling the IDoc type puts first. */
  | "IDOC_SEGMENT_ORDER"
  /** warning: a required segment missing (EDI_DC40, E1AFKOL, E1AFFLL, E1AFPOL). */
  | "IDOC_SEGMENT_MISSING"
  /** warning: a segment repeated that may occur once. */
  | "IDOC_SEGMENT_REPEATED"
  /** warning: MATNR disagrees with the preferred MATNR_EXTERNAL / MATNR_LONG. */
  | "IDOC_MATERIAL_CONFLICT"
  /** warning: text directly inside a segment (not in a field); ignored. */
  | "IDOC_UNEXPECTED_TEXT"
  /** error: a NUL or other C0 control character, or a lone surrogate, in a value (tab, CR, LF only inside texts). */
  | "IDOC_INVALID_CHARACTER"
  /** error: a value longer than its SAP field length (`CHAR40`, `ALPHA12`, …, from `xsd/idoc`). */
  | "IDOC_VALUE_TOO_LONG"
  /** error: a number outside its SAP type (`QUAN13_3`: 10 integer, 3 fraction digits; FLTP: a finite double). */
  | "IDOC_VALUE_OUT_OF_RANGE"
  /** error (strict mode): an IDoc-JSON key that is no XML name, so the IDoc cannot be validated as IDoc-XML. */
  | "IDOC_INVALID_NAME"
  /** error (strict mode): an IDoc-JSON value with a character XML 1.0 forbids, so it cannot be validated as IDoc-XML. */
  | "IDOC_INVALID_CHARACTER";

/** Builds an issue; `line` only when known. */
export function idocIssue(
  code: IdocIssueCode | `XSD_${string}` | `XML_${string}`,
  severity: IdocIssue["severity"],
  path: string,
  message: string,
  line?: number,
): IdocIssue {
  return {
    code,
    severity,
    origin: "idoc",
    message,
    path: parseIssuePath(path, "idoc"),
    ...(line === undefined || line <= 0 ? {} : { line }),
  };
}
