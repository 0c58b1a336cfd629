/**
 * The element tree of the hardened reader: positions of elements (the column of their `<`, 1-based),
 * text exactly as written (adjacent text and CDATA joined), namespace scopes, and that a document read from
 * bytes gives the same tree as from text. The refusals are in `test/security/attack-corpus.test.ts`.
 */
import { describe, expect, test } from "vitest";
import { childElements, parseXmlTree, type XmlElement, type XmlNode } from "../../src/binding/xml-tree.js";

/** Every element of the tree in document order with its position, as `local@line:column`. */
function positions(element: XmlElement): string[] {
  return [`${element.local}@${element.line}:${element.column}`, ...childElements(element).flatMap(positions)];
}

/** The tree as plain data (scopes as entries) to compare two reads. */
function plain(node: XmlNode): unknown {
  if (node.kind === "text") return node.value;
  return {
    name: [node.ns, node.prefix, node.local, node.line, node.column],
    attributes: node.attributes.map((a) => [a.ns, a.prefix, a.local, a.value]),
    scope: [...node.scope],
    children: node.children.map(plain),
  };
}

describe("element positions", () => {
  test("the column is the column of the `<`, after indentation and after a sibling", () => {
    expect(positions(parseXmlTree("<a>\n  <b/><c/></a>"))).toEqual(["a@1:1", "b@2:3", "c@2:7"]);
  });

  test("after text, a comment, a processing instruction, CDATA and an end tag on the same line", () => {
    // saxes reports a comment before its ">" and CDATA after its "]]>": both once put the next element one
    // column too far left
    const tree = parseXmlTree('<a>xy<b/><!-- c --><c/><?pi x?><d>t</d><![CDATA[z]]><e f="1"\n/></a>');
    expect(positions(tree)).toEqual(["a@1:1", "b@1:6", "c@1:20", "d@1:32", "e@1:53"]);
  });

  test("line ends (LF, CR LF, lone CR), tabs, an XML declaration and non-ASCII characters", () => {
    const text = '<?xml version="1.0"?>\r\n<a>\r\n\t<b>é😀</b><c/>\r  <d\n/>\n</a>';
    expect(positions(parseXmlTree(text))).toEqual(["a@2:1", "b@3:2", "c@3:11", "d@4:3"]);
  });

  test("a byte order mark is not counted, from text or from bytes", () => {
    expect(positions(parseXmlTree("\ufeff<a><b/></a>"))).toEqual(["a@1:1", "b@1:4"]);
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode("<a>\n <b/></a>")]);
    expect(positions(parseXmlTree(bytes))).toEqual(["a@1:1", "b@2:2"]);
  });

  test("an element that starts a 64 Ki chunk, or whose name a chunk boundary cuts", () => {
    const pad = 64 * 1024 - "<root>".length;
    for (const shift of [0, 1, 2, 3]) {
      const text = `<root>${" ".repeat(pad - shift)}<element/>\n<x/></root>`;
      expect(positions(parseXmlTree(text))).toEqual([
        "root@1:1",
        `element@1:${6 + pad - shift + 1}`,
        "x@2:1",
      ]);
      expect(plain(parseXmlTree(new TextEncoder().encode(text)))).toEqual(plain(parseXmlTree(text)));
    }
  });
});

describe("tree content", () => {
  test("text is kept exactly, adjacent text and CDATA joined, comments and PIs dropped", () => {
    const tree = parseXmlTree("<a> x &amp; <![CDATA[<y>]]><!-- c --> z<?p?>\r\n<b/>\n  </a>");
    expect(tree.children.map(plain)).toEqual([
      " x & <y> z\n",
      { name: [null, "", "b", 2, 1], attributes: [], scope: [], children: [] },
      "\n  ",
    ]);
  });

  test("indentation repeated across the document reads back as it stood", () => {
    const inner = Array.from({ length: 50 }, (_, i) => `\n    <v>${i}</v>`).join("");
    const text = `<r>${Array.from({ length: 20 }, () => `\n  <g>${inner}\n  </g>`).join("")}\n</r>`;
    const tree = parseXmlTree(text);
    const serialize = (node: XmlNode): string =>
      node.kind === "text"
        ? node.value
        : `<${node.local}>${node.children.map(serialize).join("")}</${node.local}>`;
    expect(serialize(tree)).toBe(text);
  });

  test("namespace scopes: declarations are inherited, and an element that declares nothing shares its parent's", () => {
    const tree = parseXmlTree(
      '<p:a xmlns:p="urn:p" xmlns="urn:d"><b x="1" p:y="2"><c xmlns:q="urn:q"/></b></p:a>',
    );
    const [b] = childElements(tree);
    const [c] = b ? childElements(b) : [];
    expect(plain(tree)).toEqual({
      name: ["urn:p", "p", "a", 1, 1],
      attributes: [],
      scope: [
        ["p", "urn:p"],
        ["", "urn:d"],
      ],
      children: [
        {
          name: ["urn:d", "", "b", 1, 36],
          attributes: [
            [null, "", "x", "1"],
            ["urn:p", "p", "y", "2"],
          ],
          scope: [
            ["p", "urn:p"],
            ["", "urn:d"],
          ],
          children: [
            {
              name: ["urn:d", "", "c", 1, 53],
              attributes: [],
              scope: [
                ["p", "urn:p"],
                ["", "urn:d"],
                ["q", "urn:q"],
              ],
              children: [],
            },
          ],
        },
      ],
    });
    expect(b?.scope).toBe(tree.scope);
    expect(c?.scope).not.toBe(tree.scope);
  });

  test("two documents read one after the other do not share anything observable", () => {
    const first = parseXmlTree("<a>\n  <b>x</b>\n</a>");
    const second = parseXmlTree("<a>\n  <b>y</b>\n</a>");
    expect(plain(first)).toEqual({
      name: [null, "", "a", 1, 1],
      attributes: [],
      scope: [],
      children: ["\n  ", { name: [null, "", "b", 2, 3], attributes: [], scope: [], children: ["x"] }, "\n"],
    });
    expect(childElements(second)[0]?.children).toEqual([{ kind: "text", value: "y" }]);
  });
});
