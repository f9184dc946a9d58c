// One bar chart of the dashboard, drawn by Recharts (decision 0036). Its own lazy chunk: the library loads only when
// a chart is first shown. Hidden from screen readers, which read the table beside it instead.
import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, XAxis, YAxis } from 'recharts';

export interface BarChartViewProps {
  bars: readonly { label: string; value: number }[];
  /** Months read left to right (their initials under the bars); categories top to bottom, their labels being long. */
  layout: 'columns' | 'rows';
}

export default function BarChartView({ bars, layout }: BarChartViewProps) {
  const data = bars.map((b) => ({ ...b }));
  if (layout === 'columns')
    return (
      <ResponsiveContainer width="100%" height={220}>
        <BarChart data={data} accessibilityLayer={false} margin={{ top: 20, right: 8, bottom: 0, left: -24 }}>
          <CartesianGrid vertical={false} stroke="#d6dbe3" />
          <XAxis
            dataKey="label"
            tickFormatter={(label: string) => label.charAt(0).toUpperCase()}
            interval={0}
            fontSize={12}
          />
          <YAxis allowDecimals={false} fontSize={12} />
          <Bar dataKey="value" fill="#1d4ed8" isAnimationActive={false}>
            <LabelList dataKey="value" position="top" fontSize={12} fill="#1a1f2b" />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    );
  return (
    <ResponsiveContainer width="100%" height={Math.max(120, data.length * 30 + 20)}>
      <BarChart
        data={data}
        layout="vertical"
        accessibilityLayer={false}
        margin={{ top: 0, right: 32, bottom: 0, left: 0 }}
      >
        <XAxis type="number" allowDecimals={false} hide />
        <YAxis type="category" dataKey="label" width={130} fontSize={12} interval={0} />
        <Bar dataKey="value" fill="#1d4ed8" isAnimationActive={false}>
          <LabelList dataKey="value" position="right" fontSize={12} fill="#1a1f2b" />
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}
