/**
 * Postings → IDocs (PERF-POST-003, 010, 020, 090): one PPCC2PRETTICKET02 per time ticket, one MBGMCR03 per
 * goods-movement document, each with its control record (DIRECT 2, partners from the configuration,
 * CREDAT/CRETIM from the document's CreationDateTime) and written by the IDoc-XML writer.
 *
 * @module
 */
import { type IdocOut, type IdocSegmentOut, writeIdocXml } from "../../idoc/write-idoc-xml.js";
import type { ErpPostingConfig } from "./posting-config.js";
import { postingSegments } from "./segment-definitions.js";

export type ErpPostingKind = "time-ticket" | "goods-movement";

/** One IDoc of the result. */
export interface ErpPostingIdoc {
  readonly kind: ErpPostingKind;
  /** `PPCC2PRETTICKET02` or `MBGMCR03`. */
  readonly basicType: string;
  /** EX_IDENT (time ticket) or REF_DOC_NO (goods movement). */
  readonly key: string;
  /** `<basic type>-<key>.xml`. */
  readonly fileName: string;
  /** The IDoc-XML document. */
  readonly xml: string;
  /** XPaths of the ProductionPerformance elements it posts. */
  readonly sources: readonly string[];
}

export interface ControlInput {
  readonly config: ErpPostingConfig;
  /** DATS/TIMS of the creation time, when known. */
  readonly created?: { readonly date: string; readonly time: string };
}

function control(
  input: ControlInput,
  basicType: string,
  messageType: string,
  docnum: number,
): IdocOut["control"] {
  const { sender, receiver, client } = input.config.postings;
  return {
    ...(client === undefined ? {} : { MANDT: client }),
    DOCNUM: String(docnum).padStart(16, "0"),
    DIRECT: "2",
    IDOCTYP: basicType,
    MESTYP: messageType,
    SNDPOR: sender.port,
    SNDPRT: sender.partnerType ?? "LS",
    SNDPRN: sender.partnerNumber,
    RCVPOR: receiver.port,
    RCVPRT: receiver.partnerType ?? "LS",
    RCVPRN: receiver.partnerNumber,
    ...(input.created === undefined ? {} : { CREDAT: input.created.date, CRETIM: input.created.time }),
  };
}

/** A PPCC2PRETTICKET02 IDoc: E1PPCC2PRETTICKET > E1BP_PP_TIMETICKET. */
export function timeTicketIdoc(
  input: ControlInput,
  docnum: number,
  fields: Readonly<Record<string, string>>,
  sources: readonly string[],
): ErpPostingIdoc {
  const key = fields.EX_IDENT ?? "";
  const idoc: IdocOut = {
    control: control(input, "PPCC2PRETTICKET02", "PPCC2PRETTICKET", docnum),
    segments: [{ name: "E1PPCC2PRETTICKET", fields: {}, segments: [{ name: "E1BP_PP_TIMETICKET", fields }] }],
  };
  return {
    kind: "time-ticket",
    basicType: "PPCC2PRETTICKET02",
    key,
    fileName: `PPCC2PRETTICKET02-${key}.xml`,
    xml: writeIdocXml([idoc], { definitions: postingSegments("PPCC2PRETTICKET02") }),
    sources,
  };
}

/** An MBGMCR03 IDoc: E1MBGMCR > E1BP2017_GM_HEAD_01, E1BP2017_GM_CODE, E1BP2017_GM_ITEM_CREATE… */
export function goodsMovementIdoc(
  input: ControlInput,
  docnum: number,
  head: Readonly<Record<string, string>>,
  gmCode: string,
  items: readonly Readonly<Record<string, string>>[],
  sources: readonly string[],
): ErpPostingIdoc {
  const key = head.REF_DOC_NO ?? "";
  const children: IdocSegmentOut[] = [
    { name: "E1BP2017_GM_HEAD_01", fields: head },
    { name: "E1BP2017_GM_CODE", fields: { GM_CODE: gmCode } },
    ...items.map((fields) => ({ name: "E1BP2017_GM_ITEM_CREATE", fields })),
  ];
  const idoc: IdocOut = {
    control: control(input, "MBGMCR03", "MBGMCR", docnum),
    segments: [{ name: "E1MBGMCR", fields: {}, segments: children }],
  };
  return {
    kind: "goods-movement",
    basicType: "MBGMCR03",
    key,
    fileName: `MBGMCR03-${key}.xml`,
    xml: writeIdocXml([idoc], { definitions: postingSegments("MBGMCR03") }),
    sources,
  };
}
