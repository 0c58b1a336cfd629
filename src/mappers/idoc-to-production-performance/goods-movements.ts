/**
 * Goods-movement items (E1MBGMCR/E1BP2017_GM_ITEM_CREATE) → material actuals of the order's segment
 * responses (PERF-MAP-050 … 058): 101 produced with the batch as MaterialLotID, 531 produced by-product,
 * 261 consumed, and the reversals 102 / 262 / 532 as **corrections**: an actual of the same kind with
 * a negative quantity and the properties `CORRECTION` = `Reversal` and `REVERSED_MOVE_TYPE`, never
 * netted with the movement they reverse.
 *
 * @module
 */
import type {
  MaterialConsumedActualType,
  MaterialProducedActualType,
} from "../../generated/b2mml-v0600/index.js";
import { alphaToExternal } from "../../idoc/alpha.js";
import type { IdocDocument, IdocSegment } from "../../idoc/model.js";
import { quantityValue } from "../shared/b2mml-values.js";
import { applyRows } from "../shared/field-rules.js";
import { fieldPath, received, required, text, unitOf } from "../shared/idoc-fields.js";
import { GOODS_MOVEMENT_HEAD_ROWS, GOODS_MOVEMENT_ITEM_ROWS } from "./field-rows.js";
import {
  exactQuantityOf,
  operationNumber,
  orderDraft,
  type PerfContext,
  plantOf,
  segmentDraft,
} from "./perf-context.js";
import { locationOf, type Property, property } from "./values.js";

/** How each supported movement type is reported (PERF-MAP-051 … 056). */
export const MOVEMENT_TYPES: Readonly<
  Record<
    string,
    { readonly kind: "produced" | "consumed"; readonly byProduct: boolean; readonly reverses?: string }
  >
> = Object.freeze({
  "101": { kind: "produced", byProduct: false },
  "102": { kind: "produced", byProduct: false, reverses: "101" },
  "261": { kind: "consumed", byProduct: false },
  "262": { kind: "consumed", byProduct: false, reverses: "261" },
  "531": { kind: "produced", byProduct: true },
  "532": { kind: "produced", byProduct: true, reverses: "531" },
});

/** The items of one goods-movement IDoc with its header (PERF-MAP-050). */
export function mapGoodsMovement(ctx: PerfContext, idoc: IdocDocument): void {
  const documents = idoc.segments.filter((s) => s.name === "E1MBGMCR");
  if (documents.length !== 1) {
    ctx.issues.error(
      "MISSING_SEGMENT",
      `${idoc.path}/E1MBGMCR`,
      "a goods-movement IDoc holds exactly one E1MBGMCR",
      {
        expected: "1 E1MBGMCR",
        received: `${documents.length}`,
      },
    );
    return;
  }
  const document = documents[0] as IdocSegment;
  const items = document.segments.filter((s) => s.name === "E1BP2017_GM_ITEM_CREATE");
  if (items.length === 0)
    ctx.issues.error(
      "MISSING_SEGMENT",
      `${document.path}/E1BP2017_GM_ITEM_CREATE`,
      "the material document has no item",
      {
        expected: "1 or more E1BP2017_GM_ITEM_CREATE",
        received: "0",
      },
    );
  const headerProps = applyRows(ctx, document, GOODS_MOVEMENT_HEAD_ROWS);
  for (const [i, item] of items.entries()) mapItem(ctx, idoc, item, i + 1, headerProps);
}

