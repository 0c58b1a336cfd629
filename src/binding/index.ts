/**
 * The binding runtime: the metadata contract that generated code conforms to, and the XML tree reader.
 *
 * @module
 */
export * from "./metadata.js";
export * from "./xml-tree.js";
