/**
 * The BOD's ApplicationArea (PERF-MAP-001 … 003): Sender / Receiver from the first IDoc's partners,
 * CreationDateTime from its CREDAT/CRETIM in the sending system's zone (else the zone of the first
 * plant met, with a warning), BODID `<SNDPRN>/<DOCNUM>/sha256:<digest of the actuals>`.
 *
 * @module
 */
import type { TransApplicationAreaType } from "../../generated/b2mml-v0600/index.js";
import type { IdocPacket } from "../../idoc/model.js";
import { applicationAreaOf, controlSegment, senderAndDocnum } from "../shared/application-area.js";
import { dateOf, dateTimeOf, fieldState, text } from "../shared/idoc-fields.js";
import type { PerfContext } from "./perf-context.js";

export function mapApplicationArea(
  ctx: PerfContext,
  packet: IdocPacket,
  firstPlant: string | undefined,
): TransApplicationAreaType | undefined {
  const controls = packet.idocs.map(controlSegment);
  const first = controls[0];
  if (first === undefined) return undefined;
  const { sender, docnum } = senderAndDocnum(ctx.issues, controls);
  let created: string | undefined;
  if (fieldState(first, "CREDAT") === "invalid") dateOf(ctx, first, "CREDAT");
  else if (text(first, "CREDAT") === undefined)
    ctx.issues.error("MISSING_FIELD", `${first.path}/CREDAT`, "the creation date (CREDAT) is missing", {
      expected: "YYYYMMDD",
      received: "",
    });
  else {
    const systems = ctx.config.systems ?? {};
    const systemZone =
      sender !== undefined && Object.hasOwn(systems, sender) ? systems[sender]?.timeZone : undefined;
    const plants = ctx.config.plants;
    const plantZone =
      firstPlant !== undefined && Object.hasOwn(plants, firstPlant)
        ? plants[firstPlant]?.timeZone
        : undefined;
    if (systemZone === undefined && plantZone !== undefined)
      ctx.issues.warn(
        "CREATION_ZONE_FROM_PLANT",
        `${first.path}/CREDAT`,
        `the sending system ${sender ?? ""} has no time zone in the configuration's "systems"; CREDAT/CRETIM are read in the zone ${plantZone} of plant ${firstPlant}`,
      );
    const zone = systemZone ?? plantZone;
    if (zone === undefined)
      ctx.issues.error(
        "MISSING_TIME_ZONE",
        `${first.path}/SNDPRN`,
        `the sending system ${sender ?? ""} has no time zone`,
        {
          expected: `systems.${sender ?? "<SNDPRN>"}.timeZone (or a configured plant)`,
          received: sender ?? "",
        },
      );
    else created = dateTimeOf(ctx, first, "CREDAT", "CRETIM", zone);
  }
  if (sender === undefined || docnum === undefined || created === undefined) return undefined;
  return applicationAreaOf(packet, first, { sender, docnum, created });
}
