import type { Fraction, ReportDocument, ReportValue } from '../api/contract';
import {
  dimensionFields,
  groupingOf,
  rowsByHeaders,
  type Measure,
  type ReportDefinition,
} from './report-catalog';
import {
  dimensionValueLabel,
  formatCount,
  formatRate,
  formatReportHours,
  needDomainLabel,
  NO_FIGURE,
  reportStageLabel,
} from './report-format';

export interface ReportColumn {
  header: string;
  numeric: boolean;
}

export interface ReportTableRow {
  key: string;
  cells: string[];
}

/** A report's rows as text, one column per figure: what the chart draws, and the rest. */
export interface ReportTable {
  columns: ReportColumn[];
  rows: ReportTableRow[];
}

export interface ReportChart {
  /** One entry per row: its `category` label, and each drawn figure (left out when none). */
  data: Record<string, string | number>[];
  series: { key: string; name: string }[];
  unit: '%' | ' h';
  /** The top of the value axis, for percentages. */
  max?: number;
}

const isFraction = (value: ReportValue | undefined): value is Fraction =>
  typeof value === 'object' && value !== null && 'numerator' in value;

const numberOrNull = (value: ReportValue | undefined): number | null =>
  typeof value === 'number' ? value : null;

const keyPart = (value: ReportValue | undefined): string =>
  typeof value === 'string' || typeof value === 'number' ? String(value) : '';

type Row = ReportDocument['rows'][number];

const ROW_LABELS = { stage: reportStageLabel, domain: needDomainLabel } as const;

/** How each row is told apart from the others: its year, its stage or domain, and group. */
function rowParts(definition: ReportDefinition, report: ReportDocument) {
  const grouping = groupingOf(definition, report.groupBy);
  const field = grouping && dimensionFields[grouping.dimension];
  const { rowsBy } = definition;
  return {
    grouping,
    year: (row: Row) => keyPart(row.dischargeYear),
    stage: (row: Row) => (rowsBy ? ROW_LABELS[rowsBy](keyPart(row[rowsBy])) : undefined),
    group: (row: Row) => {
      if (!grouping || !field) return undefined;
      const value = row[field];
      return dimensionValueLabel(
        grouping.dimension,
        typeof value === 'string' || typeof value === 'number' ? value : null,
      );
    },
    key: (row: Row) =>
      [row.dischargeYear, rowsBy ? row[rowsBy] : undefined, field ? row[field] : undefined]
        .map(keyPart)
        .join('|'),
  };
}

/** The report as a table: the discharge year first, then the stage and group, then figures. */
export function reportTable(
  definition: ReportDefinition,
  report: ReportDocument,
  locale?: string,
): ReportTable {
  const parts = rowParts(definition, report);
  const cell = (kind: Measure['kind'], value: ReportValue | undefined): string => {
    if (kind === 'fraction') return isFraction(value) ? formatRate(value, locale) : NO_FIGURE;
    const number = numberOrNull(value);
    if (kind === 'hours') return formatReportHours(number, locale);
    return number === null ? NO_FIGURE : formatCount(number, locale);
  };
  return {
    columns: [
      { header: 'Discharge year', numeric: false },
      ...(definition.rowsBy ? [{ header: rowsByHeaders[definition.rowsBy], numeric: false }] : []),
      ...(parts.grouping ? [{ header: parts.grouping.label, numeric: false }] : []),
      ...definition.measures.map((measure) => ({ header: measure.header, numeric: true })),
    ],
    rows: report.rows.map((row) => ({
      key: parts.key(row),
      cells: [
        parts.year(row),
        ...[parts.stage(row), parts.group(row)].filter((part) => part !== undefined),
        ...definition.measures.map((measure) => cell(measure.kind, row[measure.field])),
      ],
    })),
  };
}

/**
 * The figures the chart draws, rates as percentages. Each bar group is named by its stage and
 * group, and by its year when the report spans more than one (or has nothing else to name it).
 */
export function reportChart(definition: ReportDefinition, report: ReportDocument): ReportChart {
  const parts = rowParts(definition, report);
  const years = new Set(report.rows.map(parts.year));
  const measures = definition.chart.fields.flatMap(
    (field) => definition.measures.find((measure) => measure.field === field) ?? [],
  );
  const percentages = definition.chart.kind === 'fraction';
  const data = report.rows.map((row) => {
    const names = [parts.stage(row), parts.group(row)].filter((part) => part !== undefined);
    const category = [...(years.size > 1 || names.length === 0 ? [parts.year(row)] : []), ...names];
    const point: Record<string, string | number> = { category: category.join(' · ') };
    for (const { field } of measures) {
      const value = row[field];
      const figure = percentages
        ? isFraction(value) && value.rate !== null
          ? Math.round(value.rate * 1_000) / 10
          : null
        : numberOrNull(value);
      if (figure !== null) point[field] = figure;
    }
    return point;
  });
  return {
    data,
    series: measures.map((measure) => ({ key: measure.field, name: measure.header })),
    unit: percentages ? '%' : ' h',
    ...(percentages ? { max: 100 } : {}),
  };
}
