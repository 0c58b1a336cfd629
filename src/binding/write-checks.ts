/**
 * What the writer checks of every value it writes, and the problems it collects: text and attribute
 * values must hold only characters XML 1.0 allows, names taken from the value must be NCNames. Each
 * problem carries the XPath of its element or attribute.
 *
 * @module
 */
import type { BindingWriteCode, BindingWriteProblem } from "./write-options.js";
import {
  describeForbiddenCharacter,
  escapeAttribute,
  escapeText,
  findForbiddenCharacter,
} from "./xml-escape.js";
import { isNcName, NC_NAME_EXPECTED } from "./xml-name.js";

export class WriteChecks {
  readonly problems: BindingWriteProblem[] = [];

  report(
    code: BindingWriteCode,
    path: string,
    message: string,
    detail: { expected?: string; received?: string } = {},
  ): void {
    this.problems.push({ code, path, message, ...detail });
  }

  /** Text content, escaped; a value with a forbidden character is reported at `path` and left out. */
  text(value: string, path: string): string {
    const bad = findForbiddenCharacter(value);
    if (bad === undefined) return escapeText(value);
    const { message, ...detail } = describeForbiddenCharacter(value, bad);
    this.report("BIND_WRITE_FORBIDDEN_CHARACTER", path, message, detail);
    return "";
  }

  /** An attribute value, escaped; a value with a forbidden character is reported at `path` and left out. */
  attributeValue(value: string, path: string): string {
    const bad = findForbiddenCharacter(value);
    if (bad === undefined) return escapeAttribute(value);
    const { message, ...detail } = describeForbiddenCharacter(value, bad);
    this.report("BIND_WRITE_FORBIDDEN_CHARACTER", path, message, detail);
    return "";
  }

  /** Whether a name taken from the value is an NCName; reports it at `path` when not. */
  checkName(name: string, what: "element" | "attribute" | "namespace prefix", path: string): boolean {
    if (isNcName(name)) return true;
    this.report("BIND_WRITE_INVALID_NAME", path, `the ${what} name is not an XML name`, {
      expected: NC_NAME_EXPECTED,
      received: name,
    });
    return false;
  }
}
