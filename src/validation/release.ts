/**
 * B2MML releases and their namespaces: which release a document claims, from its root element's namespace.
 *
 * @module
 */

/** The B2MML releases the library knows. */
export type B2mmlRelease = "V0401" | "V0500" | "V0600" | "V0601" | "V0701";

/** Every known release, oldest first. */
export const B2MML_RELEASES: readonly B2mmlRelease[] = ["V0401", "V0500", "V0600", "V0601", "V0701"];

/**
 * The target namespace of each release. B2MML and BatchML share it within a release (BatchML's
 * `BatchInformation`, `GeneralRecipe`, `BatchProductionRecord` are declared in the B2MML namespace);
 * the extension namespace is the main one with `-AllExtensions` appended.
 */
export const RELEASE_NAMESPACES: Readonly<Record<B2mmlRelease, string>> = {
  V0401: "http://www.wbf.org/xml/B2MML-V0401",
  V0500: "http://www.wbf.org/xml/B2MML-V05",
  V0600: "http://www.mesa.org/xml/B2MML-V0600",
  V0601: "http://www.mesa.org/xml/B2MML-V0601",
  V0701: "http://www.mesa.org/xml/B2MML",
};

const BY_NAMESPACE: ReadonlyMap<string, B2mmlRelease> = new Map(
  B2MML_RELEASES.flatMap((release): [string, B2mmlRelease][] => [
    [RELEASE_NAMESPACES[release], release],
    [`${RELEASE_NAMESPACES[release]}-AllExtensions`, release],
  ]),
);

/**
 * The release whose main or extension namespace is `namespace`; `undefined` for any other namespace
 * (including no namespace).
 */
export function detectRelease(namespace: string | null | undefined): B2mmlRelease | undefined {
  if (namespace === null || namespace === undefined) return undefined;
  return BY_NAMESPACE.get(namespace);
}

/** True when `value` names a known release (for option and CLI argument checks). */
export function isB2mmlRelease(value: string): value is B2mmlRelease {
  return (B2MML_RELEASES as readonly string[]).includes(value);
}
