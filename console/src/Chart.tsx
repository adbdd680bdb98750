/** An ECharts chart (tree-shaken: line, bar, pie) that resizes with its box; clicks report the clicked item. */
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([LineChart, BarChart, PieChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

/** One chart; `label` describes it to screen readers. */
export function Chart({ option, height = 300, label, onClick }: { option: echarts.EChartsCoreOption; height?: number; label: string; onClick?: (p: { name: string; dataIndex: number; seriesIndex?: number; data: unknown }) => void }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const click = useRef(onClick);
  click.current = onClick;
  useEffect(() => {
    const c = echarts.init(box.current!, undefined, { renderer: 'canvas' });
    chart.current = c;
    c.on('click', (p) => click.current?.(p as never));
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(box.current!);
    return () => {
      ro.disconnect();
      c.dispose();
    };
  }, []);
  useEffect(() => {
    // Our own aria-label on the box says what the chart shows (ECharts' aria would replace it with a generic text).
    chart.current?.setOption({ textStyle: { fontSize: 14 }, ...option }, true);
  }, [option]);
  return <div ref={box} role="img" aria-label={label} style={{ width: '100%', height, cursor: onClick ? 'pointer' : undefined }} />;
}
