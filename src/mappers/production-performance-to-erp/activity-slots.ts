/**
 * The activity slots of a time ticket (CONF_ACTIVITY1 … 6 and their units) from the quantities of its
 * equipment and personnel actuals.
 *
 * @module
 */
import type { QuantityValueType } from "../../generated/b2mml-v0600/index.js";
import { own } from "./own.js";
import type { ActivitySource, Scope } from "./posting-scope.js";
import { readQuantity, sapQuantity } from "./sap-fields.js";
import { carry } from "./source-account.js";

export const SLOT_KEY = /^CONF_ACTIVITY([1-6])$/;

export function activitySlots(
  scope: Scope,
  activities: readonly ActivitySource[],
  fields: Record<string, string>,
): void {
  const { ctx } = scope;
  const used = new Map<number, string>();
  const slotted: {
    q: QuantityValueType;
    qPath: string;
    key: string | undefined;
    kind: "equipment" | "personnel";
    base: string;
    keyPath: string | undefined;
  }[] = [];
  for (const { a, kind, path } of activities) {
    (a.Quantity ?? []).forEach((q, i) => {
      const qPath = `${path}/Quantity[${i + 1}]`;
      const key = q.Key?.value.trim();
      slotted.push({
        q,
        qPath,
        key,
        kind,
        base: path,
        keyPath: key === undefined ? undefined : `${qPath}/Key`,
      });
    });
    const properties =
      "EquipmentActualProperty" in a
        ? a.EquipmentActualProperty
        : "PersonnelActualProperty" in a
          ? a.PersonnelActualProperty
          : undefined;
    const element = "EquipmentActualProperty" in a ? "EquipmentActualProperty" : "PersonnelActualProperty";
    (properties ?? []).forEach((p, i) => {
      if (!SLOT_KEY.test(p.ID.value.trim())) return;
      const pPath = `${path}/${element}[${i + 1}]`;
      (p.Quantity ?? []).forEach((q, j) => {
        slotted.push({
          q,
          qPath: `${pPath}/Quantity[${j + 1}]`,
          key: p.ID.value.trim(),
          kind,
          base: pPath,
          keyPath: `${pPath}/ID`,
        });
      });
    });
  }
  for (const { q, qPath, key, kind, base, keyPath } of slotted) {
    {
      const match = key === undefined ? null : SLOT_KEY.exec(key);
      const slot =
        match !== null
          ? Number(match[1])
          : key === undefined
            ? own(ctx.config.postings.activities, kind)
            : undefined;
      if (slot === undefined) {
        ctx.issues.error(
          "MISSING_ACTIVITY_SLOT",
          key === undefined ? qPath : `${qPath}/Key`,
          `no activity slot for this ${kind} quantity: give Key CONF_ACTIVITY1…6 or postings.activities.${kind}`,
          { expected: "CONF_ACTIVITY1 … CONF_ACTIVITY6", received: key },
        );
        continue;
      }
      const previous = used.get(slot);
      if (previous !== undefined) {
        ctx.issues.error(
          "DUPLICATE_ACTIVITY",
          qPath,
          `activity slot ${slot} is already filled by ${previous}`,
        );
        continue;
      }
      used.set(slot, qPath);
      const quantity = readQuantity(ctx, [q], base, qPath);
      if (quantity === undefined) continue;
      const value = sapQuantity(ctx, quantity, `E1BP_PP_TIMETICKET/CONF_ACTIVITY${slot}`, {
        allowNegative: true,
      });
      if (value === undefined) continue;
      fields[`CONF_ACTI_UNIT${slot}`] = quantity.unit;
      fields[`CONF_ACTIVITY${slot}`] = value;
      carry(ctx.carried, keyPath);
    }
  }
}
