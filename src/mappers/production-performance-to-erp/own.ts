/**
 * Own-property lookups in plain objects (configuration records, code tables): a key from the document
 * such as `constructor` or `__proto__` must never reach `Object.prototype`.
 *
 * @module
 */

/** `record[key]` when `key` is the record's own property, else `undefined`. */
export function own<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}
