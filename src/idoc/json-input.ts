/**
 * IDoc-JSON into the reader's node tree. The shape mirrors IDoc-XML (docs/idoc.md):
 *
 * ```json
 * { "LOIPRO05": { "IDOC": [ { "EDI_DC40": { "DOCNUM": "…" }, "E1AFKOL": { "AUFNR": "…", "E1AFFLL": [ { … } ] } } ] } }
 * ```
 *
 * - top level: `{ "<root name>": { "IDOC": … } }`, `{ "IDOC": … }` or an array of IDoc objects;
 * - `IDOC`: an array of IDoc objects, or one object;
 * - in a segment: a string is a field, an object a segment, an array repeated segments; `null` is an
 *   absent field; the keys `BEGIN`/`SEGMENT` (any case, optionally `@`-prefixed) are attributes;
 * - a number or boolean is kept as a `nonString` field (a JSON number may already have lost digits, so
 *   the reader does not normalize it).
 *
 * Limits of the hardened XML reader apply here too (input size, depth, number of nodes, text length).
 *
 * @module
 */
import { DEFAULT_READER_LIMITS, type ReaderOptions } from "../binding/xml-tree.js";
import { IdocInputError, type IdocInputErrorCode } from "./idoc-input-error.js";
import type { IdocNode } from "./idoc-node.js";

/** A top-level shape that is not IDoc-JSON: the interpreter reports `IDOC_NOT_AN_IDOC`. */
export interface JsonInput {
  readonly root?: IdocNode;
  readonly problem?: string;
}

const ATTRIBUTE_KEY = /^@?(BEGIN|SEGMENT)$/i;
const NO_ATTRIBUTES: ReadonlyMap<string, string> = new Map();

/** Parses IDoc-JSON text or bytes. @throws {@link IdocInputError} */
export function parseIdocJsonText(input: string | Uint8Array, reader: ReaderOptions): unknown {
  const file = reader.file;
  const maxInputBytes = reader.maxInputBytes ?? DEFAULT_READER_LIMITS.maxInputBytes;
  if (input.length > maxInputBytes)
    throw new IdocInputError(
      "JSON_INPUT_TOO_LARGE",
      `the input is ${input.length} ${typeof input === "string" ? "characters" : "bytes"}, more than maxInputBytes (${maxInputBytes})`,
      undefined,
      undefined,
      file,
    );
  let text: string;
  if (typeof input === "string") text = input;
  else {
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(input);
    } catch {
      throw new IdocInputError(
        "JSON_BAD_ENCODING",
        "the bytes are not valid UTF-8",
        undefined,
        undefined,
        file,
      );
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message)?.[1];
    const at = position === undefined ? undefined : lineColumn(text, Number(position));
    throw new IdocInputError("JSON_NOT_WELL_FORMED", message, at?.line, at?.column, file);
  }
}

function lineColumn(text: string, index: number): { line: number; column: number } {
  const before = text.slice(0, index).split(/\r\n|\r|\n/);
  return { line: before.length, column: (before[before.length - 1]?.length ?? 0) + 1 };
}

/** Turns parsed IDoc-JSON into nodes. @throws {@link IdocInputError} when a limit is exceeded */
export function readIdocJson(value: unknown, reader: ReaderOptions): JsonInput {
  const limits = {
    maxDepth: reader.maxDepth ?? DEFAULT_READER_LIMITS.maxDepth,
    maxElements: reader.maxElements ?? DEFAULT_READER_LIMITS.maxElements,
    maxTextLength: reader.maxTextLength ?? DEFAULT_READER_LIMITS.maxTextLength,
  };
  let count = 0;
  const refuse = (code: IdocInputErrorCode, message: string): never => {
    throw new IdocInputError(code, message, undefined, undefined, reader.file);
  };
  const counted = () => {
    if (++count > limits.maxElements)
      refuse("JSON_TOO_MANY_ELEMENTS", `more segments and fields than maxElements (${limits.maxElements})`);
  };
  const text = (s: string) => {
    if (s.length > limits.maxTextLength)
      refuse("JSON_TEXT_TOO_LONG", `a value longer than maxTextLength (${limits.maxTextLength})`);
    return s;
  };

  const segment = (name: string, object: object, depth: number): IdocNode => {
    if (depth > limits.maxDepth)
      refuse("JSON_TOO_DEEP", `objects nest deeper than maxDepth (${limits.maxDepth})`);
    counted();
    const attributes = new Map<string, string>();
    const children: IdocNode[] = [];
    for (const [key, item] of Object.entries(object)) {
      if (ATTRIBUTE_KEY.test(key) && (typeof item === "string" || typeof item === "number")) {
        attributes.set(key.replace(/^@/, ""), text(String(item)));
        continue;
      }
      for (const entry of Array.isArray(item) ? item : [item]) {
        const node = member(key, entry, depth + 1);
        if (node) children.push(node);
      }
    }
    return {
      name,
      attributes: attributes.size ? attributes : NO_ATTRIBUTES,
      children,
      text: "",
      json: "segment",
    };
  };

  const member = (name: string, item: unknown, depth: number): IdocNode | undefined => {
    if (item === null || item === undefined) return undefined;
    if (typeof item === "object" && !Array.isArray(item)) return segment(name, item, depth);
    counted();
    const kind = typeof item === "string" ? "field" : "nonString";
    const raw = Array.isArray(item) ? JSON.stringify(item) : String(item as string | number | boolean);
    return { name, attributes: NO_ATTRIBUTES, children: [], text: text(raw), json: kind };
  };

  const idocs = (list: unknown, rootName: string): JsonInput => {
    const items = Array.isArray(list) ? list : [list];
    const children: IdocNode[] = [];
    for (const item of items) {
      if (item === null || typeof item !== "object" || Array.isArray(item))
        return { problem: "an IDOC entry that is not an object" };
      children.push(segment("IDOC", item, 2));
    }
    return { root: { name: rootName, attributes: NO_ATTRIBUTES, children, text: "", json: "segment" } };
  };

  if (Array.isArray(value)) return idocs(value, "");
  if (value === null || typeof value !== "object")
    return { problem: "the JSON value is not an object or an array of IDoc objects" };
  const record = value as Record<string, unknown>;
  if ("IDOC" in record) return idocs(record.IDOC, "");
  const keys = Object.keys(record);
  const [rootName] = keys;
  const inner = rootName === undefined ? undefined : record[rootName];
  if (keys.length === 1 && rootName && inner !== null && typeof inner === "object" && "IDOC" in inner)
    return idocs((inner as Record<string, unknown>).IDOC, rootName);
  return {
    problem: `expected { "<basic type>": { "IDOC": [...] } }, { "IDOC": [...] } or an array of IDoc objects; found the keys ${keys.slice(0, 5).join(", ") || "(none)"}`,
  };
}
