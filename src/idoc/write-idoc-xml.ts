/**
 * The IDoc-XML writer: plain IDoc-XML as an ALE/XML or file port reads it (reference §2, §3), the
 * inverse of the reader's input form:
 *
 * ```xml
 * <?xml version="1.0" encoding="UTF-8"?>
 * <MBGMCR03>
 *   <IDOC BEGIN="1">
 *     <EDI_DC40 SEGMENT="1"><TABNAM>EDI_DC40</TABNAM>…</EDI_DC40>
 *     <E1MBGMCR SEGMENT="1">…</E1MBGMCR>
 *   </IDOC>
 * </MBGMCR03>
 * ```
 *
 * - The root is the basic type (or the extension type when CIMTYP is given); no namespace.
 * - `<IDOC BEGIN="1">`, `SEGMENT="1"` on every segment, EDI_DC40 included.
 * - Fields in the order of the segment definition ({@link SegmentDefinitions}), then child segments in
 *   the order given (the caller builds them in the IDoc type's order).
 * - Absent, `undefined` and empty fields are omitted (SAP's convention for blank fields). Values are
 *   written as given: the caller applies SAP's conventions (ALPHA, units, dates, trailing minus).
 * - A field the definition does not list is a bug of the caller and throws.
 *
 * @module
 */

import { escapeText } from "../binding/write.js";

/** One segment to write. */
export interface IdocSegmentOut {
  readonly name: string;
  /** Field name → value; `undefined` and `""` are not written. */
  readonly fields: Readonly<Record<string, string | undefined>>;
  readonly segments?: readonly IdocSegmentOut[];
}

/** One IDoc: its control record fields (without TABNAM, which is always `EDI_DC40`) and data segments. */
export interface IdocOut {
  readonly control: Readonly<Record<string, string | undefined>>;
  readonly segments: readonly IdocSegmentOut[];
}

/** Segment name → its fields in definition order. */
export type SegmentDefinitions = Readonly<Record<string, readonly string[]>>;

export interface WriteIdocXmlOptions {
  /** The field order of every segment written; EDI_DC40 defaults to {@link EDI_DC40_FIELDS}. */
  readonly definitions: SegmentDefinitions;
  /** Indentation per level. @default "  " */
  readonly indent?: string;
}

/** EDI_DC40 in definition order (reference §2). */
export const EDI_DC40_FIELDS: readonly string[] = [
  "TABNAM",
  "MANDT",
  "DOCNUM",
  "DOCREL",
  "STATUS",
  "DIRECT",
  "OUTMOD",
  "EXPRSS",
  "TEST",
  "IDOCTYP",
  "CIMTYP",
  "MESTYP",
  "MESCOD",
  "MESFCT",
  "STD",
  "STDVRS",
  "STDMES",
  "SNDPOR",
  "SNDPRT",
  "SNDPFC",
  "SNDPRN",
  "SNDSAD",
  "SNDLAD",
  "RCVPOR",
  "RCVPRT",
  "RCVPFC",
  "RCVPRN",
  "RCVSAD",
  "RCVLAD",
  "CREDAT",
  "CRETIM",
  "REFINT",
  "REFGRP",
  "REFMES",
  "ARCKEY",
  "SERIAL",
];

/** XML names only: segment and field names are written as element names. */
const XML_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/**
 * Writes IDocs of one basic type as one IDoc-XML document (a packet when there are several).
 *
 * @throws {Error} when a segment has no definition, a field is not in its segment's definition, a name
 *   is not an XML name, or IDOCTYP / CIMTYP differ between the IDocs (a bug of the caller)
 */
export function writeIdocXml(idocs: readonly IdocOut[], options: WriteIdocXmlOptions): string {
  const first = idocs[0];
  if (first === undefined) throw new Error("writeIdocXml: no IDoc to write");
  const root = first.control.CIMTYP || first.control.IDOCTYP;
  if (root === undefined || root === "" || !XML_NAME.test(root))
    throw new Error(`writeIdocXml: the control record needs IDOCTYP (got ${JSON.stringify(root)})`);
  for (const idoc of idocs)
    if (idoc.control.IDOCTYP !== first.control.IDOCTYP || idoc.control.CIMTYP !== first.control.CIMTYP)
      throw new Error("writeIdocXml: all IDocs of one document must have the same IDOCTYP and CIMTYP");
  const indent = options.indent ?? "  ";
  const definitions: SegmentDefinitions = { EDI_DC40: EDI_DC40_FIELDS, ...options.definitions };
  const lines: string[] = ['<?xml version="1.0" encoding="UTF-8"?>', `<${root}>`];
  for (const idoc of idocs) {
    lines.push(`${indent}<IDOC BEGIN="1">`);
    writeSegment(
      { name: "EDI_DC40", fields: { ...idoc.control, TABNAM: "EDI_DC40" } },
      2,
      definitions,
      indent,
      lines,
    );
    for (const segment of idoc.segments) writeSegment(segment, 2, definitions, indent, lines);
    lines.push(`${indent}</IDOC>`);
  }
  lines.push(`</${root}>`, "");
  return lines.join("\n");
}

function writeSegment(
  segment: IdocSegmentOut,
  level: number,
  definitions: SegmentDefinitions,
  indent: string,
  lines: string[],
): void {
  const order = definitions[segment.name];
  if (order === undefined) throw new Error(`writeIdocXml: no definition for segment ${segment.name}`);
  if (!XML_NAME.test(segment.name)) throw new Error(`writeIdocXml: ${segment.name} is not an XML name`);
  const known = new Set(order);
  for (const field of Object.keys(segment.fields))
    if (!known.has(field)) throw new Error(`writeIdocXml: ${segment.name} has no field ${field}`);
  const pad = indent.repeat(level);
  lines.push(`${pad}<${segment.name} SEGMENT="1">`);
  for (const field of order) {
    const value = segment.fields[field];
    if (value === undefined || value === "") continue;
    lines.push(`${pad}${indent}<${field}>${escapeText(value)}</${field}>`);
  }
  for (const child of segment.segments ?? []) writeSegment(child, level + 1, definitions, indent, lines);
  lines.push(`${pad}</${segment.name}>`);
}
