/**
 * Time tickets (E1BP_PP_TIMETICKET, directly under IDOC or under E1PPCC2PRETTICKET) → the segment
 * response of the confirmed operation (PERF-MAP-040 … 049): actual start and end, yield, scrap and
 * rework as separate produced actuals, the six activities on the work center or the personnel, the
 * personnel number, the final-confirmation flag, and EX_IDENT as the ticket's ProductionData ID.
 *
 * @module
 */
import type {
  EquipmentActualType,
  MaterialProducedActualType,
  PersonnelActualType,
} from "../../generated/b2mml-v0600/index.js";
import { alphaToExternal } from "../../idoc/alpha.js";
import type { IdocDocument, IdocSegment } from "../../idoc/model.js";
import { quantityValue, stringValue } from "../shared/b2mml-values.js";
import { applyRows } from "../shared/field-rules.js";
import { dateOf, dateTimeOf, fieldPath, received, text, unitOf } from "../shared/idoc-fields.js";
import { PERSONNEL_ROWS, TIME_TICKET_ROWS } from "./field-rows.js";
import { type ContextOperation, contextOperation } from "./order-context.js";
import {
  exactQuantityOf,
  operationNumber,
  orderDraft,
  type PerfContext,
  plantOf,
  segmentDraft,
} from "./perf-context.js";
import { type Property, property, quantityProperty } from "./values.js";

/** The time tickets of one IDoc, wherever they stand. */
export function timeTicketsOf(idoc: IdocDocument): IdocSegment[] {
  return idoc.segments.flatMap((s) =>
    s.name === "E1BP_PP_TIMETICKET"
      ? [s]
      : s.name === "E1PPCC2PRETTICKET"
        ? s.segments.filter((t) => t.name === "E1BP_PP_TIMETICKET")
        : [],
  );
}

/** Order and operation of a ticket: ORDERID + OPERATION, or CONF_NO through the order context (PERF-MAP-041). */
function operationOf(
  ctx: PerfContext,
  ticket: IdocSegment,
): { order: string; operation: string; known?: ContextOperation } | undefined {
  const confNo = text(ticket, "CONF_NO");
  const byConf = confNo === undefined ? undefined : ctx.orderContext.confirmations.get(confNo);
  const orderId = text(ticket, "ORDERID");
  let order = orderId === undefined ? undefined : alphaToExternal(orderId);
  let operation = operationNumber(text(ticket, "OPERATION"));
  if (byConf !== undefined) {
    if (
      (order !== undefined && order !== byConf.order) ||
      (operation !== undefined && operation !== byConf.operation)
    )
      ctx.issues.error(
        "CONFIRMATION_MISMATCH",
        fieldPath(ticket, "CONF_NO"),
        `confirmation ${confNo} is operation ${byConf.operation} of order ${byConf.order} in the order context, but the ticket names ${order ?? "-"}/${operation ?? "-"}`,
        { expected: `${byConf.order}/${byConf.operation}`, received: `${order ?? ""}/${operation ?? ""}` },
      );
    order ??= byConf.order;
    operation ??= byConf.operation;
  }
  for (const [field, got] of [
    ["ORDERID", order],
    ["OPERATION", operation],
  ] as const)
    if (got === undefined)
      ctx.issues.error(
        "MISSING_FIELD",
        fieldPath(ticket, field),
        confNo === undefined
          ? `the time ticket has no ${field} and no CONF_NO`
          : `the time ticket has no ${field}, and confirmation ${confNo} is not in the order context`,
        { expected: `${field}, or CONF_NO with --order-context`, received: received(ticket, field) ?? "" },
      );
  if (order === undefined || operation === undefined) return undefined;
  const contextOrder = ctx.orderContext.orders.get(order);
  const known = contextOperation(contextOrder, operation, text(ticket, "SEQUENCE"));
  if (contextOrder !== undefined && known === undefined)
    ctx.issues.error(
      "UNKNOWN_OPERATION",
      fieldPath(ticket, "OPERATION"),
      contextOrder.ambiguous.has(operation)
        ? `operation ${operation} of order ${order} stands in several sequences of the order context; the ticket names no SEQUENCE`
        : `order ${order} has no operation ${operation} in the order context`,
      {
        expected: [...(ctx.orderContext.orders.get(order)?.operations.keys() ?? [])].join(", "),
        received: operation,
      },
    );
  return known === undefined ? { order, operation } : { order, operation, known };
}

/** A non-negative quantity; zero and absent give `undefined`; below zero is `NEGATIVE_QUANTITY` (PERF-MAP-043). */
function positiveQuantity(ctx: PerfContext, ticket: IdocSegment, field: string): string | undefined {
  const quantity = exactQuantityOf(ctx, ticket, field, false);
  if (quantity === undefined) return undefined;
  if (quantity.negative) {
    ctx.issues.error(
      "NEGATIVE_QUANTITY",
      fieldPath(ticket, field),
      `${field} is below zero; a time ticket confirms, a cancellation reverses`,
      {
        expected: "a quantity ≥ 0",
        received: received(ticket, field) ?? quantity.lexical,
      },
    );
    return undefined;
  }
  return /[1-9]/.test(quantity.magnitude) ? quantity.magnitude : undefined;
}

/** The ID of a ticket's ProductionData: EX_IDENT, else `<DOCNUM>/<n>` (PERF-MAP-048). */
function ticketId(idoc: IdocDocument, ticket: IdocSegment, index: number): { id: string; scheme: string } {
  const exIdent = text(ticket, "EX_IDENT");
  if (exIdent !== undefined) return { id: exIdent, scheme: "EX_IDENT" };
  return { id: `${idoc.control.DOCNUM ?? idoc.path}/TIMETICKET-${index}`, scheme: "DOCNUM/TIMETICKET" };
}

