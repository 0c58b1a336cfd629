/**
 * Strict mode: the input validated against the project's IDoc schemas (`xsd/idoc/idoc.xsd`) with the
 * validation engine (`validateXsd`, libxml2). The input's plain IDoc-XML rendering is validated (see
 * `render-idoc-xml.ts`), so that SOAP IDoc-XML, an envelope, an extension-type root and IDoc-JSON are
 * held to the same schema as plain IDoc-XML; for XML input, lines are the source's. Every validation
 * issue becomes an error with the IDoc path of its element (`/LOIPRO05/IDOC/E1AFKOL/GAMNG` →
 * `IDOC[1]/E1AFKOL/GAMNG`).
 *
 * @module
 */
import type { ReaderOptions } from "../binding/xml-tree.js";
import { renderIssuePath } from "../shared/issue.js";
import type { ValidationIssue } from "../validation/issues.js";
import { validateXsd } from "../validation/validate-xsd.js";
import type { IdocNode } from "./idoc-node.js";
import type { IdocSchema } from "./idoc-schema.js";
import { idocIssue } from "./issues.js";
import type { IdocDocument, IdocIssue } from "./model.js";
import { renderIdocXml } from "./render-idoc-xml.js";
import { IDOC_SCHEMA_ENTRY, idocSchemaDir } from "./schema-dir.js";

/** Validates the packet's node tree against `xsd/idoc`; every issue is an error. */
export function validateStrict(
  root: IdocNode,
  idocs: readonly IdocDocument[],
  schema: IdocSchema,
  reader: ReaderOptions,
): IdocIssue[] {
  const rootName = schema.basicTypes.has(root.name)
    ? root.name
    : (idocs.find((d) => schema.basicTypes.has(d.basicType))?.basicType ?? (root.name || "IDOC_PACKET"));
  const { xml, invalid, invalidCharacters } = renderIdocXml(root, rootName);
  const issues: IdocIssue[] = invalid.map(({ name, trail }) =>
    idocIssue(
      "IDOC_INVALID_NAME",
      "error",
      trailPath(root, trail),
      `${JSON.stringify(name)} is not an XML name`,
    ),
  );
  for (const { trail, attribute, message } of invalidCharacters)
    issues.push(
      idocIssue(
        "IDOC_INVALID_CHARACTER",
        "error",
        `${trailPath(root, trail)}${attribute === undefined ? "" : `/@${attribute}`}`,
        message,
      ),
    );
  const { file, ...limits } = reader;
  const result = validateXsd(xml, {
    schemas: { dir: idocSchemaDir(), entry: IDOC_SCHEMA_ENTRY },
    reader: limits,
    ...(file === undefined ? {} : { file }),
  });
  const hasLines = root.line !== undefined;
  for (const issue of result.issues)
    issues.push(
      idocIssue(
        issue.code as `XSD_${string}`,
        "error",
        idocPathOfXPath(renderIssuePath(issue)),
        describe(issue),
        hasLines ? issue.line : undefined,
      ),
    );
  return issues;
}

/** `/LOIPRO05/IDOC[2]/E1AFKOL/AUFNR` → `IDOC[2]/E1AFKOL/AUFNR`; `IDOC` always indexed; the root alone → `""`. */
export function idocPathOfXPath(xpath: string): string {
  const steps = xpath.split("/").filter((s) => s !== "");
  const [, idoc, ...rest] = steps;
  if (idoc === undefined) return "";
  return [idoc === "IDOC" ? "IDOC[1]" : idoc, ...rest].join("/");
}

function describe(issue: ValidationIssue): string {
  const parts = [issue.message.replace(/\s+$/, "")];
  if (issue.expected !== undefined) parts.push(`expected ${issue.expected}`);
  if (issue.received !== undefined) parts.push(`received ${issue.received}`);
  return parts.join("; ");
}

/** The IDoc path of a node given the chain of nodes from the root's child down to it. */
function trailPath(root: IdocNode, trail: readonly IdocNode[]): string {
  let parentChildren = root.children;
  const steps: string[] = [];
  for (const node of trail) {
    const siblings = parentChildren.filter((s) => s.name === node.name);
    const index = siblings.indexOf(node) + 1;
    steps.push(node.name === "IDOC" || siblings.length > 1 ? `${node.name}[${index}]` : node.name);
    parentChildren = node.children;
  }
  return steps.join("/");
}
