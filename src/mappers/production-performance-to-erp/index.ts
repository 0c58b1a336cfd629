/**
 * ProductionPerformance (MES) → ERP postings for SAP: PPCC2PRETTICKET02 time tickets and MBGMCR03 goods
 * movements as inbound IDoc-XML. The rules, each with its requirement ID (PERF-POST-0xx), are in
 * `docs/mapping-performance.md`, section "ProductionPerformance → ERP postings".
 *
 * ```ts
 * import { mapProductionPerformanceToErpPostings, parseErpPostingConfigJson } from "b2mml/mappers";
 * const result = mapProductionPerformanceToErpPostings(xml, config, { orderContext: readIdoc(loipro) });
 * if (result.ok) for (const idoc of result.idocs) send(idoc.fileName, idoc.xml);
 * else for (const e of result.errors) log(formatMapIssue(e)); // `path: code message`
 * ```
 *
 * @module
 */
import type { IdocPacket } from "../../idoc/model.js";
import { IssueCollector } from "../issues.js";
import type { MappingResult } from "../shared/map-result.js";
import { ambiguousSapUnits, sapUnitTable } from "../units/sap-unit-lookup.js";
import { type ControlInput, type ErpPostingIdoc, goodsMovementIdoc, timeTicketIdoc } from "./build-idocs.js";
import { collectResponse, type ResponsePostings } from "./collect-postings.js";
import { exIdentOf, refDocNoOf } from "./idempotency-keys.js";
import { own } from "./own.js";
import { readPerformanceSource } from "./performance-source.js";
import { type ErpPostingConfig, parseErpPostingConfig } from "./posting-config.js";
import type { FieldContext } from "./sap-fields.js";
import { toSapDateTime } from "./sap-values.js";
import { type CarriedPaths, carry, listUnmapped } from "./source-account.js";

export type { ErpPostingIdoc, ErpPostingKind } from "./build-idocs.js";
export { MOVEMENT_TYPES } from "./collect-postings.js";
export { exIdentOf, KEY_SCHEME, type KeySource, refDocNoOf } from "./idempotency-keys.js";
export { ACCEPTED_ROOTS } from "./performance-source.js";
export {
  type ErpPostingConfig,
  type ParseErpPostingConfigResult,
  type PartnerConfig,
  type PostingsConfig,
  parseErpPostingConfig,
  parseErpPostingConfigJson,
  type RoundingRule,
  type StorageLocationConfig,
} from "./posting-config.js";
export { base32, toSapDateTime, toSapQuantity } from "./sap-values.js";
export { POSTING_SEGMENTS } from "./segment-definitions.js";

export interface ErpPostingOptions {
  /** The orders' LOIPRO (as `readIdoc` returns it): plant, storage locations, reservations, order items. */
  readonly orderContext?: IdocPacket;
}

/**
 * The IDocs, or the errors; on both, the warnings and the account of the document's values that no
 * posting carries (`unmapped`, PERF-POST-006: XPath, reason, message; empty when the document was not
 * read — not well-formed, invalid, another release).
 */
export type ErpPostingResult = MappingResult<{ readonly idocs: readonly ErpPostingIdoc[] }>;

/**
 * Maps one ProductionPerformance document (or its BOD: Sync, Process, Show …) to SAP inbound IDocs.
 * The document is validated against the V0600 profile first. Never throws on bad input: every problem
 * is collected and any error means no IDoc at all.
 *
 * @throws {XmlParseError} only when the input is not well-formed or refused by the hardened reader
 */
