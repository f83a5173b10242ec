import ExcelJS from 'exceljs';
import type { OfficeConfig } from '@luot/core';
import { addMinutes, type Estimate, type PlanResult } from '@luot/planner';
import { writeHeader, writeTitle } from '@luot/reports/sheet';

/** Number formats: counters as integers, expected arrivals and minutes with one decimal, shares as %. */
const INT = '0';
const DECIMAL = '0.0';
const PERCENT = '0.0%';

type Kind = 'text' | typeof INT | typeof DECIMAL | typeof PERCENT;
interface Column {
  header: string;
  kind: Kind;
}

/** Said in a cell where Erlang C has no finite wait: the counters cannot keep up with the arrivals. */
export const CANNOT_KEEP_UP = 'không theo kịp';

function put(cell: ExcelJS.Cell, value: string | number | null, kind: Kind): void {
  if (value === null) return;
  cell.value = value;
  if (kind !== 'text' && typeof value === 'number') cell.numFmt = kind;
}

/** The plan's title and what it was made from, on top of every sheet; returns the next free row. */
function heading(ws: ExcelJS.Worksheet, plan: PlanResult, office: OfficeConfig, title: string): number {
  const lines: Array<[string, string | number, Kind]> = [
    ['Ngày', plan.date, 'text'],
    ['Cấp độ', plan.level, INT],
    ['Lượt đến theo', plan.source?.vi ?? 'nhập tay', 'text'],
    [
      'Mục tiêu',
      `${Math.round(plan.target.share * 100)}% được gọi trong ${plan.target.withinMinutes} phút`,
      'text',
    ],
    ['Số ngày mô phỏng', plan.runs, INT],
  ];
  return writeTitle(
    ws,
    `${title} — ${office.office.name.vi}`,
    lines.map(([label, value, kind]) => [label, (c) => put(c, value, kind)] as const),
  );
}

function header(ws: ExcelJS.Worksheet, row: number, columns: Column[]): void {
  writeHeader(
    ws,
    row,
    columns.map((c) => ({ header: c.header, text: c.kind === 'text' })),
    { text: 24, number: 12 },
    true,
  );
}

/** One row of the hourly sheet per interval and service, its cells in `HOURLY` order. */
export const HOURLY: Column[] = [
  { header: 'Từ', kind: 'text' },
  { header: 'Đến', kind: 'text' },
  { header: 'Dịch vụ', kind: 'text' },
  { header: 'Lượt đến (dự kiến)', kind: DECIMAL },
  { header: 'Cần (quầy)', kind: INT },
  { header: 'Bố trí (quầy)', kind: INT },
  { header: 'Erlang C: chờ TB (phút)', kind: DECIMAL },
  { header: 'Erlang C: chờ P90 (phút)', kind: DECIMAL },
  { header: 'Erlang C: trong hạn', kind: PERCENT },
  { header: 'Mô phỏng: chờ TB (phút)', kind: DECIMAL },
  { header: 'Mô phỏng: chờ P90 (phút)', kind: DECIMAL },
  { header: 'P90: cận dưới 95%', kind: DECIMAL },
  { header: 'P90: cận trên 95%', kind: DECIMAL },
  { header: 'Mô phỏng: trong hạn', kind: PERCENT },
  { header: 'Trong hạn: cận dưới 95%', kind: PERCENT },
  { header: 'Trong hạn: cận trên 95%', kind: PERCENT },
];

/** Interval and service rows worth a line: someone expected, a counter needed or staffed. */
export function planRows(plan: PlanResult): Array<{ interval: number; service: string }> {
  const out: Array<{ interval: number; service: string }> = [];
  plan.intervals.forEach((_, i) => {
    for (const s of plan.services) {
      const f = plan.perService[s.prefix]?.[i];
      if (f && (f.arrivals > 0 || f.needed > 0 || f.staffed > 0))
        out.push({ interval: i, service: s.prefix });
    }
  });
  return out;
}

/**
 * The plan as an XLSX workbook, one sheet per view: the hourly plan (needed and staffed counters
 * per interval and service, Erlang C beside the simulation with its 95% intervals), the seats
 * (who sits where, serving what, when), where the day breaks (in words), and the hall. Used by
 * `npm run plan` and the hub's `/api/plan`.
 */
