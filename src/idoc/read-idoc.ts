/**
 * The IDoc reader: IDoc-XML (plain or SOAP, one IDoc or a packet) or IDoc-JSON in, normalized IDoc
 * trees out ({@link IdocPacket}), with every deviation as an issue.
 *
 * @module
 */
import type { ReaderOptions } from "../binding/xml-tree.js";
import { renderIssuePath } from "../shared/issue.js";
import type { IdocNode } from "./idoc-node.js";
import { type IdocSchema, idocSchema } from "./idoc-schema.js";
import { idocIssue } from "./issues.js";
import { parseIdocJsonText, readIdocJson } from "./json-input.js";
import type { IdocIssue, IdocPacket } from "./model.js";
import { readIdocDocument } from "./read-document.js";
import { validateStrict } from "./validate-strict.js";
import { readIdocXml } from "./xml-input.js";

/** Options of {@link readIdoc}. */
export interface ReadIdocOptions {
  /**
   * Validate the input against the project's IDoc schemas (`xsd/idoc`) and report every deviation as an
   * error (`XSD_*` codes). Off: deviations the reader notices are warnings.
   * @default false
   */
  readonly strict?: boolean;
  /** A name for the input in errors (a path). */
  readonly file?: string;
  /**
   * The IDoc types to read by: the project's schemas (default), or those plus the user's own definitions
   * (`loadIdocSchema(folder)`: Z-segments, fields of newer releases).
   */
  readonly schema?: IdocSchema;
  /**
   * Limits of the hardened reader, applied to IDoc-XML and IDoc-JSON alike.
   * @default DEFAULT_READER_LIMITS
   */
  readonly reader?: ReaderOptions;
}

/**
 * Reads IDocs.
 *
 * @param input IDoc-XML or IDoc-JSON text or UTF-8 bytes (told apart by the first character that is not
 *   white space: `{` or `[` is JSON, anything else is read as XML), or parsed IDoc-JSON
 * @throws {@link XmlParseError} when IDoc-XML is not well-formed or is refused (DOCTYPE, limits, encoding)
 * @throws {@link IdocInputError} when IDoc-JSON is not JSON or exceeds a limit
 */
export function readIdoc(input: string | Uint8Array | object, options: ReadIdocOptions = {}): IdocPacket {
  const reader: ReaderOptions = {
    ...options.reader,
    ...(options.file === undefined ? {} : { file: options.file }),
  };
  const issues: IdocIssue[] = [];
  let root: IdocNode | undefined;
  if (isText(input) && !looksLikeJson(input)) {
    const xml = readIdocXml(input, reader);
    issues.push(...xml.issues);
    root = xml.root;
  } else {
    const value = isText(input) ? parseIdocJsonText(input, reader) : input;
    const json = readIdocJson(value, reader);
    if (json.problem !== undefined)
      issues.push(idocIssue("IDOC_NOT_AN_IDOC", "error", "", `not IDoc-JSON: ${json.problem}`));
    root = json.root;
  }
  if (!root) return { idocs: [], issues };

  const schema = options.schema ?? idocSchema();
  const idocNodes = root.children.filter((c) => c.name === "IDOC");
  for (const other of root.children)
    if (other.name !== "IDOC")
      issues.push(
        idocIssue(
          "IDOC_UNKNOWN_SEGMENT",
          "warning",
          other.name,
          `${other.name} beside the IDOC elements is not part of IDoc-XML; ignored`,
          other.line,
        ),
      );
  if (idocNodes.length === 0) {
    issues.push(
      idocIssue(
        "IDOC_NOT_AN_IDOC",
        "error",
        "",
        `${root.name || "the input"} has no IDOC element; IDoc-XML is <BASICTYPE><IDOC BEGIN="1">…</IDOC></BASICTYPE>`,
        root.line,
      ),
    );
    return { idocs: [], issues };
  }
  const idocs = idocNodes.map((node, i) => readIdocDocument(node, i + 1, root.name, schema, issues));
  if (options.strict) {
    // A field the reader already refused (a forbidden character) is not reported a second time.
    const reported = new Set(issues.map((i) => `${i.code} ${renderIssuePath(i)}`));
    issues.push(
      ...validateStrict(root, idocs, schema, reader).filter(
        (i) => !reported.has(`${i.code} ${renderIssuePath(i)}`),
      ),
    );
  }
  return { idocs, issues };
}

function isText(input: string | Uint8Array | object): input is string | Uint8Array {
  return typeof input === "string" || input instanceof Uint8Array;
}

/** True when the first character that is not white space (after a byte order mark) is `{` or `[`. */
function looksLikeJson(input: string | Uint8Array): boolean {
  const at = (i: number) => (typeof input === "string" ? input.charCodeAt(i) : input[i]);
  let i = 0;
  if (typeof input === "string" ? at(0) === 0xfeff : at(0) === 0xef && at(1) === 0xbb && at(2) === 0xbf)
    i = typeof input === "string" ? 1 : 3;
  for (; i < input.length; i++) {
    const c = at(i);
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) continue;
    return c === 0x7b || c === 0x5b;
  }
  return false;
}
