/**
 * The pass `assign-property-names` (see `PASSES` in `pass-list.ts`): decides which property of the
 * generated object holds each element, wildcard, attribute and simple-content value.
 *
 * Rules (documented in docs/codegen.md):
 * - an element's property is its local name (XSD names kept); the same element twice on one object
 *   shares one property;
 * - a group that may repeat gets one array property: named after the model group it comes from
 *   (`xsd:group ref`), else after its elements joined with `Or` (choice) or `And` (sequence); its items
 *   are objects of their own;
 * - wildcards are `any`; attributes keep their name unless an element took it (then `@name`); the
 *   simple-content value is `value` (`$value` if an attribute is called so); `xsd:anyAttribute` is
 *   `anyAttributes`;
 * - two different elements (other namespace, same local name) on one object are reported.
 *
 * @module
 */
import type { DiagnosticSink } from "../diagnostics.js";
import type { IrComplexType, IrGroup } from "../ir/model.js";

interface Claim {
  readonly key: string;
}

function elementNames(group: IrGroup): string[] {
  const names: string[] = [];
  for (const p of group.particles) {
    if (p.kind === "element") names.push(p.name);
    else if (p.kind === "any") names.push("Any");
    else names.push(...elementNames(p));
  }
  return [...new Set(names)];
}

export function assignPropertyNames(type: IrComplexType, sink: DiagnosticSink): void {
  const levels: Map<string, Claim>[] = [];

  const claim = (level: Map<string, Claim>, wanted: string, key: string): string => {
    let name = wanted;
    for (let n = 2; level.has(name) && level.get(name)?.key !== key; n++) name = `${wanted}${n}`;
    level.set(name, { key });
    return name;
  };

  const walk = (group: IrGroup, level: Map<string, Claim>): void => {
    for (const p of group.particles) {
      if (p.kind === "element") {
        const key = `element:${p.ns ?? ""}:${p.name}`;
        const existing = level.get(p.name);
        if (existing && existing.key !== key) {
          sink.report({
            code: "PROPERTY_NAME_COLLISION",
            message: `two different elements named ${p.name} (another namespace, or a group's property) on one object of type ${type.name}`,
            location: p.source,
            qname: `{${p.ns ?? ""}}${p.name}`,
          });
        }
        level.set(p.name, { key });
        p.prop = p.name;
      } else if (p.kind === "any") {
        p.prop = claim(level, "any", "any");
      } else if (p.max !== 1) {
        const joiner = p.kind === "choice" ? "Or" : "And";
        const wanted = p.groupName ?? (elementNames(p).join(joiner) || "group");
        p.prop = claim(level, wanted, `group:${levels.length}`);
        const itemLevel = new Map<string, Claim>();
        levels.push(itemLevel);
        walk(p, itemLevel);
      } else walk(p, level);
    }
  };

  const top = new Map<string, Claim>();
  levels.push(top);
  if (type.content) {
    if (type.content.max !== 1) {
      // a repeating top-level group: one array property holding the occurrences
      const wrapper: IrGroup = {
        kind: "sequence",
        min: 1,
        max: 1,
        particles: [type.content],
        source: type.source,
      };
      walk(wrapper, top);
    } else walk(type.content, top);
  }
  for (const attribute of type.attributes) {
    const wanted = top.has(attribute.name) ? `@${attribute.name}` : attribute.name;
    attribute.prop = claim(top, wanted, `attribute:${attribute.ns ?? ""}:${attribute.name}`);
  }
  if (type.anyAttribute) type.anyAttribute.prop = claim(top, "anyAttributes", "anyAttribute");
  if (type.simpleContent)
    type.simpleContent.prop = claim(top, top.has("value") ? "$value" : "value", "value");
  if (type.mixed) claim(top, "$text", "text");
}
