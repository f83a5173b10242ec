/**
 * The report's tables as the page shows them: for each view (service, counter, officer, hour, day)
 * its key columns, then the same figure columns the hub's exports write (apps/hub/src/storage/
 * reports/tables.ts), grouped under "waiting time", "service time" and "ratings". Each column knows
 * how to read its value (for sorting) and how to write it (Vietnamese numbers).
 */
import type { Text } from '@luot/core';
import type { RangeReport, ReportFigures, ReportView } from '@luot/protocol';
import { formatCount, formatDay, formatMinutes, formatShare } from './format.js';
import type { SortValue } from './sort.js';

export type Kind = 'text' | 'count' | 'minutes' | 'share';

export interface Column<R> {
  id: string;
  header: Text;
  /** The header over a group of columns (waiting, service, ratings), or none. */
  group?: Text;
  kind: Kind;
  value: (row: R) => SortValue;
}

export interface ViewRow {
  /** Matches a row with the previous period's row of the same service, counter, officer or hour. */
  key: string;
  /** The key columns' values. */
  keys: SortValue[];
  figures: ReportFigures;
}

export interface ViewDef {
  id: ReportView;
  name: Text;
  keyColumns: Array<{ header: Text; kind: Kind; numeric?: boolean }>;
  rows: (report: RangeReport) => ViewRow[];
  /** Whether a row has a counterpart in the previous period (days do not: other dates). */
  comparable: boolean;
}

export const WEEKDAYS: Text[] = [
  { vi: '', en: '' },
  { vi: 'Thứ Hai', en: 'Mon' },
  { vi: 'Thứ Ba', en: 'Tue' },
  { vi: 'Thứ Tư', en: 'Wed' },
  { vi: 'Thứ Năm', en: 'Thu' },
  { vi: 'Thứ Sáu', en: 'Fri' },
  { vi: 'Thứ Bảy', en: 'Sat' },
  { vi: 'Chủ nhật', en: 'Sun' },
];

const NEVER_CALLED: Text = { vi: 'Chưa được gọi', en: 'Never called' };
const pad = (n: number) => String(n).padStart(2, '0');

/** The views; `say` and `locale` turn the few texts inside key cells into words. */
export function viewDefs(locale: 'vi' | 'en'): ViewDef[] {
  return [
    {
      id: 'service',
      name: { vi: 'Theo dịch vụ', en: 'By service' },
      keyColumns: [
        { header: { vi: 'Mã', en: 'Code' }, kind: 'text' },
        { header: { vi: 'Dịch vụ', en: 'Service' }, kind: 'text' },
      ],
      rows: (r) =>
        r.byService.map((s) => ({ key: s.service, keys: [s.service, s.name?.[locale] ?? null], figures: s })),
      comparable: true,
    },
    {
      id: 'counter',
      name: { vi: 'Theo quầy', en: 'By counter' },
      keyColumns: [{ header: { vi: 'Quầy', en: 'Counter' }, kind: 'text', numeric: true }],
      rows: (r) =>
        r.byCounter.map((c) => ({
          key: String(c.counter),
          // A number, so that counter 10 sorts after counter 9; the cell writes "Quầy 10".
          keys: [c.counter],
          figures: c,
        })),
      comparable: true,
    },
    {
      id: 'officer',
      name: { vi: 'Theo cán bộ', en: 'By officer' },
      keyColumns: [
        { header: { vi: 'Mã cán bộ', en: 'Officer code' }, kind: 'text' },
        { header: { vi: 'Họ tên', en: 'Name' }, kind: 'text' },
      ],
      rows: (r) =>
        r.byOfficer.map((o) => ({
          key: String(o.officer),
          keys: [o.officer ?? NEVER_CALLED[locale], o.name],
          figures: o,
        })),
      comparable: true,
    },
    {
      id: 'hour',
      name: { vi: 'Theo giờ', en: 'By hour' },
      keyColumns: [{ header: { vi: 'Giờ cấp số', en: 'Hour issued' }, kind: 'text', numeric: true }],
      rows: (r) => r.byHour.map((h) => ({ key: String(h.hour), keys: [h.hour], figures: h })),
      comparable: true,
    },
    {
      id: 'day',
      name: { vi: 'Theo ngày', en: 'By day' },
      keyColumns: [
        { header: { vi: 'Ngày', en: 'Day' }, kind: 'text' },
        { header: { vi: 'Thứ', en: 'Weekday' }, kind: 'text', numeric: true },
      ],
      rows: (r) => r.byDay.map((d) => ({ key: d.day, keys: [d.day, d.weekday], figures: d })),
      comparable: false,
    },
  ];
}

