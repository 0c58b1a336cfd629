/**
 * One ProductionResponse → its time tickets and goods-movement items (PERF-POST-010 … 036): the
 * segment walk, the classification of the material actuals, and the SAP fields of each posting.
 *
 * @module
 */
import { Decimal } from "decimal.js";
import type {
  EquipmentActualType,
  LocationType,
  MaterialActualType,
  PersonnelActualType,
  ProductionDataType,
  ProductionPerformanceType,
  ProductionResponseType,
  QuantityValueType,
  SegmentResponseType,
  ValueType,
} from "../../generated/b2mml-v0600/index.js";
import type { IdocPacket } from "../../idoc/model.js";
import { explainLocalDate } from "../time/zoned-date-time.js";
import { findOrderContext, type OrderContext } from "./order-context.js";
import { own } from "./own.js";
import { type PropertyValue, propertiesOf } from "./performance-source.js";
import {
  type FieldContext,
  readQuantity,
  type SourceQuantity,
  sapAlpha,
  sapBatch,
  sapChar,
  sapDateTime,
  sapMaterial,
  sapNumc,
  sapQuantity,
} from "./sap-fields.js";
import { QUAN_13_3, toSapQuantity } from "./sap-values.js";

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

export interface ResponsePostings {
  readonly responseId: string;
  readonly path: string;
  readonly order: string;
  readonly plant: string;
  readonly tickets: TicketDraft[];
  readonly movements: MovementDraft[];
}

/** Movement types (PERF-POST-020): GM_CODE, direction, reversal, MVT_IND. */
export const MOVEMENT_TYPES: Readonly<
  Record<
    string,
    { gmCode: string; receipt: boolean; reversalOf?: string; reversal?: string; mvtInd?: string }
  >
> = {
  "101": { gmCode: "02", receipt: true, reversal: "102", mvtInd: "F" },
  "102": { gmCode: "02", receipt: true, reversalOf: "101", mvtInd: "F" },
  "261": { gmCode: "03", receipt: false, reversal: "262" },
  "262": { gmCode: "03", receipt: false, reversalOf: "261" },
  "531": { gmCode: "05", receipt: true, reversal: "532" },
  "532": { gmCode: "05", receipt: true, reversalOf: "531" },
};

type Kind = "YIELD" | "SCRAP" | "REWORK";

/** A confirmed quantity of a time ticket; `ticket` = its TIME_TICKET link (PERF-MAP-048), if any. */
interface Confirmed {
  readonly kind: Kind;
  readonly quantity: SourceQuantity;
  readonly reason?: PropertyValue;
  readonly ticket?: string;
}

interface ActivitySource {
  readonly a: EquipmentActualType | PersonnelActualType;
  readonly kind: "equipment" | "personnel";
  readonly path: string;
}
const KINDS: ReadonlyMap<string, Kind> = new Map([
  ["Yield", "YIELD"],
  ["Scrap", "SCRAP"],
  ["Rework", "REWORK"],
]);

/** The rule of a movement type; `undefined` for a code not in MOVEMENT_TYPES (never a prototype key). */
function movementType(type: string): (typeof MOVEMENT_TYPES)[string] | undefined {
  return own(MOVEMENT_TYPES, type);
}

interface Scope {
  readonly ctx: FieldContext;
  readonly order: string;
  readonly plant: string;
  readonly zone: string;
  readonly context: OrderContext | undefined;
  readonly tickets: TicketDraft[];
  readonly movements: MovementDraft[];
}

interface DateCandidate {
  readonly lexical: string;
  readonly path: string;
}

function first<T>(...values: (T | undefined)[]): T | undefined {
  return values.find((v) => v !== undefined);
}

/** The storage location a Location / HierarchyScope chain names (EquipmentID schemeID="LGORT"). */
function lgortOf(location: LocationType | undefined): string | undefined {
  for (let l = location; l !== undefined; l = l.Location)
    if (l.EquipmentID.schemeID === "LGORT") return l.EquipmentID.value.trim();
  return undefined;
}

