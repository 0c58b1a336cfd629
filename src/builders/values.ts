/**
 * Builders of the small B2MML values a hand-built document is made of, so that it is not a wall of
 * `{ value: … }`. Each keeps its lexical value exactly as given (a quantity string stays `"12.500"`) and
 * refuses an invalid one with a {@link BuildError}.
 *
 * ```ts
 * quantity("12.500", "KGM"); // { QuantityString: { value: "12.500", unitCode: "KGM" }, DataType: …, UnitOfMeasure: … }
 * dateTime("2026-04-14T06:00:00+02:00"); // { value: "2026-04-14T06:00:00+02:00" }
 * ```
 *
 * @module
 */
import { explainXsdDateTime } from "../binding/lexical/xsd-datetime.js";
import { explainXsdDecimal } from "../binding/lexical/xsd-decimal.js";
import { explainXsdDuration } from "../binding/lexical/xsd-duration.js";
import type {
  DescriptionType,
  IdentifierType,
  LocationType,
  QuantityValueType,
} from "../generated/b2mml-v0600/index.js";
import { BuildError } from "./build-error.js";

/** An equipment level of a {@link location} (`Site` for a plant, `StorageZone` for a storage location). */
export type EquipmentLevel = LocationType["EquipmentElementLevel"]["value"];

/** A text (`Description`), with its language when given. */
export function text(value: string, languageID?: string): DescriptionType {
  return languageID === undefined ? { value } : { value, languageID };
}

/** An identifier (`ID`, `BODID`, `LogicalID`, …), with its scheme (`AUFNR`, `WERKS`) when given. */
export function identifier(value: string, schemeID?: string, path = "identifier"): IdentifierType {
  if (value === "" || value.trim() !== value)
    throw new BuildError(
      "BUILD_INVALID_IDENTIFIER",
      path,
      "an identifier must not be empty nor start or end with white space",
      "a non-empty normalized string",
      value,
    );
  return schemeID === undefined ? { value } : { value, schemeID };
}

/**
 * A quantity with its unit, as the mappers write one: the amount as `QuantityString` (with `unitCode`),
 * `DataType` decimal and the unit as `UnitOfMeasure`. The amount is kept exactly (`"1200000.000"` stays so).
 *
 * @param amount an `xs:decimal` lexical form: `12.5`, `-0.250`, `1200000.000`
 * @param unit a unit code (UN/ECE Rec. 20, e.g. `KGM`, `H87`)
 * @throws {@link BuildError} `BUILD_INVALID_QUANTITY`, `BUILD_INVALID_UNIT`
 */
export function quantity(amount: string, unit: string, path = "quantity"): QuantityValueType {
  const why = explainXsdDecimal(amount);
  if (why !== undefined)
    throw new BuildError(
      "BUILD_INVALID_QUANTITY",
      `${path}.amount`,
      why,
      "an xs:decimal such as 12.500",
      amount,
    );
  if (!/^\S+$/.test(unit))
    throw new BuildError(
      "BUILD_INVALID_UNIT",
      `${path}.unit`,
      "a unit code must not be empty nor contain white space",
      "a unit code such as KGM",
      unit,
    );
  return {
    QuantityString: { value: amount, unitCode: unit },
    DataType: { value: "decimal" },
    UnitOfMeasure: { value: unit },
  };
}

/**
 * A date and time with its offset (`StartTime`, `CreationDateTime`, …), kept exactly as given.
 *
 * @throws {@link BuildError} `BUILD_INVALID_DATE_TIME`, `BUILD_DATE_TIME_WITHOUT_OFFSET` (B2MML-TIME-002)
 */
export function dateTime(value: string, path = "dateTime"): { value: string } {
  const why = explainXsdDateTime(value);
  if (why !== undefined)
    throw new BuildError(
      "BUILD_INVALID_DATE_TIME",
      path,
      why,
      "an xs:dateTime such as 2026-04-14T06:00:00+02:00",
      value,
    );
  if (!/(?:Z|[+-]\d{2}:\d{2})$/.test(value))
    throw new BuildError(
      "BUILD_DATE_TIME_WITHOUT_OFFSET",
      path,
      "a date and time without an offset names no instant",
      "an offset: Z or ±hh:mm",
      value,
    );
  return { value };
}

/**
 * A duration (`Duration` of a segment), kept exactly as given.
 *
 * @throws {@link BuildError} `BUILD_INVALID_DURATION`
 */
export function duration(value: string, path = "duration"): string {
  const why = explainXsdDuration(value);
  if (why !== undefined)
    throw new BuildError("BUILD_INVALID_DURATION", path, why, "an xs:duration such as PT2H30M", value);
  return value;
}

/** A location: an equipment ID at a level (`location("CH01", "Site", "WERKS")`), optionally within another. */
export function location(
  id: string,
  level: EquipmentLevel,
  schemeID?: string,
  within?: LocationType,
): LocationType {
  return {
    EquipmentID: identifier(id, schemeID, "location.id"),
    EquipmentElementLevel: { value: level },
    ...(within === undefined ? {} : { Location: within }),
  };
}
