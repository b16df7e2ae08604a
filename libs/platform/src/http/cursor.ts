import { z } from 'zod';

/**
 * Keyset pagination: a cursor is the sort key of the last item of a page, opaque to clients
 * (base64url JSON), so a page never repeats or skips an item when rows arrive in between.
 */
export const encodeCursor = (key: readonly (string | number)[]): string =>
  Buffer.from(JSON.stringify(key)).toString('base64url');

const decoded = z.string().transform((raw, context) => {
  try {
    return JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as unknown;
  } catch {
    context.addIssue({ code: 'custom', message: 'is not a cursor this API returned' });
    return z.NEVER;
  }
});

/** A query parameter holding a cursor whose key has the given shape. */
export const cursorParam = <Key extends z.ZodTuple>(key: Key) =>
  decoded.pipe(key).meta({ description: 'From `nextCursor` of the previous page.' });

export const pageLimit = (defaultLimit: number, max: number) =>
  z.coerce
    .number()
    .int()
    .min(1)
    .max(max)
    .default(defaultLimit)
    .meta({ description: `Items per page, 1 to ${max}.` });

export interface Page<Item> {
  items: Item[];
  /** Present when there are more items; pass it as `cursor` for the next page. */
  nextCursor?: string;
}

/** Cuts the one extra row a query fetched to learn whether another page follows. */
export function toPage<Row, Item>(
  rows: readonly Row[],
  limit: number,
  item: (row: Row) => Item,
  key: (row: Row) => readonly (string | number)[],
): Page<Item> {
  const shown = rows.slice(0, limit);
  const last = shown[shown.length - 1];
  return {
    items: shown.map(item),
    ...(rows.length > limit && last !== undefined ? { nextCursor: encodeCursor(key(last)) } : {}),
  };
}
