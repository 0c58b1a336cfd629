/**
 * The runner of every mapping from IDocs to a B2MML V0600 document: it forwards the reader's issues
 * (every field kept), checks the configuration and the options, records which source fields the mapping
 * reads, calls the mapping's pure `map`, reports values that were read but could not be, accounts for
 * the fields not carried, writes the BOD in schema order and validates it against the built-in profile.
 * Any error means no document.
 *
 * @module
 */
import { type RootMeta, rootOf } from "../../binding/schema-index.js";
import { write } from "../../binding/write.js";
import { schemaSet } from "../../generated/b2mml-v0600/index.js";
import type { IdocPacket } from "../../idoc/model.js";
import { renderIssuePath } from "../../shared/issue.js";
import { validateXsd } from "../../validation/validate-xsd.js";
import { type MapperConfig, parseMapperConfig } from "../config/mapper-config.js";
import { IssueCollector, type MapIssue } from "../issues.js";
import type { DocumentMapResult } from "./document-result.js";
import { createContext } from "./map-context.js";
import type { DocumentMapOptions, IdocToDocumentMapping } from "./mapping-descriptor.js";
import { reportUnreadable, trackReads } from "./track-reads.js";

/** The profile's release attribute written on every document. */
export const RELEASE_ID = "6.0";

/**
 * Maps `packet` with `mapping`. `forwarded` are further issues to pass on before the mapping's own (an
 * order context's, say).
 *
 * @throws {Error} only on a bug: when the document built does not validate against the V0600 profile
 */
export function mapToDocument<Options extends DocumentMapOptions, Noun, Value>(
  mapping: IdocToDocumentMapping<Options, Noun>,
  packet: IdocPacket,
  config: MapperConfig,
  options: Options,
  forwarded: readonly MapIssue[] = [],
): DocumentMapResult<Value> {
  const issues = new IssueCollector();
  for (const issue of [...packet.issues, ...forwarded]) issues.forward(issue);
  const checked = parseMapperConfig(config);
  if (!checked.ok) {
    for (const e of checked.errors) issues.forward(e);
    return { ok: false, errors: issues.errors, warnings: issues.warnings, unmapped: [] };
  }
  const verb = options.verb ?? mapping.defaultVerb;
  if (verb !== "Process" && verb !== "Sync") {
    const both = mapping.defaultVerb === "Process" ? "Process or Sync" : "Sync or Process";
    issues.error("INVALID_OPTION", "options.verb", `the verb must be ${both}`, {
      expected: both,
      received: String(verb),
    });
  }
  const reads = trackReads(packet);
  const ctx = { ...createContext(checked.config, issues), reads };
  mapping.checkOptions?.(options, ctx);
  const built = mapping.map({ view: reads.packet, received: packet }, ctx, options);
  if (packet.idocs.length === 0) issues.error("EMPTY_PACKET", "", mapping.emptyMessage);
  reportUnreadable(issues, reads);
  const unmapped = reads.unmapped(mapping.mappedSegments, mapping.noun);
  if (issues.errors.length > 0 || built === undefined)
    return { ok: false, errors: issues.errors, warnings: issues.warnings, unmapped };

  const value = {
    releaseID: RELEASE_ID,
    ApplicationArea: built.applicationArea,
    DataArea: { [verb]: {}, [mapping.noun]: [built.noun] },
  } as Value;
  // the root is named at run time (verb + noun): untyped, the value's type is the mapping's own
  const root: RootMeta = rootOf(schemaSet, `${verb}${mapping.noun}` as string);
  const xml = `${write(value, root, { indent: "  " })}\n`;
  const validation = validateXsd(xml);
  if (!validation.valid)
    throw new Error(
      `bug: the mapping ${mapping.id} built a document that is not valid against the V0600 profile:\n${validation.issues
        .map((i) => `${renderIssuePath(i)} (line ${i.line}): ${i.code} ${i.message}`)
        .join("\n")}`,
    );
  return {
    ok: true,
    xml,
    value,
    warnings: issues.warnings,
    unmapped,
    bodId: built.applicationArea.BODID?.value ?? "",
  };
}
