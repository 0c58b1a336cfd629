/**
 * The built-in status table: SAP system statuses (TJ02) that decide a B2MML RequestState / SegmentState.
 * The configuration's `statuses` overrides or extends it per status. Statuses in neither table are not
 * dropped: they are passed on as parameters (LOIPRO-MAP-061).
 *
 * Of the statuses an order or operation has, the mapped one with the highest `rank` decides the state.
 *
 * @module
 */
import type { StatusRule } from "./mapper-config.js";

export const BUILTIN_STATUSES: Readonly<Record<string, StatusRule>> = Object.freeze({
  /** CRTD created */
  I0001: { state: "Forecast", rank: 10 },
  /** PREL partially released */
  I0042: { state: "Released", rank: 15 },
  /** REL released */
  I0002: { state: "Released", rank: 20 },
  /** TECO technically completed */
  I0045: { state: "Other", otherValue: "TechnicallyCompleted", rank: 40 },
  /** LKD locked */
  I0043: { state: "Other", otherValue: "Locked", rank: 50 },
  /** CLSD closed */
  I0046: { state: "Other", otherValue: "Closed", rank: 60 },
  /** DLFL deletion flag */
  I0076: { state: "Other", otherValue: "DeletionFlag", rank: 70 },
  /** DLT deleted */
  I0013: { state: "Other", otherValue: "Deleted", rank: 80 },
});

/** Statuses that mark an operation, sub-operation or order as deleted (LOIPRO-MAP-033). */
export const DELETION_STATUSES: ReadonlySet<string> = new Set(["I0013", "I0076"]);
