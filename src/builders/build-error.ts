/**
 * What the document builders refuse, as data: a code, the argument's path, what was expected and what was
 * found. A builder never repairs a value (no trimming, no rounding, no added offset): it takes the value
 * as given or throws a {@link BuildError}.
 *
 * @module
 */

/** Why a builder refused a value. */
export type BuildErrorCode =
  /** A quantity that is not an `xs:decimal` lexical form (`12.5`, `-0.250`; not `12,5`, `1e3`, ` 12`). */
  | "BUILD_INVALID_QUANTITY"
  /** A unit of measure that is empty or has white space. */
  | "BUILD_INVALID_UNIT"
  /** A value that is not an `xs:dateTime` lexical form. */
  | "BUILD_INVALID_DATE_TIME"
  /** An `xs:dateTime` without a time zone offset (B2MML-TIME-002): its instant is unknown. */
  | "BUILD_DATE_TIME_WITHOUT_OFFSET"
  /** A value that is not an `xs:duration` lexical form (`PT2H30M`). */
  | "BUILD_INVALID_DURATION"
  /** An identifier that is empty or starts or ends with white space. */
  | "BUILD_INVALID_IDENTIFIER";

/** A value a builder refuses. */
export class BuildError extends Error {
  override readonly name = "BuildError";
  constructor(
    readonly code: BuildErrorCode,
    /** The argument, as the builder names it: `quantity.amount`, `productionRequest.startTime`. */
    readonly path: string,
    message: string,
    readonly expected: string,
    readonly received: string,
  ) {
    super(`${path}: ${code} ${message} (expected ${expected}; received ${JSON.stringify(received)})`);
  }
}
