/**
 * What the construct tests share: short names for Clark names and code blocks, schema document heads, the
 * case shape (`[name, {given, want}]`), {@link describeCases} that runs a table, and
 * {@link compilesOrIsReported}.
 */
import { describe, expect, test } from "vitest";
import { CodegenError } from "../../../src/codegen/diagnostics.js";
import { compileGenerated, generateInline, type moduleMeta, stripSources } from "../../helpers/inline-xsd.js";

export const xs = (local: string) => `{http://www.w3.org/2001/XMLSchema}${local}`;
export const ex = (local: string) => `{urn:example}${local}`;
/** Lines joined: an exact block of generated code. */
export const block = (...lines: string[]) => lines.join("\n");

/** A schema document in `urn:example` that also binds prefix `o:` to `urn:other`. */
export const exampleWithOther = 'targetNamespace="urn:example" xmlns="urn:example" xmlns:o="urn:other"';
export const otherWithExample = 'targetNamespace="urn:other" xmlns="urn:other" xmlns:e="urn:example"';

/** A no-namespace ("chameleon") schema document. */
export const chameleon = (body: string) => `<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" elementFormDefault="qualified">
${body}
</xs:schema>
`;

export interface Case {
  /** File name → XSD text. */
  readonly given: Record<string, string>;
  /** Entry files (default: the whole folder). */
  readonly entries?: readonly string[];
  /** Exact lines or blocks that must appear in `example.ts`. */
  readonly want: readonly string[];
  /** Exact lines or blocks that must appear in other generated files. */
  readonly wantIn?: Readonly<Record<string, readonly string[]>>;
  /** Snippets that must not appear in `example.ts`. */
  readonly notWant?: readonly string[];
  /** Type metadata (Clark name, or local name in urn:example → expected subset, matched with toMatchObject). */
  readonly wantMeta?: Readonly<Record<string, unknown>>;
}

export function metaFor(ir: Parameters<typeof moduleMeta>[0], key: string): unknown {
  const clarkName = key.startsWith("{") ? key : ex(key);
  const t = ir.typeIndex.get(clarkName);
  return t === undefined ? undefined : stripSources(t);
}

/** Runs a table of construct cases: the printed TypeScript of each, and its metadata where given. */
export function describeCases(cases: readonly [string, Case][]): void {
  describe.each(cases)("%s", (_name, c) => {
    const run = () => generateInline(c.given, c.entries);

    test("printed TypeScript", () => {
      const { files } = run();
      const main = files.get("example.ts");
      expect(main, `example.ts among ${[...files.keys()].join(", ")}`).toBeDefined();
      for (const want of c.want) expect(main).toContain(want);
      for (const not of c.notWant ?? []) expect(main).not.toContain(not);
      for (const [file, wants] of Object.entries(c.wantIn ?? {})) {
        const text = files.get(file);
        expect(text, `${file} among ${[...files.keys()].join(", ")}`).toBeDefined();
        for (const want of wants) expect(text).toContain(want);
      }
    });

    if (c.wantMeta) {
      const wantMeta = c.wantMeta;
      test("metadata", () => {
        const { ir } = run();
        for (const [key, want] of Object.entries(wantMeta)) {
          const got = metaFor(ir, key);
          expect(got, `type ${key}`).toBeDefined();
          expect(got, `type ${key}`).toMatchObject(want as object);
        }
      });
    }
  });
}

/** Either a diagnostic (errors are data) or generated code that compiles; never broken code. */
export function compilesOrIsReported(given: Record<string, string>, entries?: readonly string[]): void {
  let generated: ReturnType<typeof generateInline>;
  try {
    generated = generateInline(given, entries);
  } catch (error) {
    if (error instanceof CodegenError) return;
    throw error;
  }
  const result = compileGenerated([generated.files]);
  expect(result.output).toBe("");
  expect(result.status).toBe(0);
}
