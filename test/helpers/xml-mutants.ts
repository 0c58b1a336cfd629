/**
 * Test helper: structure-aware mutants of XML documents, for differential tests. A document is cut into
 * tokens (start tags, end tags, text, comments, PIs, CDATA); a mutation works on elements (delete,
 * duplicate, swap with the next sibling, rename), on leaf text (interesting lexical values), on start tags
 * (attributes, namespace declarations), between tokens (comments, PIs, CDATA, references, deep nesting,
 * broken markup), on the prolog (byte order marks, declarations, DOCTYPE), on the root's namespace, on line
 * ends, or truncates. Every choice comes from the numbers of a {@link MutationStep}, so a fast-check
 * sample with a fixed seed gives the same mutants on every run.
 */
import fc from "fast-check";

export const MUTATION_KINDS = [
  "delete",
  "duplicate",
  "swap",
  "text",
  "rename",
  "attribute",
  "insert",
  "prolog",
  "namespace",
  "line-ends",
  "truncate",
] as const;

export type MutationKind = (typeof MUTATION_KINDS)[number];

/** One mutation: its kind and the numbers that pick where and what. */
export interface MutationStep {
  readonly kind: MutationKind;
  readonly where: number;
  readonly what: number;
}

/** The steps of one mutant, applied in order to one source document. */
export interface MutantPlan {
  readonly source: number;
  readonly steps: readonly MutationStep[];
}

/** Plans for `sources` documents: mostly one or two steps, structure first. */
export function mutantPlanArbitrary(sources: number): fc.Arbitrary<MutantPlan> {
  const step = fc.record({
    kind: fc.constantFrom(...MUTATION_KINDS),
    where: fc.nat({ max: 1_000_000 }),
    what: fc.nat({ max: 1_000_000 }),
  });
  return fc.record({
    source: fc.nat({ max: sources - 1 }),
    steps: fc.array(step, { minLength: 1, maxLength: 3 }),
  });
}

const TEXT_VALUES = [
  "",
  " ",
  "2026-02-29T00:00:00Z",
  "2028-02-29T24:00:00Z",
  "2147483648-01-01T00:00:00Z",
  "2026-03-29T02:30:00+01:00",
  "2026-03-29T02:30:00",
  "12,5",
  "1e3",
  "-0",
  "  12.500  ",
  "é ü 漢字 😀",
  "&#x1F600;&#xE9;",
  "&lt;&gt;&amp;&quot;&apos;",
  "a&#13;b&#10;c&#9;d",
  "<![CDATA[x<y & z]]>",
  "x".repeat(300),
  "true",
  "INF",
  "P1DT2H",
  "\u00a0",
];

const ATTRIBUTES = [
  ' xml:lang="de"',
  ' foo="bar"',
  ' xsi:nil="true" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
  ' xsi:nil="true"',
  ' a="x&#9;y&#10;z&#13;"',
  ' b="  spaced\tvalue\n "',
  ' xmlns:p="urn:x"',
  ' xmlns:q="rel/x"',
  ' xmlns:r="foo bar"',
  ' xmlns:s="http://a/ü"',
  ' p:x="1"',
  ' xmlns=""',
  ' releaseID="6.0"',
  ' unitCode=" kg "',
  ' b2:-a="1" xmlns:b2="urn:b2"',
  ' c="&lt;&amp;&gt;"',
];

const SNIPPETS = [
  "<!-- a comment -->",
  "<!---->",
  "<?pi some data?>",
  "<?xml-stylesheet href='x.xsl'?>",
  "<![CDATA[<x>]]>",
  "&#65;",
  "&#x10FFFF;",
  "\u00a0",
  "\t\r\n",
  "<UserArea/>",
  `${"<d>".repeat(300)}${"</d>".repeat(300)}`,
  "<b2:x xmlns:b2='http://www.mesa.org/xml/B2MML-V0600'/>",
  "<x:-y xmlns:x='urn:x'/>",
  "<a:b:c xmlns:a='urn:a'/>",
  "<z xmlns='rel/z'/>",
  "&undefined;",
  "<",
  "]]>",
  "\u0001",
  "&#0;",
  "<Extra>text</Extra>",
];

const PROLOGS = [
  "\uFEFF",
  "\uFEFF\uFEFF",
  '<?xml version="1.0" encoding="UTF-8"?>\n',
  "<?xml version='1.0' encoding='utf-8' standalone='yes'?>",
  '<?xml version="1.0" encoding="ISO-8859-1"?>\n',
  '<?xml version="1.1"?>\n',
  "<!DOCTYPE x>\n",
  '<!DOCTYPE r [<!ENTITY e "v">]>\n',
  "<!-- lead -->\n",
  "\n\n",
  '<?xml version="1.0"?><?xml version="1.0"?>',
];

