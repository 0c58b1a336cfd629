/**
 * The order's LOIPRO as context (`--order-context`, PERF-POST-060): what a ProductionPerformance cannot
 * say (plant, receiving storage location and order item of the produced material, reservation and
 * storage location of a component) looked up by order number, material and operation.
 *
 * @module
 */
import { alphaToExternal } from "../../idoc/alpha.js";
import type { IdocPacket } from "../../idoc/model.js";
import { children } from "../shared/idoc-fields.js";

export interface OrderContext {
  readonly plant?: string;
  readonly path: string;
  /** The order item (E1AFPOL) of a produced material. */
  item(
    material: string,
  ): { readonly POSNR?: string; readonly LGORT?: string; readonly path: string } | undefined;
  /**
   * The reservation item (E1RESBL) of a component: under the operation when given and found there,
   * else anywhere in the order when exactly one matches.
   */
  component(
    material: string,
    operation: string | undefined,
  ):
    | { readonly RSNUM?: string; readonly RSPOS?: string; readonly LGORT?: string; readonly path: string }
    | undefined;
}

const same = (a: string | undefined, b: string) =>
  a !== undefined && alphaToExternal(a) === alphaToExternal(b);

/** The context of one order (external or internal order number), or `undefined` when the packet lacks it. */
export function findOrderContext(packet: IdocPacket | undefined, order: string): OrderContext | undefined {
  if (packet === undefined) return undefined;
  for (const idoc of packet.idocs)
    for (const header of idoc.segments.filter((s) => s.name === "E1AFKOL")) {
      if (!same(header.fields.AUFNR, order)) continue;
      const operations = children(header, "E1AFFLL").flatMap((seq) => children(seq, "E1AFVOL"));
      const plant = header.fields.WERKS;
      return {
        ...(plant ? { plant } : {}),
        path: header.path,
        item(material) {
          const item = children(header, "E1AFPOL").find((i) => same(i.fields.MATNR, material));
          if (item === undefined) return undefined;
          return {
            ...(item.fields.POSNR ? { POSNR: item.fields.POSNR } : {}),
            ...(item.fields.LGORT ? { LGORT: item.fields.LGORT } : {}),
            path: item.path,
          };
        },
        component(material, operation) {
          const inOperation = operations
            .filter((o) => operation !== undefined && o.fields.VORNR === operation)
            .flatMap((o) => children(o, "E1RESBL"))
            .filter((c) => same(c.fields.MATNR, material));
          const anywhere = operations
            .flatMap((o) => children(o, "E1RESBL"))
            .filter((c) => same(c.fields.MATNR, material));
          const found =
            inOperation.length === 1 ? inOperation[0] : anywhere.length === 1 ? anywhere[0] : undefined;
          if (found === undefined) return undefined;
          return {
            ...(found.fields.RSNUM ? { RSNUM: found.fields.RSNUM } : {}),
            ...(found.fields.RSPOS ? { RSPOS: found.fields.RSPOS } : {}),
            ...(found.fields.LGORT ? { LGORT: found.fields.LGORT } : {}),
            path: found.path,
          };
        },
      };
    }
  return undefined;
}