export function mapProductionPerformanceToErpPostings(
  input: string | Uint8Array,
  config: ErpPostingConfig,
  options: ErpPostingOptions = {},
): ErpPostingResult {
  const issues = new IssueCollector("posting");
  const checked = parseErpPostingConfig(config);
  if (!checked.ok) {
    for (const e of checked.errors) issues.forward(e);
    return { ok: false, errors: issues.errors, warnings: issues.warnings, unmapped: [] };
  }
  const carried: CarriedPaths = new Set();
  const ctx: FieldContext = {
    carried,
    config: checked.config,
    issues,
    sapUnits: sapUnitTable(checked.config.units),
    ambiguousUnits: ambiguousSapUnits(checked.config.units),
  };
  const source = readPerformanceSource(input, issues);
  if (source === undefined)
    return { ok: false, errors: issues.errors, warnings: issues.warnings, unmapped: [] };
  const rejected = () => ({
    ok: false as const,
    errors: issues.errors,
    warnings: issues.warnings,
    unmapped: listUnmapped(source.tree, carried),
  });
  const app = source.applicationArea;
  const bodId = app?.BODID?.value.trim() ?? "";
  if (app?.BODID !== undefined) carry(carried, `/${source.root}/ApplicationArea/BODID`);
  const creation = app?.CreationDateTime.value;
  const responses: { postings: ResponsePostings; performanceId: string }[] = [];
  let firstZone: { readonly zone: string; readonly plant: string } | undefined;
  for (const { value: pp, path } of source.performances) {
    const fallback =
      pp.EndTime !== undefined
        ? { lexical: pp.EndTime.value, path: `${path}/EndTime` }
        : pp.StartTime !== undefined
          ? { lexical: pp.StartTime.value, path: `${path}/StartTime` }
          : creation !== undefined
            ? { lexical: creation, path: `/${source.root}/ApplicationArea/CreationDateTime` }
            : undefined;
    (pp.ProductionResponse ?? []).forEach((response, r) => {
      const postings = collectResponse(
        ctx,
        pp,
        response,
        `${path}/ProductionResponse[${r + 1}]`,
        fallback,
        options.orderContext,
        path,
      );
      if (postings === undefined) return;
      if (firstZone === undefined) {
        const zone = own(checked.config.plants, postings.plant)?.timeZone;
        if (zone !== undefined) firstZone = { zone, plant: postings.plant };
      }
      if (pp.ID !== undefined) carry(carried, `${path}/ID`);
      responses.push({ postings, performanceId: pp.ID?.value.trim() ?? "" });
    });
  }
  if (
    issues.errors.length === 0 &&
    responses.every((r) => r.postings.tickets.length === 0 && r.postings.movements.length === 0)
  )
    issues.error(
      "NOTHING_TO_POST",
      `/${source.root}`,
      "the document holds no time ticket and no goods movement",
    );
  if (issues.errors.length > 0) return rejected();

  // CREDAT/CRETIM (PERF-POST-003): the sender system's zone, else the first plant's with a warning
  const created = creationDateTime(checked.config, source.root, creation, firstZone, issues);
  if (created !== undefined) carry(carried, `/${source.root}/ApplicationArea/CreationDateTime`);
  if (issues.errors.length > 0) return rejected();
  const control: ControlInput = {
    config: checked.config,
    ...(created === undefined ? {} : { created }),
  };
  const idocs: ErpPostingIdoc[] = [];
  const seen = new Map<string, string>();
  const unique = (key: string, path: string) => {
    const previous = seen.get(key);
    if (previous !== undefined)
      issues.error(
        "DUPLICATE_KEY",
        path,
        `the posting has the same key ${key} as ${previous}: SAP would refuse it as a duplicate`,
      );
    seen.set(key, path);
  };
  for (const { postings, performanceId } of responses) {
    const base = { bodId, performanceId, responseId: postings.responseId };
    for (const ticket of postings.tickets) {
      const exIdent = exIdentOf({ ...base, segmentIds: ticket.segmentIds, content: ticket.fields });
      unique(exIdent, ticket.path);
      idocs.push(
        timeTicketIdoc(control, idocs.length + 1, { ...ticket.fields, EX_IDENT: exIdent }, [ticket.path]),
      );
    }
    const documents = new Map<string, typeof postings.movements>();
    for (const m of postings.movements) {
      const key = `${m.gmCode}|${m.postingDate}`;
      documents.set(key, [...(documents.get(key) ?? []), m]);
    }
    for (const items of documents.values()) {
      const [head] = items;
      if (head === undefined) continue;
      const content = {
        GM_CODE: head.gmCode,
        PSTNG_DATE: head.postingDate,
        items: items.map((i) => i.fields),
      };
      const refDocNo = refDocNoOf({ ...base, segmentIds: items.map((i) => i.segmentIds.join("/")), content });
      unique(refDocNo, head.path);
      const headerText = postings.responseId.length <= 25 ? postings.responseId : undefined;
      idocs.push(
        goodsMovementIdoc(
          control,
          idocs.length + 1,
          {
            PSTNG_DATE: head.postingDate,
            DOC_DATE: head.postingDate,
            REF_DOC_NO: refDocNo,
            ...(headerText === undefined || headerText === "" ? {} : { HEADER_TXT: headerText }),
          },
          head.gmCode,
          items.map((i) => i.fields),
          items.map((i) => i.path),
        ),
      );
    }
  }
  if (issues.errors.length > 0) return rejected();
  return { ok: true, idocs, warnings: issues.warnings, unmapped: listUnmapped(source.tree, carried) };
}

/**
 * The control record's CREDAT/CRETIM: CreationDateTime in the zone of `systems.<sender partner>`, else
 * in the first plant's zone (warning `CREATION_ZONE_FROM_PLANT`, as the inbound mappings); a
 * CreationDateTime that has no instant (no offset) is an error, never silently left out.
 */
function creationDateTime(
  config: ErpPostingConfig,
  root: string,
  creation: string | undefined,
  firstZone: { readonly zone: string; readonly plant: string } | undefined,
  issues: IssueCollector,
): { readonly date: string; readonly time: string } | undefined {
  if (creation === undefined) return undefined;
  const path = `/${root}/ApplicationArea/CreationDateTime`;
  const sender = config.postings.sender.partnerNumber;
  const systemZone = own(config.systems, sender)?.timeZone;
  if (systemZone === undefined && firstZone !== undefined)
    issues.warn(
      "CREATION_ZONE_FROM_PLANT",
      path,
      `the sending system ${sender} has no time zone in the configuration's "systems"; CREDAT/CRETIM are written in the zone ${firstZone.zone} of plant ${firstZone.plant}`,
    );
  const zone = systemZone ?? firstZone?.zone;
  if (zone === undefined) return undefined;
  const created = toSapDateTime(creation, zone);
  if (!created.ok) {
    issues.error("INVALID_DATE_TIME", path, `CreationDateTime (CREDAT/CRETIM): ${created.message}`, {
      expected: "an xs:dateTime with offset",
      received: creation,
    });
    return undefined;
  }
  return { date: created.date, time: created.time };
}
