/**
 * The city's workbooks (exceljs, loaded only when one is asked for): a report across offices —
 * the summary, then one sheet per view — with the look of the hub's (@luot/reports/xlsx: the
 * title and the filter on top, Vietnamese headers, numbers as numbers, days as dates).
 */
import ExcelJS from 'exceljs';
import { CITY_REPORT_VIEWS, type CityReport } from '@luot/protocol';
import { figureCells, figureColumns } from '@luot/reports';
import { writeTitle } from '@luot/reports/sheet';
import { setCell, writeColumns } from '@luot/reports/xlsx';
import { cityFilterLines, cityTable } from './tables.js';

function heading(
  ws: ExcelJS.Worksheet,
  report: CityReport,
  title: string,
  officeName: string | null,
): number {
  return writeTitle(
    ws,
    title,
    cityFilterLines(report, officeName).map(
      ([label, value, kind]) => [label, (c) => setCell(c, value, kind)] as const,
    ),
  );
}

export async function cityReportWorkbook(report: CityReport, officeName: string | null): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Lượt';

  const summary = wb.addWorksheet('Tổng hợp');
  let row = heading(summary, report, 'Báo cáo tổng hợp các văn phòng', officeName);
  writeColumns(summary, row++, [
    { header: 'Chỉ số', kind: 'text' },
    { header: 'Giá trị', kind: 'int' },
  ]);
  summary.getColumn(1).width = 40;
  const columns = figureColumns(report.targetMinutes, report.rating.levels);
  const cells = figureCells(report.total);
  columns.forEach((c, i) => {
    summary.getCell(row, 1).value = c.header;
    setCell(summary.getCell(row, 2), cells[i] ?? null, c.kind);
    row++;
  });

  for (const view of CITY_REPORT_VIEWS) {
    const table = cityTable(report, view);
    const ws = wb.addWorksheet(table.title);
    row = heading(ws, report, `Báo cáo ${table.title.toLowerCase()}`, officeName);
    writeColumns(ws, row++, table.columns);
    ws.views = [{ state: 'frozen', ySplit: row - 1 }];
    for (const r of [...table.rows, table.total]) {
      r.forEach((v, i) => setCell(ws.getCell(row, i + 1), v, table.columns[i]!.kind));
      row++;
    }
    ws.getRow(row - 1).font = { bold: true };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
