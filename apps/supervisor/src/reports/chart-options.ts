/**
 * The five charts of the reports page as ECharts options, built from the hub's chart data
 * (`RangeReport.charts`) alone. Pure: the page hands them to <Chart>; the tests read them. No
 * animation, so a chart is complete when it is drawn (for print, screenshots and the tests).
 */
import type { EChartsCoreOption } from 'echarts/core';
import type { Text } from '@luot/core';
import type { RangeReport } from '@luot/protocol';
import { formatDay, formatNumber } from './format.js';
import { WEEKDAYS } from './views.js';

type Locale = 'vi' | 'en';

/** The console's colours first (base.css), then distinct ones for the other services. */
export const PALETTE = [
  '#1d5fbf',
  '#c8102e',
  '#1f8a4c',
  '#c77700',
  '#6a3d9a',
  '#0e8a8a',
  '#b15928',
  '#e377c2',
  '#14213d',
  '#7f7f7f',
  '#bcbd22',
  '#17becf',
  '#8c564b',
  '#f2c230',
];

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * An option with its narrow form (ECharts' media queries): a chart drawn a third of a printed page
 * wide, or on a small window, has room for fewer and smaller labels.
 */
function withNarrow(option: EChartsCoreOption, narrow: EChartsCoreOption): EChartsCoreOption {
  return { baseOption: option, media: [{ query: { maxWidth: 450 }, option: narrow }] };
}
const base = {
  animation: false,
  color: PALETTE,
  // The console's font by name: ECharts measures labels with it, and 'inherit' would measure with
  // another font than the SVG text is drawn in (legends then overlap).
  textStyle: { fontFamily: "'Be Vietnam Pro', 'Noto Sans', sans-serif" },
  grid: { left: 48, right: 16, top: 36, bottom: 32, containLabel: true },
};

/** Tickets issued per hour, one bar segment per service (stacked). */
export function hourlyOption(r: RangeReport, locale: Locale): EChartsCoreOption {
  const names = new Map(r.byService.map((s) => [s.service, s.name?.[locale] ?? s.service]));
  const { hours, series } = r.charts.hourlyByService;
  return {
    ...base,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    // Long service names are cut in the legend; the tooltip has them whole.
    legend: { type: 'scroll', top: 0, textStyle: { width: 130, overflow: 'truncate' } },
    xAxis: { type: 'category', data: hours.map((h) => `${pad(h)}h`) },
    yAxis: { type: 'value', minInterval: 1 },
    series: series.map((s) => ({
      type: 'bar',
      stack: 'tickets',
      name: `${s.service} · ${names.get(s.service) ?? s.service}`,
      data: s.counts,
    })),
  };
}

/** How many waits fell in each bucket of minutes. */
export function waitOption(r: RangeReport, locale: Locale): EChartsCoreOption {
  const label = (b: { from: number; to: number | null }) =>
    b.to === null ? `${b.from}+` : `${b.from}–${b.to}`;
  return withNarrow(
    {
      ...base,
      tooltip: { trigger: 'axis' },
      xAxis: {
        type: 'category',
        data: r.charts.waitHistogram.map(label),
        // Every bucket named, even on a narrow (printed) chart: a skipped label hides a bucket's limits.
        axisLabel: { interval: 0, fontSize: 10 },
        name: locale === 'vi' ? 'phút' : 'min',
        nameLocation: 'middle',
        nameGap: 28,
      },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          type: 'bar',
          name: locale === 'vi' ? 'Số phiếu' : 'Tickets',
          data: r.charts.waitHistogram.map((b) => ({
            value: b.count,
            // Waits past the target in red: the part of the distribution the office answers for.
            itemStyle: { color: (b.to ?? Infinity) > r.targetMinutes ? '#c8102e' : '#1d5fbf' },
          })),
        },
      ],
    },
    { xAxis: { axisLabel: { rotate: 45, fontSize: 9 }, nameGap: 36 } },
  );
}

