/**
 * True when the two types are the same: each assignable to the other, with the same
 * properties, optional ones included (mutual assignability alone lets an optional property
 * exist on one side only).
 */
export type Equivalent<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

/** Compiles only when its argument is `true`. */
export type Assert<T extends true> = T;
