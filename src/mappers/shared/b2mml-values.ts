/**
 * B2MML value builders shared by the mappings.
 *
 * @module
 */
import type { LocationType, QuantityValueType, ValueType } from "../../generated/b2mml-v0600/index.js";

/** A B2MML quantity: the magnitude with its Rec. 20 unit, DataType decimal. */
export function quantityValue(magnitude: string, unit: string, key?: string): QuantityValueType {
  return {
    QuantityString: { value: magnitude, unitCode: unit },
    DataType: { value: "decimal" },
    UnitOfMeasure: { value: unit },
    ...(key === undefined ? {} : { Key: { value: key } }),
  };
}

/** A text value with its DataType (dates as `date`, numbers as `decimal`, else `string`). */
export function stringValue(text: string, dataType: "string" | "date" | "decimal" = "string"): ValueType {
  return { ValueString: { value: text }, DataType: { value: dataType } };
}

/**
 * Plant (`Site`, WERKS) › storage location (`StorageZone`, LGORT); the plant alone without a storage
 * location, the storage location alone without a plant, `undefined` without both.
 */
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
