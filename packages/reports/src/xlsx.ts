import ExcelJS from 'exceljs';
import type { OfficeConfig } from '@luot/core';
import { REPORT_VIEWS, type RangeReport, type ReportFigures, type ReportResponse } from '@luot/protocol';
import { writeHeader, writeTitle } from './sheet.js';
import { bookingTable, filterLines, reportTable, type Cell, type CellKind, type Column } from './tables.js';

/** How a kind of cell shows in Excel: counts as integers, minutes with one decimal, shares as %. */
const FORMATS: Partial<Record<CellKind, string>> = {
  int: '#,##0',
  minutes: '0.0',
  percent: '0.0%',
  date: 'dd/mm/yyyy',
};

/** A report day (YYYY-MM-DD) as an Excel date: midnight UTC, which Excel shows as that date. */
export const excelDate = (day: string) => new Date(`${day}T00:00:00Z`);

export function setCell(cell: ExcelJS.Cell, value: Cell, kind: CellKind): void {
  cell.value = kind === 'date' && typeof value === 'string' ? excelDate(value) : value;
  const format = FORMATS[kind];
  if (format && value !== null) cell.numFmt = format;
}

/** The title and the filter, on top of every sheet; returns the next free row. */
function writeHeading(
  ws: ExcelJS.Worksheet,
  report: RangeReport,
  office: OfficeConfig,
  title: string,
): number {
  return writeTitle(
    ws,
    `${title} — ${office.office.name.vi}`,
    filterLines(report, office).map(
      ([label, value, kind]) => [label, (c) => setCell(c, value, kind)] as const,
    ),
  );
}

export function writeColumns(ws: ExcelJS.Worksheet, row: number, columns: Column[]): void {
  writeHeader(
    ws,
    row,
    columns.map((c) => ({ header: c.header, text: c.kind === 'text' })),
    { text: 22, number: 13 },
  );
}

/** The summary's lines: a label, how to show it, and where it is in the figures. */
function summaryLines(report: RangeReport): Array<[string, CellKind, (f: ReportFigures) => Cell]> {
  return [
    ['Số phiếu cấp', 'int', (f) => f.issued],
    ['Đã phục vụ', 'int', (f) => f.served],
    ['Vắng mặt', 'int', (f) => f.noShow],
    ['Đã huỷ', 'int', (f) => f.cancelled],
    ['Chuyển tiếp', 'int', (f) => f.transferred],
    ['Bỏ về (chưa được gọi)', 'int', (f) => f.abandoned],
    ['Chờ trung bình (phút)', 'minutes', (f) => f.wait.mean],
    ['Chờ trung vị (phút)', 'minutes', (f) => f.wait.median],
    ['Chờ P90 (phút)', 'minutes', (f) => f.wait.p90],
    ['Phục vụ trung bình (phút)', 'minutes', (f) => f.serviceTime.mean],
    ['Phục vụ trung vị (phút)', 'minutes', (f) => f.serviceTime.median],
    ['Phục vụ P90 (phút)', 'minutes', (f) => f.serviceTime.p90],
    [`Được gọi trong ${report.targetMinutes} phút (%)`, 'percent', (f) => f.withinTarget.share],
    ...[...report.rating.levels]
      .reverse()
      .map((l): [string, CellKind, (f: ReportFigures) => Cell] => [
        `Đánh giá: ${l.label.vi}`,
        'int',
        (f) => f.ratings.counts[l.score - 1] ?? 0,
      ]),
    ['Đánh giá: không trả lời', 'int', (f) => f.ratings.unanswered],
    ['Tỉ lệ hài lòng (%)', 'percent', (f) => f.ratings.satisfaction],
  ];
}

/**
 * The report as an XLSX workbook: a summary (beside the previous period's figures when compared),
 * one sheet per view (service, counter, officer, hour, day) with a total row, the waiting-time
 * distribution and the weekday × hour arrivals. Each sheet starts with the filter it was made with.
 */
export async function reportWorkbook(response: ReportResponse, office: OfficeConfig): Promise<Buffer> {
  const { current: report, previous } = response;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Lượt';

  const summary = wb.addWorksheet('Tổng hợp');
  let row = writeHeading(summary, report, office, 'Báo cáo tổng hợp');
  const head: Column[] = [
    { header: 'Chỉ số', kind: 'text' },
    { header: 'Kỳ này', kind: 'int' },
  ];
  if (previous) {
    head.push({ header: `Kỳ trước (${previous.filter.from} – ${previous.filter.to})`, kind: 'int' });
  }
  writeColumns(summary, row++, head);
  summary.getColumn(1).width = 34;
  for (const [label, kind, get] of summaryLines(report)) {
    summary.getCell(row, 1).value = label;
    setCell(summary.getCell(row, 2), get(report.total), kind);
    if (previous) setCell(summary.getCell(row, 3), get(previous.total), kind);
    row++;
  }

  // The bookings' sheet only where there were bookings: an office without online numbers (and the
  // city, whose reports have none) keeps the workbook it had.
  const tables = REPORT_VIEWS.map((view) => reportTable(report, view));
  if (report.bookings) tables.push(bookingTable(report));
  for (const table of tables) {
    const ws = wb.addWorksheet(table.title);
    row = writeHeading(ws, report, office, `Báo cáo ${table.title.toLowerCase()}`);
    writeColumns(ws, row++, table.columns);
    ws.views = [{ state: 'frozen', ySplit: row - 1 }];
    for (const cells of [...table.rows, table.total]) {
      cells.forEach((v, i) => setCell(ws.getCell(row, i + 1), v, table.columns[i]!.kind));
      row++;
    }
    ws.getRow(row - 1).font = { bold: true };
  }

  const waits = wb.addWorksheet('Phân bố thời gian chờ');
  row = writeHeading(waits, report, office, 'Phân bố thời gian chờ');
  writeColumns(waits, row++, [
    { header: 'Từ (phút)', kind: 'int' },
    { header: 'Đến dưới (phút)', kind: 'int' },
    { header: 'Số phiếu', kind: 'int' },
  ]);
  for (const b of report.charts.waitHistogram) {
    setCell(waits.getCell(row, 1), b.from, 'int');
    setCell(waits.getCell(row, 2), b.to, 'int');
    setCell(waits.getCell(row, 3), b.count, 'int');
    row++;
  }

  const heat = wb.addWorksheet('Lượt đến theo thứ và giờ');
  row = writeHeading(heat, report, office, 'Số phiếu cấp theo thứ và giờ');
  const hours = Array.from({ length: 24 }, (_, h) => h);
  writeColumns(heat, row++, [
    { header: 'Thứ', kind: 'text' },
    ...hours.map((h) => ({ header: `${h}h`, kind: 'int' as const })),
  ]);
  const weekdays = ['Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy', 'Chủ nhật'];
  report.charts.arrivalsHeatmap.counts.forEach((counts, w) => {
    heat.getCell(row, 1).value = weekdays[w]!;
    counts.forEach((n, h) => setCell(heat.getCell(row, h + 2), n, 'int'));
    row++;
  });

  return Buffer.from(await wb.xlsx.writeBuffer());
}
