/**
 * Field rules as typed rows (DESIGN.md, "Growing the house", rule 4): where an IDoc field maps 1:1 to a
 * named B2MML value (a property, a production parameter, a keyed value), the mapping declares a row
 * `{ id, from, to, kind }` as `const` data in its `field-rows.ts`, and {@link applyRows} applies the rows.
 * A condition stays a TypeScript function that the row names (`when`). Everything else (statuses,
 * sequences, the grouping of time tickets, fallbacks across segments) stays code.
 *
 * `test/mappers/field-rows-docs.test.ts` holds the docs' mapping tables equal to the rows.
 *
 * @module
 */
import type { ProductionParameterType, ValueType } from "../../generated/b2mml-v0600/index.js";
import type { IdocSegment } from "../../idoc/model.js";
import { stringValue } from "./b2mml-values.js";
import { children, dateOf, quantityOf, text, unitOf } from "./idoc-fields.js";
import type { MapContext } from "./map-context.js";

type Digit = "0" | "1" | "2" | "3" | "4" | "5" | "6" | "7" | "8" | "9";

/** A requirement ID of the mapping docs: `LOIPRO-MAP-033`, `PERF-MAP-051`. */
export type RequirementId = `${"LOIPRO-MAP" | "PERF-MAP"}-${Digit}${Digit}${Digit}`;

/**
 * How a row reads its field:
 * - `copy`: the value as the reader normalized it, a `string`;
 * - `decimal`: the same, as a `decimal` (a count, a duration);
 * - `date`: a calendar date checked by `dateOf` (`INVALID_DATE`), a `date`;
 * - `quantity`: an exact decimal with the unit of the row's `unit` field (`INVALID_QUANTITY`,
 *   `MISSING_UNIT`, `UNKNOWN_UNIT`); a zero without a unit carries nothing and is left out.
 */
export type FieldRuleKind = "copy" | "decimal" | "date" | "quantity";

/**
 * An IDoc field of the segment the rows are applied to (`RSNUM`), or of its first child segment of a
 * name (`E1AFVOL2/RUECK`).
 */
export type FieldRef = string;

/** A condition a row names: whether the row's value is passed on (`value` is what was read). */
export type RowCondition = (segment: IdocSegment, value: string) => boolean;

/** Where a row's value goes: a property list, the production parameters, or keyed `Value`s. */
export type RowTarget = "ProductionParameter" | "Value" | `${string}Property`;

/**
 * One field rule. `Target` is the generated B2MML type whose element `to` receives the value, so that
 * `to` is checked against the generated types.
 */
export interface FieldRow<Target = Record<RowTarget, unknown>> {
  /** The requirement of the mapping docs that states the rule. */
  readonly id: RequirementId;
  /** The source field; several: the first with a value (`["E1AFVOL2/RUECK", "RUECK"]`). */
  readonly from: FieldRef | readonly FieldRef[];
  /** The element of `Target` the value goes into. */
  readonly to: Extract<keyof Target, RowTarget>;
  readonly kind: FieldRuleKind;
  /** The ID (or `Key`) of the value in B2MML; default: the source field's name. */
  readonly key?: string;
  /** The `Description` written beside the value. */
  readonly label?: string;
  /** `quantity`: the unit field, in the same segment as the quantity. */
  readonly unit?: string;
  /** Passed on only when this holds. */
  readonly when?: RowCondition;
}

/** A property as B2MML writes every `…Property`: an ID, a description, the value. */
export interface RowProperty {
  ID: { value: string };
  Description?: { value: string }[];
  Value: ValueType[];
}

/** What one row read: the row, its B2MML ID and the value. */
interface RowValue {
  readonly row: FieldRow;
  readonly key: string;
  readonly value: ValueType;
}

/** The field names of a row's source, alternatives included, each once (`RUECK` of `E1AFVOL2/RUECK`). */
export function sourceFields(row: Pick<FieldRow, "from">): string[] {
  const refs: readonly FieldRef[] = typeof row.from === "string" ? [row.from] : row.from;
  return [...new Set(refs.map((ref) => ref.slice(ref.lastIndexOf("/") + 1)))];
}

