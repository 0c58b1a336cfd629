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
 * JSON text is first scanned without building anything ({@link scanIdocJson}): a key repeated in one
 * object is refused (`JSON.parse` would keep only the last one, silently dropping a segment), and the
 * depth and element limits are enforced before `JSON.parse` allocates the object graph.
 *
 * @module
 */
import { DEFAULT_READER_LIMITS, type ReaderOptions } from "../binding/xml-tree.js";
import { IdocInputError, type IdocInputErrorCode } from "./idoc-input-error.js";
import type { IdocNode } from "./idoc-node.js";
import { findJsonSyntaxError, lineColumnAt } from "./json-syntax-error.js";

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
  scanIdocJson(text, reader);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // the engine names a position for some errors only: the place is computed (issue #18)
    const offset = findJsonSyntaxError(text) ?? Number(/position (\d+)/.exec(message)?.[1] ?? text.length);
    const at = lineColumnAt(text, offset);
    throw new IdocInputError("JSON_NOT_WELL_FORMED", message, at.line, at.column, file);
  }
}

/** An open object or array while scanning. */
interface ScanFrame {
  readonly kind: "object" | "array";
  /** Object: the keys seen so far. */
  readonly keys: Set<string>;
  /** Object: the current member's key. */
  key: string;
  /** Object: the next string is a key. */
  expectKey: boolean;
  /** Array: the current item's index. */
  index: number;
}

/**
 * Scans JSON text before it is parsed, allocating only a key set per open object:
 *
 * - a key that occurs twice in one object (after unescaping: `"A"` and `"\u0041"` are the same key) is
 *   refused with `JSON_NOT_WELL_FORMED`, naming the key, the object's path and the line;
 * - nesting deeper than `maxDepth` is refused (`JSON_TOO_DEEP`): every object counts one level, and so
 *   does an array that is not a member of an object (an array as a member holds repeated segments at the
 *   member's level); one level more than `maxDepth` is allowed for the `{ "<root>": … }` wrapper;
 * - more values than `maxElements` are refused (`JSON_TOO_MANY_ELEMENTS`): every object and every value
 *   but `null`, arrays and `BEGIN`/`SEGMENT` attributes counts; two more are allowed for the top-level
 *   wrappers. The interpretation then counts segments and fields exactly.
 *
 * Text that is not JSON is left to `JSON.parse`, which reports where.
 *
 * @throws {@link IdocInputError}
 */
function scanIdocJson(text: string, reader: ReaderOptions): void {
  const maxDepth = reader.maxDepth ?? DEFAULT_READER_LIMITS.maxDepth;
  const maxElements = reader.maxElements ?? DEFAULT_READER_LIMITS.maxElements;
  const stack: ScanFrame[] = [];
  let depth = 0;
  let count = 0;
  const refuse = (code: IdocInputErrorCode, message: string, at: number): never => {
    const { line, column } = lineColumnAt(text, at);
    throw new IdocInputError(code, message, line, column, reader.file);
  };
  /** Where the innermost open object or array is: `LOIPRO05.IDOC[0].E1AFKOL`. */
  const path = (): string => {
    let out = "";
    for (const frame of stack.slice(0, -1))
      out += frame.kind === "array" ? `[${frame.index}]` : out ? `.${frame.key}` : frame.key;
    return out || "(top level)";
  };
  /** A value starts at `at`: counts it (unless null, or an attribute value). */
  const value = (at: number, counts: boolean) => {
    const top = stack[stack.length - 1];
    if (!counts || (top?.kind === "object" && ATTRIBUTE_KEY.test(top.key))) return;
    if (++count > maxElements + 2)
      refuse("JSON_TOO_MANY_ELEMENTS", `more segments and fields than maxElements (${maxElements})`, at);
  };
  const open = (kind: "object" | "array", at: number) => {
    const parent = stack[stack.length - 1];
    if (kind === "object" || parent?.kind !== "object") depth++;
    if (depth > maxDepth + 1) refuse("JSON_TOO_DEEP", `objects nest deeper than maxDepth (${maxDepth})`, at);
    if (kind === "object") value(at, true);
    stack.push({ kind, keys: new Set(), key: "", expectKey: kind === "object", index: 0 });
  };
  const close = () => {
    const frame = stack.pop();
    if (!frame) return false;
    const parent = stack[stack.length - 1];
    if (frame.kind === "object" || parent?.kind !== "object") depth--;
    return true;
  };
  const n = text.length;
  for (let i = 0; i < n; ) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x3a /* : */) {
      i++;
      continue;
    }
    const top = stack[stack.length - 1];
    switch (c) {
      case 0x7b /* { */:
        open("object", i++);
        continue;
      case 0x5b /* [ */:
        open("array", i++);
        continue;
      case 0x7d /* } */:
      case 0x5d /* ] */:
        if (!close()) return; // not JSON: JSON.parse says where
        i++;
        continue;
      case 0x2c /* , */:
        if (top?.kind === "object") top.expectKey = true;
        else if (top) top.index++;
        i++;
        continue;
      case 0x22 /* " */:
        {
          const start = i;
          let escaped = false;
          for (i++; i < n; i++) {
            const d = text.charCodeAt(i);
            if (d === 0x5c /* \ */) {
              escaped = true;
              i++;
            } else if (d === 0x22) break;
          }
          if (i >= n) return; // unterminated: JSON.parse reports it
          i++;
          if (top?.kind === "object" && top.expectKey) {
            let key = text.slice(start + 1, i - 1);
            if (escaped) {
              try {
                key = JSON.parse(text.slice(start, i)) as string;
              } catch {
                return; // a bad escape: JSON.parse reports it
              }
            }
            top.expectKey = false;
            if (top.keys.has(key))
              refuse(
                "JSON_NOT_WELL_FORMED",
                `duplicate key ${JSON.stringify(key)} in the object at ${path()} (JSON.parse would keep only the last one)`,
                start,
              );
            top.keys.add(key);
            top.key = key;
          } else value(start, true);
          continue;
        }
      default: {
        // a number, true, false or null (or not JSON: JSON.parse reports it)
        const start = i;
        while (i < n && /[A-Za-z0-9+\-.]/.test(text[i] ?? "")) i++;
        if (i === start) return;
        value(start, text.slice(start, i) !== "null");
      }
    }
  }
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