function mapItem(
  ctx: PerfContext,
  idoc: IdocDocument,
  item: IdocSegment,
  n: number,
  headerProps: readonly Property[],
): void {
  const moveType = required(ctx, item, "MOVE_TYPE", "the movement type");
  const rule =
    moveType === undefined || !Object.hasOwn(MOVEMENT_TYPES, moveType) ? undefined : MOVEMENT_TYPES[moveType];
  if (moveType !== undefined && rule === undefined)
    ctx.issues.error(
      "UNSUPPORTED_MOVEMENT_TYPE",
      fieldPath(item, "MOVE_TYPE"),
      `movement type ${moveType} is not an order receipt, issue or by-product, nor their reversal`,
      { expected: Object.keys(MOVEMENT_TYPES).join(", "), received: moveType },
    );
  const orderId = required(ctx, item, "ORDERID", "the order");
  const order = orderId === undefined ? undefined : alphaToExternal(orderId);
  const material = text(item, "MATERIAL_LONG") ?? text(item, "MATERIAL");
  if (material === undefined)
    ctx.issues.error(
      "MISSING_FIELD",
      fieldPath(item, "MATERIAL"),
      "the material (MATERIAL_LONG or MATERIAL) is missing",
      {
        expected: "a material number",
        received: received(item, "MATERIAL") ?? "",
      },
    );
  const quantity = exactQuantityOf(ctx, item, "ENTRY_QNT", true);
  if (quantity?.negative)
    ctx.issues.error(
      "NEGATIVE_QUANTITY",
      fieldPath(item, "ENTRY_QNT"),
      "ENTRY_QNT is below zero; the movement type gives the direction",
      {
        expected: "a quantity ≥ 0",
        received: received(item, "ENTRY_QNT") ?? quantity.lexical,
      },
    );
  const unit = unitOf(ctx, item, "ENTRY_UOM", "the quantity");
  if (order === undefined) return;

  let operation = operationNumber(text(item, "ACTIVITY"));
  const rsnum = text(item, "RESERV_NO");
  const rspos = text(item, "RES_ITEM");
  if (operation === undefined && rsnum !== undefined && rspos !== undefined)
    operation = ctx.orderContext.reservations.get(`${order} ${rsnum}/${rspos}`)?.operation;
  const located = plantOf(ctx, item, "PLANT", order, operation);
  const values = applyRows(ctx, item, GOODS_MOVEMENT_ITEM_ROWS);
  if (
    rule === undefined ||
    material === undefined ||
    quantity === undefined ||
    quantity.negative ||
    unit === undefined
  )
    return;

  const props: Property[] = [property("MOVE_TYPE", moveType as string)];
  if (rule.byProduct) props.push(property("COMPONENT_ROLE", "ByProduct"));
  if (rule.reverses !== undefined)
    props.push(property("CORRECTION", "Reversal"), property("REVERSED_MOVE_TYPE", rule.reverses));
  props.push(...values, ...headerProps, property("GM_ITEM", `${idoc.control.DOCNUM ?? idoc.path}/${n}`));
  const signed =
    rule.reverses === undefined || !/[1-9]/.test(quantity.magnitude)
      ? quantity.magnitude
      : `-${quantity.magnitude}`;
  const batch = text(item, "BATCH");
  const location = locationOf(located?.plant, text(item, "STGE_LOC"));
  const common = {
    MaterialDefinitionID: [{ value: material }],
    ...(batch === undefined ? {} : { MaterialLotID: [{ value: batch, schemeID: "CHARG" }] }),
    Description: [{ value: DESCRIPTIONS[moveType as string] ?? "" }],
    ...(location === undefined ? {} : { Location: location }),
    Quantity: [quantityValue(signed, unit)],
  };
  const draft = segmentDraft(ctx, orderDraft(ctx, order, located?.plant), operation);
  if (rule.kind === "produced") {
    const actual: MaterialProducedActualType = { ...common, MaterialProducedActualProperty: props };
    draft.produced.push(actual);
  } else {
    const actual: MaterialConsumedActualType = { ...common, MaterialConsumedActualProperty: props };
    draft.consumed.push(actual);
  }
}

const DESCRIPTIONS: Readonly<Record<string, string>> = {
  "101": "goods receipt from order",
  "102": "reversal of goods receipt from order",
  "261": "goods issue to order",
  "262": "reversal of goods issue to order",
  "531": "by-product receipt from order",
  "532": "reversal of by-product receipt from order",
};
