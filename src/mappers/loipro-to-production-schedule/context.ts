/**
 * What only the LOIPRO mapping uses on top of the shared context and field helpers
 * (`../shared/map-context.ts`, `../shared/idoc-fields.ts`): the plant zone lookup (text values: `../shared/b2mml-values.ts`).
 *
 * @module
 */
import type { IdocSegment } from "../../idoc/model.js";
import { fieldPath, text } from "../shared/idoc-fields.js";
import type { MapContext } from "../shared/map-context.js";

export { stringValue } from "../shared/b2mml-values.js";

/** The zone of a plant; reports `MISSING_TIME_ZONE` once per field path. */
export function plantZone(ctx: MapContext, segment: IdocSegment, field: string): string | undefined {
  const plant = text(segment, field);
  if (plant === undefined) return undefined;
  const zone = Object.hasOwn(ctx.config.plants, plant) ? ctx.config.plants[plant]?.timeZone : undefined;
  if (zone === undefined)
    ctx.issues.error(
      "MISSING_TIME_ZONE",
      fieldPath(segment, field),
      `plant ${plant} has no time zone in the configuration's "plants"`,
      { expected: `plants.${plant}.timeZone`, received: plant },
    );
  return zone;
}
