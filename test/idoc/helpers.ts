/** Helpers of the IDoc reader tests. */
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { childElements, parseXmlTree, textContent, type XmlElement } from "../../src/binding/xml-tree.js";
import type { IdocPacket, IdocSegment } from "../../src/idoc/index.js";
import { repoRoot } from "../helpers/paths.js";

export const idocFixturesDir = path.join(repoRoot, "fixtures/idoc");
export const idocSamplesDir = path.resolve(repoRoot, "../shared/idoc-samples");
export const nonSapSample = path.join(idocSamplesDir, "nonsap-erp-LOIPRO05.xml");

export interface IdocFixture {
  readonly name: string;
  readonly file: string;
  readonly format: "xml" | "json";
}

/** Every fixture folder with its input file. */
export function idocFixtures(): IdocFixture[] {
  return readdirSync(idocFixturesDir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .flatMap((name): IdocFixture[] => {
      const xml = path.join(idocFixturesDir, name, "idoc.xml");
      const json = path.join(idocFixturesDir, name, "idoc.json");
      if (existsSync(xml)) return [{ name, file: xml, format: "xml" }];
      if (existsSync(json)) return [{ name, file: json, format: "json" }];
      return [];
    });
}

type Json = string | { [key: string]: Json | Json[] };

/**
 * IDoc-XML in the documented IDoc-JSON shape (docs/idoc.md): root key, `IDOC` array, one object per
 * segment, fields as strings, repeated segments as arrays, attributes left out.
 */
export function xmlToIdocJson(xml: string): Record<string, unknown> {
  const root = parseXmlTree(xml);
  const segment = (element: XmlElement): Json => {
    const out: Record<string, Json | Json[]> = {};
    const groups = new Map<string, Json[]>();
    for (const child of childElements(element)) {
      const value =
        childElements(child).length > 0 || child.attributes.length > 0 ? segment(child) : textContent(child);
      const list = groups.get(child.local) ?? [];
      list.push(value);
      groups.set(child.local, list);
    }
    for (const [name, values] of groups) out[name] = values.length === 1 ? (values[0] as Json) : values;
    return out;
  };
  return { [root.local]: { IDOC: childElements(root).map(segment) } };
}

/** The packet without line numbers (JSON has none), to compare XML and JSON readings. */
export function withoutLines(packet: IdocPacket): unknown {
  const segment = (s: IdocSegment): unknown => ({
    name: s.name,
    fields: s.fields,
    raw: s.raw,
    path: s.path,
    segments: s.segments.map(segment),
  });
  return {
    idocs: packet.idocs.map((d) => ({ ...d, segments: d.segments.map(segment) })),
    issues: packet.issues.map(({ line: _line, ...rest }) => rest),
  };
}

/** The first segment of a name, depth first. */
export function findSegment(segments: readonly IdocSegment[], name: string): IdocSegment | undefined {
  for (const s of segments) {
    if (s.name === name) return s;
    const found = findSegment(s.segments, name);
    if (found) return found;
  }
  return undefined;
}

/** Every segment of a name, depth first. */
export function allSegments(segments: readonly IdocSegment[], name: string): IdocSegment[] {
  return segments.flatMap((s) => [...(s.name === name ? [s] : []), ...allSegments(s.segments, name)]);
}
