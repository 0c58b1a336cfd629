/**
 * The LOIPRO fields that map 1:1 to a named value of the ProductionSchedule, as rows applied by
 * `applyRows` (`../shared/field-rules.ts`); docs/mapping-loipro.md names them under "Rows:" in the rule
 * of each requirement, and `test/mappers/field-rows-docs.test.ts` holds the two equal.
 *
 * @module
 */
import type {
  MaterialConsumedRequirementType,
  MaterialProducedRequirementType,
  SegmentRequirementType,
} from "../../generated/b2mml-v0600/index.js";
import type { IdocSegment } from "../../idoc/model.js";
import type { FieldRow } from "../shared/field-rules.js";
import { text } from "../shared/idoc-fields.js";

/** A sales order item or schedule line means something only with its sales order (LOIPRO-MAP-075, 076). */
export function withSalesOrder(segment: IdocSegment): boolean {
  return text(segment, "KDAUF") !== undefined;
}

/** A numeric APRIO is the request's Priority (LOIPRO-MAP-015). */
export function isNumericPriority(value: string): boolean {
  return /^\d+$/.test(value);
}

/** Any other APRIO is passed on as a parameter (LOIPRO-MAP-015). */
export function withOtherPriority(_segment: IdocSegment, value: string): boolean {
  return !isNumericPriority(value);
}

/** E1AFPOL → the properties of its MaterialProducedRequirement (LOIPRO-MAP-017, 076). */
// biome-ignore format: one row a line, read as a table
export const ORDER_ITEM_ROWS = [
  { id: "LOIPRO-MAP-017", from: "POSNR", to: "MaterialProducedRequirementProperty", kind: "copy", label: "order item number" },
  { id: "LOIPRO-MAP-017", from: "VERID", to: "MaterialProducedRequirementProperty", kind: "copy", label: "production version" },
  { id: "LOIPRO-MAP-076", from: "KDAUF", to: "MaterialProducedRequirementProperty", kind: "copy", label: "sales order" },
  { id: "LOIPRO-MAP-076", from: "KDPOS", to: "MaterialProducedRequirementProperty", kind: "copy", label: "sales order item", when: withSalesOrder },
  { id: "LOIPRO-MAP-076", from: "KDEIN", to: "MaterialProducedRequirementProperty", kind: "copy", label: "sales order schedule line", when: withSalesOrder },
  { id: "LOIPRO-MAP-076", from: "KUNAG", to: "MaterialProducedRequirementProperty", kind: "copy", label: "sold-to customer" },
  { id: "LOIPRO-MAP-076", from: "NAME1", to: "MaterialProducedRequirementProperty", kind: "copy", label: "sold-to customer name" },
] as const satisfies readonly FieldRow<MaterialProducedRequirementType>[];

/** E1AFKOL → parameters of the order-level SegmentRequirement (LOIPRO-MAP-015, 016, 075). */
// biome-ignore format: one row a line, read as a table
export const ORDER_HEADER_ROWS = [
  { id: "LOIPRO-MAP-016", from: "AUART", to: "ProductionParameter", kind: "copy", label: "order type" },
  { id: "LOIPRO-MAP-016", from: "AUTYP", to: "ProductionParameter", kind: "copy", label: "order category" },
  { id: "LOIPRO-MAP-015", from: "APRIO", to: "ProductionParameter", kind: "copy", label: "order priority", when: withOtherPriority },
  { id: "LOIPRO-MAP-075", from: "KDAUF", to: "ProductionParameter", kind: "copy", label: "sales order" },
  { id: "LOIPRO-MAP-075", from: "KDPOS", to: "ProductionParameter", kind: "copy", label: "sales order item", when: withSalesOrder },
] as const satisfies readonly FieldRow<SegmentRequirementType>[];

/** E1AFVOL / E1AFUVL → the operation's first parameters, before its standard values (LOIPRO-MAP-023). */
// biome-ignore format: one row a line, read as a table
export const OPERATION_ROWS = [
  { id: "LOIPRO-MAP-023", from: "STEUS", to: "ProductionParameter", kind: "copy", label: "control key" },
  { id: "LOIPRO-MAP-023", from: ["E1AFVOL2/RUECK", "RUECK"], to: "ProductionParameter", kind: "copy", label: "confirmation number" },
  { id: "LOIPRO-MAP-023", from: "VGWTS", to: "ProductionParameter", kind: "copy", label: "standard value key" },
  { id: "LOIPRO-MAP-023", from: "MGVRG", to: "ProductionParameter", kind: "quantity", unit: "MEINH", label: "operation quantity" },
  { id: "LOIPRO-MAP-023", from: "BMSCH", to: "ProductionParameter", kind: "quantity", unit: "MEINH", label: "base quantity of the standard values" },
] as const satisfies readonly FieldRow<SegmentRequirementType>[];