export async function planWorkbook(plan: PlanResult, office: OfficeConfig): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Lượt';
  const name = (prefix: string) => plan.services.find((s) => s.prefix === prefix)?.name.vi ?? prefix;

  const hourly = wb.addWorksheet('Kế hoạch theo giờ');
  let row = heading(hourly, plan, office, 'Kế hoạch theo giờ');
  header(hourly, row++, HOURLY);
  hourly.getColumn(3).width = 40;
  for (const { interval, service } of planRows(plan)) {
    const f = plan.perService[service]![interval]!;
    const start = plan.intervals[interval]!;
    const sim = (e: ((s: NonNullable<typeof f.sim>) => Estimate) | null, part: keyof Estimate) =>
      f.sim && e ? e(f.sim)[part] : null;
    const cells: Array<string | number | null> = [
      start,
      addMinutes(start, plan.intervalMinutes),
      `${service} – ${name(service)}`,
      f.arrivals,
      f.needed,
      f.staffed,
      f.erlang.meanWaitMinutes ?? CANNOT_KEEP_UP,
      f.erlang.p90WaitMinutes ?? CANNOT_KEEP_UP,
      f.erlang.withinTarget,
      sim((s) => s.meanWaitMinutes, 'value'),
      sim((s) => s.p90WaitMinutes, 'value'),
      sim((s) => s.p90WaitMinutes, 'low'),
      sim((s) => s.p90WaitMinutes, 'high'),
      sim((s) => s.withinTarget, 'value'),
      sim((s) => s.withinTarget, 'low'),
      sim((s) => s.withinTarget, 'high'),
    ];
    cells.forEach((v, c) => put(hourly.getCell(row, c + 1), v, HOURLY[c]!.kind));
    row++;
  }

  const seats = wb.addWorksheet('Phân công');
  row = heading(seats, plan, office, 'Phân công cán bộ');
  header(seats, row++, [
    { header: 'Mã cán bộ', kind: 'text' },
    { header: 'Họ tên', kind: 'text' },
    { header: 'Quầy', kind: INT },
    { header: 'Dịch vụ', kind: 'text' },
    { header: 'Từ', kind: 'text' },
    { header: 'Đến', kind: 'text' },
  ]);
  seats.getColumn(4).width = 50;
  for (const s of plan.seats) {
    put(seats.getCell(row, 1), s.officerId, 'text');
    put(seats.getCell(row, 2), s.officerName, 'text');
    put(seats.getCell(row, 3), s.counter, INT);
    put(seats.getCell(row, 4), s.services.map((p) => `${p} – ${name(p)}`).join('; '), 'text');
    put(seats.getCell(row, 5), s.from, 'text');
    put(seats.getCell(row, 6), s.to, 'text');
    row++;
  }

  const breaks = wb.addWorksheet('Điểm nghẽn');
  row = heading(breaks, plan, office, 'Điểm nghẽn');
  header(breaks, row++, [
    { header: 'Từ', kind: 'text' },
    { header: 'Đến', kind: 'text' },
    { header: 'Dịch vụ', kind: 'text' },
    { header: 'Cần (quầy)', kind: INT },
    { header: 'Có (cán bộ)', kind: INT },
    { header: 'Chờ P90 (phút)', kind: DECIMAL },
    { header: 'Nhận xét', kind: 'text' },
  ]);
  breaks.getColumn(7).width = 90;
  if (plan.breaks.length === 0 && plan.hallBreaks.length === 0)
    put(breaks.getCell(row, 1), 'Không có điểm nghẽn: kế hoạch đạt mục tiêu.', 'text');
  for (const b of plan.breaks) {
    put(breaks.getCell(row, 1), b.from, 'text');
    put(breaks.getCell(row, 2), b.to, 'text');
    put(breaks.getCell(row, 3), `${b.service} – ${name(b.service)}`, 'text');
    put(breaks.getCell(row, 4), b.needed, INT);
    put(breaks.getCell(row, 5), b.staffed, INT);
    put(breaks.getCell(row, 6), b.p90WaitMinutes ?? CANNOT_KEEP_UP, DECIMAL);
    put(breaks.getCell(row, 7), b.text.vi, 'text');
    row++;
  }
  for (const b of plan.hallBreaks) {
    put(breaks.getCell(row, 1), b.from, 'text');
    put(breaks.getCell(row, 2), b.to, 'text');
    put(breaks.getCell(row, 3), 'Sảnh chờ', 'text');
    put(breaks.getCell(row, 7), b.text.vi, 'text');
    row++;
  }

  const hall = wb.addWorksheet('Sảnh chờ');
  row = heading(hall, plan, office, 'Sảnh chờ');
  header(hall, row++, [
    { header: 'Từ', kind: 'text' },
    { header: 'Sức chứa (người)', kind: INT },
    { header: 'Trong sảnh P95', kind: DECIMAL },
    { header: 'Xếp hàng bên ngoài P95', kind: DECIMAL },
  ]);
  plan.hall.forEach((h, i) => {
    put(hall.getCell(row, 1), plan.intervals[i]!, 'text');
    put(hall.getCell(row, 2), h.capacity, INT);
    put(hall.getCell(row, 3), h.occupancyP95, DECIMAL);
    put(hall.getCell(row, 4), h.outsideP95, DECIMAL);
    row++;
  });

  return Buffer.from(await wb.xlsx.writeBuffer());
}
