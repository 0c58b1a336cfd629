/**
 * Interprets one segment node against its schema specification: fields normalized by their SAP data
 * type (raw values kept), the preferred material number, child segments in order with their IDoc paths,
 * and the deviations found on the way as warnings. Nothing is dropped: unknown fields and segments are
 * kept and reported.
 *
 * @module
 */

import { checkFieldValue } from "./check-field-value.js";
import { hasSegmentMarker, type IdocNode } from "./idoc-node.js";
import type { ChildSegmentSpec, IdocSchema, SegmentSpec } from "./idoc-schema.js";
import { idocIssue } from "./issues.js";
import { applyMaterialPreference } from "./material-number.js";
import type { IdocIssue, IdocSegment } from "./model.js";
import { normalizeField } from "./normalize-field.js";

/** What reading a segment needs besides the node. */
export interface SegmentContext {
  readonly schema: IdocSchema;
  readonly issues: IdocIssue[];
}

/**
 * Reads a segment (or an `IDOC`, whose children are its control record and data segments).
 *
 * @param spec the schema's specification at this place; `undefined` inside an unknown segment, where
 *   child segments are looked up by name and nothing more is reported as unknown
 * @param path the segment's IDoc path (`IDOC[1]/E1AFKOL/E1AFFLL[2]`)
 */
export function readSegment(
  node: IdocNode,
  spec: SegmentSpec | undefined,
  path: string,
  ctx: SegmentContext,
): IdocSegment {
  const { issues } = ctx;
  // no prototype: a field named `constructor` or `__proto__` is a field like any other
  const fields: Record<string, string> = Object.create(null);
  const raw: Record<string, string> = Object.create(null);
  const segmentNodes: IdocNode[] = [];

  for (const child of node.children) {
    if (isSegment(child, spec, ctx.schema)) {
      segmentNodes.push(child);
      continue;
    }
    const fieldPath = `${path}/${child.name}`;
    if (Object.hasOwn(raw, child.name)) {
      issues.push(
        idocIssue(
          "IDOC_DUPLICATE_FIELD",
          "warning",
          fieldPath,
          `the field ${child.name} is given more than once; the first value is kept`,
          child.line,
        ),
      );
      continue;
    }
    raw[child.name] = child.text;
    if (child.json === "nonString") {
      issues.push(
        idocIssue(
          "IDOC_INVALID_JSON_VALUE",
          "warning",
          fieldPath,
          `the field ${child.name} is the JSON value ${child.text}, not a string; IDoc-JSON field values are strings (a JSON number may have lost digits), so it is not normalized`,
        ),
      );
      continue;
    }
    const type = spec?.fields.get(child.name);
    if (spec && !type)
      issues.push(
        idocIssue(
          "IDOC_UNKNOWN_FIELD",
          "warning",
          fieldPath,
          `the segment ${node.name} has no field ${child.name} in the schema; kept, trimmed only`,
          child.line,
        ),
      );
    const normalized = normalizeField(child.text, type);
    const problem = checkFieldValue(child.text, type, normalized.ok ? normalized.value : undefined);
    if (problem)
      issues.push(
        idocIssue(
          problem.code,
          "error",
          fieldPath,
          `${child.name}: ${problem.message}; the field is left out of the normalized fields (raw value kept)`,
          child.line,
        ),
      );
    else if (normalized.ok) fields[child.name] = normalized.value;
    else
      issues.push(
        idocIssue(
          "IDOC_INVALID_VALUE",
          "warning",
          fieldPath,
          `${type?.typeName ?? "value"} ${normalized.reason}; the field is left out of the normalized fields (raw value kept)`,
          child.line,
        ),
      );
  }
  applyMaterialPreference(fields, path, node.line, issues);
  if (node.children.length > 0 && node.text.trim() !== "")
    issues.push(
      idocIssue(
        "IDOC_UNEXPECTED_TEXT",
        "warning",
        path,
        `text directly inside the segment ${node.name}, outside any field; ignored`,
        node.line,
      ),
    );

  const segments = readChildren(node, segmentNodes, spec, path, ctx);
  return {
    name: node.name,
    fields,
    raw,
    segments,
    path,
    ...(node.line === undefined ? {} : { line: node.line }),
  };
}

function isSegment(child: IdocNode, spec: SegmentSpec | undefined, schema: IdocSchema): boolean {
  if (child.json !== undefined) return child.json === "segment";
  if (child.children.length > 0 || hasSegmentMarker(child)) return true;
  if (spec?.fields.has(child.name)) return false;
  if (spec?.children.has(child.name)) return true;
  return schema.catalogue.has(child.name) && child.text.trim() === "";
}

function readChildren(
  parent: IdocNode,
  nodes: readonly IdocNode[],
  spec: SegmentSpec | undefined,
  path: string,
  ctx: SegmentContext,
): IdocSegment[] {
  const { issues, schema } = ctx;
  const counts = new Map<string, number>();
  for (const node of nodes) counts.set(node.name, (counts.get(node.name) ?? 0) + 1);
  const seen = new Map<string, number>();
  let lastOrder = -1;
  let lastName = "";
  const segments: IdocSegment[] = [];
  for (const node of nodes) {
    const n = (seen.get(node.name) ?? 0) + 1;
    seen.set(node.name, n);
    const childPath = `${path}/${node.name}${(counts.get(node.name) ?? 0) > 1 ? `[${n}]` : ""}`;
    const entry: ChildSegmentSpec | undefined = spec?.children.get(node.name);
    let childSpec: SegmentSpec | undefined;
    if (entry?.unordered) childSpec = entry.spec;
    else if (entry) {
      childSpec = entry.spec;
      if (entry.order < lastOrder && n === 1)
        issues.push(
          idocIssue(
            "IDOC_SEGMENT_ORDER",
            "warning",
            childPath,
            `${node.name} comes after ${lastName}; the IDoc type puts it before`,
            node.line,
          ),
        );
      if (entry.order > lastOrder) {
        lastOrder = entry.order;
        lastName = node.name;
      }
    } else {
      childSpec = schema.catalogue.get(node.name);
      if (spec && !spec.open && childSpec)
        issues.push(
          idocIssue(
            "IDOC_MISPLACED_SEGMENT",
            "warning",
            childPath,
            `the segment ${node.name} does not belong under ${parent.name}; kept`,
            node.line,
          ),
        );
      else if (spec && !childSpec)
        issues.push(
          idocIssue(
            "IDOC_UNKNOWN_SEGMENT",
            "warning",
            childPath,
            `the segment ${node.name} is not in the schema; kept with its fields and segments`,
            node.line,
          ),
        );
    }
    segments.push(readSegment(node, childSpec, childPath, ctx));
  }
  if (spec) checkCounts(spec, counts, path, parent, issues);
  return segments;
}

function checkCounts(
  spec: SegmentSpec,
  counts: ReadonlyMap<string, number>,
  path: string,
  parent: IdocNode,
  issues: IdocIssue[],
): void {
  for (const [name, entry] of spec.children) {
    const count = counts.get(name) ?? 0;
    if (count < entry.min)
      issues.push(
        idocIssue(
          "IDOC_SEGMENT_MISSING",
          "warning",
          `${path}/${name}`,
          `${parent.name || "the IDoc"} has no ${name} segment; the IDoc type requires ${entry.min}`,
          parent.line,
        ),
      );
    else if (count > entry.max)
      issues.push(
        idocIssue(
          "IDOC_SEGMENT_REPEATED",
          "warning",
          `${path}/${name}`,
          `${name} occurs ${count} times under ${parent.name}; the IDoc type allows ${entry.max}`,
          parent.line,
        ),
      );
  }
}
