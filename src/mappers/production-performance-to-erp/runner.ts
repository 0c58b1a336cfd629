/**
 * The postings mapping as the runner runs it (`b2mml map erp-postings`): one B2MML document, the
 * orders' LOIPRO as context (an unusable one is refused), IDoc-XML files out.
 *
 * @module
 */
import { parseXmlTree } from "../../binding/xml-tree.js";
import type { MappingRunner } from "../shared/run-mapping.js";
import {
  type ErpPostingConfig,
  type ErpPostingOptions,
  mapProductionPerformanceToErpPostings,
} from "./index.js";

export const ERP_POSTINGS_RUNNER: MappingRunner<ErpPostingConfig, ErpPostingOptions> = {
  id: "production-performance-to-erp",
  input: "b2mml",
  b2mmlOutput: false,
  contextErrors: "refuse",
  messageType: (inputs) => (inputs.document === undefined ? undefined : parseXmlTree(inputs.document).local),
  map: (inputs, config, options) => {
    const result = mapProductionPerformanceToErpPostings(inputs.document ?? "", config, {
      ...options,
      ...(inputs.context === undefined ? {} : { orderContext: inputs.context }),
    });
    if (!result.ok) return result;
    const tickets = result.idocs.filter((i) => i.kind === "time-ticket").length;
    return {
      ok: true,
      outputs: result.idocs.map((i) => ({ xml: i.xml, fileName: i.fileName, kind: i.kind })),
      warnings: result.warnings,
      unmapped: result.unmapped,
      summary: `${tickets} time ticket(s), ${result.idocs.length - tickets} goods-movement document(s)`,
    };
  },
};
