/**
 * B2MML value builders shared by the mappings.
 *
 * @module
 */
import type { QuantityValueType } from "../../generated/b2mml-v0600/index.js";

/** A B2MML quantity: the magnitude with its Rec. 20 unit, DataType decimal. */
export function quantityValue(magnitude: string, unit: string, key?: string): QuantityValueType {
  return {
    QuantityString: { value: magnitude, unitCode: unit },
    DataType: { value: "decimal" },
    UnitOfMeasure: { value: unit },
    ...(key === undefined ? {} : { Key: { value: key } }),
  };
}
