/**
 * Conversions into SAP field values with their errors: quantities (QUAN 13,3, PERF-POST-040/041),
 * units (PERF-POST-042), dates and times in the plant's zone (PERF-POST-050), keys (PERF-POST-030 …).
 *
 * @module
 */
import type { XsiNil } from "../../binding/metadata.js";
import type { QuantityValueType } from "../../generated/b2mml-v0600/index.js";
import { alphaToInternal, batchToInternal } from "../../idoc/alpha.js";
import type { IssueCollector } from "../issues.js";
import type { ErpPostingConfig } from "./posting-config.js";
import { QUAN_13_3, toSapDateTime, toSapQuantity } from "./sap-values.js";
import { type CarriedPaths, carry } from "./source-account.js";

export interface FieldContext {
  readonly config: ErpPostingConfig;
  readonly issues: IssueCollector;
  /** Rec. 20 → SAP internal unit. */
  readonly sapUnits: ReadonlyMap<string, string>;
  /** Rec. 20 codes several SAP units map to, not resolved by the configuration (PERF-POST-042). */
  readonly ambiguousUnits: ReadonlyMap<string, readonly string[]>;
  /** The XPaths of the document's values read into a posting (PERF-POST-006). */
  readonly carried?: CarriedPaths;
}

/** A quantity of the document: its lexical value and SAP unit, at a path. */
export interface SourceQuantity {
  readonly lexical: string;
  readonly negative: boolean;
  /** SAP internal unit. */
  readonly unit: string;
  /** The path of the QuantityString. */
  readonly path: string;
}

function text(v: { readonly value: string } | XsiNil | undefined): string | undefined {
  return v === undefined || "$nil" in v ? undefined : v.value.trim();
}

/**
 * The one quantity of an actual with its unit (UnitOfMeasure, else QuantityString/@unitCode) turned into
 * the SAP internal unit. Errors: none or several quantities, a missing, conflicting or unknown unit.
 */
export function readQuantity(
  ctx: FieldContext,
  quantities: readonly QuantityValueType[] | undefined,
  path: string,
  quantityPath?: string,
): SourceQuantity | undefined {
  const list = quantities ?? [];
  if (list.length !== 1) {
    ctx.issues.error(
      list.length === 0 ? "MISSING_QUANTITY" : "AMBIGUOUS_QUANTITY",
      `${path}/Quantity`,
      list.length === 0
        ? "the actual has no quantity to post"
        : "the actual has several quantities; a posting takes one",
      { expected: "one Quantity", received: String(list.length) },
    );
    return undefined;
  }
  const q = list[0] as QuantityValueType;
  const qPath = quantityPath ?? `${path}/Quantity[1]`;
  const lexical = text(q.QuantityString);
  if (lexical === undefined) {
    ctx.issues.error("MISSING_QUANTITY", `${qPath}/QuantityString`, "the quantity is nil");
    return undefined;
  }
  const uom = text(q.UnitOfMeasure);
  const code = "$nil" in q.QuantityString ? undefined : q.QuantityString.unitCode?.trim();
  if (uom !== undefined && code !== undefined && uom !== code) {
    ctx.issues.error(
      "UNIT_CONFLICT",
      `${qPath}/UnitOfMeasure`,
      "UnitOfMeasure and QuantityString/@unitCode differ",
      {
        expected: code,
        received: uom,
      },
    );
    return undefined;
  }
  const rec20 = uom ?? code;
  carry(
    ctx.carried,
    `${qPath}/QuantityString`,
    uom === undefined ? undefined : `${qPath}/UnitOfMeasure`,
    code === undefined ? undefined : `${qPath}/QuantityString/@unitCode`,
  );
  if (rec20 === undefined || rec20 === "") {
    ctx.issues.error(
      "MISSING_UNIT",
      `${qPath}/UnitOfMeasure`,
      "the quantity has no unit (UnitOfMeasure or @unitCode)",
    );
    return undefined;
  }
  const candidates = ctx.ambiguousUnits.get(rec20);
  if (candidates !== undefined) {
    ctx.issues.error(
      "AMBIGUOUS_UNIT",
      `${qPath}/UnitOfMeasure`,
      `the Rec. 20 code ${rec20} is the SAP unit ${candidates.join(" or ")}: name the one to post in the configuration's units (e.g. "${candidates[0] ?? ""}": "${rec20}")`,
      { expected: `one of ${candidates.join(", ")} in the configuration's units`, received: rec20 },
    );
    return undefined;
  }
  const unit = ctx.sapUnits.get(rec20);
  if (unit === undefined) {
    ctx.issues.error(
      "UNKNOWN_UNIT",
      `${qPath}/UnitOfMeasure`,
      `no SAP unit for the Rec. 20 code ${rec20}: add it to the configuration's units`,
      { expected: "a code of the unit table", received: rec20 },
    );
    return undefined;
  }
  return {
    lexical,
    negative: /^-/.test(lexical) && /[1-9]/.test(lexical),
    unit,
    path: `${qPath}/QuantityString`,
  };
}

/**
 * A quantity as a QUAN 13,3 field value (PERF-POST-040/041): exactly three decimals, trailing minus;
 * more decimals are an error naming the field unless the configuration names a rounding rule (then a
 * warning). `magnitude` drops the sign first (reversals).
 */