function plantOf(
  ...scopes: (
    | { EquipmentID: { schemeID?: string; value: string }; HierarchyScope?: unknown; Location?: unknown }
    | undefined
  )[]
): string | undefined {
  for (const scope of scopes) {
    let s: typeof scope = scope;
    while (s !== undefined) {
      if (s.EquipmentID.schemeID === "WERKS") return s.EquipmentID.value.trim();
      s = (s.Location ?? s.HierarchyScope) as typeof scope;
    }
  }
  return undefined;
}

/** Maps one ProductionResponse; errors are collected in `ctx.issues`. */
export function collectResponse(
  ctx: FieldContext,
  performance: ProductionPerformanceType,
  response: ProductionResponseType,
  path: string,
  fallbackDate: DateCandidate | undefined,
  orderContext: IdocPacket | undefined,
): ResponsePostings | undefined {
  const responseId = response.ID?.value.trim() ?? "";
  const orderText = response.ProductionRequestID?.value;
  if (orderText === undefined || orderText.trim() === "") {
    ctx.issues.error(
      "MISSING_ORDER",
      `${path}/ProductionRequestID`,
      "the response names no production order (ORDERID)",
    );
    return undefined;
  }
  const order = sapAlpha(ctx, orderText, 12, `${path}/ProductionRequestID`, "ORDERID");
  if (order === undefined) return undefined;
  const context = findOrderContext(orderContext, orderText);
  if (orderContext !== undefined && context === undefined)
    ctx.issues.warn(
      "ORDER_NOT_IN_CONTEXT",
      `${path}/ProductionRequestID`,
      `the order context has no order ${orderText.trim()}`,
    );
  const plant = first(
    plantOf(response.Location, response.HierarchyScope, performance.Location, performance.HierarchyScope),
    context?.plant,
    ctx.config.postings.plant,
  );
  if (plant === undefined) {
    ctx.issues.error(
      "MISSING_PLANT",
      `${path}`,
      "no plant: give a Location or HierarchyScope with EquipmentID schemeID=WERKS, postings.plant, or --order-context",
    );
    return undefined;
  }
  const zone = own(ctx.config.plants, plant)?.timeZone;
  if (zone === undefined) {
    ctx.issues.error(
      "MISSING_TIME_ZONE",
      `${path}`,
      `plant ${plant} has no time zone in the configuration (plants.${plant})`,
    );
    return undefined;
  }
  const scope: Scope = { ctx, order, plant, zone, context, tickets: [], movements: [] };
  const responseDate = first(
    dateCandidate(response.EndTime?.value, `${path}/EndTime`),
    dateCandidate(response.StartTime?.value, `${path}/StartTime`),
    fallbackDate,
  );
  walk(scope, response.SegmentResponse, path, undefined, [], responseDate);
  return { responseId, path, order, plant, tickets: scope.tickets, movements: scope.movements };
}

function dateCandidate(lexical: string | undefined, path: string): DateCandidate | undefined {
  return lexical === undefined ? undefined : { lexical, path };
}

const OPERATION_ID = /^[0-9]{1,4}$/;

