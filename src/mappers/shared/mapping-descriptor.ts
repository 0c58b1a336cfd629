/**
 * What a mapping declares, so that one runner ({@link mapToDocument}, `runMapping`) does the rest: its
 * ID, the message types it reads, the document it writes, and a pure `map` function. A new mapping is a
 * folder with a descriptor, its field rows and small functions; the runner reads the inputs, forwards
 * the reader's issues, checks the configuration and the options, maps, writes, self-validates and builds
 * the audit record.
 *
 * @module
 */
import type { TransApplicationAreaType } from "../../generated/b2mml-v0600/index.js";
import type { IdocPacket } from "../../idoc/model.js";
import type { MapContext } from "./map-context.js";

/** The BOD verbs the mappings from IDocs write. */
export type DocumentVerb = "Process" | "Sync";

/** The options every mapping to a B2MML document takes. */
export interface DocumentMapOptions {
  readonly verb?: DocumentVerb;
}

/** What a mapping to a B2MML document builds: the BOD's ApplicationArea and its noun. */
export interface MappedDocument<Noun> {
  readonly applicationArea: TransApplicationAreaType;
  readonly noun: Noun;
}

/** The packet a mapping maps, twice. */
export interface MappingSource {
  /** The packet to map: the same data, each field read recorded (the unmapped-field account). */
  readonly view: IdocPacket;
  /** The packet as received, for digests over it (reading it records nothing). */
  readonly received: IdocPacket;
}

/** A mapping from IDocs to one B2MML V0600 BOD (`<verb><noun>`). */
export interface IdocToDocumentMapping<Options extends DocumentMapOptions, Noun> {
  /** Stable ID, recorded in the audit record: `loipro-to-production-schedule`. */
  readonly id: string;
  /** The message types of the IDocs it reads (MESTYP), for the record and the docs. */
  readonly messageTypes: readonly string[];
  /** The noun: the document is `<verb><noun>` with `DataArea/<noun>[1]`. */
  readonly noun: "ProductionSchedule" | "ProductionPerformance";
  readonly defaultVerb: DocumentVerb;
  /** The segment types it maps; fields of any other segment are `segment-not-mapped`. */
  readonly mappedSegments: ReadonlySet<string>;
  /** The error message when the input holds no IDoc (`EMPTY_PACKET`). */
  readonly emptyMessage: string;
  /** Option checks beyond the verb, reported as `INVALID_OPTION`. */
  readonly checkOptions?: (options: Options, ctx: MapContext) => void;
  /**
   * The pure mapping: the packet to the document's parts, every problem reported to `ctx.issues`;
   * `undefined` when nothing can be built. No clock, no randomness.
   */
  readonly map: (
    source: MappingSource,
    ctx: MapContext,
    options: Options,
  ) => MappedDocument<Noun> | undefined;
}