export function sapQuantity(
  ctx: FieldContext,
  source: SourceQuantity,
  field: string,
  options: { readonly allowNegative?: boolean; readonly magnitude?: boolean } = {},
): string | undefined {
  const lexical = options.magnitude ? source.lexical.replace(/^[+-]/, "") : source.lexical;
  const rounding = ctx.config.postings.rounding;
  const result = toSapQuantity(lexical, QUAN_13_3, {
    rounding,
    ...(options.allowNegative ? { allowNegative: true } : {}),
  });
  if (!result.ok) {
    const code =
      result.reason === "precision"
        ? "PRECISION_EXCEEDED"
        : result.reason === "too-large"
          ? "QUANTITY_TOO_LARGE"
          : result.reason === "negative"
            ? "NEGATIVE_QUANTITY"
            : "INVALID_QUANTITY";
    ctx.issues.error(code, source.path, `${field} (QUAN 13,3): ${result.message}`, {
      expected:
        result.reason === "precision"
          ? "at most 3 decimals, or a rounding rule in postings.rounding"
          : result.reason === "too-large"
            ? "at most 10 integer digits"
            : "a quantity of at least zero",
      received: source.lexical,
    });
    return undefined;
  }
  if (result.rounded !== undefined)
    ctx.issues.warn("QUANTITY_ROUNDED", source.path, `${field} (QUAN 13,3) rounded ${rounding}`, {
      expected: result.value,
      received: result.rounded,
    });
  return result.value;
}

/** An `xs:dateTime` as DATS + TIMS in the zone (PERF-POST-050); fractions of a second are a warning. */
export function sapDateTime(
  ctx: FieldContext,
  lexical: string,
  path: string,
  zone: string,
  options: { readonly quiet?: boolean } = {},
): { readonly date: string; readonly time: string } | undefined {
  const result = toSapDateTime(lexical.trim(), zone);
  if (!result.ok) {
    ctx.issues.error("INVALID_DATE_TIME", path, result.message, {
      expected: "an xs:dateTime with an offset",
      received: lexical,
    });
    return undefined;
  }
  if (result.droppedFraction !== "" && !options.quiet)
    ctx.issues.warn(
      "FRACTION_OF_SECOND_DROPPED",
      path,
      "SAP times have whole seconds; the fraction is cut off",
      {
        expected: result.time,
        received: lexical,
      },
    );
  return { date: result.date, time: result.time };
}

/** An ALPHA key (AUFNR 12) in internal form; non-numeric keys longer than the field are errors. */
export function sapAlpha(
  ctx: FieldContext,
  value: string,
  length: number,
  path: string,
  field: string,
): string | undefined {
  const key = value.trim();
  try {
    const internal = alphaToInternal(key, length);
    if (internal.length <= length && internal !== "") return internal;
  } catch {
    // more digits than the field holds: reported below
  }
  ctx.issues.error("VALUE_TOO_LONG", path, `${field} holds ${length} characters`, {
    expected: `at most ${length} characters`,
    received: value,
  });
  return undefined;
}

/** MATERIAL (CHAR18, numeric → 18 zeros) or, for 19–40 characters, MATERIAL_LONG (PERF-POST-031). */
export function sapMaterial(
  ctx: FieldContext,
  value: string,
  path: string,
): { readonly MATERIAL?: string; readonly MATERIAL_LONG?: string } | undefined {
  const material = value.trim();
  if (/^[0-9]+$/.test(material)) {
    const internal = sapAlpha(ctx, material, 18, path, "MATERIAL");
    return internal === undefined ? undefined : { MATERIAL: internal };
  }
  if (material.length <= 18) return { MATERIAL: material };
  if (material.length <= 40) return { MATERIAL_LONG: material };
  ctx.issues.error("VALUE_TOO_LONG", path, "a material number holds at most 40 characters (MATERIAL_LONG)", {
    expected: "at most 40 characters",
    received: value,
  });
  return undefined;
}

/** BATCH: upper case, CHAR10 (PERF-POST-032). */
export function sapBatch(ctx: FieldContext, value: string, path: string): string | undefined {
  const batch = batchToInternal(value);
  if (batch.length <= 10) return batch;
  ctx.issues.error("VALUE_TOO_LONG", path, "BATCH holds 10 characters", {
    expected: "at most 10 characters",
    received: value,
  });
  return undefined;
}

/** A NUMC field: digits, zero-padded to its length. */
export function sapNumc(
  ctx: FieldContext,
  value: string,
  length: number,
  path: string,
  field: string,
): string | undefined {
  const v = value.trim();
  if (/^[0-9]+$/.test(v) && v.replace(/^0+(?=\d)/, "").length <= length)
    return v.replace(/^0+(?=\d)/, "").padStart(length, "0");
  ctx.issues.error("INVALID_VALUE", path, `${field} is NUMC ${length}: digits only, at most ${length}`, {
    expected: `1–${length} digits`,
    received: value,
  });
  return undefined;
}

/** A CHAR field that must fit its length. */
export function sapChar(
  ctx: FieldContext,
  value: string,
  length: number,
  path: string,
  field: string,
): string | undefined {
  const v = value.trim();
  if (v.length <= length) return v;
  ctx.issues.error("VALUE_TOO_LONG", path, `${field} holds ${length} characters`, {
    expected: `at most ${length} characters`,
    received: value,
  });
  return undefined;
}
