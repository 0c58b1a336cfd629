/**
 * libxml2's `xmlC14NExecute` over a libxml2-wasm document, for the whole document, a subtree or an XPath
 * node set (a "document subset" in the C14N specifications' terms).
 *
 * libxml2-wasm's public `canonicalizeDocument` treats a node set as a set of subtree roots and cascades
 * invisibility from a parent to its children; an XPath document subset needs neither (an element can be
 * left out while its children stay in, as in C14N 1.0 §3.7), and the namespace nodes of an XPath result
 * are copies that libxml2 frees with the result. This module therefore calls `xmlC14NExecute` itself
 * with a visibility callback over node pointers, as libxml2's own `xmlC14NIsNodeInNodeset` does:
 * namespace nodes are matched by (owner element, prefix). It uses libxml2-wasm's internal module
 * `libxml2-wasm/lib/libxml2.mjs` (pinned version 0.7.2; the tests over the libxml2 vectors catch a
 * change).
 *
 * The document must come from a safe parse (see {@link canonicalizeXml}); this module parses nothing.
 *
 * @module
 */
import type { XmlDocument } from "libxml2-wasm";
import * as raw from "libxml2-wasm/lib/libxml2.mjs";
import type { C14nMethod } from "./c14n-method.js";

/** An XPath 1.0 expression and the prefixes it uses. */
export interface XPathSelector {
  readonly expression: string;
  /** Prefix → namespace URI for the expression. */
  readonly namespaces?: Readonly<Record<string, string>>;
}

/** Which part of the document is canonicalized. */
export type C14nSubset =
  /** The whole document. */
  | { readonly kind: "document" }
  /** The element the selector finds (the first one), with everything below it. */
  | { readonly kind: "subtree"; readonly select: XPathSelector }
  /** Exactly the nodes of an XPath node set (elements, attributes, namespace nodes, text…). */
  | { readonly kind: "node-set"; readonly select: XPathSelector };

/** The internals of libxml2-wasm used here (not in its published type declarations). */
interface Raw {
  addFunction(fn: (userData: number, node: number, parent: number) => number, signature: string): number;
  xmlOutputBufferCreateIO(handler: { write(buf: Uint8Array): number; close(): boolean }): number;
}
const internals = raw as unknown as Raw;

const NAMESPACE_DECL = 18;
const ATTRIBUTE_NODE = 2;
const NODESET = 1;

interface Visibility {
  readonly nodes: ReadonlySet<number>;
  /** `${ownerElement} ${prefix}` of the namespace nodes in the set. */
  readonly namespaces: ReadonlySet<string>;
  /** For a subtree: its apex; nodes and namespaces are then unused. */
  readonly apex?: number;
}

/** The visibility of the running call; `xmlC14NExecute` is synchronous, so one slot is enough. */
let current: Visibility | undefined;

const isVisible = internals.addFunction((_userData, node, parent) => {
  const v = current;
  if (v === undefined) return 1;
  if (v.apex !== undefined) {
    if (node === v.apex) return 1;
    for (let p = parent; p !== 0; p = raw.XmlTreeCommonStruct.parent(p)) if (p === v.apex) return 1;
    return 0;
  }
  if (raw.XmlTreeCommonStruct.type(node) !== NAMESPACE_DECL) return v.nodes.has(node) ? 1 : 0;
  const owner =
    parent !== 0 && raw.XmlTreeCommonStruct.type(parent) === ATTRIBUTE_NODE
      ? raw.XmlTreeCommonStruct.parent(parent)
      : parent;
  return v.namespaces.has(`${owner} ${raw.XmlNsStruct.prefix(node)}`) ? 1 : 0;
}, "iiii");

function documentPointer(doc: XmlDocument): number {
  return (doc as unknown as { _ptr: number })._ptr;
}

/** Thrown when an XPath selector does not compile, fails, or does not give a node set. */
export class XPathSelectorError extends Error {
  override readonly name = "XPathSelectorError";
}

