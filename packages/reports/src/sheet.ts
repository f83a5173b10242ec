import type ExcelJS from 'exceljs';

/**
 * What every workbook the hub writes (reports, staffing plans) puts on top of a sheet, so they
 * look alike in Excel: a bold title with the office's name, labelled lines saying what the sheet
 * is of, a blank row, then a bold header row.
 */

/** The title on row 1 and one labelled line per `[label, write]` below it; returns the next free row. */
export function writeTitle(
  ws: ExcelJS.Worksheet,
  title: string,
  lines: ReadonlyArray<readonly [label: string, write: (cell: ExcelJS.Cell) => void]>,
): number {
  ws.getCell(1, 1).value = title;
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  lines.forEach(([label, write], i) => {
    ws.getCell(2 + i, 1).value = label;
    ws.getCell(2 + i, 1).font = { bold: true };
    write(ws.getCell(2 + i, 2));
  });
  return 2 + lines.length + 1;
}

/**
 * A header row: bold, wrapped, text columns wider than number columns; `freeze` keeps it (and
 * everything above) in view while the rows scroll.
 */
export function writeHeader(
  ws: ExcelJS.Worksheet,
  row: number,
  columns: ReadonlyArray<{ header: string; text: boolean }>,
  widths: { text: number; number: number },
  freeze = false,
): void {
  columns.forEach((c, i) => {
    const cell = ws.getCell(row, i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.alignment = { wrapText: true, vertical: 'middle' };
    ws.getColumn(i + 1).width = c.text ? widths.text : widths.number;
  });
  if (freeze) ws.views = [{ state: 'frozen', ySplit: row }];
}
