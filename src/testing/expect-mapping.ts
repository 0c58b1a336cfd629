/**
 * Golden tests of a mapping: map an input with a configuration, canonicalize the output and the golden
 * document (Canonical XML 1.0), compare, and record the digests of the input, the configuration, the
 * expected and the actual output as evidence of the running test.
 *
 * @module
 */

import { C14N_10 } from "../audit/c14n-method.js";
import { canonicalizeXml } from "../audit/canonicalize-xml.js";
import { type DigestRecord, digest, digestBytes } from "../audit/digest.js";
import { readIdoc } from "../idoc/read-idoc.js";
import type { MapperConfig } from "../mappers/config/mapper-config.js";
import { formatMapIssue } from "../mappers/issues.js";
import {
  type MapOptions,
  mapLoiproToProductionSchedule,
} from "../mappers/loipro-to-production-schedule/index.js";
import { recordArtifact } from "./evidence.js";
import { diffLines } from "./line-diff.js";

/** A mapping under test: input and configuration in, XML out (throw to reject the input). */
export type MappingFunction<C> = (input: string | Uint8Array, config: C) => string;

export interface ExpectMappingOptions<C> {
  /** The mapping input (an IDoc as XML or JSON text, say). */
  readonly input: string | Uint8Array;
  /** The configuration the mapping runs with; its JCS digest is recorded. */
  readonly config: C;
  /** The mapping. @default {@link mapProductionSchedule} */
  readonly map?: MappingFunction<C>;
  /** The golden output document. */
  readonly expected: string | Uint8Array;
  /** Names for the evidence (file names, say). @default input, config, expected */
  readonly names?: { readonly input?: string; readonly config?: string; readonly expected?: string };
}

/** What {@link expectMapping} compared, for further assertions. */
export interface MappingComparison {
  readonly actual: string;
  readonly input: DigestRecord;
  readonly configuration: DigestRecord;
  readonly expected: DigestRecord;
  readonly actualDigest: DigestRecord;
}

/** Thrown by {@link expectMapping} when the output differs from the golden document. */
export class GoldenMismatchError extends Error {
  override readonly name = "GoldenMismatchError";
  /** The canonical forms, so that test runners can show their own diff. */
  readonly expected: string;
  readonly actual: string;
  readonly showDiff = true;
  constructor(message: string, expected: string, actual: string) {
    super(message);
    this.expected = expected;
    this.actual = actual;
  }
}

/**
 * The LOIPRO → ProductionSchedule mapping as a {@link MappingFunction}: reads the IDoc (XML or JSON),
 * maps it and returns the document; throws with every error when the mapping rejects the input.
 */
export function mapProductionSchedule(
  input: string | Uint8Array,
  config: MapperConfig,
  options: MapOptions = {},
): string {
  const result = mapLoiproToProductionSchedule(readIdoc(input), config, options);
  if (!result.ok)
    throw new Error(`the mapping rejected the input:\n${result.errors.map(formatMapIssue).join("\n")}`);
  return result.xml;
}

const asText = (value: string | Uint8Array) =>
  typeof value === "string" ? value : Buffer.from(value).toString("utf8");

/**
 * Maps `input` with `config` and compares the output with the golden document in canonical form
 * (Canonical XML 1.0: attribute order, namespace declarations and empty-element syntax do not count;
 * whitespace between elements does). Records the digests of the input (octets as given), the
 * configuration (JCS), the expected and the actual output (C14N 1.0) on the running test, also when the
 * comparison fails.
 *
 * @throws {@link GoldenMismatchError} with a line diff of the canonical forms when they differ
 */
export function expectMapping<C = MapperConfig>(options: ExpectMappingOptions<C>): MappingComparison {
  const map = options.map ?? (mapProductionSchedule as unknown as MappingFunction<C>);
  const names = options.names ?? {};
  const input = digest(options.input);
  const configuration = digest(options.config as unknown, { canonicalization: "jcs" });
  recordArtifact({ role: "input", name: names.input ?? "input", digest: input });
  recordArtifact({ role: "configuration", name: names.config ?? "config", digest: configuration });
  const expectedCanonical = canonicalizeXml(options.expected);
  const expected = digestBytes(expectedCanonical, "sha256", C14N_10);
  recordArtifact({ role: "expected", name: names.expected ?? "expected", digest: expected });
  const actual = map(options.input, options.config);
  const actualCanonical = canonicalizeXml(actual);
  const actualDigest = digestBytes(actualCanonical, "sha256", expected.canonicalization);
  recordArtifact({ role: "actual", name: "actual", digest: actualDigest });
  if (actualDigest.hex !== expected.hex) {
    const [e, a] = [asText(expectedCanonical), asText(actualCanonical)];
    throw new GoldenMismatchError(
      `the mapping output differs from ${names.expected ?? "the golden document"} (canonical XML 1.0):\n${diffLines(e, a)}`,
      e,
      a,
    );
  }
  return { actual, input, configuration, expected, actualDigest };
}