/** Evaluates `select` with the document node as context; returns the node set's visibility. */
function evaluate(doc: XmlDocument, select: XPathSelector): Visibility & { readonly first: number } {
  const docPtr = documentPointer(doc);
  const context = raw.xmlXPathNewContext(docPtr);
  let compiled = 0;
  let result = 0;
  try {
    for (const [prefix, uri] of Object.entries(select.namespaces ?? {}))
      raw.xmlXPathRegisterNs(context, prefix, uri);
    raw.xmlXPathSetContextNode(docPtr, context);
    raw.xmlResetLastError();
    compiled = raw.xmlXPathCtxtCompile(context, select.expression);
    if (compiled !== 0) result = raw.xmlXPathCompiledEval(compiled, context);
    if (result === 0) {
      const last = raw.xmlGetLastError();
      const detail = last === 0 ? "" : `: ${raw.XmlErrorStruct.message(last).trim()}`;
      throw new XPathSelectorError(`the XPath expression "${select.expression}" failed${detail}`);
    }
    if (raw.XmlXPathObjectStruct.type(result) !== NODESET)
      throw new XPathSelectorError(`the XPath expression "${select.expression}" does not give a node set`);
    const set = raw.XmlXPathObjectStruct.nodesetval(result);
    const count = set === 0 ? 0 : raw.XmlNodeSetStruct.nodeCount(set);
    const table = count === 0 ? new Int32Array(0) : raw.XmlNodeSetStruct.nodeTable(set, count);
    const nodes = new Set<number>();
    const namespaces = new Set<string>();
    for (const ptr of table) {
      if (raw.XmlTreeCommonStruct.type(ptr) === NAMESPACE_DECL)
        namespaces.add(`${raw.XmlNsStruct.next(ptr)} ${raw.XmlNsStruct.prefix(ptr)}`);
      else nodes.add(ptr);
    }
    return { nodes, namespaces, first: table[0] ?? 0 };
  } finally {
    if (result !== 0) raw.xmlXPathFreeObject(result);
    if (compiled !== 0) raw.xmlXPathFreeCompExpr(compiled);
    raw.xmlXPathFreeContext(context);
  }
}

/** Collects the output as bytes (the buffer libxml2 hands over is wasm memory: it is copied). */
class ByteCollector {
  readonly chunks: Buffer[] = [];
  write(buf: Uint8Array): number {
    this.chunks.push(Buffer.from(buf));
    return buf.length;
  }
  close(): boolean {
    return true;
  }
}

/**
 * Canonicalizes a parsed libxml2 document.
 *
 * @param inclusivePrefixes the InclusiveNamespaces PrefixList (exclusive methods only; `#default` names
 *   the default namespace)
 * @throws {@link XPathSelectorError} for a selector that fails or selects nothing for a subtree
 * @throws `RangeError` for a PrefixList with a non-exclusive method
 */
export function canonicalizeLibxml2Document(
  doc: XmlDocument,
  method: C14nMethod,
  subset: C14nSubset = { kind: "document" },
  inclusivePrefixes: readonly string[] = [],
): Buffer {
  if (inclusivePrefixes.length > 0 && !method.exclusive)
    throw new RangeError(
      `an InclusiveNamespaces PrefixList applies to exclusive canonicalization only, not to ${method.uri}`,
    );
  let visibility: Visibility | undefined;
  if (subset.kind === "node-set") visibility = evaluate(doc, subset.select);
  else if (subset.kind === "subtree") {
    const { first } = evaluate(doc, subset.select);
    if (first === 0)
      throw new XPathSelectorError(`the XPath expression "${subset.select.expression}" selects nothing`);
    visibility = { nodes: new Set(), namespaces: new Set(), apex: first };
  }
  const collector = new ByteCollector();
  const output = internals.xmlOutputBufferCreateIO(collector);
  const prefixes = inclusivePrefixes.length > 0 ? raw.allocCStringArray([...inclusivePrefixes]) : 0;
  current = visibility;
  let status: number;
  try {
    status = raw.xmlC14NExecute(
      documentPointer(doc),
      visibility ? isVisible : 0,
      0,
      method.mode,
      prefixes,
      method.withComments ? 1 : 0,
      output,
    );
  } finally {
    current = undefined;
    if (prefixes !== 0) raw.free(prefixes);
    raw.xmlOutputBufferClose(output);
  }
  if (status < 0) throw new Error(`libxml2 could not canonicalize the document (${method.uri})`);
  return Buffer.concat(collector.chunks);
}
