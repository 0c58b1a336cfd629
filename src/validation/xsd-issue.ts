/**
 * Turns a libxml2 schema-validity diagnostic into a {@link ValidationIssue}: a stable code from the message
 * pattern, the element's XPath, and `expected` / `received` where the message states them.
 *
 * libxml2's messages look like `Element '{ns}Name': This element is not expected. Expected is ( {ns}A ).` or
 * `Element '{ns}Name', attribute 'a': 'x' is not a valid value of the atomic type 'xs:dateTime'.`; the
 * message is kept as libxml2 wrote it (trimmed), the parts are parsed out of it.
 *
 * @module
 */
import type { ErrorDetail } from "libxml2-wasm";
import type { XmlElement } from "../binding/xml-tree.js";
import { parseIssuePath } from "../shared/issue.js";
import type { ElementLocator } from "./element-locator.js";
import type { ValidationIssue } from "./issues.js";

/** The codes of issues from XSD validation (source `"xsd"`); see docs/validation.md. */
export type XsdIssueCode =
  | "XSD_NO_ROOT_DECLARATION"
  | "XSD_UNEXPECTED_ELEMENT"
  | "XSD_MISSING_ELEMENT"
  | "XSD_UNDECLARED_ELEMENT"
  | "XSD_MISSING_ATTRIBUTE"
  | "XSD_UNEXPECTED_ATTRIBUTE"
  | "XSD_INVALID_VALUE"
  | "XSD_INVALID_CONTENT"
  | "XSD_IDENTITY_CONSTRAINT"
  | "XSD_INVALID"
  | "XSD_UNKNOWN_RELEASE"
  /** A valid xs:dateTime/xs:date whose year is beyond ±2147483647, libxml2-wasm's limit (`year-limit.ts`). */
  | "XSD_YEAR_BEYOND_ENGINE_LIMIT";

interface Classified {
  code: XsdIssueCode;
  expected?: string;
  received?: string;
  /** The diagnostic is about this attribute of the element (present in the document). */
  attribute?: string;
}

