/**
 * The pass `name-anonymous-types` (see `PASSES` in `pass-list.ts`): gives every anonymous type definition the
 * name its place asks for, unless that name is taken.
 *
 * Needs: the collected types in schema order. Guarantees: a deterministic, unique name for every anonymous
 * type; a generated name never equals an XSD name of the same namespace nor an earlier generated one (a
 * clash takes a `_2`, `_3` … suffix, in schema order).
 *
 * @module
 */
import { clark, type QName, type XsdSchemaSet } from "../xsd/model.js";
import type { CollectedType, XsdTypeDef } from "./collect-types.js";

export interface NamedTypes {
  /** Every type in schema order, anonymous ones under their final name. */
  readonly ordered: readonly CollectedType[];
  /** The generated name of each anonymous type definition. */
  readonly anonymousNames: ReadonlyMap<XsdTypeDef, QName>;
}

export function nameAnonymousTypes(set: XsdSchemaSet, collected: readonly CollectedType[]): NamedTypes {
  const taken = new Set<string>([...set.complexTypes.keys(), ...set.simpleTypes.keys()]);
  const anonymousNames = new Map<XsdTypeDef, QName>();
  const ordered = collected.map((t): CollectedType => {
    if (!t.anonymous) return t;
    const { ns, local: wanted } = t.qname;
    let local = wanted;
    for (let n = 2; taken.has(clark({ ns, local })); n++) local = `${wanted}_${n}`;
    const qname = { ns, local };
    taken.add(clark(qname));
    anonymousNames.set(t.def, qname);
    return { ...t, qname };
  });
  return { ordered, anonymousNames };
}
