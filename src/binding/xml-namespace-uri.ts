/**
 * What a namespace declaration may bind: an absolute URI, by RFC 3986's grammar (`URI` of §3, with
 * `scheme` of §3.1), exactly the check libxml2 applies when it parses a document (a value that is not a
 * URI reference is an error there) and when it canonicalizes one (a relative reference is an error:
 * Canonical XML 1.0 §2 "implementations MUST report an operation failure on documents containing
 * relative namespace URIs"). Internal to the hardened reader.
 *
 * Only ASCII is allowed: an IRI's non-ASCII characters must be percent-encoded, as libxml2 requires.
 *
 * @module
 */

const PCT = "%[0-9A-Fa-f]{2}";
const UNRESERVED = "A-Za-z0-9\\-._~";
const SUB_DELIMS = "!$&'()*+,;=";
const PCHAR = `(?:[${UNRESERVED}${SUB_DELIMS}:@]|${PCT})`;
/** A path segment without a colon (the first segment of a relative path). */
const PCHAR_NC = `(?:[${UNRESERVED}${SUB_DELIMS}@]|${PCT})`;
const SEGMENT = `${PCHAR}*`;
const QUERY_OR_FRAGMENT = `(?:${PCHAR}|[/?])*`;
const USERINFO = `(?:[${UNRESERVED}${SUB_DELIMS}:]|${PCT})*`;
const REG_NAME = `(?:[${UNRESERVED}${SUB_DELIMS}]|${PCT})*`;
const IP_LITERAL = "\\[[0-9A-Za-z:.\\-_~!$&'()*+,;=]*\\]";
const AUTHORITY = `(?:${USERINFO}@)?(?:${IP_LITERAL}|${REG_NAME})(?::[0-9]*)?`;
const PATH_ABEMPTY = `(?:/${SEGMENT})*`;
const PATH_ABSOLUTE = `/(?:${PCHAR}+(?:/${SEGMENT})*)?`;
const PATH_ROOTLESS = `${PCHAR}+(?:/${SEGMENT})*`;
const PATH_NOSCHEME = `${PCHAR_NC}+(?:/${SEGMENT})*`;
const TAIL = `(?:\\?${QUERY_OR_FRAGMENT})?(?:#${QUERY_OR_FRAGMENT})?`;
const SCHEME = "[A-Za-z][A-Za-z0-9+.\\-]*";

const ABSOLUTE_URI = new RegExp(
  `^${SCHEME}:(?://${AUTHORITY}${PATH_ABEMPTY}|${PATH_ABSOLUTE}|${PATH_ROOTLESS}|)${TAIL}$`,
);
const RELATIVE_REF = new RegExp(
  `^(?://${AUTHORITY}${PATH_ABEMPTY}|${PATH_ABSOLUTE}|${PATH_NOSCHEME}|)${TAIL}$`,
);

/** How a namespace name reads: an absolute URI, a relative reference, or not a URI reference at all. */
export type NamespaceUriKind = "absolute" | "relative" | "invalid";

/** Classifies a namespace declaration's value (after entity expansion) by RFC 3986. */
export function classifyNamespaceUri(value: string): NamespaceUriKind {
  if (ABSOLUTE_URI.test(value)) return "absolute";
  return RELATIVE_REF.test(value) ? "relative" : "invalid";
}
