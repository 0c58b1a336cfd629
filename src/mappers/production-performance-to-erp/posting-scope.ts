/**
 * The shared state of the walk over one ProductionResponse: the drafts it collects, the order scope,
 * date candidates and confirmed quantities, and small helpers used by every step.
 *
 * @module
 */
import type { EquipmentActualType, PersonnelActualType } from "../../generated/b2mml-v0600/index.js";
import type { OrderContext } from "./order-context.js";
import type { PropertyValue } from "./performance-source.js";
import type { FieldContext, SourceQuantity } from "./sap-fields.js";

/** A time ticket before its EX_IDENT: E1BP_PP_TIMETICKET fields and where it came from. */
export interface TicketDraft {
  readonly path: string;
  readonly segmentIds: readonly string[];
  readonly fields: Record<string, string>;
}

/** A goods-movement item: its document grouping (GM_CODE, posting date) and E1BP2017_GM_ITEM_CREATE fields. */
export interface MovementDraft {
  readonly path: string;
  readonly segmentIds: readonly string[];
  readonly gmCode: string;
  readonly postingDate: string;
  readonly fields: Record<string, string>;
}

export type Kind = "YIELD" | "SCRAP" | "REWORK";

/** A confirmed quantity of a time ticket; `ticket` = its TIME_TICKET link (PERF-MAP-048), if any. */
export interface Confirmed {
  readonly kind: Kind;
  readonly quantity: SourceQuantity;
  readonly reason?: PropertyValue;
  readonly ticket?: string;
}

export interface ActivitySource {
  readonly a: EquipmentActualType | PersonnelActualType;
  readonly kind: "equipment" | "personnel";
  readonly path: string;
}

export interface Scope {
  readonly ctx: FieldContext;
  readonly order: string;
  readonly plant: string;
  readonly zone: string;
  readonly context: OrderContext | undefined;
  readonly tickets: TicketDraft[];
  readonly movements: MovementDraft[];
}

export interface DateCandidate {
  readonly lexical: string;
  readonly path: string;
}

export function first<T>(...values: (T | undefined)[]): T | undefined {
  return values.find((v) => v !== undefined);
}

export function dateCandidate(lexical: string | undefined, path: string): DateCandidate | undefined {
  return lexical === undefined ? undefined : { lexical, path };
}
