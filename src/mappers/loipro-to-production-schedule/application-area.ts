/**
 * The BOD's ApplicationArea (LOIPRO-MAP-001 … 004): Sender/LogicalID from the sender partner (SNDPRN),
 * Receiver/LogicalID from the receiver partner (RCVPRN), CreationDateTime from CREDAT/CRETIM in the
 * sending system's zone, BODID derived from the source.
 *
 * @module
 */
import type { TransApplicationAreaType } from "../../generated/b2mml-v0600/index.js";
import type { IdocPacket, IdocSegment } from "../../idoc/model.js";
import { applicationAreaOf, controlSegment, senderAndDocnum } from "../shared/application-area.js";
import { dateOf, dateTimeOf, fieldState, text } from "../shared/idoc-fields.js";
import type { MapContext } from "../shared/map-context.js";

export function mapApplicationArea(
  ctx: MapContext,
  packet: IdocPacket,
  creationDateTime: string | undefined,
): TransApplicationAreaType | undefined {
  const controls = packet.idocs.map(controlSegment);
  const first = controls[0];
  if (first === undefined) return undefined;
  const { sender, docnum } = senderAndDocnum(ctx.issues, controls);
  const created = creationOf(ctx, packet, first, sender, creationDateTime);
  if (sender === undefined || docnum === undefined || created === undefined) return undefined;
  return applicationAreaOf(packet, first, { sender, docnum, created });
}

function creationOf(
  ctx: MapContext,
  packet: IdocPacket,
  control: IdocSegment,
  sender: string | undefined,
  given: string | undefined,
): string | undefined {
  if (fieldState(control, "CREDAT") === "invalid") {
    // an unreadable CREDAT is an error, never replaced by the caller's creation time
    dateOf(ctx, control, "CREDAT");
    return undefined;
  }
  if (text(control, "CREDAT") === undefined) {
    if (given !== undefined) {
      ctx.issues.warn(
        "CREATION_TIME_FROM_OPTION",
        `${control.path}/CREDAT`,
        `the control record has no creation date; the creation time given by the caller is used: ${given}`,
      );
      return given;
    }
    ctx.issues.error("MISSING_FIELD", `${control.path}/CREDAT`, "the creation date (CREDAT) is missing", {
      expected: "YYYYMMDD (or give the creation time as an option: --created)",
      received: "",
    });
    return undefined;
  }
  const systems = ctx.config.systems ?? {};
  const systemZone =
    sender !== undefined && Object.hasOwn(systems, sender) ? systems[sender]?.timeZone : undefined;
  if (systemZone !== undefined) return dateTimeOf(ctx, control, "CREDAT", "CRETIM", systemZone);
  const header = packet.idocs[0]?.segments.find((s) => s.name === "E1AFKOL");
  const plant = header === undefined ? undefined : text(header, "WERKS");
  const plants = ctx.config.plants;
  const zone = plant !== undefined && Object.hasOwn(plants, plant) ? plants[plant]?.timeZone : undefined;
  if (zone === undefined) {
    ctx.issues.error(
      "MISSING_TIME_ZONE",
      `${control.path}/SNDPRN`,
      `the sending system ${sender ?? ""} has no time zone`,
      {
        expected: `systems.${sender ?? "<SNDPRN>"}.timeZone (or a plant time zone for the first order)`,
        received: sender ?? "",
      },
    );
    return undefined;
  }
  ctx.issues.warn(
    "CREATION_ZONE_FROM_PLANT",
    `${control.path}/CREDAT`,
    `the sending system ${sender ?? ""} has no time zone in the configuration's "systems"; CREDAT/CRETIM are read in the first order's plant zone ${zone}`,
  );
  return dateTimeOf(ctx, control, "CREDAT", "CRETIM", zone);
}
