import { useMemo } from 'react';
import type { RangeReport } from '@luot/protocol';
import { useSay } from '../text.js';
import { Chart } from './Chart.js';
import {
  CHART_TITLES,
  heatmapOption,
  hourlyOption,
  satisfactionOption,
  waitOption,
  withinTargetOption,
} from './chart-options.js';

/** The five charts a head looks at rather than reads, two to a row. */
export function Charts({ report }: { report: RangeReport }) {
  const { say, locale } = useSay();
  const options = useMemo(
    () => ({
      hourly: hourlyOption(report, locale),
      wait: waitOption(report, locale),
      heatmap: heatmapOption(report, locale),
      satisfaction: satisfactionOption(report),
      withinTarget: withinTargetOption(report, locale),
    }),
    [report, locale],
  );
  return (
    <div className="charts">
      {(Object.keys(options) as Array<keyof typeof options>).map((k) => (
        <Chart key={k} option={options[k]} label={say(CHART_TITLES[k])} testId={`chart-${k}`} />
      ))}
    </div>
  );
}