/** How a key cell reads: counters as "Quầy 5", hours as "08:00–09:00", days as dd/mm/yyyy. */
export function keyText(view: ReportView, index: number, v: SortValue, locale: 'vi' | 'en'): string {
  if (v === null) return view === 'counter' ? NEVER_CALLED[locale] : '—';
  if (view === 'counter') return `${locale === 'vi' ? 'Quầy' : 'Counter'} ${v}`;
  if (view === 'hour' && typeof v === 'number') return `${pad(v)}:00–${pad(v + 1)}:00`;
  if (view === 'day' && index === 0) return formatDay(String(v));
  if (view === 'day' && index === 1) return WEEKDAYS[Number(v)]![locale];
  return String(v);
}

const WAIT: Text = { vi: 'Thời gian chờ (phút)', en: 'Waiting time (min)' };
const SERVICE: Text = { vi: 'Thời gian phục vụ (phút)', en: 'Service time (min)' };
const RATINGS: Text = { vi: 'Đánh giá', en: 'Ratings' };
const MEAN: Text = { vi: 'TB', en: 'Mean' };
const MEDIAN: Text = { vi: 'Trung vị', en: 'Median' };
const P90: Text = { vi: 'P90', en: 'P90' };

/** The figure columns for a report's wait target and rating scale (highest level first). */
export function figureColumns(report: RangeReport): Array<Column<ReportFigures>> {
  const count = (id: string, header: Text, value: (f: ReportFigures) => number): Column<ReportFigures> => ({
    id,
    header,
    kind: 'count',
    value,
  });
  return [
    count('issued', { vi: 'Số phiếu cấp', en: 'Issued' }, (f) => f.issued),
    count('served', { vi: 'Đã phục vụ', en: 'Served' }, (f) => f.served),
    count('noShow', { vi: 'Vắng mặt', en: 'No-show' }, (f) => f.noShow),
    count('cancelled', { vi: 'Đã huỷ', en: 'Cancelled' }, (f) => f.cancelled),
    count('transferred', { vi: 'Chuyển tiếp', en: 'Transferred' }, (f) => f.transferred),
    count('abandoned', { vi: 'Bỏ về', en: 'Abandoned' }, (f) => f.abandoned),
    { id: 'waitMean', group: WAIT, header: MEAN, kind: 'minutes', value: (f) => f.wait.mean },
    { id: 'waitMedian', group: WAIT, header: MEDIAN, kind: 'minutes', value: (f) => f.wait.median },
    { id: 'waitP90', group: WAIT, header: P90, kind: 'minutes', value: (f) => f.wait.p90 },
    { id: 'svcMean', group: SERVICE, header: MEAN, kind: 'minutes', value: (f) => f.serviceTime.mean },
    { id: 'svcMedian', group: SERVICE, header: MEDIAN, kind: 'minutes', value: (f) => f.serviceTime.median },
    { id: 'svcP90', group: SERVICE, header: P90, kind: 'minutes', value: (f) => f.serviceTime.p90 },
    {
      id: 'withinTarget',
      header: {
        vi: `Gọi trong ${report.targetMinutes} phút`,
        en: `Called within ${report.targetMinutes} min`,
      },
      kind: 'share',
      value: (f) => f.withinTarget.share,
    },
    ...[...report.rating.levels].reverse().map((l): Column<ReportFigures> => ({
      id: `rating${l.score}`,
      group: RATINGS,
      header: l.label,
      kind: 'count',
      value: (f) => f.ratings.counts[l.score - 1] ?? 0,
    })),
    {
      id: 'satisfaction',
      group: RATINGS,
      header: { vi: 'Tỉ lệ hài lòng', en: 'Satisfaction' },
      kind: 'share',
      value: (f) => f.ratings.satisfaction,
    },
  ];
}

/** A value as the table writes it. */
export function formatValue(kind: Kind, v: SortValue): string {
  if (kind === 'text') return v === null ? '—' : String(v);
  const n = typeof v === 'number' ? v : null;
  if (kind === 'count') return n === null ? '—' : formatCount(n);
  if (kind === 'minutes') return formatMinutes(n);
  return formatShare(n);
}
