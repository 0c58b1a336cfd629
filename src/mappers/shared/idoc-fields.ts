/**
 * Helpers that read one field of an IDoc segment and report a problem at that field's IDoc path; shared
 * by the mappings from IDocs.
 *
 * @module
 */
import type { IdocSegment } from "../../idoc/model.js";
import { explainLocalDate, toZonedDateTime } from "../time/zoned-date-time.js";
import { type ExactQuantity, parseExactQuantity } from "../units/quantity.js";
import type { MapContext } from "./map-context.js";

/** The IDoc path of a field: `IDOC[1]/E1AFKOL/GAMNG`. */
export function fieldPath(segment: { readonly path: string }, field: string): string {
  return `${segment.path}/${field}`;
}

/** A field's normalized value; `undefined` when absent or empty. */
export function text(segment: IdocSegment, field: string): string | undefined {
  const value = segment.fields[field];
  return value === undefined || value === "" ? undefined : value;
}

/** What was received, for an issue: the raw value when the reader kept it. */
export function received(segment: IdocSegment, field: string): string | undefined {
  return segment.raw[field] ?? segment.fields[field];
}

export function children(segment: IdocSegment, name: string): IdocSegment[] {
  return segment.segments.filter((s) => s.name === name);
}

/**
 * A required field; reports `MISSING_FIELD` when absent, `INVALID_VALUE` when received but unreadable
 * (the reader left it out of `fields` and reported why).
 */
export function required(
  ctx: MapContext,
  segment: IdocSegment,
  field: string,
  what: string,
): string | undefined {
  const value = text(segment, field);
  if (value === undefined && fieldState(segment, field) === "invalid")
    ctx.issues.error("INVALID_VALUE", fieldPath(segment, field), `${what} (${field}) cannot be read`, {
      expected: `a valid value in ${field}`,
      received: received(segment, field) ?? "",
    });
  else if (value === undefined)
    ctx.issues.error("MISSING_FIELD", fieldPath(segment, field), `${what} (${field}) is missing`, {
      expected: `a value in ${field}`,
      received: received(segment, field) ?? "",
    });
  return value;
}

/** The material number in its preferred form (LOIPRO-MAP-014): MATNR_EXTERNAL, MATNR_LONG, MATNR. */
export function materialOf(segment: IdocSegment): string | undefined {
  return text(segment, "MATNR_EXTERNAL") ?? text(segment, "MATNR_LONG") ?? text(segment, "MATNR");
}

/** An SAP unit → its Rec. 20 code; reports `MISSING_UNIT` or `UNKNOWN_UNIT` (LOIPRO-MAP-040). */
export function unitOf(
  ctx: MapContext,
  segment: IdocSegment,
  unitField: string,
  of: string,
): string | undefined {
  const unit = text(segment, unitField);
  if (unit === undefined && fieldState(segment, unitField) === "invalid") {
    ctx.issues.error(
      "INVALID_VALUE",
      fieldPath(segment, unitField),
      `the unit of ${of} (${unitField}) cannot be read`,
      {
        expected: "an SAP unit of measure",
        received: received(segment, unitField) ?? "",
      },
    );
    return undefined;
  }
  if (unit === undefined) {
    ctx.issues.error("MISSING_UNIT", fieldPath(segment, unitField), `${of} has no unit (${unitField})`, {
      expected: "an SAP unit of measure",
      received: received(segment, unitField) ?? "",
    });
    return undefined;
  }
  const code = ctx.units.get(unit);
  if (code === undefined)
    ctx.issues.error(
      "UNKNOWN_UNIT",
      fieldPath(segment, unitField),
      `unit "${unit}" is neither in the built-in table nor in the configuration's "units"`,
      { expected: "an SAP unit with a Rec. 20 code (configure it under units)", received: unit },
    );
  return code;
}

/** A quantity field checked as an exact decimal; reports `INVALID_QUANTITY` (LOIPRO-MAP-041). */
export function quantityOf(ctx: MapContext, segment: IdocSegment, field: string): ExactQuantity | undefined {
  const value = text(segment, field);
  if (value === undefined) {
    // received but unreadable (the reader left it out of `fields`): an error, never a vanished value
    if (fieldState(segment, field) === "invalid")
      ctx.issues.error("INVALID_QUANTITY", fieldPath(segment, field), `${field} is not a decimal quantity`, {
        expected: "a decimal number such as 12.345 or -12.345, within its SAP type",
        received: received(segment, field) ?? "",
      });
    return undefined;
  }
  const quantity = parseExactQuantity(value);
  if (quantity === undefined)
    ctx.issues.error("INVALID_QUANTITY", fieldPath(segment, field), `${field} is not a decimal quantity`, {
      expected: "a decimal number such as 12.345 or -12.345",
      received: received(segment, field) ?? value,
    });
  return quantity;
}

/**
 * The state of a date or time field: `empty` (absent, blank or SAP's initial value), `set` (normalized by
 * the reader), or `invalid`: a value was received (kept in `raw`) that the reader could not normalize and
 * left out of `fields` (it warned `IDOC_INVALID_VALUE`).
 */
export function fieldState(segment: IdocSegment, field: string): "empty" | "set" | "invalid" {
  if (text(segment, field) !== undefined) return "set";
  if (segment.fields[field] === undefined && (segment.raw[field] ?? "").trim() !== "") return "invalid";
  return "empty";
}

