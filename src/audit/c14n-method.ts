/**
 * The canonicalization algorithms, named by their W3C algorithm URIs (as XML Signature names them in
 * `ds:CanonicalizationMethod/@Algorithm` and `ds:Transform/@Algorithm`), and the short names the CLI
 * takes.
 *
 * - Canonical XML 1.0, W3C Recommendation 15 March 2001: <https://www.w3.org/TR/2001/REC-xml-c14n-20010315>
 * - Canonical XML 1.1, W3C Recommendation 2 May 2008: <https://www.w3.org/TR/xml-c14n11/>
 * - Exclusive XML Canonicalization 1.0, W3C Recommendation 18 July 2002: <https://www.w3.org/TR/xml-exc-c14n/>
 * - JSON Canonicalization Scheme (JCS), RFC 8785: <https://www.rfc-editor.org/rfc/rfc8785>
 *
 * @module
 */

/** Canonical XML 1.0, comments omitted. */
export const C14N_10 = "http://www.w3.org/TR/2001/REC-xml-c14n-20010315";
/** Canonical XML 1.0 with comments. */
export const C14N_10_WITH_COMMENTS = "http://www.w3.org/TR/2001/REC-xml-c14n-20010315#WithComments";
/** Canonical XML 1.1, comments omitted. */
export const C14N_11 = "http://www.w3.org/2006/12/xml-c14n11";
/** Canonical XML 1.1 with comments. */
export const C14N_11_WITH_COMMENTS = "http://www.w3.org/2006/12/xml-c14n11#WithComments";
/** Exclusive XML Canonicalization 1.0, comments omitted. */
export const EXC_C14N_10 = "http://www.w3.org/2001/10/xml-exc-c14n#";
/** Exclusive XML Canonicalization 1.0 with comments. */
export const EXC_C14N_10_WITH_COMMENTS = "http://www.w3.org/2001/10/xml-exc-c14n#WithComments";
/**
 * RFC 8785 JSON Canonicalization Scheme. RFC 8785 defines no algorithm URI of its own; the project names
 * it by the RFC's URN.
 */
export const JCS = "urn:ietf:rfc:8785";

/** The XML canonicalization algorithms, by URI. */
export type C14nMethodUri =
  | typeof C14N_10
  | typeof C14N_10_WITH_COMMENTS
  | typeof C14N_11
  | typeof C14N_11_WITH_COMMENTS
  | typeof EXC_C14N_10
  | typeof EXC_C14N_10_WITH_COMMENTS;

/** The short names (as the CLI's `--method` takes them). */
export type C14nMethodName =
  | "c14n"
  | "c14n#WithComments"
  | "c14n11"
  | "c14n11#WithComments"
  | "exc-c14n"
  | "exc-c14n#WithComments";

/** What an algorithm URI means for libxml2's `xmlC14NExecute`. */
export interface C14nMethod {
  readonly name: C14nMethodName;
  readonly uri: C14nMethodUri;
  /** `XML_C14N_1_0` (0), `XML_C14N_EXCLUSIVE_1_0` (1) or `XML_C14N_1_1` (2). */
  readonly mode: 0 | 1 | 2;
  readonly withComments: boolean;
  /** Exclusive canonicalization (takes an InclusiveNamespaces PrefixList). */
  readonly exclusive: boolean;
}

export const C14N_METHODS: readonly C14nMethod[] = Object.freeze([
  { name: "c14n", uri: C14N_10, mode: 0, withComments: false, exclusive: false },
  { name: "c14n#WithComments", uri: C14N_10_WITH_COMMENTS, mode: 0, withComments: true, exclusive: false },
  { name: "c14n11", uri: C14N_11, mode: 2, withComments: false, exclusive: false },
  { name: "c14n11#WithComments", uri: C14N_11_WITH_COMMENTS, mode: 2, withComments: true, exclusive: false },
  { name: "exc-c14n", uri: EXC_C14N_10, mode: 1, withComments: false, exclusive: true },
  {
    name: "exc-c14n#WithComments",
    uri: EXC_C14N_10_WITH_COMMENTS,
    mode: 1,
    withComments: true,
    exclusive: true,
  },
]);

/** The method for a short name or an algorithm URI; `undefined` for anything else. */
export function findC14nMethod(nameOrUri: string): C14nMethod | undefined {
  return C14N_METHODS.find((m) => m.name === nameOrUri || m.uri === nameOrUri);
}

/**
 * The method for a short name or an algorithm URI.
 *
 * @throws `RangeError` naming the accepted values when `nameOrUri` is neither
 */
export function c14nMethod(nameOrUri: string): C14nMethod {
  const method = findC14nMethod(nameOrUri);
  if (!method)
    throw new RangeError(
      `unknown canonicalization method "${nameOrUri}"; expected one of ${C14N_METHODS.map((m) => m.name).join(", ")} or their algorithm URIs`,
    );
  return method;
}
