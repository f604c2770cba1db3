/**
 * dict.ts - records keyed by names a user chooses (module names, symbols, parameters, patch
 * names). A plain object literal inherits `toString`, `constructor` and `__proto__` from
 * Object.prototype, so `files['toString']` would find a function and `x['__proto__'] = v` would
 * change the prototype instead of storing v. Every such record is built with dict() and read with
 * own(); records that structuredClone copies (in the World) are written with setOwn().
 */

/** An empty record without a prototype: only what is stored in it can be found in it. */
export function dict<T>(entries: Iterable<readonly [string, T]> = []): Record<string, T> {
  const d = Object.create(null) as Record<string, T>;
  for (const [k, v] of entries) d[k] = v;
  return d;
}

/** Is `key` stored in `rec` itself (not inherited)? */
export function hasOwn(rec: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(rec, key);
}

/** The value stored under `key` in `rec` itself, or undefined. */
export function own<T>(rec: Readonly<Record<string, T>>, key: string): T | undefined {
  return hasOwn(rec, key) ? rec[key] : undefined;
}

/** Store `value` under `key` as an own property, even for `__proto__`. */
export function setOwn<T>(rec: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(rec, key, { value, writable: true, enumerable: true, configurable: true });
}
