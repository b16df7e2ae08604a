import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';

export interface ChartSeries {
  key: string;
  name: string;
  color: string;
}

/**
 * A bar chart for sighted readers. It is hidden from assistive technology: every chart sits
 * beside a table holding the same figures.
 */
export function BarChartView({
  data,
  categoryKey,
  series,
  horizontal = false,
  allowDecimals = false,
  unit,
  max,
}: {
  data: Record<string, string | number>[];
  categoryKey: string;
  series: ChartSeries[];
  /** Bars run left to right, categories down the side: for long category names. */
  horizontal?: boolean;
  allowDecimals?: boolean;
  unit?: string;
  /** The top of the value axis (100 for percentages); by default, from the data. */
  max?: number;
}) {
  const domain: [number, number | 'auto'] = [0, max ?? 'auto'];
  // Room down the side for every bar of a category (or a line of its name) and the legend.
  const categoryHeight = Math.max(32, 12 + 12 * series.length);
  const legendHeight = series.length > 1 ? 32 : 0;
  return (
    <div className="chart" aria-hidden="true">
      <BarChart
        data={data}
        layout={horizontal ? 'vertical' : 'horizontal'}
        responsive
        style={{
          width: '100%',
          height: horizontal ? 40 + legendHeight + data.length * categoryHeight : 240,
        }}
        accessibilityLayer={false}
        margin={{ top: 8, right: 16, bottom: 8, left: 8 }}
      >
        <CartesianGrid strokeDasharray="3 3" horizontal={!horizontal} vertical={horizontal} />
        {horizontal ? (
          <>
            <XAxis type="number" allowDecimals={allowDecimals} unit={unit} domain={domain} />
            <YAxis type="category" dataKey={categoryKey} width={160} tick={{ fontSize: 13 }} />
          </>
        ) : (
          <>
            <XAxis dataKey={categoryKey} interval={0} tick={{ fontSize: 12 }} />
            <YAxis allowDecimals={allowDecimals} unit={unit} width="auto" domain={domain} />
          </>
        )}
        <Tooltip />
        {series.length > 1 && (
          // In the order of the bars, not alphabetical.
          <Legend itemSorter={(item) => series.findIndex((line) => line.key === item.dataKey)} />
        )}
        {series.map((line) => (
          <Bar
            key={line.key}
            dataKey={line.key}
            name={line.name}
            fill={line.color}
            unit={unit}
            isAnimationActive={false}
          />
        ))}
      </BarChart>
    </div>
  );
}