/** Maps one time ticket into the drafts of its order and operation. */
export function mapTimeTicket(
  ctx: PerfContext,
  idoc: IdocDocument,
  ticket: IdocSegment,
  index: number,
): void {
  const target = operationOf(ctx, ticket);
  if (target === undefined) return;
  const { order, operation, known } = target;
  const located = plantOf(ctx, ticket, "PLANT", order, operation, text(ticket, "SEQUENCE"));
  const zone = located?.zone;
  const start = dateTimeOf(ctx, ticket, "EXEC_START_DATE", "EXEC_START_TIME", zone);
  const end = dateTimeOf(ctx, ticket, "EXEC_FIN_DATE", "EXEC_FIN_TIME", zone);
  // the ProductionData values (POSTG_DATE a checked date), then EX_CREATED_DATE checked alone
  const values = applyRows(ctx, ticket, TIME_TICKET_ROWS);
  dateOf(ctx, ticket, "EX_CREATED_DATE");

  const sequence = text(ticket, "SEQUENCE");
  const sub = text(ticket, "SUB_OPER");
  const draft = segmentDraft(ctx, orderDraft(ctx, order, located?.plant), operation, sequence, sub);
  if (start !== undefined) draft.starts.push(start);
  if (end !== undefined) draft.ends.push(end);
  draft.confirmations.push(text(ticket, "FIN_CONF") ?? "");

  const { id, scheme } = ticketId(idoc, ticket, index);
  if (draft.productionData.some((d) => d.ID.value === id))
    ctx.issues.error(
      "DUPLICATE_EX_IDENT",
      fieldPath(ticket, scheme === "EX_IDENT" ? "EX_IDENT" : "CONF_NO"),
      `the time ticket ${id} is given twice for ${order}/${operation}; SAP would refuse the second`,
      { expected: "each EX_IDENT once", received: id },
    );
  draft.productionData.push({
    ID: { value: id, schemeID: scheme },
    Description: [{ value: "time ticket" }],
    ...(values.length === 0 ? {} : { Value: values }),
  });
  const link = property("TIME_TICKET", id);

  // yield, scrap, rework: separate produced actuals (PERF-MAP-042 … 044)
  const quantities = (["YIELD", "SCRAP", "REWORK"] as const).flatMap((field) => {
    const q = positiveQuantity(ctx, ticket, field);
    return q === undefined ? [] : [{ field, q }];
  });
  const unit =
    quantities.length === 0 ? undefined : unitOf(ctx, ticket, "CONF_QUAN_UNIT", "the confirmed quantity");
  const material = ctx.orderContext.orders.get(order)?.material;
  const reason = text(ticket, "DEV_REASON");
  if (unit !== undefined)
    for (const { field, q } of quantities) {
      const props: Property[] = [property("QUANTITY_TYPE", QUANTITY_TYPES[field]), link];
      if (field !== "YIELD" && reason !== undefined) props.push(property("REASON", reason));
      const actual: MaterialProducedActualType = {
        ...(material === undefined ? {} : { MaterialDefinitionID: [{ value: material }] }),
        Description: [{ value: QUANTITY_TYPES[field].toLowerCase() }],
        Quantity: [quantityValue(q, unit)],
        MaterialProducedActualProperty: props,
      };
      draft.produced.push(actual);
    }

  mapActivities(ctx, ticket, draft, known, link);
}

const QUANTITY_TYPES = { YIELD: "Yield", SCRAP: "Scrap", REWORK: "Rework" } as const;

/** CONF_ACTIVITY1…6 → equipment or personnel actual properties; PERS_NO → PersonnelActual (PERF-MAP-045, 046). */
function mapActivities(
  ctx: PerfContext,
  ticket: IdocSegment,
  draft: ReturnType<typeof segmentDraft>,
  known: ContextOperation | undefined,
  link: Property,
): void {
  const equipmentProps: Property[] = [];
  const personnelProps: Property[] = [];
  for (let n = 1; n <= 6; n++) {
    const q = positiveQuantity(ctx, ticket, `CONF_ACTIVITY${n}`);
    if (q === undefined) continue;
    const unit = unitOf(ctx, ticket, `CONF_ACTI_UNIT${n}`, `activity ${n}`);
    if (unit === undefined) continue;
    const label = known?.labels.get(n) ?? `activity ${n}`;
    const prop = quantityProperty(`CONF_ACTIVITY${n}`, q, unit, label);
    const lar = known?.activityTypes.get(n);
    if (lar !== undefined) prop.Value = [{ ...stringValue(lar), Key: { value: `LAR0${n}` } }];
    (ctx.personnelSlots.has(n) ? personnelProps : equipmentProps).push(prop);
  }
  const workCenter = text(ticket, "WORK_CNTR") ?? known?.workCenter;
  if (workCenter !== undefined || equipmentProps.length > 0) {
    const equipment: EquipmentActualType = {
      ...(workCenter === undefined ? {} : { EquipmentID: [{ value: workCenter, schemeID: "ARBPL" }] }),
      Description: [{ value: "work center" }],
      EquipmentActualProperty: [...equipmentProps, link],
    };
    draft.equipment.push(equipment);
  }
  const person = text(ticket, "PERS_NO");
  personnelProps.push(...applyRows(ctx, ticket, PERSONNEL_ROWS));
  if (person !== undefined || personnelProps.length > 0) {
    const personnel: PersonnelActualType = {
      ...(person === undefined ? {} : { PersonID: [{ value: person, schemeID: "PERNR" }] }),
      Description: [{ value: "personnel" }],
      PersonnelActualProperty: [...personnelProps, link],
    };
    draft.personnel.push(personnel);
  }
}
