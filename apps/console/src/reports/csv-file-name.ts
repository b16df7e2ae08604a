import type { Dimension, ReportName } from './report-catalog';

export interface CsvQuery {
  report: ReportName;
  dischargeYear?: number;
  groupBy?: Dimension;
}

/** Characters no file name should carry (path separators, controls, what Windows refuses). */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f/\\:*?"<>|]+/g;

const safe = (name: string): string | undefined => {
  const cleaned = name.replace(UNSAFE, '_').trim();
  return cleaned === '' || /^\.+$/.test(cleaned) ? undefined : cleaned;
};

/** The file name a Content-Disposition header gives: `filename*` (RFC 5987) over `filename`. */
function dispositionFileName(disposition: string): string | undefined {
  const extended = /filename\*\s*=\s*([\w-]+)'[^']*'([^;]+)/i.exec(disposition);
  if (extended?.[2] && extended[1]?.toLowerCase() === 'utf-8') {
    try {
      return decodeURIComponent(extended[2].trim());
    } catch {
      // A broken encoding: the plain filename, if any, below.
    }
  }
  const quoted = /filename\s*=\s*"((?:[^"\\]|\\.)*)"/i.exec(disposition);
  if (quoted?.[1] !== undefined) return quoted[1].replace(/\\(.)/g, '$1');
  return /filename\s*=\s*([^;\s]+)/i.exec(disposition)?.[1];
}

/**
 * The name to save a report's CSV under: the api's (it names the tenant, report, year and
 * grouping), or one made the same way from the query when the answer names none.
 */
export function csvFileName(disposition: string | null, query: CsvQuery): string {
  const given = disposition ? dispositionFileName(disposition) : undefined;
  const named = given === undefined ? undefined : safe(given);
  if (named !== undefined) return named;
  return `${[
    query.report,
    query.dischargeYear ?? 'all-years',
    ...(query.groupBy ? [`by-${query.groupBy}`] : []),
  ].join('-')}.csv`;
}
