/** A column the rows of a report can be grouped by besides the discharge year. */
export interface Dimension {
  /** Its SQL expression over the report's table. */
  expression: string;
  /** Its name in the rows. */
  name: string;
  /** Its values in the order rows should come in; numbers sort as numbers without it. */
  order?: readonly string[];
}

/** Rows of the tenant, of one discharge year if asked: parameters $1 and $2. */
export const OF_TENANT_AND_YEAR = `tenant_id = $1 AND ($2::int IS NULL OR discharge_year = $2)`;

export const orderOf = (expression: string, values?: readonly string[]): string =>
  values
    ? `array_position(ARRAY[${values.map((value) => `'${value}'`).join(', ')}]::text[], ${expression}) NULLS LAST`
    : `${expression} NULLS LAST`;

/** The SELECT, GROUP BY and ORDER BY parts for grouping by year, then the dimension if any. */
export function grouping(dimension: Dimension | undefined): {
  select: string;
  groupBy: string;
  orderBy: string;
} {
  if (!dimension) {
    return {
      select: `discharge_year AS "dischargeYear"`,
      groupBy: 'discharge_year',
      orderBy: 'discharge_year',
    };
  }
  return {
    select: `discharge_year AS "dischargeYear", ${dimension.expression} AS "${dimension.name}"`,
    groupBy: `discharge_year, ${dimension.expression}`,
    orderBy: `discharge_year, ${orderOf(dimension.expression, dimension.order)}`,
  };
}

/** Hours to a tenth, as the stream gives them; null when there are none. */
export const hours = (aggregate: string): string => `round((${aggregate})::numeric, 1)::float8`;

export const percentile = (fraction: number, column: string, filter = ''): string =>
  hours(
    `percentile_cont(${fraction}) WITHIN GROUP (ORDER BY ${column})${filter ? ` FILTER (WHERE ${filter})` : ''}`,
  );
