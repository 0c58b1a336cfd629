/**
 * What the map commands that produce one document share: a rejection's errors on stderr, the document
 * on stdout or in `--output`.
 *
 * @module
 */
import { writeFileSync } from "node:fs";
import { formatMapIssue, type MapIssue } from "../../mappers/issues.js";
import { formatUnmapped, type UnmappedField } from "../../mappers/shared/unmapped.js";
import { ExitCode } from "../exit-codes.js";
import type { Io } from "../io.js";

/** Prints every error and the rejection line; returns the findings exit code. */
export function reportRejected(
  what: string,
  errors: readonly MapIssue[],
  warnings: number,
  io: Io,
): ExitCode {
  for (const error of errors) io.err(formatMapIssue(error));
  io.err(`b2mml map: ${what}: rejected with ${errors.length} error(s), ${warnings} warning(s); no document`);
  return ExitCode.FINDINGS;
}

/** Prints the unmapped-field account (`--report-unmapped`), one line per field. */
export function reportUnmapped(unmapped: readonly UnmappedField[], io: Io): void {
  for (const u of unmapped) io.err(formatUnmapped(u));
}

/** Writes the document to `output` (or stdout); an unwritable file is an input error. */
export function emitDocument(xml: string, output: string | undefined, io: Io): ExitCode {
  if (output === undefined) {
    io.out(xml);
    return ExitCode.OK;
  }
  try {
    writeFileSync(output, xml);
    return ExitCode.OK;
  } catch (error) {
    io.err(
      `${output}: IO_UNWRITABLE cannot write the document (${(error as NodeJS.ErrnoException).code ?? "unwritable"})`,
    );
    return ExitCode.INPUT_ERROR;
  }
}
