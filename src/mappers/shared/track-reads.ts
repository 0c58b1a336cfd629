/**
 * Which source fields a mapping used, recorded as it reads them, and from that the account of the
 * fields it did not carry ({@link UnmappedField}). The mapping works on a view of the packet whose
 * segments record every field read (`segment.fields.X`, `"X" in segment.fields`); iterating over the
 * fields records nothing, so that a digest over the original packet is not mistaken for a use.
 *
 * A field counts as carried when the mapping read it and did not leave its segment out; a segment left
 * out by a documented rule (a deleted operation, say) is marked with {@link ReadTracker.skip}, and
 * every field in it and below it is reported with the rule. The control record (EDI_DC40) is the
 * envelope, carried by the BODID's digest, and is not accounted field by field.
 *
 * @module
 */
import type { IdocIssue, IdocPacket, IdocSegment } from "../../idoc/model.js";
import { sapTrim } from "../../idoc/sap-trim.js";
import { renderIssuePath } from "../../shared/issue.js";
import type { IssueCollector } from "../issues.js";
import type { UnmappedField } from "./unmapped.js";

/** The view of a packet a mapping reads, and what it read. */
export interface ReadTracker {
  /** The packet as the mapping sees it: the same data, field reads recorded. */
  readonly packet: IdocPacket;
  /** Marks a segment of {@link packet} (and everything below it) as left out by a documented rule. */
  skip(segment: IdocSegment, message: string): void;
  /**
   * The fields not carried, in document order.
   *
   * @param mappedSegments the segment types the mapping maps (others are `segment-not-mapped`)
   * @param target what the mapping produces, for messages (`ProductionSchedule`)
   */
  unmapped(mappedSegments: ReadonlySet<string>, target: string): UnmappedField[];
  /**
   * The fields the mapping read that were received but could not be read (kept in `raw`, left out of
   * `fields` by the reader): `[path, raw value]`, in document order.
   */
  unreadable(): [path: string, received: string][];
}

/** Starts recording the field reads of a mapping over `packet`. */
export function trackReads(packet: IdocPacket): ReadTracker {
  const reads = new Map<IdocSegment, Set<string>>();
  const originals = new Map<IdocSegment, IdocSegment>();
  const skipped = new Map<IdocSegment, string>();

  const track = (segment: IdocSegment): IdocSegment => {
    const read = new Set<string>();
    reads.set(segment, read);
    const fields = new Proxy(segment.fields, {
      get(target, key) {
        if (typeof key === "string") read.add(key);
        return Reflect.get(target, key);
      },
      has(target, key) {
        if (typeof key === "string") read.add(key);
        return Reflect.has(target, key);
      },
    });
    const tracked: IdocSegment = { ...segment, fields, segments: segment.segments.map(track) };
    originals.set(tracked, segment);
    return tracked;
  };

  const view: IdocPacket = {
    ...packet,
    idocs: packet.idocs.map((idoc) => ({ ...idoc, segments: idoc.segments.map(track) })),
  };

  return {
    packet: view,
    unreadable() {
      const out: [string, string][] = [];
      const walk = (segment: IdocSegment) => {
        const read = reads.get(segment);
        if (read !== undefined)
          for (const field of Object.keys(segment.raw))
            if (read.has(field) && segment.fields[field] === undefined && sapTrim(segment.raw[field]) !== "")
              out.push([`${segment.path}/${field}`, segment.raw[field] ?? ""]);
        for (const child of segment.segments) walk(child);
      };
      for (const idoc of packet.idocs) for (const segment of idoc.segments) walk(segment);
      return out;
    },
    skip(segment, message) {
      const original = originals.get(segment) ?? segment;
      if (!skipped.has(original)) skipped.set(original, message);
    },
    unmapped(mappedSegments, target) {
      const unknownFields = pathsOf(packet.issues, "IDOC_UNKNOWN_FIELD");
      const unknownSegments = pathsOf(packet.issues, "IDOC_UNKNOWN_SEGMENT");
      const out: UnmappedField[] = [];
      const walk = (segment: IdocSegment, inherited: { skip?: string; unknown?: boolean }) => {
        const skip = inherited.skip ?? skipped.get(segment);
        const unknown = inherited.unknown === true || unknownSegments.has(segment.path);
        const read = reads.get(segment) ?? new Set<string>();
        for (const field of Object.keys(segment.raw)) {
          if (sapTrim(segment.raw[field]) === "" || segment.fields[field] === "") continue;
          const path = `${segment.path}/${field}`;
          if (skip !== undefined) out.push({ path, reason: "segment-skipped", message: skip });
          else if (read.has(field)) continue;
          else if (unknown)
            out.push({
              path,
              reason: "unknown-segment",
              message: `the segment ${segment.name} is not in the IDoc schemas`,
            });
          else if (unknownFields.has(path))
            out.push({
              path,
              reason: "unknown-field",
              message: `${field} is not declared for ${segment.name} in the IDoc schemas`,
            });
          else if (!mappedSegments.has(segment.name))
            out.push({
              path,
              reason: "segment-not-mapped",
              message: `the segment ${segment.name} is not mapped to ${target}`,
            });
          else
            out.push({
              path,
              reason: "no-b2mml-home",
              message: `${segment.name}-${field} has no place in the ${target} mapping`,
            });
        }
        for (const child of segment.segments)
          walk(child, { ...(skip === undefined ? {} : { skip }), unknown });
      };
      for (const idoc of packet.idocs) for (const segment of idoc.segments) walk(segment, {});
      return out;
    },
  };
}

function pathsOf(issues: readonly IdocIssue[], code: string): Set<string> {
  return new Set(issues.filter((i) => i.code === code).map(renderIssuePath));
}

/**
 * The safety net under every rule: a field the mapping read that was received but could not be read,
 * and that no rule reported, is the error `INVALID_VALUE` at its path; a value is never left out as if
 * it had not been sent.
 */
export function reportUnreadable(issues: IssueCollector, reads: ReadTracker): void {
  const reported = new Set(issues.errors.map(renderIssuePath));
  for (const [path, received] of reads.unreadable())
    if (!reported.has(path))
      issues.error(
        "INVALID_VALUE",
        path,
        "the value cannot be read (see the reader's warning at this path)",
        {
          expected: "a value of the field's SAP type",
          received,
        },
      );
}
