/** Growing and trimming the typed arrays the collections keep their numbers in. */

type NumberArray = Uint32Array<ArrayBuffer> | Float64Array<ArrayBuffer>;

/**
 * Room for `needed` numbers: `array` itself, or its numbers in one of the same kind at least twice
 * as long (the rest zeros), never shorter than 1024, so that a trimmed empty array grows too (a
 * typed array drops writes past its end without a word).
 */
export function grown<A extends NumberArray>(array: A, needed: number): A {
  if (needed <= array.length) return array;
  const bigger = new (array.constructor as new (length: number) => A)(Math.max(needed, array.length * 2, 1024));
  bigger.set(array as ArrayLike<number>);
  return bigger;
}

/** The first `length` numbers of `array`, in an array of their own size (itself when it is that size). */
export function trimmed<A extends NumberArray>(array: A, length: number): A {
  return array.length === length ? array : (array.slice(0, length) as A);
}