const NAMESPACES = [
  "http://www.mesa.org/xml/B2MML-V0601",
  "http://www.mesa.org/xml/B2MML",
  "urn:x",
  "rel/x",
  "foo bar",
  "",
  "http://www.mesa.org/xml/B2MML-V0600 ",
  "HTTP://www.mesa.org/xml/B2MML-V0600",
];

const NAME_EXTRAS = ["Unknown", "b2:Prefixed", "ID", "Description", "_x", "x.y-z"];

const TOKEN = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[[\s\S]*?\]\]>|<!DOCTYPE[^>]*>|<[^>]*>|[^<]+/g;

const isStartTag = (t: string) => /^<[A-Za-z_]/.test(t);
const isEmptyTag = (t: string) => isStartTag(t) && t.endsWith("/>");
const isEndTag = (t: string) => t.startsWith("</");
const isText = (t: string) => !t.startsWith("<");
const pick = <T>(items: readonly T[], n: number): T => items[n % items.length] as T;

/** Index of the token that closes the element opened at `start` (itself for an empty tag). */
function closeOf(tokens: readonly string[], start: number): number {
  if (isEmptyTag(tokens[start] ?? "")) return start;
  let depth = 0;
  for (let i = start; i < tokens.length; i++) {
    const t = tokens[i] ?? "";
    if (isStartTag(t) && !isEmptyTag(t)) depth++;
    else if (isEndTag(t) && --depth === 0) return i;
  }
  return tokens.length - 1;
}

/** Indexes of the element start tags, the root's first. */
function elementStarts(tokens: readonly string[]): number[] {
  return tokens.flatMap((t, i) => (isStartTag(t) ? [i] : []));
}

/** Applies a plan to the sources; returns the mutant's text. */
export function applyMutantPlan(sources: readonly string[], plan: MutantPlan): string {
  const names = sources.flatMap((s) => [...s.matchAll(/<([A-Za-z_][\w.-]*)/g)].map((m) => m[1] as string));
  let text = pick(sources, plan.source);
  for (const step of plan.steps) text = applyStep(text, step, [...NAME_EXTRAS, ...names]);
  return text;
}

function applyStep(text: string, { kind, where, what }: MutationStep, names: readonly string[]): string {
  if (kind === "line-ends") return text.replace(/\r?\n/g, what % 2 === 0 ? "\r\n" : "\r");
  if (kind === "truncate") return text.slice(0, where % Math.max(1, text.length));
  if (kind === "prolog") return pick(PROLOGS, what) + text.replace(/^\uFEFF?<\?xml[^?]*\?>\s*/, "");
  const tokens = text.match(TOKEN) ?? [];
  const starts = elementStarts(tokens);
  const root = starts[0];
  if (root === undefined) return text;
  const inner = starts.slice(1);
  const rootClose = closeOf(tokens, root);
  switch (kind) {
    case "delete":
    case "duplicate":
    case "swap": {
      if (inner.length === 0) return text;
      const start = pick(inner, where);
      const end = closeOf(tokens, start);
      const element = tokens.slice(start, end + 1);
      if (kind === "delete") tokens.splice(start, end - start + 1);
      else if (kind === "duplicate") tokens.splice(end + 1, 0, ...element);
      else {
        let next = end + 1;
        while (next < tokens.length && isText(tokens[next] ?? "")) next++;
        if (!isStartTag(tokens[next] ?? "")) return text;
        const nextEnd = closeOf(tokens, next);
        const sibling = tokens.slice(next, nextEnd + 1);
        const between = tokens.slice(end + 1, next);
        tokens.splice(start, nextEnd - start + 1, ...sibling, ...between, ...element);
      }
      break;
    }
    case "text": {
      const leaves = tokens.flatMap((t, i) =>
        isText(t) && t.trim() !== "" && i > root && i < rootClose ? [i] : [],
      );
      if (leaves.length === 0) return text;
      tokens[pick(leaves, where)] = pick(TEXT_VALUES, what);
      break;
    }
    case "rename": {
      if (inner.length === 0) return text;
      const start = pick(inner, where);
      const end = closeOf(tokens, start);
      const name = pick(names, what);
      tokens[start] = (tokens[start] ?? "").replace(/^<[^\s/>]+/, `<${name}`);
      if (end !== start) tokens[end] = `</${name}>`;
      break;
    }
    case "attribute": {
      const start = pick(starts, where);
      const tag = tokens[start] ?? "";
      const cut = tag.endsWith("/>") ? tag.length - 2 : tag.length - 1;
      tokens[start] = tag.slice(0, cut) + pick(ATTRIBUTES, what) + tag.slice(cut);
      break;
    }
    case "insert": {
      const at = root + 1 + (where % Math.max(1, rootClose - root));
      tokens.splice(at, 0, pick(SNIPPETS, what));
      break;
    }
    case "namespace": {
      const value = pick(NAMESPACES, what);
      tokens[root] = (tokens[root] ?? "").replace(/\sxmlns="[^"]*"/, ` xmlns="${value}"`);
      break;
    }
  }
  return tokens.join("");
}
