import type { Text } from '@luot/core';
import type { RangeReport, ReportFigures } from '@luot/protocol';
import { useSay } from '../text.js';
import { formatValue, type Kind } from './views.js';

interface Figure {
  id: string;
  label: Text;
  kind: Kind;
  value: (f: ReportFigures) => number | null;
  /** Whether more is better (green when up) or worse (red when up). */
  better: 'up' | 'down';
}

const FIGURES: Figure[] = [
  {
    id: 'issued',
    label: { vi: 'Số phiếu cấp', en: 'Issued' },
    kind: 'count',
    value: (f) => f.issued,
    better: 'up',
  },
  {
    id: 'served',
    label: { vi: 'Đã phục vụ', en: 'Served' },
    kind: 'count',
    value: (f) => f.served,
    better: 'up',
  },
  {
    id: 'noShow',
    label: { vi: 'Vắng mặt', en: 'No-show' },
    kind: 'count',
    value: (f) => f.noShow,
    better: 'down',
  },
  {
    id: 'abandoned',
    label: { vi: 'Bỏ về', en: 'Abandoned' },
    kind: 'count',
    value: (f) => f.abandoned,
    better: 'down',
  },
  {
    id: 'waitMean',
    label: { vi: 'Chờ trung bình (phút)', en: 'Mean wait (min)' },
    kind: 'minutes',
    value: (f) => f.wait.mean,
    better: 'down',
  },
  {
    id: 'waitP90',
    label: { vi: 'Chờ P90 (phút)', en: 'P90 wait (min)' },
    kind: 'minutes',
    value: (f) => f.wait.p90,
    better: 'down',
  },
  {
    id: 'svcMean',
    label: { vi: 'Phục vụ trung bình (phút)', en: 'Mean service (min)' },
    kind: 'minutes',
    value: (f) => f.serviceTime.mean,
    better: 'down',
  },
  {
    id: 'withinTarget',
    label: { vi: 'Gọi trong chỉ tiêu', en: 'Within target' },
    kind: 'share',
    value: (f) => f.withinTarget.share,
    better: 'up',
  },
  {
    id: 'satisfaction',
    label: { vi: 'Tỉ lệ hài lòng', en: 'Satisfaction' },
    kind: 'share',
    value: (f) => f.ratings.satisfaction,
    better: 'up',
  },
];

/** The range's headline figures, each with the previous period's beside it when compared. */
export function Summary({ report, previous }: { report: RangeReport; previous: RangeReport | null }) {
  const { say } = useSay();
  return (
    <dl className="summary" data-testid="report-summary">
      {FIGURES.map((f) => {
        const cur = f.value(report.total);
        const prev = previous ? f.value(previous.total) : null;
        const trend = cur !== null && prev !== null && cur !== prev ? (cur > prev ? 'up' : 'down') : null;
        return (
          <div key={f.id} className="figure" data-figure={f.id}>
            <dt>{say(f.label)}</dt>
            <dd className="cur" data-testid={`total-${f.id}`}>
              {formatValue(f.kind, cur)}
            </dd>
            {previous && (
              <dd
                className={`prev${trend ? (trend === f.better ? ' good' : ' bad') : ''}`}
                data-testid={`prev-${f.id}`}
              >
                {say({ vi: 'Kỳ trước', en: 'Before' })}: {formatValue(f.kind, prev)}
                {trend && <span aria-hidden="true">{trend === 'up' ? ' ▲' : ' ▼'}</span>}
              </dd>
            )}
          </div>
        );
      })}
    </dl>
  );
}
