/**
 * The optional order context (PERF-MAP-030 … 032): the LOIPRO IDoc(s) of the confirmed orders, read
 * only for look-ups: the confirmation number (RUECK) → order and operation, the reservation item
 * (RSNUM/RSPOS) → operation, and per order its plant and produced material, per operation its work
 * center, plant, MES operation ID, description and the labels and activity types of the six standard
 * values. Nothing of the context is mapped on its own.
 *
 * @module
 */
import type { IdocPacket, IdocSegment } from "../../idoc/model.js";
import { materialOf, text } from "../loipro-to-production-schedule/context.js";

/** What the context says about one operation. */
export interface ContextOperation {
  readonly order: string;
  readonly operation: string;
  readonly sequence: string | undefined;
  readonly plant: string | undefined;
  readonly workCenter: string | undefined;
  readonly processSegmentId: string | undefined;
  readonly description: string | undefined;
  /** Slot 1…6 → label (E1AFVOL2 PARnn_LTXT). */
  readonly labels: ReadonlyMap<number, string>;
  /** Slot 1…6 → activity type (LARnn). */
  readonly activityTypes: ReadonlyMap<number, string>;
}

export interface ContextOrder {
  readonly order: string;
  readonly plant: string | undefined;
  readonly material: string | undefined;
  readonly operations: ReadonlyMap<string, ContextOperation>;
}

export interface OrderContext {
  readonly orders: ReadonlyMap<string, ContextOrder>;
  /** Confirmation number (RUECK, 10 digits) → operation. */
  readonly confirmations: ReadonlyMap<string, ContextOperation>;
  /** `<order> <RSNUM>/<RSPOS>` → operation. */
  readonly reservations: ReadonlyMap<string, ContextOperation>;
}

const children = (segment: IdocSegment, name: string) => segment.segments.filter((s) => s.name === name);

/** Builds the look-up tables from LOIPRO IDocs (any others in the packet are ignored). */
export function buildOrderContext(packet: IdocPacket | undefined): OrderContext {
  const orders = new Map<string, ContextOrder>();
  const confirmations = new Map<string, ContextOperation>();
  const reservations = new Map<string, ContextOperation>();
  for (const idoc of packet?.idocs ?? [])
    for (const header of idoc.segments.filter((s) => s.name === "E1AFKOL")) {
      const order = text(header, "AUFNR");
      if (order === undefined || orders.has(order)) continue;
      const plant = text(header, "WERKS");
      const item = children(header, "E1AFPOL")[0];
      const material = materialOf(header) ?? (item === undefined ? undefined : materialOf(item));
      const operations = new Map<string, ContextOperation>();
      for (const sequence of children(header, "E1AFFLL"))
        for (const vol of children(sequence, "E1AFVOL")) {
          const vornr = text(vol, "VORNR");
          if (vornr === undefined) continue;
          const vol2 = children(vol, "E1AFVOL2")[0];
          const labels = new Map<number, string>();
          const activityTypes = new Map<number, string>();
          for (let n = 1; n <= 6; n++) {
            const label = vol2 === undefined ? undefined : text(vol2, `PAR0${n}_LTXT`);
            if (label !== undefined) labels.set(n, label);
            const lar = text(vol, `LAR0${n}`);
            if (lar !== undefined) activityTypes.set(n, lar);
          }
          const op: ContextOperation = {
            order,
            operation: vornr,
            sequence: text(sequence, "PLNFL"),
            plant: text(vol, "WERKS") ?? plant,
            workCenter: text(vol, "ARBPL"),
            processSegmentId: text(vol, "ME_OPERATION_ID"),
            description: text(vol, "LTXA1"),
            labels,
            activityTypes,
          };
          if (!operations.has(vornr)) operations.set(vornr, op);
          const rueck = (vol2 === undefined ? undefined : text(vol2, "RUECK")) ?? text(vol, "RUECK");
          if (rueck !== undefined && !confirmations.has(rueck)) confirmations.set(rueck, op);
          for (const component of children(vol, "E1RESBL")) {
            const rsnum = text(component, "RSNUM");
            const rspos = text(component, "RSPOS");
            if (rsnum !== undefined && rspos !== undefined)
              reservations.set(`${order} ${rsnum}/${rspos}`, op);
          }
        }
      orders.set(order, { order, plant, material, operations });
    }
  return { orders, confirmations, reservations };
}
