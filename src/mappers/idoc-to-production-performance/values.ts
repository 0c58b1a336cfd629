/**
 * Small builders for the B2MML values the performance mapper writes: properties with a field name as
 * ID, quantities, and the draft of one SegmentResponse (typed values and locations: `../shared/b2mml-values.ts`).
 *
 * @module
 */
import type {
  EquipmentActualType,
  MaterialConsumedActualType,
  MaterialProducedActualType,
  PersonnelActualType,
  ProductionDataType,
  QuantityValueType,
  ValueType,
} from "../../generated/b2mml-v0600/index.js";
import { quantityValue, stringValue } from "../shared/b2mml-values.js";

/** A property as B2MML writes every `…Property`: an ID, optionally a description, values and quantities. */
export interface Property {
  ID: { value: string };
  Description?: { value: string }[];
  Value?: ValueType[];
  Quantity?: QuantityValueType[];
}

/** A property holding one value. */
export function property(
  id: string,
  text: string,
  dataType: "string" | "date" | "decimal" = "string",
): Property {
  return { ID: { value: id }, Value: [stringValue(text, dataType)] };
}

/** A property holding one quantity. */
export function quantityProperty(id: string, quantity: string, unit: string, description?: string): Property {
  return {
    ID: { value: id },
    ...(description === undefined ? {} : { Description: [{ value: description }] }),
    Quantity: [quantityValue(quantity, unit)],
  };
}

export { locationOf } from "../shared/b2mml-values.js";

/** One SegmentResponse being collected (PERF-MAP-020). */
export interface SegmentDraft {
  readonly id: string;
  readonly schemeId: string;
  readonly order: string;
  description: string | undefined;
  processSegmentId: string | undefined;
  readonly starts: string[];
  readonly ends: string[];
  readonly productionData: ProductionDataType[];
  readonly personnel: PersonnelActualType[];
  readonly equipment: EquipmentActualType[];
  readonly produced: MaterialProducedActualType[];
  readonly consumed: MaterialConsumedActualType[];
  /** FIN_CONF of every time ticket of the segment (`""` for a partial confirmation). */
  readonly confirmations: string[];
}

/** One ProductionResponse being collected (PERF-MAP-010). */
export interface OrderDraft {
  readonly order: string;
  plant: string | undefined;
  readonly segments: Map<string, SegmentDraft>;
}
