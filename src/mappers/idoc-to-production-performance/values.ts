/**
 * Small builders for the B2MML values the performance mapper writes: properties with a field name as
 * ID, typed values, quantities, locations, and the draft of one SegmentResponse.
 *
 * @module
 */
import type {
  EquipmentActualType,
  LocationType,
  MaterialConsumedActualType,
  MaterialProducedActualType,
  PersonnelActualType,
  ProductionDataType,
  QuantityValueType,
  ValueType,
} from "../../generated/b2mml-v0600/index.js";
import { quantityValue } from "../shared/b2mml-values.js";

/** A property as B2MML writes every `…Property`: an ID, optionally a description, values and quantities. */
export interface Property {
  ID: { value: string };
  Description?: { value: string }[];
  Value?: ValueType[];
  Quantity?: QuantityValueType[];
}

/** A value with its DataType (PERF-MAP-006: dates as `date`, numbers as `decimal`, else `string`). */
export function value(text: string, dataType: "string" | "date" | "decimal" = "string"): ValueType {
  return { ValueString: { value: text }, DataType: { value: dataType } };
}

/** A property holding one value. */
export function property(
  id: string,
  text: string,
  dataType: "string" | "date" | "decimal" = "string",
): Property {
  return { ID: { value: id }, Value: [value(text, dataType)] };
}

/** A property holding one quantity. */
export function quantityProperty(id: string, quantity: string, unit: string, description?: string): Property {
  return {
    ID: { value: id },
    ...(description === undefined ? {} : { Description: [{ value: description }] }),
    Quantity: [quantityValue(quantity, unit)],
  };
}

/** Plant (`Site`) › storage location (`StorageZone`); the plant alone without a storage location. */
export function locationOf(plant: string | undefined, storage: string | undefined): LocationType | undefined {
  const zone: LocationType | undefined =
    storage === undefined
      ? undefined
      : {
          EquipmentID: { value: storage, schemeID: "LGORT" },
          EquipmentElementLevel: { value: "StorageZone" },
        };
  if (plant === undefined) return zone;
  return {
    EquipmentID: { value: plant, schemeID: "WERKS" },
    EquipmentElementLevel: { value: "Site" },
    ...(zone === undefined ? {} : { Location: zone }),
  };
}

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
