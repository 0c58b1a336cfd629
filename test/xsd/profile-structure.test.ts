/**
 * The profile in xsd/b2mml-v0600 against MESA's V0600, read by the project's own schema reader: for every
 * type reachable from the profile's document roots, the complete content model (group references and
 * derivation expanded: element names, namespaces, order, minOccurs/maxOccurs, type names), attributes,
 * simple-content value types, facets and simple types equal MESA's, and every extension group sits in the
 * same type. The only allowed differences are the restrictions listed in xsd/README.md (none changes a
 * reachable type; see RESTRICTED below).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { generate } from "../../src/codegen/generate.js";
import type { IrParticle, IrSchemaSet, IrType } from "../../src/codegen/ir/model.js";
import { clark, type XsdParticle, type XsdSchemaSet } from "../../src/codegen/xsd/model.js";
import { officialReleases, officialSetsDir, officialSetsMissing, repoRoot } from "../helpers/paths.js";

const B2MML = "http://www.mesa.org/xml/B2MML-V0600";
const EXTENDED = "http://www.mesa.org/xml/B2MML-V0600-AllExtensions";
const profileDir = path.join(repoRoot, "xsd/b2mml-v0600");
const mesaAvailable = officialReleases().includes("V0600");

/**
 * Types whose structure the profile restricts, with the reason; each is listed in xsd/README.md. The
 * profile's only restriction is its scope (which global elements exist), so no reachable type is here.
 */
const RESTRICTED: Readonly<Record<string, string>> = {};

function canonicalParticle(p: IrParticle): unknown {
  if (p.kind === "element")
    return {
      element: clark({ ns: p.ns, local: p.name }),
      min: p.min,
      max: p.max,
      type: p.type,
      nillable: !!p.nillable,
    };
  if (p.kind === "any")
    return { any: p.namespace, processContents: p.processContents, min: p.min, max: p.max };
  return { [p.kind]: p.particles.map(canonicalParticle), min: p.min, max: p.max };
}

