/**
 * Where JSON text stops being JSON (RFC 8259): the offset of the first character that cannot continue a
 * JSON text, or the text's length when it ends too early. `JSON.parse` names a position for some syntax
 * errors only (`Unexpected token '}', "{"a":}" is not valid JSON` has none), so the IDoc reader computes
 * the place itself and reports it as line and column.
 *
 * Iterative (an explicit stack of open objects and arrays): deep nesting cannot overflow the call stack.
 *
 * @module
 */

const SPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);
const ESCAPES = new Set(['"', "\\", "/", "b", "f", "n", "r", "t"]);

/** The offset of the first syntax error in `text`; `undefined` when `text` is JSON. */
export function findJsonSyntaxError(text: string): number | undefined {
  const n = text.length;
  const stack: ("{" | "[")[] = [];
  let i = 0;
  const skipSpace = () => {
    while (i < n && SPACE.has(text.charCodeAt(i))) i++;
  };
  /** Reads a string at `i` (a `"`); false at the first character that cannot continue it. */
  const readString = (): boolean => {
    if (text[i] !== '"') return false;
    for (i++; i < n; ) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return true;
      }
      if (c < 0x20) return false;
      if (c !== 0x5c) {
        i++;
        continue;
      }
      i++;
      const escaped = text[i];
      if (escaped === undefined) return false;
      if (ESCAPES.has(escaped)) {
        i++;
        continue;
      }
      if (escaped !== "u") return false;
      i++;
      for (let k = 0; k < 4; k++, i++) if (!/[0-9A-Fa-f]/.test(text[i] ?? "")) return false;
    }
    return false;
  };
  /** Reads `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?` at `i`. */
  const readNumber = (): boolean => {
    const digit = () => i < n && text.charCodeAt(i) >= 0x30 && text.charCodeAt(i) <= 0x39;
    const digits = () => {
      if (!digit()) return false;
      while (digit()) i++;
      return true;
    };
    if (text[i] === "-") i++;
    if (text[i] === "0") i++;
    else if (!digits()) return false;
    if (text[i] === ".") {
      i++;
      if (!digits()) return false;
    }
    if (text[i] === "e" || text[i] === "E") {
      i++;
      if (text[i] === "+" || text[i] === "-") i++;
      if (!digits()) return false;
    }
    return true;
  };
  const readLiteral = (word: string): boolean => {
    for (const ch of word) {
      if (text[i] !== ch) return false;
      i++;
    }
    return true;
  };
  /** After `{` or `,` in an object: `"key" :`. */
  const readKey = (): boolean => {
    skipSpace();
    if (!readString()) return false;
    skipSpace();
    if (text[i] !== ":") return false;
    i++;
    return true;
  };

  for (;;) {
    // a value is expected at i
    skipSpace();
    const c = text[i];
    if (c === "{" || c === "[") {
      i++;
      skipSpace();
      if (text[i] === (c === "{" ? "}" : "]")) i++;
      else {
        stack.push(c);
        if (c === "{" && !readKey()) return i;
        continue;
      }
    } else if (c === '"') {
      if (!readString()) return i;
    } else if (c === "-" || (c !== undefined && c >= "0" && c <= "9")) {
      if (!readNumber()) return i;
    } else if (c === "t" || c === "f" || c === "n") {
      if (!readLiteral(c === "t" ? "true" : c === "f" ? "false" : "null")) return i;
    } else return i;
    // after a value: `,`, a closing bracket, or the end
    for (;;) {
      skipSpace();
      const top = stack[stack.length - 1];
      if (top === undefined) return i < n ? i : undefined;
      const d = text[i];
      if (d === ",") {
        i++;
        if (top === "{" && !readKey()) return i;
        break;
      }
      if (d !== (top === "{" ? "}" : "]")) return i;
      stack.pop();
      i++;
    }
  }
}

/** 1-based line and column of `offset` in `text` (CR LF, CR and LF end a line; columns count UTF-16 units). */
export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split(/\r\n|\r|\n/);
  return { line: before.length, column: (before[before.length - 1]?.length ?? 0) + 1 };
}
