/**
 * Property (issue #18): whatever string stands in whatever text field or attribute of a generated V0600
 * document, `write` (normal and canonical) either gives XML that libxml2 parses, with that string read
 * back exactly at its place, or refuses with `BIND_WRITE_FORBIDDEN_CHARACTER` at the XPath of that place.
 * Never ill-formed output, never a changed value.
 *
 * The place is found independently of the writer's paths: the document is first written with a marker
 * in the slot, and the marker's element or attribute is located in the parsed tree (the validator's
 * XPaths, `indexPaths`).
 */
import fc from "fast-check";
import { XmlDocument } from "libxml2-wasm";
import { describe, expect, test } from "vitest";
import { rootOf } from "../../src/binding/schema-index.js";
import { BindingWriteError, write } from "../../src/binding/write.js";
import { findForbiddenCharacter } from "../../src/binding/xml-escape.js";
import type { XmlElement } from "../../src/binding/xml-model.js";
import { parseXmlTree, textContent } from "../../src/binding/xml-tree.js";
import { schemaSet } from "../../src/generated/b2mml-v0600/index.js";
import { indexPaths } from "../../src/validation/xpath.js";
import { anyUtf16String } from "../helpers/arbitrary-text.js";
import { ValueArbitraries } from "../helpers/arbitrary-value.js";

const MARKER = "⟦slot⟧";
type Key = string | number;

function isAnyElement(value: object): boolean {
  return "name" in value && "attributes" in value && "children" in value;
}

/** The key paths of every string of the value: text fields, attribute values, wildcard text and attribute values. */
function slotsOf(value: unknown, at: Key[] = [], out: Key[][] = []): Key[][] {
  if (typeof value === "string") out.push(at);
  else if (Array.isArray(value)) for (const [i, v] of value.entries()) slotsOf(v, [...at, i], out);
  else if (typeof value === "object" && value !== null) {
    if (isAnyElement(value)) {
      const { attributes, children } = value as { attributes: unknown[]; children: unknown[] };
      for (const i of attributes.keys()) out.push([...at, "attributes", i, "value"]);
      slotsOf(children, [...at, "children"], out);
    } else for (const [key, v] of Object.entries(value)) slotsOf(v, [...at, key], out);
  }
  return out;
}

/** A copy of `value` with the string at `slot` replaced. */
function withSlot(value: unknown, slot: readonly Key[], text: string): unknown {
  if (slot.length === 0) return text;
  const [key, ...rest] = slot as [Key, ...Key[]];
  if (Array.isArray(value)) return value.map((v, i) => (i === key ? withSlot(v, rest, text) : v));
  const obj = value as Record<string, unknown>;
  return { ...obj, [key]: withSlot(obj[key], rest, text) };
}

/** The XPath of the element whose text, or the attribute whose value, is the marker. */
function markerPath(xml: string): string | undefined {
  for (const [element, path] of indexPaths(parseXmlTree(xml))) {
    const attribute = element.attributes.find((a) => a.value === MARKER);
    if (attribute !== undefined) return `${path}/@${attribute.local}`;
    if (textContent(element) === MARKER) return path;
  }
  return undefined;
}

/** The text of the element or the value of the attribute at `path` of the parsed XML. */
function valueAt(xml: string, path: string): string | undefined {
  const [elementPath, attribute] = path.split("/@");
  for (const [element, p] of indexPaths(parseXmlTree(xml)) as Map<XmlElement, string>)
    if (p === elementPath)
      return attribute === undefined
        ? textContent(element)
        : element.attributes.find((a) => a.local === attribute)?.value;
  return undefined;
}

/** Wildcard content in ApplicationArea/UserArea, so that wildcard text and attributes are slots too. */
const USER_AREA = {
  any: [
    {
      ns: "urn:example:x",
      name: "Note",
      attributes: [{ ns: null, name: "by", value: "n" }],
      children: ["n"],
    },
  ],
};

describe.each(["ProcessProductionSchedule", "SyncProductionPerformance"])("%s", (name) => {
  const root = rootOf(schemaSet, name);
  const documents = new ValueArbitraries(root, 3).value(root.element.type, 0).map((v) => {
    const doc = v as { ApplicationArea?: Record<string, unknown> };
    return { ...doc, ApplicationArea: { ...doc.ApplicationArea, UserArea: USER_AREA } };
  });

  test("any string in any text field or attribute: well-formed output with the string read back, or a refusal at its XPath", () => {
    fc.assert(
      fc.property(documents, fc.nat(), anyUtf16String, fc.boolean(), (doc, pick, text, canonical) => {
        const slots = slotsOf(doc);
        const slot = slots[pick % slots.length] as Key[];
        const where = markerPath(write(withSlot(doc, slot, MARKER), root, { canonical }));
        expect(where).toBeDefined();
        const value = withSlot(doc, slot, text);
        const bad = findForbiddenCharacter(text);
        let xml: string | undefined;
        try {
          xml = write(value, root, { canonical });
        } catch (error) {
          expect(error).toBeInstanceOf(BindingWriteError);
          expect(bad).toBeDefined();
          expect((error as BindingWriteError).problems.map((p) => [p.code, p.path])).toEqual([
            ["BIND_WRITE_FORBIDDEN_CHARACTER", where],
          ]);
          return;
        }
        expect(bad).toBeUndefined();
        XmlDocument.fromString(xml).dispose(); // throws when libxml2 finds the XML ill-formed
        expect(valueAt(xml, where as string)).toBe(text);
      }),
      { seed: 18, numRuns: 250 },
    );
  });
});