/** E1AFVOL2 → the activities still to be confirmed, after the standard values (LOIPRO-MAP-029). */
// biome-ignore format: one row a line, read as a table
export const TO_BE_CONFIRMED_ROWS = [
  { id: "LOIPRO-MAP-029", from: "E1AFVOL2/TO_BE_CONF_ACTIVITY1", to: "ProductionParameter", kind: "quantity", unit: "TO_BE_CONF_ACT_UOM1", label: "activity 01 still to be confirmed" },
  { id: "LOIPRO-MAP-029", from: "E1AFVOL2/TO_BE_CONF_ACTIVITY2", to: "ProductionParameter", kind: "quantity", unit: "TO_BE_CONF_ACT_UOM2", label: "activity 02 still to be confirmed" },
  { id: "LOIPRO-MAP-029", from: "E1AFVOL2/TO_BE_CONF_ACTIVITY3", to: "ProductionParameter", kind: "quantity", unit: "TO_BE_CONF_ACT_UOM3", label: "activity 03 still to be confirmed" },
  { id: "LOIPRO-MAP-029", from: "E1AFVOL2/TO_BE_CONF_ACTIVITY4", to: "ProductionParameter", kind: "quantity", unit: "TO_BE_CONF_ACT_UOM4", label: "activity 04 still to be confirmed" },
  { id: "LOIPRO-MAP-029", from: "E1AFVOL2/TO_BE_CONF_ACTIVITY5", to: "ProductionParameter", kind: "quantity", unit: "TO_BE_CONF_ACT_UOM5", label: "activity 05 still to be confirmed" },
  { id: "LOIPRO-MAP-029", from: "E1AFVOL2/TO_BE_CONF_ACTIVITY6", to: "ProductionParameter", kind: "quantity", unit: "TO_BE_CONF_ACT_UOM6", label: "activity 06 still to be confirmed" },
] as const satisfies readonly FieldRow<SegmentRequirementType>[];

/** E1AFVOL → the superior operation of a phase, the operation's last parameter but its statuses (LOIPRO-MAP-027). */
// biome-ignore format: one row a line, read as a table
export const PHASE_ROWS = [
  { id: "LOIPRO-MAP-027", from: ["PVZNR", "SUMNR"], to: "ProductionParameter", kind: "copy", key: "SUPERIOR_OPERATION", label: "phase of the superior operation (PVZNR/SUMNR)" },
] as const satisfies readonly FieldRow<SegmentRequirementType>[];

/** E1RESBL → the component's properties after its role (LOIPRO-MAP-033). */
// biome-ignore format: one row a line, read as a table
export const COMPONENT_ROWS = [
  { id: "LOIPRO-MAP-033", from: "RSNUM", to: "MaterialConsumedRequirementProperty", kind: "copy", label: "reservation number" },
  { id: "LOIPRO-MAP-033", from: "RSPOS", to: "MaterialConsumedRequirementProperty", kind: "copy", label: "reservation item" },
  { id: "LOIPRO-MAP-033", from: "POSNR", to: "MaterialConsumedRequirementProperty", kind: "copy", label: "BOM item number" },
  { id: "LOIPRO-MAP-033", from: "BWART", to: "MaterialConsumedRequirementProperty", kind: "copy", label: "movement type" },
  { id: "LOIPRO-MAP-033", from: "BDTER", to: "MaterialConsumedRequirementProperty", kind: "date", label: "requirement date" },
] as const satisfies readonly FieldRow<MaterialConsumedRequirementType>[];

/** Every row of the LOIPRO mapping, for the docs test. */
export const LOIPRO_ROWS: readonly FieldRow[] = [
  ...ORDER_ITEM_ROWS,
  ...ORDER_HEADER_ROWS,
  ...OPERATION_ROWS,
  ...TO_BE_CONFIRMED_ROWS,
  ...PHASE_ROWS,
  ...COMPONENT_ROWS,
];