function walk(
  scope: Scope,
  segments: readonly SegmentResponseType[] | undefined,
  base: string,
  operation: string | undefined,
  ids: readonly string[],
  inherited: DateCandidate | undefined,
): void {
  (segments ?? []).forEach((segment, index) => {
    const path = `${base}/SegmentResponse[${index + 1}]`;
    const id = segment.ID?.value.trim() ?? "";
    const segmentIds = [...ids, id];
    const isOperation =
      segment.ID !== undefined && (segment.ID.schemeID === "VORNR" || OPERATION_ID.test(id));
    if (isOperation && operation !== undefined) {
      scope.ctx.issues.error(
        "SUB_OPERATION_UNSUPPORTED",
        `${path}/ID`,
        `an operation inside operation ${operation}: sub-operations are not posted`,
      );
      return;
    }
    const op = isOperation ? id.padStart(4, "0") : operation;
    const end = dateCandidate(segment.ActualEndTime?.value, `${path}/ActualEndTime`);
    const start = dateCandidate(segment.ActualStartTime?.value, `${path}/ActualStartTime`);
    const postingSource = first(end, start, inherited);
    const postingDate =
      postingSource === undefined
        ? undefined
        : sapDateTime(scope.ctx, postingSource.lexical, postingSource.path, scope.zone, { quiet: true })
            ?.date;
    const confirmed: Confirmed[] = [];
    const materials = materialsOf(scope, segment, path);
    for (const m of materials) classify(scope, m, op, segmentIds, postingDate, path, confirmed);
    const activities = [
      ...(segment.EquipmentActual ?? []).map((a, i) => ({
        a,
        kind: "equipment" as const,
        path: `${path}/EquipmentActual[${i + 1}]`,
      })),
      ...(segment.PersonnelActual ?? []).map((a, i) => ({
        a,
        kind: "personnel" as const,
        path: `${path}/PersonnelActual[${i + 1}]`,
      })),
    ].filter(
      (x) =>
        (x.a.Quantity ?? []).length > 0 ||
        ("EquipmentActualProperty" in x.a
          ? x.a.EquipmentActualProperty
          : "PersonnelActualProperty" in x.a
            ? x.a.PersonnelActualProperty
            : []
        )?.some((p) => SLOT_KEY.test(p.ID.value.trim()) && (p.Quantity ?? []).length > 0),
    );
    if (isOperation && op !== undefined)
      tickets(scope, segment, path, op, segmentIds, { start, end, postingDate }, confirmed, activities);
    else if (confirmed.length > 0 || activities.length > 0)
      scope.ctx.issues.error(
        "NOT_AN_OPERATION",
        `${path}/ID`,
        "yield, scrap, rework and activities are confirmed on an operation; this segment is none (ID of 1–4 digits or schemeID=VORNR)",
        { expected: "an operation number", received: id },
      );
    walk(scope, segment.SegmentResponse, path, op, segmentIds, postingSource);
  });
}

interface MaterialSource {
  readonly path: string;
  readonly produced: boolean;
  readonly material: string | undefined;
  readonly lot: string | undefined;
  readonly quantity: readonly QuantityValueType[] | undefined;
  readonly location: LocationType | undefined;
  readonly properties: ReadonlyMap<string, PropertyValue>;
}

type PropertyList = readonly {
  readonly ID: { readonly value: string };
  readonly Value?: readonly ValueType[];
}[];

function materialsOf(scope: Scope, segment: SegmentResponseType, path: string): MaterialSource[] {
  const out: MaterialSource[] = [];
  const add = (
    list:
      | readonly {
          MaterialDefinitionID?: { value: string }[];
          MaterialLotID?: { value: string }[];
          Quantity?: QuantityValueType[];
          Location?: LocationType;
        }[]
      | undefined,
    element: string,
    produced: boolean | ((m: MaterialActualType) => boolean | undefined),
    propertiesKey: string,
  ) =>
    (list ?? []).forEach((m, i) => {
      const p = `${path}/${element}[${i + 1}]`;
      const role = typeof produced === "function" ? produced(m as MaterialActualType) : produced;
      if (role === undefined) return;
      out.push({
        path: p,
        produced: role,
        material: m.MaterialDefinitionID?.[0]?.value.trim(),
        lot: m.MaterialLotID?.[0]?.value.trim(),
        quantity: m.Quantity,
        location: m.Location,
        properties: propertiesOf(
          (m as Record<string, unknown>)[propertiesKey] as PropertyList | undefined,
          p,
          propertiesKey,
          scope.ctx.issues,
        ),
      });
    });
  add(segment.MaterialProducedActual, "MaterialProducedActual", true, "MaterialProducedActualProperty");
  add(segment.MaterialConsumedActual, "MaterialConsumedActual", false, "MaterialConsumedActualProperty");
  add(
    segment.MaterialActual,
    "MaterialActual",
    (m) =>
      m.MaterialUse?.value === "Produced" ? true : m.MaterialUse?.value === "Consumed" ? false : undefined,
    "MaterialActualProperty",
  );
  return out;
}

