/**
 * ApplicationArea helpers shared by the mappings from IDocs: the control record as a segment, the BODID,
 * the sender / first IDoc number of a packet, and the ApplicationArea built from them.
 *
 * @module
 */
import type { TransApplicationAreaType } from "../../generated/b2mml-v0600/index.js";
import type { IdocDocument, IdocPacket, IdocSegment } from "../../idoc/model.js";
import type { IssueCollector } from "../issues.js";
import { fieldState, text } from "./idoc-fields.js";
import { packetDigest } from "./source-digest.js";

/**
 * The control record as a segment, so that the field helpers and paths work on it; its raw values are
 * the received ones, so that an unreadable CREDAT/CRETIM is reported, never read as absent.
 */
export function controlSegment(idoc: IdocDocument): IdocSegment {
  return {
    name: "EDI_DC40",
    fields: idoc.control,
    raw: idoc.controlRaw ?? idoc.control,
    segments: [],
    path: `${idoc.path}/EDI_DC40`,
  };
}

/** `<SNDPRN>/<DOCNUM>/sha256:<hex>`: sender, the first IDoc's number, the packet's content digest. */
export function bodIdOf(sender: string, docnum: string, packet: IdocPacket): string {
  return `${sender}/${docnum}/sha256:${packetDigest(packet)}`;
}

/**
 * The ApplicationArea of a BOD mapped from `packet`: Sender/LogicalID = SNDPRN, Receiver/LogicalID = the
 * first control record's RCVPRN when there, CreationDateTime, BODID ({@link bodIdOf}).
 */
export function applicationAreaOf(
  packet: IdocPacket,
  first: IdocSegment,
  { sender, docnum, created }: { sender: string; docnum: string; created: string },
): TransApplicationAreaType {
  const receiver = text(first, "RCVPRN");
  return {
    Sender: { LogicalID: { value: sender } },
    ...(receiver === undefined ? {} : { Receiver: [{ LogicalID: { value: receiver } }] }),
    CreationDateTime: { value: created },
    BODID: { value: bodIdOf(sender, docnum, packet) },
  };
}

/**
 * The sender partner (SNDPRN) of the control records and the first IDoc's number (DOCNUM); a missing
 * one, or IDocs from different senders, is an error.
 */
export function senderAndDocnum(
  issues: IssueCollector,
  controls: readonly IdocSegment[],
): { sender: string | undefined; docnum: string | undefined } {
  const [first, ...others] = controls;
  if (first === undefined) return { sender: undefined, docnum: undefined };
  const sender = text(first, "SNDPRN");
  if (sender === undefined && fieldState(first, "SNDPRN") === "invalid")
    issues.error("INVALID_VALUE", `${first.path}/SNDPRN`, "the sender partner (SNDPRN) cannot be read", {
      expected: "the sending system's logical system name (CHAR10)",
      received: first.raw.SNDPRN ?? "",
    });
  else if (sender === undefined)
    issues.error("MISSING_FIELD", `${first.path}/SNDPRN`, "the sender partner (SNDPRN) is missing", {
      expected: "the sending system's logical system name",
      received: "",
    });
  for (const control of others) {
    const other = text(control, "SNDPRN");
    if (other !== sender)
      issues.error("MIXED_SENDERS", `${control.path}/SNDPRN`, "the IDocs come from different senders", {
        expected: sender ?? "",
        received: other ?? "",
      });
  }
  const docnum = text(first, "DOCNUM");
  if (docnum === undefined)
    issues.error("MISSING_FIELD", `${first.path}/DOCNUM`, "the IDoc number (DOCNUM) is missing", {
      expected: "the IDoc number",
      received: "",
    });
  return { sender, docnum };
}