const SUBJECT = /^Element '([^']+)'(?:, attribute '([^']+)')?: /;

/** The issue for one libxml2 validity diagnostic. */
export function toXsdIssue(
  detail: ErrorDetail,
  locator: ElementLocator,
  paths: ReadonlyMap<XmlElement, string>,
): ValidationIssue {
  const message = detail.message.trim();
  const subject = SUBJECT.exec(message);
  const elementName = subject?.[1];
  const classified = classify(message.slice(subject?.[0].length ?? 0), elementName, subject?.[2]);
  const element =
    (detail.xpath === undefined ? undefined : locator.byNodePath(detail.xpath)) ??
    (elementName === undefined ? undefined : locator.byNameAndLine(elementName, detail.line));
  const elementPath = element === undefined ? "" : (paths.get(element) ?? "");
  const path =
    classified.attribute !== undefined && elementPath !== ""
      ? `${elementPath}/@${classified.attribute}`
      : elementPath;
  return {
    code: classified.code,
    severity: detail.level === 1 ? "warning" : "error",
    origin: "xsd",
    message,
    line: detail.line > 0 ? detail.line : (element?.line ?? 0),
    column: detail.col > 0 ? detail.col : (element?.column ?? 0),
    path: parseIssuePath(path),
    ...(classified.expected === undefined ? {} : { expected: classified.expected }),
    ...(classified.received === undefined ? {} : { received: classified.received }),
  };
}

function classify(rest: string, elementName: string | undefined, attribute: string | undefined): Classified {
  const namespace = elementName === undefined ? undefined : /^\{([^}]*)\}/.exec(elementName)?.[1];
  const local = elementName === undefined ? undefined : localName(elementName);
  const expectedList = /Expected is (?:one of )?\( (.*) \)\.?$/.exec(rest)?.[1];
  const expected = expectedList === undefined ? undefined : shortenList(expectedList, namespace);
  const withExpected = (code: XsdIssueCode, received?: string): Classified => ({
    code,
    ...(expected === undefined ? {} : { expected }),
    ...(received === undefined ? {} : { received }),
  });

  if (rest.startsWith("No matching global declaration available for the validation root")) {
    return {
      code: "XSD_NO_ROOT_DECLARATION",
      ...(elementName === undefined ? {} : { received: elementName }),
    };
  }
  if (rest.startsWith("This element is not expected")) return withExpected("XSD_UNEXPECTED_ELEMENT", local);
  if (rest.startsWith("Missing child element(s)")) return withExpected("XSD_MISSING_ELEMENT");
  if (
    rest.startsWith("No matching global element declaration available, but demanded by the strict wildcard")
  ) {
    return {
      code: "XSD_UNDECLARED_ELEMENT",
      ...(elementName === undefined ? {} : { received: elementName }),
    };
  }
  const missingAttribute = /^The attribute '([^']+)' is required but missing/.exec(rest);
  if (missingAttribute !== null)
    return { code: "XSD_MISSING_ATTRIBUTE", expected: missingAttribute[1] ?? "" };
  if (/^The attribute '[^']+' is not allowed/.test(rest)) {
    return attributeIssue("XSD_UNEXPECTED_ATTRIBUTE", attribute, { received: attribute ?? "" });
  }
  const facet = /^\[facet '([^']+)'\] (.*)$/.exec(rest);
  if (facet !== null) {
    return attributeIssue("XSD_INVALID_VALUE", attribute, facetParts(facet[1] ?? "", facet[2] ?? ""));
  }
  const atomic =
    /^'(.*)' is not a valid value of the (?:local )?(atomic|list|union) type(?: '([^']+)')?/s.exec(rest);
  if (atomic !== null) {
    return attributeIssue("XSD_INVALID_VALUE", attribute, {
      received: atomic[1] ?? "",
      expected: atomic[3] ?? `a value of the local ${atomic[2]} type`,
    });
  }
  if (/^(Character content other than whitespace is not allowed|Element content is not allowed)/.test(rest)) {
    return { code: "XSD_INVALID_CONTENT" };
  }
  if (/identity-constraint|key-sequence/.test(rest)) return { code: "XSD_IDENTITY_CONSTRAINT" };
  return attributeIssue("XSD_INVALID", attribute, {});
}

function attributeIssue(
  code: XsdIssueCode,
  attribute: string | undefined,
  parts: { expected?: string; received?: string },
): Classified {
  return { code, ...parts, ...(attribute === undefined ? {} : { attribute }) };
}

/** `expected` / `received` from a facet message. */
function facetParts(facet: string, text: string): { expected?: string; received?: string } {
  const value = /^The value '(.*?)' /s.exec(text)?.[1];
  const received = value === undefined ? {} : { received: value };
  switch (facet) {
    case "enumeration": {
      const set = /element of the set \{(.*)\}/s.exec(text)?.[1];
      return { ...received, ...(set === undefined ? {} : { expected: `one of ${set}` }) };
    }
    case "pattern": {
      const pattern = /accepted by the pattern '(.*)'/s.exec(text)?.[1];
      return { ...received, ...(pattern === undefined ? {} : { expected: `pattern ${pattern}` }) };
    }
    default: {
      const limit = /allowed (\w+ ?\w*) (?:of )?'([^']*)'/.exec(text);
      const length = /has a length of '([^']*)'/.exec(text)?.[1];
      return {
        ...received,
        ...(length === undefined ? {} : { received: `length ${length}` }),
        ...(limit === null ? { expected: facet } : { expected: `${facet} ${limit[2] ?? ""}` }),
      };
    }
  }
}

/** `{ns}A, {ns}B` → `A, B` for names in `namespace`; other names keep their `{ns}`. */
function shortenList(list: string, namespace: string | undefined): string {
  return list
    .split(/,\s*/)
    .map((name) => (namespace !== undefined && name.startsWith(`{${namespace}}`) ? localName(name) : name))
    .join(", ");
}

function localName(clark: string): string {
  const close = clark.indexOf("}");
  return close < 0 ? clark : clark.slice(close + 1);
}