function classify(
  scope: Scope,
  m: MaterialSource,
  operation: string | undefined,
  segmentIds: readonly string[],
  segmentDate: string | undefined,
  segmentPath: string,
  confirmed: Confirmed[],
): void {
  const { ctx } = scope;
  const moveType = m.properties.get("MOVE_TYPE");
  const role = m.properties.get("COMPONENT_ROLE")?.value;
  if (m.produced && moveType === undefined && role !== "ByProduct" && role !== "CoProduct") {
    const kindText = m.properties.get("QUANTITY_TYPE");
    const kind = KINDS.get(kindText?.value ?? "Yield");
    if (kind === undefined) {
      ctx.issues.error("INVALID_VALUE", kindText?.path ?? m.path, "QUANTITY_TYPE is Yield, Scrap or Rework", {
        expected: "Yield, Scrap or Rework",
        received: kindText?.value,
      });
      return;
    }
    const quantity = readQuantity(ctx, m.quantity, m.path);
    if (quantity === undefined) return;
    const reason = m.properties.get("REASON") ?? m.properties.get("DEV_REASON");
    const link = m.properties.get("TIME_TICKET")?.value;
    confirmed.push({
      kind,
      quantity,
      ...(reason === undefined ? {} : { reason }),
      ...(link === undefined || link === "" ? {} : { ticket: link }),
    });
    return;
  }
  let type = moveType?.value ?? (m.produced ? "531" : "261");
  const spec = movementType(type);
  if (spec === undefined || spec.receipt !== m.produced) {
    ctx.issues.error(
      "UNSUPPORTED_MOVEMENT_TYPE",
      moveType?.path ?? m.path,
      m.produced ? "a produced actual posts 101, 102, 531 or 532" : "a consumed actual posts 261 or 262",
      { expected: m.produced ? "101, 102, 531, 532" : "261, 262", received: type },
    );
    return;
  }
  const quantity = readQuantity(ctx, m.quantity, m.path);
  if (m.material === undefined || m.material === "") {
    ctx.issues.error(
      "MISSING_MATERIAL",
      `${m.path}/MaterialDefinitionID`,
      "a goods movement needs the material",
    );
    return;
  }
  if (quantity === undefined) return;
  // a negative quantity of a movement is its reversal (PERF-POST-022)
  let finalSpec = spec;
  if (quantity.negative && spec.reversal !== undefined) {
    type = spec.reversal;
    finalSpec = movementType(type) ?? spec;
  }
  let postingDate = segmentDate;
  const ownDate = m.properties.get("PSTNG_DATE");
  if (ownDate !== undefined) {
    // checked as a calendar date, not by shape only (PERF-POST-021): 2026-02-30 is no date
    const reason = explainLocalDate(ownDate.value);
    if (reason === undefined) postingDate = ownDate.value.replaceAll("-", "");
    else {
      ctx.issues.error("INVALID_DATE_TIME", ownDate.path, `PSTNG_DATE is a date YYYY-MM-DD: ${reason}`, {
        expected: "a date YYYY-MM-DD",
        received: ownDate.value,
      });
      return;
    }
  }
  if (postingDate === undefined) {
    ctx.issues.error(
      "MISSING_POSTING_DATE",
      segmentPath,
      "no date to post on: no actual times, response times or CreationDateTime",
    );
    return;
  }
  const material = sapMaterial(ctx, m.material, `${m.path}/MaterialDefinitionID[1]`);
  const entry = sapQuantity(ctx, quantity, "E1BP2017_GM_ITEM_CREATE/ENTRY_QNT", { magnitude: true });
  const batch = m.lot === undefined ? undefined : sapBatch(ctx, m.lot, `${m.path}/MaterialLotID[1]`);
  const fields: Record<string, string> = {
    ...(material ?? {}),
    PLANT: scope.plant,
  };
  const lgort = storageLocation(scope, m, type, finalSpec.receipt, operation);
  if (lgort !== undefined) fields.STGE_LOC = lgort;
  if (batch !== undefined) fields.BATCH = batch;
  fields.MOVE_TYPE = type;
  if (entry !== undefined) fields.ENTRY_QNT = entry;
  fields.ENTRY_UOM = quantity.unit;
  fields.ORDERID = scope.order;
  if (type === "101" || type === "102") {
    const posnr = m.properties.get("ORDER_ITNO") ?? m.properties.get("POSNR");
    const item = scope.context?.item(m.material);
    const value = posnr?.value ?? item?.POSNR;
    const numc =
      value === undefined
        ? undefined
        : sapNumc(ctx, value, 4, posnr?.path ?? item?.path ?? m.path, "ORDER_ITNO");
    if (numc !== undefined) fields.ORDER_ITNO = numc;
  }
  if (type === "261" || type === "262") reservation(scope, m, operation, fields);
  if (finalSpec.mvtInd !== undefined) fields.MVT_IND = finalSpec.mvtInd;
  const reason = m.properties.get("MOVE_REAS");
  if (reason !== undefined) {
    const v = sapNumc(ctx, reason.value, 4, reason.path, "MOVE_REAS");
    if (v !== undefined) fields.MOVE_REAS = v;
  }
  if (operation !== undefined) fields.ACTIVITY = operation;
  scope.movements.push({ path: m.path, segmentIds, gmCode: finalSpec.gmCode, postingDate, fields });
}

