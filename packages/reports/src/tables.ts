import type { OfficeConfig } from '@luot/core';
import type {
  RangeBookingCounts,
  RangeReport,
  RatingLevel,
  ReportCsvView,
  ReportFigures,
  ReportView,
} from '@luot/protocol';

/**
 * A report's tables as rows of typed cells, the one layout both exports write: the XLSX one sheet
 * per view (exceljs: numbers as numbers, days as dates), the CSV one file per view. Headers are
 * Vietnamese, as the office's paperwork is.
 */
export type CellKind = 'text' | 'int' | 'minutes' | 'percent' | 'date';
export type Cell = string | number | null;

export interface Column {
  header: string;
  kind: CellKind;
}

export interface Table {
  view: ReportCsvView;
  /** The sheet's name (at most 31 characters, as Excel allows). */
  title: string;
  columns: Column[];
  rows: Cell[][];
  /** The whole range's figures under the same columns (its key cells read "Tổng cộng"). */
  total: Cell[];
}

const WEEKDAYS = ['', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy', 'Chủ nhật'];
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The figure columns every table ends with, for a wait target (null: each office's own, at the
 * city) and rating levels.
 */
export function figureColumns(targetMinutes: number | null, levels: RatingLevel[]): Column[] {
  return [
    { header: 'Số phiếu cấp', kind: 'int' },
    { header: 'Đã phục vụ', kind: 'int' },
    { header: 'Vắng mặt', kind: 'int' },
    { header: 'Đã huỷ', kind: 'int' },
    { header: 'Chuyển tiếp', kind: 'int' },
    { header: 'Bỏ về (chưa được gọi)', kind: 'int' },
    { header: 'Chờ trung bình (phút)', kind: 'minutes' },
    { header: 'Chờ trung vị (phút)', kind: 'minutes' },
    { header: 'Chờ P90 (phút)', kind: 'minutes' },
    { header: 'Phục vụ trung bình (phút)', kind: 'minutes' },
    { header: 'Phục vụ trung vị (phút)', kind: 'minutes' },
    { header: 'Phục vụ P90 (phút)', kind: 'minutes' },
    {
      header:
        targetMinutes === null
          ? 'Được gọi trong thời gian chỉ tiêu (%)'
          : `Được gọi trong ${targetMinutes} phút (%)`,
      kind: 'percent',
    },
    // Highest level first, as the rating screen shows them.
    ...[...levels].reverse().map((l) => ({ header: l.label.vi, kind: 'int' as const })),
    { header: 'Không trả lời', kind: 'int' },
    { header: 'Tỉ lệ hài lòng (%)', kind: 'percent' },
  ];
}

/** One group's figures under `figureColumns`. */
export function figureCells(f: ReportFigures): Cell[] {
  return [
    f.issued,
    f.served,
    f.noShow,
    f.cancelled,
    f.transferred,
    f.abandoned,
    f.wait.mean,
    f.wait.median,
    f.wait.p90,
    f.serviceTime.mean,
    f.serviceTime.median,
    f.serviceTime.p90,
    f.withinTarget.share,
    ...[...f.ratings.counts].reverse(),
    f.ratings.unanswered,
    f.ratings.satisfaction,
  ];
}

/** One view of a report as a table. */
export function reportTable(report: RangeReport, view: ReportView): Table {
  const figures = figureColumns(report.targetMinutes, report.rating.levels);
  const table = (title: string, keys: Column[], rows: Array<[Cell[], ReportFigures]>): Table => ({
    view,
    title,
    columns: [...keys, ...figures],
    rows: rows.map(([k, f]) => [...k, ...figureCells(f)]),
    total: ['Tổng cộng', ...keys.slice(1).map(() => null), ...figureCells(report.total)],
  });
  switch (view) {
    case 'service':
      return table(
        'Theo dịch vụ',
        [
          { header: 'Mã', kind: 'text' },
          { header: 'Dịch vụ', kind: 'text' },
        ],
        report.byService.map((r) => [[r.service, r.name?.vi ?? null], r]),
      );
    case 'counter':
      return table(
        'Theo quầy',
        [{ header: 'Quầy', kind: 'text' }],
        report.byCounter.map((r) => [[r.counter === null ? 'Chưa được gọi' : `Quầy ${r.counter}`], r]),
      );
    case 'officer':
      return table(
        'Theo cán bộ',
        [
          { header: 'Mã cán bộ', kind: 'text' },
          { header: 'Họ tên', kind: 'text' },
        ],
        report.byOfficer.map((r) => [[r.officer ?? 'Chưa được gọi', r.name], r]),
      );
    case 'hour':
      return table(
        'Theo giờ',
        [{ header: 'Giờ cấp số', kind: 'text' }],
        report.byHour.map((r) => [[`${pad(r.hour)}:00–${pad(r.hour + 1)}:00`], r]),
      );
    case 'day':
      return table(
        'Theo ngày',
        [
          { header: 'Ngày', kind: 'date' },
          { header: 'Thứ', kind: 'text' },
        ],
        report.byDay.map((r) => [[r.day, WEEKDAYS[r.weekday] ?? null], r]),
      );
  }
}

/** The bookings table's figure columns (docs/reports.md, "Bookings"). */
const BOOKING_COLUMNS: Column[] = [
  { header: 'Đã đặt', kind: 'int' },
  { header: 'Chưa đến giờ', kind: 'int' },
  { header: 'Đã đến nhận số', kind: 'int' },
  { header: 'Đến trễ (hết hiệu lực)', kind: 'int' },
  { header: 'Không đến', kind: 'int' },
  { header: 'Đã huỷ', kind: 'int' },
  { header: 'Đặt lịch: số phiếu được gọi', kind: 'int' },
  { header: 'Đặt lịch: chờ trung bình (phút)', kind: 'minutes' },
  { header: 'Đặt lịch: chờ trung vị (phút)', kind: 'minutes' },
  { header: 'Vãng lai: số phiếu được gọi', kind: 'int' },
  { header: 'Vãng lai: chờ trung bình (phút)', kind: 'minutes' },
  { header: 'Vãng lai: chờ trung vị (phút)', kind: 'minutes' },
];

function bookingCells(b: RangeBookingCounts): Cell[] {
  return [
    b.booked,
    b.pending,
    b.checkedIn,
    b.lapsed,
    b.noShow,
    b.cancelled,
    b.bookedWait.count,
    b.bookedWait.mean,
    b.bookedWait.median,
    b.walkInWait.count,
    b.walkInWait.mean,
    b.walkInWait.median,
  ];
}

/**
 * Bookings per day and service beside the waits of booked and walk-in citizens; no rows (and a
 * total of zeros) when the range had no bookings or the report has none (the city's).
 */
export function bookingTable(report: RangeReport): Table {
  const b = report.bookings;
  const empty: RangeBookingCounts = {
    booked: 0,
    pending: 0,
    checkedIn: 0,
    lapsed: 0,
    noShow: 0,
    cancelled: 0,
    bookedWait: { count: 0, mean: null, median: null, p90: null },
    walkInWait: { count: 0, mean: null, median: null, p90: null },
  };
  return {
    view: 'bookings',
    title: 'Đặt lịch',
    columns: [
      { header: 'Ngày', kind: 'date' },
      { header: 'Mã', kind: 'text' },
      { header: 'Dịch vụ', kind: 'text' },
      ...BOOKING_COLUMNS,
    ],
    rows: (b?.rows ?? []).map((r) => [r.day, r.service, r.name?.vi ?? null, ...bookingCells(r)]),
    total: ['Tổng cộng', null, null, ...bookingCells(b?.total ?? empty)],
  };
}

/** One table of the CSV export: a view, or the bookings. */
export function csvTable(report: RangeReport, view: ReportCsvView): Table {
  return view === 'bookings' ? bookingTable(report) : reportTable(report, view);
}

/** The filter in words, as written on top of every sheet: [label, value, kind of the value]. */
export function filterLines(report: RangeReport, office: OfficeConfig): Array<[string, Cell, CellKind]> {
  const f = report.filter;
  const service = f.service && office.services.find((s) => s.prefix === f.service);
  return [
    ['Từ ngày', f.from, 'date'],
    ['Đến ngày', f.to, 'date'],
    ['Dịch vụ', f.service ? `${f.service}${service ? ` — ${service.name.vi}` : ''}` : 'Tất cả', 'text'],
    ['Quầy', f.counter !== undefined ? `Quầy ${f.counter}` : 'Tất cả', 'text'],
    ['Cán bộ', f.officer ?? 'Tất cả', 'text'],
    ['Chỉ tiêu thời gian chờ', `${report.targetMinutes} phút`, 'text'],
  ];
}