/**
 * A quantity field with its unit field as a decimal value with `unitCode` and UnitOfMeasure (the
 * `quantity` kind); `undefined`, with the problem reported, when it cannot be mapped, and also for a zero
 * without a unit, which carries nothing.
 */
export function quantityValueOf(
  ctx: MapContext,
  segment: IdocSegment,
  field: string,
  unitField: string,
): ValueType | undefined {
  const quantity = quantityOf(ctx, segment, field);
  if (quantity === undefined) return undefined;
  if (text(segment, unitField) === undefined && !/[1-9]/.test(quantity.magnitude)) return undefined;
  const unit = unitOf(ctx, segment, unitField, field);
  if (unit === undefined) return undefined;
  return {
    ValueString: { value: quantity.lexical, unitCode: unit },
    DataType: { value: "decimal" },
    UnitOfMeasure: { value: unit },
  };
}

function readField(
  ctx: MapContext,
  segment: IdocSegment,
  field: string,
  row: FieldRow,
): ValueType | undefined {
  switch (row.kind) {
    case "copy":
    case "decimal": {
      const value = text(segment, field);
      return value === undefined ? undefined : stringValue(value, row.kind === "copy" ? "string" : "decimal");
    }
    case "date": {
      const value = dateOf(ctx, segment, field);
      return value === undefined ? undefined : stringValue(value, "date");
    }
    case "quantity":
      if (row.unit === undefined)
        throw new Error(`field rule ${row.id} ${field}: a quantity row names its unit`);
      return quantityValueOf(ctx, segment, field, row.unit);
  }
}

function readRow(ctx: MapContext, segment: IdocSegment, row: FieldRow): RowValue | undefined {
  const refs: readonly FieldRef[] = typeof row.from === "string" ? [row.from] : row.from;
  for (const ref of refs) {
    const slash = ref.lastIndexOf("/");
    const source = slash < 0 ? segment : children(segment, ref.slice(0, slash))[0];
    if (source === undefined) continue;
    const field = ref.slice(slash + 1);
    const value = readField(ctx, source, field, row);
    if (value === undefined) continue;
    const lexical = "$nil" in value.ValueString ? "" : value.ValueString.value;
    if (row.when !== undefined && !row.when(source, lexical)) return undefined;
    return { row, key: row.key ?? field, value };
  }
  return undefined;
}

/**
 * Applies field rows to one segment, in row order (which is the order of the values in the document and
 * of the problems reported): each row whose field has a value and whose condition holds gives one
 * property, production parameter or keyed value, as its `to` says. All rows share one `to`.
 */
export function applyRows(
  ctx: MapContext,
  segment: IdocSegment,
  rows: readonly FieldRow<{ ProductionParameter: unknown }>[],
): ProductionParameterType[];
export function applyRows(
  ctx: MapContext,
  segment: IdocSegment,
  rows: readonly FieldRow<{ Value: unknown }>[],
): ValueType[];
export function applyRows(
  ctx: MapContext,
  segment: IdocSegment,
  rows: readonly FieldRow<Record<`${string}Property`, unknown>>[],
): RowProperty[];
export function applyRows(
  ctx: MapContext,
  segment: IdocSegment,
  rows: readonly FieldRow[],
): (ProductionParameterType | ValueType | RowProperty)[] {
  const values = rows.map((row) => readRow(ctx, segment, row)).filter((v) => v !== undefined);
  return values.map(({ row, key, value }) => {
    const description = row.label === undefined ? {} : { Description: [{ value: row.label }] };
    if (row.to === "ProductionParameter")
      return { Parameter: { ID: { value: key }, Value: [value], ...description } };
    if (row.to === "Value") return { ...value, Key: { value: key } };
    return { ID: { value: key }, ...description, Value: [value] };
  });
}