function storageLocation(
  scope: Scope,
  m: MaterialSource,
  type: string,
  receipt: boolean,
  operation: string | undefined,
): string | undefined {
  const configured = own(scope.ctx.config.postings.storageLocations, scope.plant);
  const material = m.material ?? "";
  const fromContext = receipt
    ? scope.context?.item(material)?.LGORT
    : scope.context?.component(material, operation)?.LGORT;
  const found = first(
    lgortOf(m.location),
    own(configured?.materials, material),
    fromContext,
    receipt ? configured?.receipt : configured?.issue,
    configured?.default,
  );
  if (found !== undefined) return sapChar(scope.ctx, found, 4, `${m.path}/Location`, "STGE_LOC");
  scope.ctx.issues.error(
    "MISSING_STORAGE_LOCATION",
    m.path,
    `no storage location (STGE_LOC) for material ${material}, movement ${type}: give a Location with EquipmentID schemeID=LGORT, postings.storageLocations.${scope.plant} in the configuration, or --order-context with the order's LOIPRO`,
  );
  return undefined;
}

function reservation(
  scope: Scope,
  m: MaterialSource,
  operation: string | undefined,
  fields: Record<string, string>,
): void {
  const { ctx } = scope;
  const rsnum = m.properties.get("RESERV_NO") ?? m.properties.get("RSNUM");
  const rspos = m.properties.get("RES_ITEM") ?? m.properties.get("RSPOS");
  const component = rsnum === undefined ? scope.context?.component(m.material ?? "", operation) : undefined;
  const number =
    rsnum ?? (component?.RSNUM === undefined ? undefined : { value: component.RSNUM, path: component.path });
  const item =
    rspos ?? (component?.RSPOS === undefined ? undefined : { value: component.RSPOS, path: component.path });
  if (number !== undefined && item !== undefined) {
    const n = sapNumc(ctx, number.value, 10, number.path, "RESERV_NO");
    const i = sapNumc(ctx, item.value, 4, item.path, "RES_ITEM");
    if (n !== undefined) fields.RESERV_NO = n;
    if (i !== undefined) fields.RES_ITEM = i;
    return;
  }
  if ((ctx.config.postings.reservations ?? "required") === "required")
    ctx.issues.error(
      "MISSING_RESERVATION",
      m.path,
      `no reservation (RESERV_NO/RES_ITEM) for component ${m.material ?? ""}: give properties RSNUM and RSPOS, --order-context with the order's LOIPRO, or set postings.reservations to "optional"`,
    );
}

/** The schemes of the ProductionData the inbound mapping writes for a time ticket (PERF-MAP-048). */
const TICKET_SCHEMES: ReadonlySet<string> = new Set(["EX_IDENT", "DOCNUM/TIMETICKET"]);

/** The TIME_TICKET link of an actual's property list (first Value/ValueString), if any. */
function linkOf(
  properties:
    | readonly { readonly ID: { readonly value: string }; readonly Value?: readonly ValueType[] }[]
    | undefined,
): string | undefined {
  const p = (properties ?? []).find((x) => x.ID.value.trim() === "TIME_TICKET");
  const v = p?.Value?.[0]?.ValueString;
  const text = v === undefined || "$nil" in v ? undefined : v.value.trim();
  return text === "" ? undefined : text;
}

