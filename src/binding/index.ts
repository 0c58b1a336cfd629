/**
 * The binding runtime: the metadata contract that generated code conforms to, the hardened XML reader,
 * and `read`/`write` between XML and the generated types.
 *
 * @module
 */

export * from "./any-element.js";
export * from "./lexical/index.js";
export * from "./metadata.js";
export * from "./read.js";
export * from "./schema-index.js";
export * from "./write.js";
export * from "./xml-tree.js";
