/**
 * One `IDOC`: its basic type (EDI_DC40-IDOCTYP, else the root name), the schema for it, its control
 * record and its data segments.
 *
 * @module
 */

import type { IdocNode } from "./idoc-node.js";
import { type IdocSchema, openIdocSpec } from "./idoc-schema.js";
import { idocIssue } from "./issues.js";
import type { IdocDocument, IdocIssue } from "./model.js";
import { readSegment } from "./read-segment.js";
import { sapTrim } from "./sap-trim.js";

/** Control-record fields the reader and the mappers rely on; a missing one is reported. */
export const REQUIRED_CONTROL_FIELDS: readonly string[] = [
  "IDOCTYP",
  "MESTYP",
  "DOCNUM",
  "SNDPRN",
  "CREDAT",
  "CRETIM",
];

/**
 * Reads one IDoc.
 *
 * @param index 1-based position in the packet (`IDOC[index]`)
 * @param rootName the root element (or JSON root key); `""` when the input had none
 */
export function readIdocDocument(
  node: IdocNode,
  index: number,
  rootName: string,
  schema: IdocSchema,
  issues: IdocIssue[],
): IdocDocument {
  const path = `IDOC[${index}]`;
  const controlNode = node.children.find((c) => c.name === "EDI_DC40");
  const controlText = (name: string) => sapTrim(controlNode?.children.find((c) => c.name === name)?.text);
  const idoctyp = controlText("IDOCTYP");
  const cimtyp = controlText("CIMTYP");
  const basicType = idoctyp || rootName;

  let spec = schema.basicTypes.get(basicType);
  if (!spec) {
    issues.push(
      idocIssue(
        "IDOC_UNKNOWN_BASIC_TYPE",
        "warning",
        path,
        basicType === ""
          ? "no basic type: EDI_DC40 has no IDOCTYP and the input has no root name; segments are read by name"
          : `no schema for the basic type ${basicType} (known: ${[...schema.basicTypes.keys()].join(", ")}); segments are read by name`,
        node.line,
      ),
    );
    spec = openIdocSpec(schema);
  }
  if (rootName !== "" && idoctyp !== "" && rootName !== (cimtyp || idoctyp))
    issues.push(
      idocIssue(
        "IDOC_ROOT_MISMATCH",
        "warning",
        path,
        `the root is ${rootName}, but EDI_DC40 names ${cimtyp ? `the extension type ${cimtyp}` : `the basic type ${idoctyp}`}`,
        node.line,
      ),
    );

  const idoc = readSegment(node, spec, path, { schema, issues });
  const control = idoc.segments.find((s) => s.name === "EDI_DC40");
  if (control)
    for (const field of REQUIRED_CONTROL_FIELDS)
      if (sapTrim(control.raw[field]) === "")
        issues.push(
          idocIssue(
            "IDOC_CONTROL_FIELD_MISSING",
            "warning",
            `${control.path}/${field}`,
            `EDI_DC40 has no ${field}`,
            control.line,
          ),
        );
  return {
    basicType,
    ...(cimtyp === "" ? {} : { extension: cimtyp }),
    messageType: control?.fields.MESTYP ?? "",
    control: control?.fields ?? {},
    ...(control === undefined ? {} : { controlRaw: control.raw }),
    segments: idoc.segments.filter((s) => s.name !== "EDI_DC40"),
    path,
  };
}
