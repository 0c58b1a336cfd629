/**
 * A reservation item (RSNUM/RSPOS) is one component of the order: given twice (under the same or another
 * operation), it would be mapped twice and double the consumption. It is the error `DUPLICATE_COMPONENT`
 * at the second one's RSPOS (LOIPRO-MAP-037).
 *
 * @module
 */
import type { IdocSegment } from "../../idoc/model.js";
import { children, fieldPath, text } from "../shared/idoc-fields.js";
import type { MapContext } from "../shared/map-context.js";

/** Reports every E1RESBL of the order whose RSNUM/RSPOS an earlier one already has. */
export function checkDuplicateReservations(ctx: MapContext, header: IdocSegment): void {
  const seen = new Map<string, string>();
  for (const sequence of children(header, "E1AFFLL"))
    for (const operation of children(sequence, "E1AFVOL"))
      for (const component of children(operation, "E1RESBL")) {
        const rsnum = text(component, "RSNUM");
        const rspos = text(component, "RSPOS");
        if (rsnum === undefined || rspos === undefined) continue;
        const key = `${rsnum}/${rspos}`;
        const first = seen.get(key);
        if (first === undefined) {
          seen.set(key, component.path);
          continue;
        }
        ctx.issues.error(
          "DUPLICATE_COMPONENT",
          fieldPath(component, "RSPOS"),
          `reservation item ${key} appears twice (first at ${first}); mapping both would double the consumption`,
          { expected: "each reservation item (RSNUM/RSPOS) once per order", received: key },
        );
      }
}
