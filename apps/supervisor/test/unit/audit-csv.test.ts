import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../../src/audit-csv.js';

describe('the audit log CSV', () => {
  it('neutralises cells a spreadsheet would run as formulas', () => {
    for (const s of ['=1+1', '+84912', '-2', '@SUM(A1)', '\t=x']) expect(csvCell(s)).toMatch(/^"?'/);
    expect(csvCell('Cán bộ đi tập huấn')).toBe('Cán bộ đi tập huấn');
    expect(csvCell(12)).toBe('12');
    expect(csvCell(null)).toBe('');
  });

  it('quotes commas, quotes and line breaks; starts with a BOM; ends lines with CRLF', () => {
    expect(csvCell('a, "b"')).toBe('"a, ""b"""');
    expect(toCsv([['x', 'y\nz']])).toBe('\uFEFFx,"y\nz"\r\n');
  });
});
