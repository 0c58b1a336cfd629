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
 * - A value with a character XML 1.0 forbids (C0 controls other than tab/LF/CR, U+FFFE, U+FFFF, a lone
 *   surrogate) is refused: {@link IdocWriteError} lists every such field with its IDoc path
 *   (`IDOC[1]/E1MBGMCR/E1BP2017_GM_ITEM_CREATE[2]/MATERIAL`). Values are escaped by the library's one
 *   escaping module, as Canonical XML escapes text (a CR is written `&#xD;` and read back as a CR).
 *
 * @module
 */

import { describeForbiddenCharacter, escapeText, findForbiddenCharacter } from "../binding/xml-escape.js";
import { idocSchema } from "./idoc-schema.js";

/** What the writer refuses in a value. */
export type IdocWriteCode = "IDOC_WRITE_FORBIDDEN_CHARACTER";

/** One refused field: the IDoc path (`IDOC` always indexed, a segment where it repeats), what was expected. */
export interface IdocWriteProblem {
  readonly code: IdocWriteCode;
  readonly path: string;
  readonly message: string;
  readonly expected?: string;
  /** The value, a forbidden character shown as `\uXXXX`. */
  readonly received?: string;
}

/** Field values that cannot be written as XML 1.0; lists every one. */
export class IdocWriteError extends Error {
  override readonly name = "IdocWriteError";
  constructor(readonly problems: readonly IdocWriteProblem[]) {
    super(problems.map((p) => `${p.path}: ${p.message}`).join("\n"));
  }
}

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
  /** The field order of every segment written; EDI_DC40 defaults to its order in the generated IDoc types. */
  readonly definitions: SegmentDefinitions;
  /** Indentation per level. @default "  " */
  readonly indent?: string;
}

/**
 * The control record's fields in the order of its XSD group (`xsd/idoc/segments.xsd`, `EDI_DC40.fields`),
 * read through the generated IDoc types like every other segment's: the one source of field order.
 */
function controlRecordFields(): readonly string[] {
  const control = idocSchema().catalogue.get("EDI_DC40");
  if (control === undefined) throw new Error("writeIdocXml: the generated IDoc types lack EDI_DC40");
  return [...control.fields.keys()];
}

/** XML names only: segment and field names are written as element names. */
const XML_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/**
 * Writes IDocs of one basic type as one IDoc-XML document (a packet when there are several).
 *
 * @throws {@link IdocWriteError} listing every field value with a character XML 1.0 forbids
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
  const definitions: SegmentDefinitions = { EDI_DC40: controlRecordFields(), ...options.definitions };
  const out: Output = { definitions, indent, lines: [], problems: [] };
  out.lines.push('<?xml version="1.0" encoding="UTF-8"?>', `<${root}>`);
  idocs.forEach((idoc, i) => {
    const at = `IDOC[${i + 1}]`;
    out.lines.push(`${indent}<IDOC BEGIN="1">`);
    writeSegment(
      { name: "EDI_DC40", fields: { ...idoc.control, TABNAM: "EDI_DC40" } },
      2,
      `${at}/EDI_DC40`,
      out,
    );
    const step = stepsOf(idoc.segments);
    for (const segment of idoc.segments) writeSegment(segment, 2, `${at}/${step(segment.name)}`, out);
    out.lines.push(`${indent}</IDOC>`);
  });
  if (out.problems.length > 0) throw new IdocWriteError(out.problems);
  out.lines.push(`</${root}>`, "");
  return out.lines.join("\n");
}

interface Output {
  readonly definitions: SegmentDefinitions;
  readonly indent: string;
  readonly lines: string[];
  readonly problems: IdocWriteProblem[];
}

/** The IDoc path step of each of these sibling segments, in order: `NAME`, or `NAME[i]` where it repeats. */
function stepsOf(segments: readonly IdocSegmentOut[]): (name: string) => string {
  const counts = new Map<string, number>();
  for (const s of segments) counts.set(s.name, (counts.get(s.name) ?? 0) + 1);
  const seen = new Map<string, number>();
  return (name) => {
    const i = (seen.get(name) ?? 0) + 1;
    seen.set(name, i);
    return (counts.get(name) ?? 0) > 1 ? `${name}[${i}]` : name;
  };
}

function writeSegment(segment: IdocSegmentOut, level: number, path: string, out: Output): void {
  const { definitions, indent, lines } = out;
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
    const bad = findForbiddenCharacter(value);
    if (bad !== undefined) {
      const { message, ...detail } = describeForbiddenCharacter(value, bad);
      out.problems.push({
        code: "IDOC_WRITE_FORBIDDEN_CHARACTER",
        path: `${path}/${field}`,
        message,
        ...detail,
      });
      continue;
    }
    lines.push(`${pad}${indent}<${field}>${escapeText(value)}</${field}>`);
  }
  const children = segment.segments ?? [];
  const step = stepsOf(children);
  for (const child of children) writeSegment(child, level + 1, `${path}/${step(child.name)}`, out);
  lines.push(`${pad}</${segment.name}>`);
}
