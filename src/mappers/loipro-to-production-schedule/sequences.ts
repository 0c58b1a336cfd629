/**
 * Sequences (E1AFFLL) → one SegmentRequirement each, with the operations nested in it
 * (LOIPRO-MAP-018, LOIPRO-MAP-019): standard, parallel and alternative sequences stay side by side,
 * each with its category (FLGAT) and, where given, its reference sequence (BEZFL) and branch / return
 * operations (VORNR1 / VORNR2) as parameters. Nothing is flattened.
 *
 * @module
 */
import type { ProductionParameterType, SegmentRequirementType } from "../../generated/b2mml-v0600/index.js";
import type { IdocSegment } from "../../idoc/model.js";
import { children, required, text } from "../shared/idoc-fields.js";
import type { MapContext } from "../shared/map-context.js";
import { stringValue } from "./context.js";
import { checkUnique, mapOperation, type OperationScope } from "./operations.js";

const CATEGORIES: Readonly<Record<string, string>> = {
  "0": "standard sequence",
  "1": "parallel sequence",
  "2": "alternative sequence",
};

/** The meaning of a sequence category; `undefined` for a code not in the table (never a prototype key). */
function categoryOf(code: string): string | undefined {
  return Object.hasOwn(CATEGORIES, code) ? CATEGORIES[code] : undefined;
}

const REFERENCES: readonly (readonly [string, string])[] = [
  ["BEZFL", "reference sequence"],
  ["VORNR1", "branch operation (in the reference sequence)"],
  ["VORNR2", "return operation (in the reference sequence)"],
];

function sequenceParameters(sequence: IdocSegment): ProductionParameterType[] {
  const list: ProductionParameterType[] = [];
  const category = text(sequence, "FLGAT");
  if (category !== undefined) {
    const meaning = categoryOf(category);
    list.push({
      Parameter: {
        ID: { value: "FLGAT" },
        Value: [stringValue(category)],
        Description: [{ value: meaning ?? "sequence category (code not known to the mapper)" }],
      },
    });
  }
  for (const [field, label] of REFERENCES) {
    const value = text(sequence, field);
    if (value !== undefined)
      list.push({
        Parameter: { ID: { value: field }, Value: [stringValue(value)], Description: [{ value: label }] },
      });
  }
  return list;
}

export function mapSequences(
  ctx: MapContext,
  header: IdocSegment,
  scope: OperationScope,
): SegmentRequirementType[] {
  checkUnique(ctx, header, "E1AFFLL", "PLNFL");
  const result: SegmentRequirementType[] = [];
  for (const sequence of children(header, "E1AFFLL")) {
    const plnfl = required(ctx, sequence, "PLNFL", "the sequence number");
    checkUnique(ctx, sequence, "E1AFVOL", "VORNR");
    const operations = children(sequence, "E1AFVOL")
      .map((o) => mapOperation(ctx, o, scope))
      .filter((o) => o !== undefined);
    if (plnfl === undefined) continue;
    const parameters = sequenceParameters(sequence);
    result.push({
      ID: { value: `SEQ-${plnfl}`, schemeID: "PLNFL" },
      Description: [{ value: categoryOf(text(sequence, "FLGAT") ?? "") ?? "sequence" }],
      ...(parameters.length === 0 ? {} : { ProductionParameter: parameters }),
      ...(operations.length === 0 ? {} : { SegmentRequirement: operations }),
    });
  }
  return result;
}