/** Arrivals per weekday × hour, as an average day of each weekday (count / dates of that weekday). */
export function heatmapOption(r: RangeReport, locale: Locale): EChartsCoreOption {
  const { counts, days } = r.charts.arrivalsHeatmap;
  // Only the hours the office had arrivals in (7h–17h when there were none), not a night of zeros.
  const used = [...Array(24).keys()].filter((h) => counts.some((row) => (row[h] ?? 0) > 0));
  const first = used.length ? Math.min(...used) : 7;
  const last = used.length ? Math.max(...used) : 17;
  const hours = [...Array(last - first + 1).keys()].map((i) => first + i);
  const data: Array<[number, number, number]> = [];
  let max = 0;
  counts.forEach((row, w) => {
    hours.forEach((h, x) => {
      const avg = days[w] ? (row[h] ?? 0) / days[w]! : 0;
      max = Math.max(max, avg);
      data.push([x, w, Math.round(avg * 10) / 10]);
    });
  });
  return {
    ...base,
    grid: { ...base.grid, bottom: 56 },
    tooltip: {
      formatter: (p: { value: [number, number, number] }) =>
        `${WEEKDAYS[p.value[1] + 1]![locale]} ${pad(hours[p.value[0]]!)}h: ${formatNumber(p.value[2], 1)}`,
    },
    xAxis: { type: 'category', data: hours.map((h) => `${pad(h)}h`), splitArea: { show: true } },
    yAxis: { type: 'category', data: WEEKDAYS.slice(1).map((w) => w[locale]), inverse: true },
    visualMap: {
      min: 0,
      max: Math.max(1, Math.ceil(max)),
      calculable: false,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      itemHeight: 120,
      inRange: { color: ['#f3f5f8', '#9ec1ef', '#1d5fbf', '#14213d'] },
    },
    series: [{ type: 'heatmap', data, label: { show: hours.length <= 14, fontSize: 10 } }],
  };
}

/** Each officer's satisfaction (%) per day that had answers. */
export function satisfactionOption(r: RangeReport): EChartsCoreOption {
  const officers = r.charts.satisfactionByOfficer;
  const days = [...new Set(officers.flatMap((o) => o.days.map((d) => d.day)))].sort();
  return {
    ...base,
    tooltip: { trigger: 'axis' },
    legend: { type: 'scroll', top: 0 },
    xAxis: { type: 'category', data: days.map(formatDay) },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value} %' } },
    series: officers.map((o) => {
      const byDay = new Map(o.days.map((d) => [d.day, Math.round(d.satisfaction * 1000) / 10]));
      return {
        type: 'line',
        name: o.name ?? o.officer,
        connectNulls: true,
        symbolSize: 8,
        data: days.map((d) => byDay.get(d) ?? null),
      };
    }),
  };
}

/** The share of tickets called within the target, per service, as horizontal bars. */
export function withinTargetOption(r: RangeReport, locale: Locale): EChartsCoreOption {
  const names = new Map(r.byService.map((s) => [s.service, s.name?.[locale] ?? s.service]));
  const rows = r.charts.withinTargetByService.filter((s) => s.share !== null);
  return withNarrow(
    {
      ...base,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value} %' } },
      yAxis: {
        type: 'category',
        inverse: true,
        data: rows.map((s) => `${s.service} · ${names.get(s.service) ?? ''}`),
        axisLabel: { width: 160, overflow: 'truncate' },
      },
      series: [
        {
          type: 'bar',
          data: rows.map((s) => Math.round((s.share ?? 0) * 1000) / 10),
          label: {
            show: true,
            position: 'right',
            formatter: (p: { value: number }) => `${formatNumber(p.value, 1)} %`,
          },
        },
      ],
    },
    {
      xAxis: { interval: 50, axisLabel: { fontSize: 9 } },
      yAxis: { axisLabel: { width: 90, fontSize: 9 } },
    },
  );
}

export const CHART_TITLES: Record<'hourly' | 'wait' | 'heatmap' | 'satisfaction' | 'withinTarget', Text> = {
  hourly: { vi: 'Số phiếu theo giờ, theo dịch vụ', en: 'Tickets per hour, by service' },
  wait: { vi: 'Phân bố thời gian chờ', en: 'Waiting-time distribution' },
  heatmap: {
    vi: 'Lượt đến theo thứ × giờ (trung bình một ngày)',
    en: 'Arrivals by weekday × hour (average day)',
  },
  satisfaction: { vi: 'Tỉ lệ hài lòng theo cán bộ, theo ngày', en: 'Satisfaction per officer per day' },
  withinTarget: {
    vi: 'Tỉ lệ được gọi trong chỉ tiêu, theo dịch vụ',
    en: 'Called within target, per service',
  },
};