const equipmentLink = (a: EquipmentActualType) => linkOf(a.EquipmentActualProperty);
const personnelLink = (a: PersonnelActualType) => linkOf(a.PersonnelActualProperty);
const activityLink = (x: ActivitySource) =>
  "EquipmentActualProperty" in x.a
    ? equipmentLink(x.a as EquipmentActualType)
    : personnelLink(x.a as PersonnelActualType);

/** A ProductionData value by Key. */
function dataValue(data: ProductionDataType | undefined, key: string): string | undefined {
  const v = data?.Value?.find((x) => x.Key?.value.trim() === key)?.ValueString;
  const text = v === undefined || "$nil" in v ? undefined : v.value.trim();
  return text === "" ? undefined : text;
}

interface TicketGroup {
  /** The IDs the EX_IDENT derivation names: the segment IDs, for one ticket of several its source ID too. */
  readonly keyIds: readonly string[];
  readonly final: boolean;
  readonly data: ProductionDataType | undefined;
  readonly confirmed: readonly Confirmed[];
  readonly activities: readonly ActivitySource[];
  readonly equipment: readonly EquipmentActualType[];
  readonly personnel: readonly PersonnelActualType[];
}

/**
 * The time tickets of one operation segment (PERF-POST-010, 018): one ticket, or — when the segment's
 * actuals and ProductionData name two or more time tickets (TIME_TICKET, as the inbound mapping links
 * them) — one ticket per source ticket, plus one for the actuals linked to none.
 */
function tickets(
  scope: Scope,
  segment: SegmentResponseType,
  path: string,
  operation: string,
  segmentIds: readonly string[],
  times: {
    start: DateCandidate | undefined;
    end: DateCandidate | undefined;
    postingDate: string | undefined;
  },
  confirmed: readonly Confirmed[],
  activities: readonly ActivitySource[],
): void {
  const completed = segment.SegmentState?.value === "Completed";
  const equipment = segment.EquipmentActual ?? [];
  const personnel = segment.PersonnelActual ?? [];
  const data = (segment.ProductionData ?? []).filter((d) => TICKET_SCHEMES.has(d.ID.schemeID ?? ""));
  const ids: string[] = [];
  for (const id of [
    ...data.map((d) => d.ID.value.trim()),
    ...confirmed.map((c) => c.ticket),
    ...equipment.map(equipmentLink),
    ...personnel.map(personnelLink),
  ])
    if (id !== undefined && !ids.includes(id)) ids.push(id);
  const dataOf = (id: string | undefined) => data.find((d) => d.ID.value.trim() === id);
  if (ids.length <= 1) {
    ticket(scope, segment, path, operation, times, {
      keyIds: segmentIds,
      final: completed,
      data: dataOf(ids[0]),
      confirmed,
      activities,
      equipment,
      personnel,
    });
    return;
  }
  const finals = completed ? ids.filter((id) => dataValue(dataOf(id), "FIN_CONF") === "X") : [];
  if (completed && finals.length === 0) finals.push(ids[ids.length - 1] as string);
  const groups: TicketGroup[] = [];
  const unlinked = {
    confirmed: confirmed.filter((c) => c.ticket === undefined),
    activities: activities.filter((x) => activityLink(x) === undefined),
  };
  if (unlinked.confirmed.length > 0 || unlinked.activities.length > 0)
    groups.push({
      keyIds: segmentIds,
      final: false,
      data: undefined,
      ...unlinked,
      equipment: equipment.filter((a) => equipmentLink(a) === undefined),
      personnel: personnel.filter((a) => personnelLink(a) === undefined),
    });
  for (const id of ids)
    groups.push({
      keyIds: [...segmentIds, id],
      final: finals.includes(id),
      data: dataOf(id),
      confirmed: confirmed.filter((c) => c.ticket === id),
      activities: activities.filter((x) => activityLink(x) === id),
      equipment: equipment.filter((a) => equipmentLink(a) === id),
      personnel: personnel.filter((a) => personnelLink(a) === id),
    });
  for (const group of groups) ticket(scope, segment, path, operation, times, group);
}

