/**
 * Property (issue #18): whatever the field values, the IDoc-XML writer either gives XML that libxml2
 * parses, with every value read back exactly (an empty or absent field left out), or refuses with
 * `IDOC_WRITE_FORBIDDEN_CHARACTER` at the IDoc path of every field that holds a character XML 1.0 forbids.
 */
import fc from "fast-check";
import { XmlDocument } from "libxml2-wasm";
import { expect, test } from "vitest";
import { findForbiddenCharacter } from "../../src/binding/xml-escape.js";
import { type IdocOut, IdocWriteError, writeIdocXml } from "../../src/idoc/write-idoc-xml.js";
import { anyUtf16String } from "../helpers/arbitrary-text.js";

const definitions = { E1HEAD: ["REF", "TEXT"], E1ITEM: ["MATNR", "QTY"] };
const field = fc.option(anyUtf16String, { nil: undefined });
const idocs = fc.array(
  fc.record({
    sender: field,
    head: fc.record({ REF: field, TEXT: field }),
    items: fc.array(fc.record({ MATNR: field, QTY: field }), { maxLength: 3 }),
  }),
  { minLength: 1, maxLength: 2 },
);

type Fields = Record<string, string | undefined>;

test("any field values: well-formed IDoc-XML with every value read back, or a refusal at every bad field", () => {
  fc.assert(
    fc.property(idocs, (given) => {
      const out: IdocOut[] = given.map(({ sender, head, items }) => ({
        control: { IDOCTYP: "ZTEST01", MESTYP: "ZTEST", SNDPRN: sender },
        segments: [
          { name: "E1HEAD", fields: head, segments: items.map((fields) => ({ name: "E1ITEM", fields })) },
        ],
      }));
      /** Every written field: its IDoc path, its XPath and its value, in document order. */
      const written: { path: string; xpath: string; value: string }[] = [];
      const add = (path: string, xpath: string, fields: Fields, names: readonly string[]) => {
        for (const name of names) {
          const value = fields[name];
          if (value !== undefined && value !== "")
            written.push({ path: `${path}/${name}`, xpath: `${xpath}/${name}`, value });
        }
      };
      given.forEach(({ sender, head, items }, i) => {
        const idoc = `/ZTEST01/IDOC[${i + 1}]`;
        add(`IDOC[${i + 1}]/EDI_DC40`, `${idoc}/EDI_DC40`, { SNDPRN: sender }, ["SNDPRN"]);
        add(`IDOC[${i + 1}]/E1HEAD`, `${idoc}/E1HEAD`, head, definitions.E1HEAD);
        items.forEach((item, j) => {
          const step = items.length > 1 ? `E1ITEM[${j + 1}]` : "E1ITEM";
          add(`IDOC[${i + 1}]/E1HEAD/${step}`, `${idoc}/E1HEAD/E1ITEM[${j + 1}]`, item, definitions.E1ITEM);
        });
      });
      const refused = written.filter((w) => findForbiddenCharacter(w.value) !== undefined);
      let xml: string;
      try {
        xml = writeIdocXml(out, { definitions });
      } catch (error) {
        expect(error).toBeInstanceOf(IdocWriteError);
        expect((error as IdocWriteError).problems.map((p) => [p.code, p.path])).toEqual(
          refused.map((w) => ["IDOC_WRITE_FORBIDDEN_CHARACTER", w.path]),
        );
        return;
      }
      expect(refused).toEqual([]);
      const doc = XmlDocument.fromString(xml); // throws when libxml2 finds the XML ill-formed
      try {
        for (const w of written) expect(doc.get(w.xpath)?.content, w.path).toEqual(w.value);
      } finally {
        doc.dispose();
      }
    }),
    { seed: 18, numRuns: 400 },
  );
});
