/**
 * The optional order context (PERF-MAP-030 … 032): the LOIPRO IDoc(s) of the confirmed orders, read
 * only for look-ups: the confirmation number (RUECK) → order and operation, the reservation item
 * (RSNUM/RSPOS) → operation, and per order its plant and produced material, per operation its work
 * center, plant, MES operation ID, description and the labels and activity types of the six standard
 * values. Nothing of the context is mapped on its own.
 *
 * Operations are keyed by sequence and number, `<PLNFL>/<VORNR>` (`0/0010`, `1/0010`; PLNFL without its
 * leading zeros, blank = `0`); the bare VORNR finds an operation only when no other sequence of the order
 * has the same number (when several do, the bare VORNR finds nothing and the sequence must be named).
 * What the context cannot answer without guessing is an error, never a silent choice: the same order
 * twice (`DUPLICATE_CONTEXT_ORDER`), the same `<PLNFL>/<VORNR>` twice in one order
 * (`DUPLICATE_CONTEXT_OPERATION`), the same confirmation number on two operations
 * (`DUPLICATE_CONFIRMATION_NUMBER`). Paths are prefixed `order-context:` (PERF-MAP-030, 031).
 *
 * @module
 */
import type { IdocPacket, IdocSegment } from "../../idoc/model.js";
import type { IssueCollector } from "../issues.js";
import { children, materialOf, text } from "../shared/idoc-fields.js";

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
  /** `<PLNFL>/<VORNR>` → operation; also the bare VORNR when only one sequence has that number. */
  readonly operations: ReadonlyMap<string, ContextOperation>;
  /** A bare VORNR that several sequences have → those operations (it is not a key of `operations`). */
  readonly ambiguous: ReadonlyMap<string, readonly ContextOperation[]>;
}

export interface OrderContext {
  readonly orders: ReadonlyMap<string, ContextOrder>;
  /** Confirmation number (RUECK, 10 digits) → operation. */
  readonly confirmations: ReadonlyMap<string, ContextOperation>;
  /** `<order> <RSNUM>/<RSPOS>` → operation. */
  readonly reservations: ReadonlyMap<string, ContextOperation>;
}

/** A sequence number as a key: without leading zeros, blank (the standard sequence) = `0`. */
export function sequenceKey(sequence: string | undefined): string {
  return (sequence ?? "").trim().replace(/^0+/, "") || "0";
}

/**
 * The context's operation `operation` of `order`: in the sequence named (`sequence`, blank = standard),
 * or, when no sequence is named (`undefined`), by the bare VORNR, which finds nothing when several
 * sequences have that number (see `ambiguous`).
 */
export function contextOperation(
  order: ContextOrder | undefined,
  operation: string,
  sequence?: string,
): ContextOperation | undefined {
  return order?.operations.get(sequence === undefined ? operation : `${sequenceKey(sequence)}/${operation}`);
}

const where = (segment: IdocSegment, field: string) => `order-context:${segment.path}/${field}`;

/**
 * Builds the look-up tables from LOIPRO IDocs (any others in the packet are ignored); reports what it
 * cannot resolve to `issues` (see the module documentation).
 */
export function buildOrderContext(packet: IdocPacket | undefined, issues?: IssueCollector): OrderContext {
  const orders = new Map<string, ContextOrder>();
  const firstPaths = new Map<string, string>();
  const confirmations = new Map<string, ContextOperation>();
  const confirmationPaths = new Map<string, string>();
  const reservations = new Map<string, ContextOperation>();
  for (const idoc of packet?.idocs ?? [])
    for (const header of idoc.segments.filter((s) => s.name === "E1AFKOL")) {
      const order = text(header, "AUFNR");
      if (order === undefined) continue;
      const first = firstPaths.get(order);
      if (first !== undefined) {
        issues?.error(
          "DUPLICATE_CONTEXT_ORDER",
          where(header, "AUFNR"),
          `order ${order} is in the order context twice (first at ${first}); which one is current cannot be told`,
          { expected: "each order once in the order context", received: order },
        );
        continue;
      }
      firstPaths.set(order, header.path);
      const plant = text(header, "WERKS");
      const item = children(header, "E1AFPOL")[0];
      const material = materialOf(header) ?? (item === undefined ? undefined : materialOf(item));
      const operations = new Map<string, ContextOperation>();
      const byNumber = new Map<string, ContextOperation[]>();
      for (const sequence of children(header, "E1AFFLL"))
        for (const vol of children(sequence, "E1AFVOL")) {
          const vornr = text(vol, "VORNR");
          if (vornr === undefined) continue;
          const plnfl = text(sequence, "PLNFL");
          const key = `${sequenceKey(plnfl)}/${vornr}`;
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
            sequence: plnfl,
            plant: text(vol, "WERKS") ?? plant,
            workCenter: text(vol, "ARBPL"),
            processSegmentId: text(vol, "ME_OPERATION_ID"),
            description: text(vol, "LTXA1"),
            labels,
            activityTypes,
          };
          if (operations.has(key)) {
            issues?.error(
              "DUPLICATE_CONTEXT_OPERATION",
              where(vol, "VORNR"),
              `order ${order} has operation ${vornr} twice in sequence ${sequenceKey(plnfl)} in the order context`,
              { expected: "a VORNR unique within its sequence", received: vornr },
            );
            continue;
          }
          operations.set(key, op);
          byNumber.set(vornr, [...(byNumber.get(vornr) ?? []), op]);
          const rueckAt = vol2 !== undefined && text(vol2, "RUECK") !== undefined ? vol2 : vol;
          const rueck = text(rueckAt, "RUECK");
          if (rueck !== undefined) {
            const firstAt = confirmationPaths.get(rueck);
            if (firstAt === undefined) {
              confirmations.set(rueck, op);
              confirmationPaths.set(rueck, `${rueckAt.path}/RUECK`);
            } else
              issues?.error(
                "DUPLICATE_CONFIRMATION_NUMBER",
                where(rueckAt, "RUECK"),
                `confirmation number ${rueck} is on two operations in the order context (first at ${firstAt}); a ticket's CONF_NO cannot be resolved`,
                { expected: "each RUECK on one operation", received: rueck },
              );
          }
          for (const component of children(vol, "E1RESBL")) {
            const rsnum = text(component, "RSNUM");
            const rspos = text(component, "RSPOS");
            if (rsnum !== undefined && rspos !== undefined)
              reservations.set(`${order} ${rsnum}/${rspos}`, op);
          }
        }
      const ambiguous = new Map<string, readonly ContextOperation[]>();
      for (const [vornr, ops] of byNumber) {
        const only = ops[0];
        if (ops.length === 1 && only !== undefined) operations.set(vornr, only);
        else ambiguous.set(vornr, ops);
      }
      orders.set(order, { order, plant, material, operations, ambiguous });
    }
  return { orders, confirmations, reservations };
}
