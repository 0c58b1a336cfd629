/**
 * An IDoc-JSON input that cannot be read at all. (IDoc-XML that cannot be read throws the hardened
 * reader's `XmlParseError`.) The CLI maps both to exit code 3, "input unreadable or unsafe".
 *
 * @module
 */

/** Why an IDoc-JSON input cannot be read. */
export type IdocInputErrorCode =
  /** Not JSON (syntax error). */
  | "JSON_NOT_WELL_FORMED"
  /** The bytes are not valid UTF-8. */
  | "JSON_BAD_ENCODING"
  /** Larger than the reader's `maxInputBytes`. */
  | "JSON_INPUT_TOO_LARGE"
  /** Objects nest deeper than `maxDepth` (a cyclic object graph ends here too). */
  | "JSON_TOO_DEEP"
  /** More segments and fields than `maxElements`. */
  | "JSON_TOO_MANY_ELEMENTS"
  /** A value longer than `maxTextLength`. */
  | "JSON_TEXT_TOO_LONG";

/** IDoc-JSON refused before interpretation; carries where, when known. */
export class IdocInputError extends Error {
  override readonly name = "IdocInputError";
  constructor(
    readonly code: IdocInputErrorCode,
    message: string,
    readonly line?: number,
    readonly column?: number,
    readonly file?: string,
  ) {
    super(`${file ?? "<input>"}${line === undefined ? "" : `:${line}:${column ?? 1}`}: ${message}`);
  }
}
