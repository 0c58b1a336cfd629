/**
 * Components (E1RESBL under their operation) → MaterialConsumedRequirement; by- and co-products
 * (SHKZG `S` or a negative quantity) → MaterialProducedRequirement with the positive quantity; deleted
 * components (XLOEK `X`) and text items without material are dropped with a warning.
 * LOIPRO-MAP-030 … 036.
 *
 * @module
 */
import type {
  LocationType,
  MaterialConsumedRequirementPropertyType,
  MaterialConsumedRequirementType,
  MaterialProducedRequirementType,
} from "../../generated/b2mml-v0600/index.js";
import type { IdocSegment } from "../../idoc/model.js";
import { locationOf, quantityValue, stringValue } from "../shared/b2mml-values.js";
import { applyRows } from "../shared/field-rules.js";
import {
  children,
  fieldPath,
  fieldState,
  materialOf,
  quantityOf,
  required,
  text,
  unitOf,
} from "../shared/idoc-fields.js";
import type { MapContext } from "../shared/map-context.js";
import { COMPONENT_ROWS } from "./field-rows.js";

export interface MappedComponents {
  readonly consumed: MaterialConsumedRequirementType[];
  readonly produced: MaterialProducedRequirementType[];
}

/** A storage location inside its plant (LOIPRO-MAP-032); `undefined` without LGORT, even with a plant. */
export function storageLocation(
  plant: string | undefined,
  lgort: string | undefined,
): LocationType | undefined {
  return lgort === undefined ? undefined : locationOf(plant, lgort);
}

export function mapComponents(
  ctx: MapContext,
  operation: IdocSegment,
  orderPlant: string | undefined,
): MappedComponents {
  const consumed: MaterialConsumedRequirementType[] = [];
  const produced: MaterialProducedRequirementType[] = [];
  for (const component of children(operation, "E1RESBL")) {
    const material = materialOf(component);
    if (text(component, "XLOEK") === "X") {
      ctx.issues.warn(
        "DELETED_COMPONENT_DROPPED",
        fieldPath(component, "XLOEK"),
        `component ${material ?? "(no material)"} ${text(component, "RSNUM") ?? ""}/${text(component, "RSPOS") ?? ""} has the deletion flag; not passed on`,
      );
      ctx.reads?.skip(component, "deleted component: XLOEK = X (LOIPRO-MAP-035)");
      continue;
    }
    if (material === undefined) {
      ctx.issues.warn(
        "COMPONENT_WITHOUT_MATERIAL_DROPPED",
        fieldPath(component, "MATNR"),
        `component ${text(component, "POSNR") ?? ""} (item category ${text(component, "POSTP") ?? "-"}) has no material; not passed on`,
      );
      ctx.reads?.skip(component, "component without material (LOIPRO-MAP-036)");
      continue;
    }
    const quantity = quantityOf(ctx, component, "BDMNG");
    if (fieldState(component, "BDMNG") === "empty")
      required(ctx, component, "BDMNG", "the requirement quantity");
    const unit = unitOf(ctx, component, "MEINS", "BDMNG");
    const shkzg = text(component, "SHKZG");
    const byProduct = shkzg === "S" || quantity?.negative === true;
    const properties: MaterialConsumedRequirementPropertyType[] = [];
    if (byProduct)
      properties.push({
        ID: { value: "COMPONENT_ROLE" },
        Value: [stringValue(text(component, "KZKUP") === "X" ? "CoProduct" : "ByProduct")],
      });
    // the reference fields, and BDTER as a checked date (INVALID_DATE also when unreadable)
    properties.push(...applyRows(ctx, component, COMPONENT_ROWS));
    if (quantity === undefined || unit === undefined) continue;
    const batch = text(component, "CHARG");
    const location = storageLocation(text(component, "WERKS") ?? orderPlant, text(component, "LGORT"));
    const requirement = {
      MaterialDefinitionID: [{ value: material }],
      ...(batch === undefined ? {} : { MaterialLotID: [{ value: batch, schemeID: "CHARG" }] }),
      ...(location === undefined ? {} : { Location: location }),
      Quantity: [quantityValue(quantity.magnitude, unit)],
    };
    const withProperties = (key: string) => (properties.length === 0 ? {} : { [key]: properties });
    if (byProduct)
      produced.push({ ...requirement, ...withProperties("MaterialProducedRequirementProperty") });
    else consumed.push({ ...requirement, ...withProperties("MaterialConsumedRequirementProperty") });
  }
  return { consumed, produced };
}
