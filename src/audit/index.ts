/**
 * Audit helpers: XML canonicalization (C14N 1.0, 1.1, exclusive) and JSON canonicalization (RFC 8785),
 * self-describing digests, audit records, a hash-chained ledger with RFC 6962 Merkle checkpoints behind
 * a store interface (file, memory), and the mapping-audit step (a mapping run's audit record).
 *
 * @module
 */
export * from "./audit-record.js";
export * from "./c14n-method.js";
export * from "./canonicalize-json.js";
export { type CanonicalizeXmlOptions, canonicalizeXml } from "./canonicalize-xml.js";
export * from "./digest.js";
export * from "./digest-document.js";
export * from "./ledger.js";
export { type XPathSelector, XPathSelectorError } from "./libxml2-c14n.js";
export * from "./mapping-audit.js";
export { leafHash, MerkleFrontier, merkleTreeHash, nodeHash } from "./merkle-tree.js";
