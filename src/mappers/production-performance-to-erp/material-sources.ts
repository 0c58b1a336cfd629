/**
 * The material actuals of one segment (produced, consumed, or MaterialActual by MaterialUse), read
 * into one shape with their properties.
 *
 * @module
 */
import type {
  LocationType,
  MaterialActualType,
  QuantityValueType,
  SegmentResponseType,
  ValueType,
} from "../../generated/b2mml-v0600/index.js";
import { type PropertyValue, propertiesOf } from "./performance-source.js";
import type { Scope } from "./posting-scope.js";

export interface MaterialSource {
  readonly path: string;
  readonly produced: boolean;
  readonly material: string | undefined;
  readonly lot: string | undefined;
  readonly quantity: readonly QuantityValueType[] | undefined;
  readonly location: LocationType | undefined;
  /** The XPath of MaterialUse, for a MaterialActual. */
  readonly use?: string;
  readonly properties: ReadonlyMap<string, PropertyValue>;
}

type PropertyList = readonly {
  readonly ID: { readonly value: string };
  readonly Value?: readonly ValueType[];
}[];

export function materialsOf(scope: Scope, segment: SegmentResponseType, path: string): MaterialSource[] {
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
      const use = typeof produced === "function" ? `${p}/MaterialUse` : undefined;
      out.push({
        ...(use === undefined ? {} : { use }),
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
          scope.ctx.carried,
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
