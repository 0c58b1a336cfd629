/**
 * The one place that knows how TypeScript source is spelled: identifiers, property keys, string
 * literals, doc comments and object literals. Emitters build code only through these helpers.
 *
 * @module
 */

const RESERVED = new Set(
  (
    "break case catch class const continue debugger default delete do else enum export extends false finally for " +
    "function if import in instanceof new null return super switch this throw true try typeof var void while with " +
    "implements interface let package private protected public static yield any unknown never string number " +
    "boolean symbol object bigint undefined await type"
  ).split(" "),
);

/** A valid TypeScript type name for an XSD name (XSD names kept; characters TS forbids become `_`). */
export function typeIdentifier(name: string): string {
  let id = name.replace(/[^\p{L}\p{N}_$]/gu, "_");
  if (/^\p{N}/u.test(id)) id = `_${id}`;
  if (RESERVED.has(id)) id = `${id}_`;
  return id;
}

/** A property key: bare when it is an identifier, quoted otherwise. */
export function propertyKey(name: string): string {
  return /^[\p{L}_$][\p{L}\p{N}_$]*$/u.test(name) ? name : JSON.stringify(name);
}

/** A double-quoted string literal. */
export function stringLiteral(value: string): string {
  return JSON.stringify(value);
}

/** A JSDoc block; `*\/` in text is broken so that it cannot end the comment. */
export function docComment(lines: readonly string[], indent = ""): string[] {
  const safe = lines.map((l) => l.replaceAll("*/", "*\\/"));
  if (safe.length === 1) return [`${indent}/** ${safe[0]} */`];
  return [
    `${indent}/**`,
    ...safe.map((l) => (l === "" ? `${indent} *` : `${indent} * ${l}`)),
    `${indent} */`,
  ];
}

/** Literals up to this width stay on one line. */
const FLAT_WIDTH = 180;

/** Prints plain data (objects, arrays, strings, numbers, booleans) as a TypeScript literal, keys in order. */
export function dataLiteral(value: unknown, indent = ""): string {
  const inner = `${indent}  `;
  if (value === null) return "null";
  if (typeof value === "string") return stringLiteral(value);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    if (value.every((v) => typeof v !== "object" || v === null)) {
      const flat = `[${value.map((v) => dataLiteral(v)).join(", ")}]`;
      if (flat.length + indent.length <= FLAT_WIDTH) return flat;
    }
    return `[\n${value.map((v) => `${inner}${dataLiteral(v, inner)},`).join("\n")}\n${indent}]`;
  }
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return "{}";
    const parts = entries.map(([k, v]) => `${propertyKey(k)}: ${dataLiteral(v, inner)}`);
    const flat = `{ ${parts.join(", ")} }`;
    if (!flat.includes("\n") && flat.length + indent.length <= FLAT_WIDTH) return flat;
    return `{\n${parts.map((p) => `${inner}${p},`).join("\n")}\n${indent}}`;
  }
  throw new Error(`internal: cannot print ${typeof value} as a literal`);
}
