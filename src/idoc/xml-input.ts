/**
 * IDoc-XML into the reader's node tree, through the project's hardened reader (`parseXmlTree`: DOCTYPE
 * refused, limits enforced; its `XmlParseError` propagates).
 *
 * Accepted roots:
 * - plain IDoc-XML: the root named after the basic or extension type, no namespace;
 * - SAP SOAP IDoc-XML: the same root in the namespace `urn:sap-com:document:sap:idoc:soap:messages`
 *   (every descendant in it by default);
 * - either of them as the only element of a SOAP 1.1 or 1.2 `Envelope/Body` (the `Header` is ignored).
 *
 * Names are local names; namespaces below the root are not checked.
 *
 * @module
 */
import { parseXmlTree, type ReaderOptions, type XmlElement } from "../binding/xml-tree.js";
import type { IdocNode } from "./idoc-node.js";
import { idocIssue } from "./issues.js";
import type { IdocIssue } from "./model.js";

/** The namespace of SAP's SOAP IDoc-XML (`/sap/bc/srt/idoc`, SAP DM, the CPI IDoc adapter). */
export const IDOC_SOAP_NAMESPACE = "urn:sap-com:document:sap:idoc:soap:messages";

/** SOAP envelope namespaces (1.1 and 1.2). */
export const SOAP_ENVELOPE_NAMESPACES: readonly string[] = [
  "http://schemas.xmlsoap.org/soap/envelope/",
  "http://www.w3.org/2003/05/soap-envelope",
];

/** What the XML input gave: the IDoc root as a node, or the error that stops reading. */
export interface XmlInput {
  readonly root?: IdocNode;
  /** `plain` (no namespace) or `soap` (SAP SOAP IDoc namespace, with or without an envelope). */
  readonly form?: "plain" | "soap";
  readonly issues: readonly IdocIssue[];
}

/**
 * Reads IDoc-XML into nodes.
 *
 * @throws {@link XmlParseError} when the hardened reader refuses the document
 */
export function readIdocXml(input: string | Uint8Array, reader: ReaderOptions): XmlInput {
  let root = parseXmlTree(input, reader);
  if (root.ns !== null && SOAP_ENVELOPE_NAMESPACES.includes(root.ns) && root.local === "Envelope") {
    const body = elements(root).find((e) => e.local === "Body" && e.ns === root.ns);
    const content = body ? elements(body) : [];
    const [only] = content;
    if (!only || content.length > 1)
      return {
        issues: [
          idocIssue(
            "IDOC_NOT_AN_IDOC",
            "error",
            "",
            `a SOAP envelope whose Body holds ${content.length} elements; expected exactly one IDoc root`,
            body?.line ?? root.line,
          ),
        ],
      };
    root = only;
  }
  if (root.ns !== null && root.ns !== IDOC_SOAP_NAMESPACE)
    return {
      issues: [
        idocIssue(
          "IDOC_UNSUPPORTED_NAMESPACE",
          "error",
          "",
          `the root element ${root.local} is in the namespace '${root.ns}'; IDoc-XML has no namespace or '${IDOC_SOAP_NAMESPACE}' (other dialects, such as BizTalk's, are not read)`,
          root.line,
        ),
      ],
    };
  return { root: toNode(root), form: root.ns === null ? "plain" : "soap", issues: [] };
}

function elements(element: XmlElement): XmlElement[] {
  return element.children.filter((c): c is XmlElement => c.kind === "element");
}

function toNode(element: XmlElement): IdocNode {
  const attributes = new Map<string, string>();
  for (const attr of element.attributes) if (attr.ns === null) attributes.set(attr.local, attr.value);
  const children: IdocNode[] = [];
  let text = "";
  for (const child of element.children) {
    if (child.kind === "element") children.push(toNode(child));
    else text += child.value;
  }
  return { name: element.local, attributes, children, text, line: element.line };
}