function ticket(
  scope: Scope,
  segment: SegmentResponseType,
  path: string,
  operation: string,
  times: {
    start: DateCandidate | undefined;
    end: DateCandidate | undefined;
    postingDate: string | undefined;
  },
  group: TicketGroup,
): void {
  const { ctx } = scope;
  const { final, confirmed, activities } = group;
  if (
    confirmed.length === 0 &&
    activities.length === 0 &&
    !final &&
    times.start === undefined &&
    times.end === undefined
  )
    return;
  const fields: Record<string, string> = { ORDERID: scope.order, OPERATION: operation, PLANT: scope.plant };
  const workCenter = first(
    ...[segment.HierarchyScope, segment.Location].map((s) =>
      s?.EquipmentID.schemeID === "ARBPL" ? s.EquipmentID.value : undefined,
    ),
    ...group.equipment.flatMap((e) =>
      (e.EquipmentID ?? []).filter((id) => id.schemeID === "ARBPL").map((id) => id.value),
    ),
  );
  if (workCenter !== undefined) {
    const v = sapChar(ctx, workCenter, 8, `${path}`, "WORK_CNTR");
    if (v !== undefined) fields.WORK_CNTR = v;
  }
  if (final) fields.FIN_CONF = "X";
  if (times.postingDate !== undefined) fields.POSTG_DATE = times.postingDate;
  else
    ctx.issues.error(
      "MISSING_POSTING_DATE",
      path,
      "no date to post on: no actual times, response times or CreationDateTime",
    );
  // quantities: one unit, summed exactly per kind (PERF-POST-011)
  const units = new Set(confirmed.map((c) => c.quantity.unit));
  if (units.size > 1)
    ctx.issues.error(
      "UNIT_CONFLICT",
      path,
      "yield, scrap and rework of one time ticket share one unit (CONF_QUAN_UNIT)",
      {
        expected: "one unit",
        received: [...units].join(", "),
      },
    );
  const [unit] = units;
  if (unit !== undefined) fields.CONF_QUAN_UNIT = unit;
  for (const kind of ["YIELD", "SCRAP", "REWORK"] as const) {
    const parts = confirmed.filter((c) => c.kind === kind);
    if (parts.length === 0) continue;
    const field = `E1BP_PP_TIMETICKET/${kind}`;
    const values = parts.map((c) => sapQuantity(ctx, c.quantity, field));
    if (values.some((v) => v === undefined)) continue;
    // the parts are non-negative QUAN 13,3 values; their sum must fit the field too (PERF-POST-040)
    const sum = values.reduce((acc, v) => acc.plus(v as string), new Decimal(0)).toFixed(3);
    const checked = toSapQuantity(sum, QUAN_13_3);
    if (checked.ok) fields[kind] = checked.value;
    else
      ctx.issues.error(
        "QUANTITY_TOO_LARGE",
        path,
        `${field} (QUAN 13,3): the sum of ${parts.length} ${kind.toLowerCase()} quantities, ${checked.message}`,
        { expected: "at most 10 integer digits", received: sum },
      );
  }
  const reasons = new Map(
    confirmed.flatMap((c) => (c.reason === undefined ? [] : [[c.reason.value, c.reason] as const])),
  );
  if (reasons.size > 1)
    ctx.issues.error(
      "REASON_CONFLICT",
      path,
      "one time ticket carries one reason for variance (DEV_REASON)",
      {
        expected: "one DEV_REASON",
        received: [...reasons.keys()].join(", "),
      },
    );
  const dataReason = dataValue(group.data, "DEV_REASON");
  const [reason = dataReason === undefined ? undefined : { value: dataReason, path }] = reasons.values();
  if (reason !== undefined) {
    const v = sapChar(ctx, reason.value, 4, reason.path, "DEV_REASON");
    if (v !== undefined) fields.DEV_REASON = v;
  }
  activitySlots(scope, activities, fields);
  for (const [prefix, source] of [
    ["EXEC_START", times.start],
    ["EXEC_FIN", times.end],
  ] as const) {
    if (source === undefined) continue;
    const dt = sapDateTime(ctx, source.lexical, source.path, scope.zone);
    if (dt === undefined) continue;
    fields[`${prefix}_DATE`] = dt.date;
    fields[`${prefix}_TIME`] = dt.time;
  }
  const pernr = [
    ...new Set(
      group.personnel.flatMap((p) =>
        (p.PersonID ?? []).filter((id) => id.schemeID === "PERNR").map((id) => id.value.trim()),
      ),
    ),
  ];
  if (pernr.length > 1)
    ctx.issues.error("PERSONNEL_CONFLICT", path, "one time ticket carries one personnel number (PERS_NO)", {
      expected: "one PersonID schemeID=PERNR",
      received: pernr.join(", "),
    });
  else if (pernr[0] !== undefined) {
    const v = sapNumc(ctx, pernr[0], 8, `${path}/PersonnelActual`, "PERS_NO");
    if (v !== undefined) fields.PERS_NO = v;
  }
  scope.tickets.push({ path, segmentIds: group.keyIds, fields });
}

