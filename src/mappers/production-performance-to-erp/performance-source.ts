/**
 * Reading the ProductionPerformance: validation first (PERF-POST-001), the roots accepted
 * (PERF-POST-002), and small accessors over the generated V0600 types with XPaths for issues.
 *
 * @module
 */
import type { XsiNil } from "../../binding/metadata.js";
import { read } from "../../binding/read.js";
import { rootOf } from "../../binding/schema-index.js";
import { parseXmlTree } from "../../binding/xml-tree.js";
import {
  type ProductionPerformanceType,
  schemaSet,
  type TransApplicationAreaType,
  type ValueType,
} from "../../generated/b2mml-v0600/index.js";
import { validateDocument } from "../../validation/validate-document.js";
import type { IssueCollector } from "../issues.js";

/** The wrappers whose DataArea carries ProductionPerformance, and the bare document. */
export const ACCEPTED_ROOTS = [
  "ProductionPerformance",
  "SyncProductionPerformance",
  "ProcessProductionPerformance",
  "ShowProductionPerformance",
  "ChangeProductionPerformance",
  "RespondProductionPerformance",
  "AcknowledgeProductionPerformance",
] as const;

export interface PerformanceSource {
  readonly root: string;
  readonly applicationArea?: TransApplicationAreaType;
  readonly performances: readonly { readonly value: ProductionPerformanceType; readonly path: string }[];
}

/**
 * Validates the document against the V0600 profile and reads it; `undefined` (with errors collected)
 * when it is not a valid ProductionPerformance document.
 */
export function readPerformanceSource(
  input: string | Uint8Array,
  issues: IssueCollector,
): PerformanceSource | undefined {
  const validation = validateDocument(input);
  for (const i of validation.issues) {
    if (i.severity === "error") issues.error(i.code, i.path, `${i.message} (line ${i.line})`);
    else issues.warn(i.code, i.path, `${i.message} (line ${i.line})`);
  }
  if (validation.outcome !== "valid") return undefined;
  const tree = parseXmlTree(input);
  const root = tree.local;
  if (!(ACCEPTED_ROOTS as readonly string[]).includes(root)) {
    issues.error("UNSUPPORTED_DOCUMENT", `/${root}`, "not a ProductionPerformance document", {
      expected: ACCEPTED_ROOTS.join(", "),
      received: root,
    });
    return undefined;
  }
  const result = read<Record<string, unknown>>(tree, rootOf(schemaSet, root));
  for (const i of result.issues)
    if (i.severity === "error") issues.error(i.code, i.path, i.message);
    else issues.warn(i.code, i.path, i.message);
  if (result.value === undefined) return undefined;
  if (root === "ProductionPerformance")
    return {
      root,
      performances: [{ value: result.value as ProductionPerformanceType, path: "/ProductionPerformance" }],
    };
  const bod = result.value as {
    ApplicationArea: TransApplicationAreaType;
    DataArea: { ProductionPerformance?: ProductionPerformanceType[] };
  };
  return {
    root,
    applicationArea: bod.ApplicationArea,
    performances: (bod.DataArea.ProductionPerformance ?? []).map((value, i) => ({
      value,
      path: `/${root}/DataArea/ProductionPerformance[${i + 1}]`,
    })),
  };
}

/** The text of a nillable element; `undefined` when absent or nil. */
export function textOf(value: { readonly value: string } | XsiNil | undefined): string | undefined {
  if (value === undefined || "$nil" in value) return undefined;
  return value.value;
}

/** A property (`…Property` of an actual): its ID and first value, with the value's path. */
export interface PropertyValue {
  readonly value: string;
  readonly path: string;
}

/**
 * Properties by ID (trimmed): the first `Value/ValueString` of each. The same ID again with the same
 * value is kept once; with a different value it is `CONFLICTING_PROPERTY` (nothing is picked silently)
 * and the ID is left out of the map, so no default stands in for it either.
 */
export function propertiesOf(
  properties:
    | readonly { readonly ID: { readonly value: string }; readonly Value?: readonly ValueType[] }[]
    | undefined,
  path: string,
  element: string,
  issues: IssueCollector,
): ReadonlyMap<string, PropertyValue> {
  const map = new Map<string, PropertyValue>();
  (properties ?? []).forEach((p, i) => {
    const v = textOf(p.Value?.[0]?.ValueString);
    if (v === undefined) return;
    const id = p.ID.value.trim();
    const value: PropertyValue = {
      value: v.trim(),
      path: `${path}/${element}[${i + 1}]/Value[1]/ValueString`,
    };
    const previous = map.get(id);
    if (previous === undefined) {
      map.set(id, value);
      return;
    }
    if (previous.value === value.value) return;
    issues.error(
      "CONFLICTING_PROPERTY",
      value.path,
      `the property ${id} is given twice with different values (first at ${previous.path})`,
      { expected: previous.value, received: value.value },
    );
  });
  return map;
}
