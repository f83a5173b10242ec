import { describe, expect, it } from 'vitest';
import type { RangeReport } from '@luot/protocol';
import { heatmapOption, hourlyOption, waitOption } from '../../src/reports/chart-options.js';

/** Only the parts of a report the charts read. */
function report(charts: Partial<RangeReport['charts']>): RangeReport {
  return {
    targetMinutes: 30,
    byService: [
      { service: 'A', name: { vi: 'Đất đai', en: 'Land' } },
      { service: 'C', name: { vi: 'Hộ tịch', en: 'Civil status' } },
    ],
    charts: {
      hourlyByService: { hours: [], series: [] },
      waitHistogram: [],
      arrivalsHeatmap: { counts: [], days: [] },
      satisfactionByOfficer: [],
      withinTargetByService: [],
      ...charts,
    },
  } as unknown as RangeReport;
}

type Series = Array<{ name: string; stack?: string; data: unknown[] }>;

describe('report charts', () => {
  it('stacks one series per service, named by the office’s words', () => {
    const o = hourlyOption(
      report({
        hourlyByService: {
          hours: [8, 9],
          series: [
            { service: 'A', counts: [1, 2] },
            { service: 'C', counts: [0, 3] },
          ],
        },
      }),
      'vi',
    ) as { xAxis: { data: string[] }; series: Series };
    expect(o.xAxis.data).toEqual(['08h', '09h']);
    expect(o.series.map((s) => [s.name, s.stack, s.data])).toEqual([
      ['A · Đất đai', 'tickets', [1, 2]],
      ['C · Hộ tịch', 'tickets', [0, 3]],
    ]);
  });

  it('shows an average day per weekday, over the hours that had arrivals', () => {
    const counts = Array.from({ length: 7 }, () => Array<number>(24).fill(0));
    counts[0]![8] = 10; // Mondays at 8: 10 tickets over 4 Mondays
    counts[0]![10] = 3;
    counts[4]![9] = 5; // Fridays at 9: 5 over 2 Fridays
    const o = heatmapOption(report({ arrivalsHeatmap: { counts, days: [4, 0, 0, 0, 2, 0, 0] } }), 'vi') as {
      xAxis: { data: string[] };
      series: Array<{ data: Array<[number, number, number]> }>;
    };
    expect(o.xAxis.data).toEqual(['08h', '09h', '10h']);
    const cell = (x: number, w: number) => o.series[0]!.data.find((d) => d[0] === x && d[1] === w)![2];
    expect(cell(0, 0)).toBe(2.5);
    expect(cell(2, 0)).toBe(0.8); // 3 / 4, one decimal
    expect(cell(1, 4)).toBe(2.5);
    expect(cell(1, 1)).toBe(0); // no Tuesdays: nothing, not a division by zero
  });

  it('marks the waits past the target in red', () => {
    const o = waitOption(
      report({
        waitHistogram: [
          { from: 20, to: 30, count: 1 },
          { from: 30, to: 45, count: 2 },
          { from: 120, to: null, count: 1 },
        ],
      }),
      'vi',
    ) as {
      baseOption: {
        xAxis: { data: string[] };
        series: Array<{ data: Array<{ itemStyle: { color: string } }> }>;
      };
    };
    expect(o.baseOption.xAxis.data).toEqual(['20–30', '30–45', '120+']);
    expect(o.baseOption.series[0]!.data.map((d) => d.itemStyle.color)).toEqual([
      '#1d5fbf',
      '#c8102e',
      '#c8102e',
    ]);
  });
});
