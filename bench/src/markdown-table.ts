/** A GitHub-flavoured markdown table; numbers are right-aligned. */
export function markdownTable(
  headers: readonly string[],
  rows: readonly (readonly (string | number)[])[],
): string {
  const numeric = headers.map((_, column) => rows.every((row) => typeof row[column] === 'number'));
  const align = numeric.map((right) => (right ? '---:' : '---'));
  const line = (cells: readonly (string | number)[]) => `| ${cells.join(' | ')} |`;
  return [line(headers), line(align), ...rows.map(line)].join('\n');
}