const SLOT_KEY = /^CONF_ACTIVITY([1-6])$/;

function activitySlots(
  scope: Scope,
  activities: readonly ActivitySource[],
  fields: Record<string, string>,
): void {
  const { ctx } = scope;
  const used = new Map<number, string>();
  const slotted: {
    q: QuantityValueType;
    qPath: string;
    key: string | undefined;
    kind: "equipment" | "personnel";
    base: string;
  }[] = [];
  for (const { a, kind, path } of activities) {
    (a.Quantity ?? []).forEach((q, i) => {
      slotted.push({ q, qPath: `${path}/Quantity[${i + 1}]`, key: q.Key?.value.trim(), kind, base: path });
    });
    const properties =
      "EquipmentActualProperty" in a
        ? a.EquipmentActualProperty
        : "PersonnelActualProperty" in a
          ? a.PersonnelActualProperty
          : undefined;
    const element = "EquipmentActualProperty" in a ? "EquipmentActualProperty" : "PersonnelActualProperty";
    (properties ?? []).forEach((p, i) => {
      if (!SLOT_KEY.test(p.ID.value.trim())) return;
      const pPath = `${path}/${element}[${i + 1}]`;
      (p.Quantity ?? []).forEach((q, j) => {
        slotted.push({ q, qPath: `${pPath}/Quantity[${j + 1}]`, key: p.ID.value.trim(), kind, base: pPath });
      });
    });
  }
  for (const { q, qPath, key, kind, base } of slotted) {
    {
      const match = key === undefined ? null : SLOT_KEY.exec(key);
      const slot =
        match !== null
          ? Number(match[1])
          : key === undefined
            ? own(ctx.config.postings.activities, kind)
            : undefined;
      if (slot === undefined) {
        ctx.issues.error(
          "MISSING_ACTIVITY_SLOT",
          key === undefined ? qPath : `${qPath}/Key`,
          `no activity slot for this ${kind} quantity: give Key CONF_ACTIVITY1…6 or postings.activities.${kind}`,
          { expected: "CONF_ACTIVITY1 … CONF_ACTIVITY6", received: key },
        );
        continue;
      }
      const previous = used.get(slot);
      if (previous !== undefined) {
        ctx.issues.error(
          "DUPLICATE_ACTIVITY",
          qPath,
          `activity slot ${slot} is already filled by ${previous}`,
        );
        continue;
      }
      used.set(slot, qPath);
      const quantity = readQuantity(ctx, [q], base, qPath);
      if (quantity === undefined) continue;
      const value = sapQuantity(ctx, quantity, `E1BP_PP_TIMETICKET/CONF_ACTIVITY${slot}`, {
        allowNegative: true,
      });
      if (value === undefined) continue;
      fields[`CONF_ACTI_UNIT${slot}`] = quantity.unit;
      fields[`CONF_ACTIVITY${slot}`] = value;
    }
  }
}
