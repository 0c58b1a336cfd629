/**
 * Reading the ProductionPerformance: validation first (PERF-POST-001), the roots accepted
 * (PERF-POST-002), and small accessors over the generated V0600 types with XPaths for issues.
 *
 * @module
 */
import type { XsiNil } from "../../binding/metadata.js";
import { read } from "../../binding/read.js";
import { rootOf } from "../../binding/schema-index.js";
import type { XmlElement } from "../../binding/xml-model.js";
import { parseXmlTree, scanXml, XmlParseError } from "../../binding/xml-tree.js";
import {
  type ProductionPerformanceType,
  schemaSet,
  type TransApplicationAreaType,
  type ValueType,
} from "../../generated/b2mml-v0600/index.js";
import { detectRelease, RELEASE_NAMESPACES } from "../../validation/release.js";
import { validateDocument } from "../../validation/validate-document.js";
import type { IssueCollector } from "../issues.js";
import { type CarriedPaths, carry } from "./source-account.js";

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
  /** The document's element tree (for the account of what is not posted, PERF-POST-006). */
  readonly tree: XmlElement;
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
  if (!isV0600(input, issues)) return undefined;
  const validation = validateDocument(input);
  for (const i of validation.issues) issues.forward(i);
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
  for (const i of result.issues) issues.forward(i);
  if (result.value === undefined) return undefined;
  if (root === "ProductionPerformance")
    return {
      root,
      tree,
      performances: [{ value: result.value as ProductionPerformanceType, path: "/ProductionPerformance" }],
    };
  const bod = result.value as {
    ApplicationArea: TransApplicationAreaType;
    DataArea: { ProductionPerformance?: ProductionPerformanceType[] };
  };
  return {
    root,
    tree,
    applicationArea: bod.ApplicationArea,
    performances: (bod.DataArea.ProductionPerformance ?? []).map((value, i) => ({
      value,
      path: `/${root}/DataArea/ProductionPerformance[${i + 1}]`,
    })),
  };
}

/**
 * The release check (PERF-POST-002): a document whose root namespace names another B2MML release than
 * V0600 is `UNSUPPORTED_RELEASE` (the release found and the one read), before validation, which has
 * no schema set for it. A document the reader refuses, or of an unknown namespace, is left to the
 * validation to report.
 */
function isV0600(input: string | Uint8Array, issues: IssueCollector): boolean {
  let root: ReturnType<typeof scanXml>["root"];
  try {
    root = scanXml(input).root;
  } catch (error) {
    if (error instanceof XmlParseError) return true;
    throw error;
  }
  const release = detectRelease(root.ns);
  if (release === undefined || release === "V0600") return true;
  issues.error(
    "UNSUPPORTED_RELEASE",
    `/${root.local}`,
    `a B2MML ${release} document (namespace ${root.ns}, line ${root.line}, column ${root.column}): the postings mapping reads B2MML V0600 only`,
    { expected: `V0600 (namespace ${RELEASE_NAMESPACES.V0600})`, received: release },
  );
  return false;
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
  /** The ID and ValueString paths of the property (and of its repetitions with the same value). */
  readonly paths: readonly string[];
}

/**
 * Properties by ID (trimmed): the first `Value/ValueString` of each. The same ID again with the same
 * value is kept once; with a different value it is `CONFLICTING_PROPERTY` (nothing is picked silently)
 * and the ID is left out of the map, so no default stands in for it either. With `carried`, a property
 * looked up with `get` is marked as carried (its ID and ValueString, PERF-POST-006).
 */
export function propertiesOf(
  properties:
    | readonly { readonly ID: { readonly value: string }; readonly Value?: readonly ValueType[] }[]
    | undefined,
  path: string,
  element: string,
  issues: IssueCollector,
  carried?: CarriedPaths,
): ReadonlyMap<string, PropertyValue> {
  const map = new Map<string, PropertyValue>();
  (properties ?? []).forEach((p, i) => {
    const v = textOf(p.Value?.[0]?.ValueString);
    if (v === undefined) return;
    const id = p.ID.value.trim();
    const base = `${path}/${element}[${i + 1}]`;
    const value: PropertyValue = {
      value: v.trim(),
      path: `${base}/Value[1]/ValueString`,
      paths: [`${base}/ID`, `${base}/Value[1]/ValueString`],
    };
    const previous = map.get(id);
    if (previous === undefined) {
      map.set(id, value);
      return;
    }
    if (previous.value === value.value) {
      map.set(id, { ...previous, paths: [...previous.paths, ...value.paths] });
      return;
    }
    issues.error(
      "CONFLICTING_PROPERTY",
      value.path,
      `the property ${id} is given twice with different values (first at ${previous.path})`,
      { expected: previous.value, received: value.value },
    );
  });
  return carried === undefined ? map : new CarriedProperties(map, carried);
}

/** Properties whose `get` marks the property found as carried into a posting. */
class CarriedProperties extends Map<string, PropertyValue> {
  constructor(
    entries: ReadonlyMap<string, PropertyValue>,
    private readonly carried: CarriedPaths,
  ) {
    super(entries);
  }

  override get(id: string): PropertyValue | undefined {
    const found = super.get(id);
    if (found !== undefined) carry(this.carried, ...found.paths);
    return found;
  }
}
