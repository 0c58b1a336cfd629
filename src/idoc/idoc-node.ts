/**
 * The element tree both input forms are read into before interpretation: IDoc-XML elements (local names,
 * namespaces dropped) and IDoc-JSON objects become the same nodes, so that one interpreter gives the same
 * result for both.
 *
 * @module
 */

/** One element of IDoc-XML, or one key of IDoc-JSON. */
export interface IdocNode {
  /** Local name: `IDOC`, `E1AFKOL`, `AUFNR`. */
  readonly name: string;
  /** Attributes by name as written (`SEGMENT`, `segment`, `BEGIN`). */
  readonly attributes: ReadonlyMap<string, string>;
  readonly children: readonly IdocNode[];
  /** The character data directly inside, concatenated (a field's raw value). */
  readonly text: string;
  /** 1-based line in IDoc-XML; absent for JSON. */
  readonly line?: number;
  /**
   * What JSON made of it: a string value is a `field`, an object a `segment`, another scalar a
   * `nonString` field. Absent for XML, where a leaf element is a field unless it has a SEGMENT attribute
   * or the schema names it a segment.
   */
  readonly json?: "field" | "segment" | "nonString";
}

/** True when the node has a SEGMENT attribute (either case). */
export function hasSegmentMarker(node: IdocNode): boolean {
  for (const name of node.attributes.keys()) if (name.toUpperCase() === "SEGMENT") return true;
  return false;
}
