import type { Cell, CellKind, Column } from './tables.js';

/**
 * One CSV cell, quoted when it holds a comma, quote or line break. Text that begins with = + - @
 * (or a tab or carriage return, which some spreadsheets skip before looking) would run as a formula
 * when the export is opened — a note such as `=HYPERLINK(…)` could send the office's data elsewhere
 * — so it gets a leading ' as OWASP's CSV injection guidance says: the spreadsheet shows the text
 * and runs nothing. Numbers are left alone: they are data, and a count must stay a number.
 */
export function csvCell(v: unknown): string {
  let s = v === null || v === undefined ? '' : String(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** Shares are written as percentages in CSV (the header says %), with two decimals. */
function csvValue(v: Cell, kind: CellKind): Cell {
  return kind === 'percent' && typeof v === 'number' ? Math.round(v * 10_000) / 100 : v;
}

/**
 * A table as a CSV file: the header row, the rows, UTF-8 with a BOM (Excel then reads Vietnamese
 * right), one line each.
 */
export function tableCsv(columns: Column[], rows: Cell[][]): string {
  const line = (cells: Cell[]) => cells.map((v, i) => csvCell(csvValue(v, columns[i]!.kind))).join(',');
  return '\uFEFF' + [columns.map((c) => csvCell(c.header)).join(','), ...rows.map(line)].join('\n') + '\n';
}
