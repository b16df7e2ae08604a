/** `{ [key]: value }`, or nothing when the value is unknown: absent rather than null. */
export const optional = <K extends string, V>(key: K, value: V | undefined) =>
  (value === undefined ? {} : { [key]: value }) as Partial<Record<K, V>>;
