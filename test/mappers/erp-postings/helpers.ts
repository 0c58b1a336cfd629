/** Shared helpers of the ERP-postings tests: fixture cases, configuration, mapping a case. */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { readIdoc } from "../../../src/idoc/index.js";
import {
  type ErpPostingConfig,
  type ErpPostingResult,
  mapProductionPerformanceToErpPostings,
} from "../../../src/mappers/production-performance-to-erp/index.js";
import { repoRoot } from "../../helpers/paths.js";

export const casesDir = path.join(repoRoot, "fixtures/mappers/erp-postings");

export function loadConfig(dir = casesDir): ErpPostingConfig {
  const own = path.join(dir, "config.json");
  return JSON.parse(readFileSync(existsSync(own) ? own : path.join(casesDir, "config.json"), "utf8"));
}

export interface PostingCase {
  readonly name: string;
  readonly dir: string;
  readonly input: string;
  readonly orderContext?: string;
}

/** Every case folder: `input.xml`, or `input.json` `{ "document": "<path from the repository root>" }`. */
export function postingCases(): PostingCase[] {
  return readdirSync(casesDir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .flatMap((name) => {
      const dir = path.join(casesDir, name);
      const spec = path.join(dir, "input.json");
      const input = existsSync(spec)
        ? path.join(repoRoot, JSON.parse(readFileSync(spec, "utf8")).document)
        : path.join(dir, "input.xml");
      if (!existsSync(input)) return [];
      const optionsFile = path.join(dir, "options.json");
      const orderContext = existsSync(optionsFile)
        ? (JSON.parse(readFileSync(optionsFile, "utf8")).orderContext as string | undefined)
        : undefined;
      return [
        { name, dir, input, ...(orderContext ? { orderContext: path.join(repoRoot, orderContext) } : {}) },
      ];
    });
}

export function mapCase(c: PostingCase): ErpPostingResult {
  return mapProductionPerformanceToErpPostings(readFileSync(c.input), loadConfig(c.dir), {
    ...(c.orderContext
      ? { orderContext: readIdoc(readFileSync(c.orderContext), { file: c.orderContext }) }
      : {}),
  });
}

/** A minimal SyncProductionPerformance around one SegmentResponse body. */
export function performanceXml(segments: string, options: { bodId?: string; order?: string } = {}): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<SyncProductionPerformance xmlns="http://www.mesa.org/xml/B2MML-V0600" releaseID="6.0">
  <ApplicationArea>
    <CreationDateTime>2026-04-15T18:00:00+02:00</CreationDateTime>
    <BODID>${options.bodId ?? "BOD-1"}</BODID>
  </ApplicationArea>
  <DataArea>
    <Sync/>
    <ProductionPerformance>
      <ID>PP-1</ID>
      <ProductionResponse>
        <ID>R1</ID>
        <ProductionRequestID schemeID="AUFNR">${options.order ?? "1004711"}</ProductionRequestID>
        ${segments}
      </ProductionResponse>
    </ProductionPerformance>
  </DataArea>
</SyncProductionPerformance>
`;
}
