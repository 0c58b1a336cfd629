/**
 * The IDoc reader's output, the input of every mapper: one tree per IDoc, segments by name with their
 * fields, already normalized (see the reader's docs), the raw values kept beside them, and an IDoc path
 * for every segment so that an error can say where (`IDOC[1]/E1AFKOL/E1AFFLL[1]/E1AFVOL[2]/E1RESBL[3]`).
 *
 * @module
 */
import type { Issue, IssuePath } from "../shared/issue.js";

/** One segment: its type name (`E1AFKOL`), normalized fields, raw fields, and child segments in order. */
export interface IdocSegment {
  readonly name: string;
  /** Field name → normalized value (trimmed; dates, times, numbers and keys in their normal forms). */
  readonly fields: Readonly<Record<string, string>>;
  /** Field name → the value exactly as received. */
  readonly raw: Readonly<Record<string, string>>;
  readonly segments: readonly IdocSegment[];
  /** `IDOC[1]/E1AFKOL/E1AFFLL[1]`: the index appears where a segment repeats among its siblings. */
  readonly path: string;
  /** 1-based line of the segment in IDoc-XML; absent for JSON input. */
  readonly line?: number;
}

/** One IDoc: its control record (EDI_DC40) and its data segments. */
export interface IdocDocument {
  /** Basic type (IDOCTYP), e.g. `LOIPRO01`, `LOIPRO05`. */
  readonly basicType: string;
  /** Extension type (CIMTYP) when set, e.g. `ZLOIPRO01`. */
  readonly extension?: string;
  /** Message type (MESTYP), e.g. `LOIPRO`. */
  readonly messageType: string;
  /** EDI_DC40 fields, normalized like data fields (DOCNUM, SNDPRN, CREDAT, CRETIM, …). */
  readonly control: Readonly<Record<string, string>>;
  /**
   * EDI_DC40 fields exactly as received, so that a value the reader could not normalize (left out of
   * `control`) is told from an absent one (`CRETIM 999999`, an invalid CREDAT).
   */
  readonly controlRaw?: Readonly<Record<string, string>>;
  readonly segments: readonly IdocSegment[];
  /** `IDOC[1]`. */
  readonly path: string;
}

/** Something the reader noticed: an unknown segment or field (kept, never fatal), a deviation from the schema. */
export interface IdocIssue extends Issue<string, "idoc"> {
  /** The IDoc path of the segment or field as segments (rendered: `IDOC[1]/E1AFKOL/E1AFPOL/MATNR`). */
  readonly path: IssuePath;
}

/** Everything one input (XML or JSON, one IDoc or a packet) gave. */
export interface IdocPacket {
  readonly idocs: readonly IdocDocument[];
  readonly issues: readonly IdocIssue[];
}