/** Everything about a type that a document can see, without generator bookkeeping (props, positions). */
function canonicalType(t: IrType): unknown {
  if (t.kind === "simple") {
    const { source: _s, name: _n, ...rest } = t;
    return rest;
  }
  return {
    base: t.base ?? null,
    derivation: t.derivation ?? null,
    mixed: !!t.mixed,
    abstract: !!t.abstract,
    content: t.content ? canonicalParticle(t.content) : null,
    attributes: t.attributes
      .map((a) => ({
        name: clark({ ns: a.ns, local: a.name }),
        type: a.type,
        use: a.use,
        default: a.default,
        fixed: a.fixed,
      }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    anyAttribute: t.anyAttribute
      ? { namespace: t.anyAttribute.namespace, pc: t.anyAttribute.processContents }
      : null,
    simpleContent: t.simpleContent
      ? { type: t.simpleContent.type, facets: t.simpleContent.facets ?? {} }
      : null,
  };
}

/** Clark names of the types reachable from the given global elements. */
function reachableTypes(ir: IrSchemaSet, roots: readonly string[]): string[] {
  const seen = new Set<string>();
  const visit = (name: string | undefined) => {
    if (!name || seen.has(name)) return;
    const t = ir.typeIndex.get(name);
    if (!t) return; // builtin
    seen.add(name);
    if (t.kind === "simple") {
      visit(t.base);
      visit(t.itemType);
      for (const m of t.memberTypes ?? []) visit(m);
      return;
    }
    visit(t.base);
    visit(t.simpleContent?.type);
    for (const a of t.attributes) visit(a.type);
    const walk = (p: IrParticle) => {
      if (p.kind === "element") visit(p.type);
      else if (p.kind !== "any") p.particles.forEach(walk);
    };
    if (t.content) walk(t.content);
  };
  const elements = new Map(
    ir.namespaces.flatMap((ns) => ns.elements.map((e) => [clark({ ns: e.ns, local: e.name }), e])),
  );
  for (const root of roots) visit(elements.get(`{${B2MML}}${root}`)?.type);
  return [...seen].sort();
}

/** The extension groups a type references (directly or through other named groups). */
function extensionGroupsOf(set: XsdSchemaSet, typeName: string): string[] {
  const found: string[] = [];
  const walk = (p: XsdParticle | null) => {
    if (!p) return;
    if (p.kind === "groupRef") {
      if (p.ref.ns === EXTENDED) found.push(p.ref.local);
      else walk(set.groups.get(clark(p.ref))?.particle ?? null);
    } else if (p.kind === "sequence" || p.kind === "choice" || p.kind === "all") p.particles.forEach(walk);
  };
  const t = set.complexTypes.get(typeName);
  if (t && t.content.kind !== "simpleContent") walk(t.content.particle);
  return found;
}

describe.skipIf(!mesaAvailable)("profile xsd/b2mml-v0600 against MESA's V0600", () => {
  const profile = mesaAvailable ? generate([profileDir]) : undefined;
  const mesa = mesaAvailable ? generate([path.join(officialSetsDir, "V0600")]) : undefined;

  test("declares exactly the production documents' global elements", () => {
    const globals = profile?.ir.namespaces.flatMap((ns) => ns.elements.map((e) => e.name)).sort();
    const expected = ["ProductionSchedule", "ProductionPerformance"]
      .flatMap((noun) =>
        ["Get", "Show", "Process", "Acknowledge", "Change", "Respond", "Cancel", "Sync"].map(
          (v) => `${v}${noun}`,
        ),
      )
      .concat(["ProductionSchedule", "ProductionRequest", "ProductionPerformance", "ProductionResponse"])
      .sort();
    expect(globals).toEqual(expected);
  });

  test("every reachable type equals MESA's, and the profile has no unreachable type", () => {
    if (!profile || !mesa) return;
    const roots = profile.ir.namespaces.flatMap((ns) => ns.elements.map((e) => e.name));
    const reachable = reachableTypes(profile.ir, roots);
    const profileTypes = [...profile.ir.typeIndex.keys()].sort();
    expect(profileTypes).toEqual(reachable);
    // MESA reaches the same set from the same roots
    expect(reachableTypes(mesa.ir, roots)).toEqual(reachable);
    const differences: string[] = [];
    for (const name of reachable) {
      if (RESTRICTED[name]) continue;
      const mine = profile.ir.typeIndex.get(name);
      const theirs = mesa.ir.typeIndex.get(name);
      if (!mine || !theirs) {
        differences.push(`${name}: ${mine ? "absent from MESA's V0600" : "absent from the profile"}`);
        continue;
      }
      const a = JSON.stringify(canonicalType(mine));
      const b = JSON.stringify(canonicalType(theirs));
      if (a !== b) differences.push(`${name}:\n  profile ${a}\n  MESA    ${b}`);
    }
    console.log(
      `profile/MESA V0600: ${reachable.length} reachable types compared, ${differences.length} differences`,
    );
    expect(differences).toEqual([]);
  });

  test("every extension group is referenced from the same types as in MESA's V0600", () => {
    if (!profile || !mesa) return;
    const differences: string[] = [];
    for (const name of profile.set.complexTypes.keys()) {
      const mine = extensionGroupsOf(profile.set, name);
      const theirs = extensionGroupsOf(mesa.set, name);
      if (JSON.stringify(mine) !== JSON.stringify(theirs)) differences.push(`${name}: ${mine} vs ${theirs}`);
    }
    expect(differences).toEqual([]);
  });

  test("xsd/README.md lists every restriction the comparison allows and carries the attribution", () => {
    const readme = readFileSync(path.join(repoRoot, "xsd/README.md"), "utf8");
    expect(readme).toContain(
      "The Business To Manufacturing Markup Language (B2MML) is used courtesy of MESA International.",
    );
    for (const name of Object.keys(RESTRICTED)) expect(readme).toContain(name.replace(/^\{[^}]*\}/, ""));
  });
});

if (!mesaAvailable) test.skip(officialSetsMissing, () => {});
