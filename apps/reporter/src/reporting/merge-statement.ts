import type { Merge, MergedTable } from './reporting-tables';

const KEY = ['tenant_id', 'episode_key'];

function mergeExpression(column: string, merge: Merge): string {
  const [held, given] = [`t.${column}`, `EXCLUDED.${column}`];
  switch (merge) {
    case 'first':
      return `coalesce(${held}, ${given})`;
    case 'latest':
      // The SET clause sees the row as it was, so t.last_sequence is the one before this event.
      return `CASE WHEN EXCLUDED.last_sequence >= t.last_sequence THEN coalesce(${given}, ${held}) ELSE coalesce(${held}, ${given}) END`;
    case 'max':
      return `greatest(${held}, ${given})`;
    case 'min':
      return `least(${held}, ${given})`;
    case 'or':
      return `CASE WHEN ${held} IS NULL THEN ${given} WHEN ${given} IS NULL THEN ${held} ELSE ${held} OR ${given} END`;
  }
}

/**
 * An upsert of one row of `table` that merges the given columns as the table says and leaves
 * the others as they are. Parameters: the key (tenant, episode, part if any), the event's
 * sequence, then the columns' values in the order given.
 */
export function mergeStatement<Column extends string>(
  table: MergedTable<Column>,
  columns: readonly Column[],
): string {
  const key = table.partKey ? [...KEY, table.partKey] : KEY;
  const inserted = [...key, 'last_sequence', ...columns];
  const updates = [
    'last_sequence = greatest(t.last_sequence, EXCLUDED.last_sequence)',
    ...columns.map((column) => `${column} = ${mergeExpression(column, table.merge[column])}`),
  ];
  return `INSERT INTO ${table.name} AS t (${inserted.join(', ')})
  VALUES (${inserted.map((_, index) => `$${index + 1}`).join(', ')})
  ON CONFLICT (${key.join(', ')}) DO UPDATE SET
    ${updates.join(',\n    ')}`;
}