/**
 * {@link fieldState} of a time field, where `00:00:00` counts as empty: SAP's initial time `000000`,
 * which SAP cannot tell from midnight (LOIPRO-MAP-054).
 */
function timeState(segment: IdocSegment, field: string | undefined): "empty" | "set" | "invalid" {
  if (field === undefined || text(segment, field) === "00:00:00") return "empty";
  return fieldState(segment, field);
}

function reportInvalid(ctx: MapContext, segment: IdocSegment, field: string, kind: "date" | "time"): void {
  ctx.issues.error(
    kind === "date" ? "INVALID_DATE" : "INVALID_TIME",
    fieldPath(segment, field),
    `${field} ${JSON.stringify(segment.raw[field] ?? "")} is not a ${kind === "date" ? "calendar date" : "time of day"}`,
    {
      expected: kind === "date" ? "YYYYMMDD, a real calendar date" : "HHMMSS (or 240000)",
      received: segment.raw[field] ?? "",
    },
  );
}

/**
 * A local date + time field pair → `xs:dateTime` in `zone` (LOIPRO-MAP-050 … 055). An empty date gives
 * `undefined`; an empty time is SAP's initial time 00:00:00. A value the reader could not read is
 * `INVALID_DATE` / `INVALID_TIME`; a time (other than 00:00:00) with an empty date is `TIME_WITHOUT_DATE`. Gaps and overlaps
 * are resolved and warned.
 */
export function dateTimeOf(
  ctx: MapContext,
  segment: IdocSegment,
  dateField: string,
  timeField: string | undefined,
  zone: string | undefined,
): string | undefined {
  const dateState = fieldState(segment, dateField);
  const timeOnly = timeState(segment, timeField);
  if (dateState === "invalid") reportInvalid(ctx, segment, dateField, "date");
  if (timeField !== undefined && timeOnly === "invalid") reportInvalid(ctx, segment, timeField, "time");
  if (timeField !== undefined && dateState === "empty" && timeOnly === "set")
    ctx.issues.error(
      "TIME_WITHOUT_DATE",
      fieldPath(segment, timeField),
      `${timeField} is set but its date ${dateField} is empty`,
      { expected: `a date in ${dateField}, or no time`, received: received(segment, timeField) ?? "" },
    );
  const date = text(segment, dateField);
  if (date === undefined || timeOnly === "invalid" || zone === undefined) return undefined;
  const time = (timeField === undefined ? undefined : text(segment, timeField)) ?? "00:00:00";
  const result = toZonedDateTime(date, time, zone);
  if (!result.ok) {
    const field = result.reason === "time" && timeField !== undefined ? timeField : dateField;
    const code =
      result.reason === "date"
        ? "INVALID_DATE"
        : result.reason === "time"
          ? "INVALID_TIME"
          : "UNREPRESENTABLE_OFFSET";
    ctx.issues.error(code, fieldPath(segment, field), result.message, {
      expected: result.reason === "time" ? "HHMMSS (or 240000)" : "YYYYMMDD, a real calendar date",
      received: received(segment, field) ?? "",
    });
    return undefined;
  }
  if (result.adjustment?.kind === "gap")
    ctx.issues.warn(
      "DST_GAP_SHIFTED",
      fieldPath(segment, timeField ?? dateField),
      `${date} ${time} does not exist in ${zone} (clocks go forward); shifted forward by ${result.adjustment.shiftSeconds / 60} min to ${result.value}`,
    );
  else if (result.adjustment?.kind === "overlap")
    ctx.issues.warn(
      "DST_OVERLAP_EARLIER",
      fieldPath(segment, timeField ?? dateField),
      `${date} ${time} happens twice in ${zone} (clocks go back); the earlier one was taken: ${result.value}`,
    );
  return result.value;
}

/**
 * The first of several date + time pairs that was received (its date or its time not empty, even if
 * unreadable) → `xs:dateTime` by {@link dateTimeOf}; a later pair is used only when the earlier ones are
 * empty, never in place of an invalid one (LOIPRO-MAP-013, 021, 055).
 */
export function firstDateTimeOf(
  ctx: MapContext,
  segment: IdocSegment,
  pairs: readonly (readonly [dateField: string, timeField: string])[],
  zone: string | undefined,
): string | undefined {
  const chosen =
    pairs.find(([d, t]) => fieldState(segment, d) !== "empty" || timeState(segment, t) !== "empty") ??
    pairs[pairs.length - 1];
  return chosen === undefined ? undefined : dateTimeOf(ctx, segment, chosen[0], chosen[1], zone);
}

/**
 * A date field alone (no zone), checked: `YYYY-MM-DD`; reports `INVALID_DATE`, also for a value the
 * reader could not read.
 */
export function dateOf(ctx: MapContext, segment: IdocSegment, field: string): string | undefined {
  if (fieldState(segment, field) === "invalid") {
    reportInvalid(ctx, segment, field, "date");
    return undefined;
  }
  const date = text(segment, field);
  if (date === undefined) return undefined;
  const reason = explainLocalDate(date);
  if (reason === undefined) return date;
  ctx.issues.error("INVALID_DATE", fieldPath(segment, field), reason, {
    expected: "YYYYMMDD, a real calendar date",
    received: received(segment, field) ?? date,
  });
  return undefined;
}
