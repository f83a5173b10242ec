import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, HeatmapChart, LineChart } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

// Only what the reports' five charts and the plan's two use (the plan shades its breaks, MarkArea): the whole of ECharts would be several times the console's size.
echarts.use([
  BarChart,
  HeatmapChart,
  LineChart,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  TooltipComponent,
  VisualMapComponent,
  SVGRenderer,
]);

/** The width a chart is drawn at for printing: a third of a landscape A4 page’s content width, in CSS pixels. */
const PRINT_WIDTH = 330;
/** Its height in print: `.chart-box` in reports.css's print rules. */
const PRINT_HEIGHT = 220;

/**
 * One ECharts chart, drawn as SVG (sharp in print, readable by the tests), redrawn when its options
 * change and resized with its box. `label` names it for screen readers.
 */
export function Chart({
  option,
  label,
  testId,
}: {
  option: echarts.EChartsCoreOption;
  label: string;
  testId: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const shown = useRef(option);
  shown.current = option;
  useEffect(() => {
    const el = box.current!;
    const c = echarts.init(el, null, { renderer: 'svg' });
    chart.current = c;
    const resize = () => c.resize();
    const observer = new ResizeObserver(resize);
    observer.observe(el);
    // The print layout is narrower than the screen, and no resize event comes before it is laid out.
    // Paper cannot page through a scrolling legend ("1/3"): every entry is printed, by its code
    // only (the table above the charts names each code), wrapping onto more lines as needed.
    const beforePrint = () => {
      if (shown.current.legend) {
        // About eight codes fit on a printed line; the plot moves down for each further line.
        const entries = Array.isArray(shown.current.series) ? shown.current.series.length : 0;
        const lines = Math.max(1, Math.ceil(entries / 8));
        c.setOption({
          grid: { top: 36 + 18 * (lines - 1) },
          legend: {
            type: 'plain',
            top: 0,
            formatter: (name: string) => name.split(' · ')[0] ?? name,
            textStyle: { width: undefined, overflow: 'none' },
          },
        });
      }
      c.resize({ width: PRINT_WIDTH, height: PRINT_HEIGHT });
    };
    const afterPrint = () => {
      c.setOption(shown.current, { notMerge: true });
      resize();
    };
    window.addEventListener('beforeprint', beforePrint);
    window.addEventListener('afterprint', afterPrint);
    return () => {
      observer.disconnect();
      window.removeEventListener('beforeprint', beforePrint);
      window.removeEventListener('afterprint', afterPrint);
      c.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);
  return (
    <figure className="chart">
      <figcaption>{label}</figcaption>
      <div ref={box} className="chart-box" role="img" aria-label={label} data-testid={testId} />
    </figure>
  );
}
