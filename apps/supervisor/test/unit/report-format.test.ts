import { describe, expect, it } from 'vitest';
import { formatCount, formatDay, formatMinutes, formatShare } from '../../src/reports/format.js';
import { nextSort, sortRows } from '../../src/reports/sort.js';

describe('report numbers, the Vietnamese way', () => {
  it('groups thousands with dots and writes decimals with a comma', () => {
    expect(formatCount(0)).toBe('0');
    expect(formatCount(999)).toBe('999');
    expect(formatCount(1234)).toBe('1.234');
    expect(formatCount(1234567)).toBe('1.234.567');
    expect(formatMinutes(12.46)).toBe('12,5');
    expect(formatMinutes(1500)).toBe('1.500,0');
    expect(formatMinutes(null)).toBe('—');
    expect(formatShare(0.853)).toBe('85,3 %');
    expect(formatShare(1)).toBe('100,0 %');
    expect(formatShare(0.66667)).toBe('66,7 %');
    expect(formatShare(null)).toBe('—');
    expect(formatDay('2026-11-30')).toBe('30/11/2026');
  });
});

describe('sorting a report table', () => {
  const rows = [
    { k: 'Quầy 2', v: 5 },
    { k: 'Quầy 10', v: null },
    { k: 'Quầy 1', v: 12 },
    { k: 'Ánh', v: 5 },
  ];
  it('orders figures either way with the missing ones last, ties in the hub’s order', () => {
    expect(sortRows(rows, (r) => r.v, 'desc').map((r) => r.k)).toEqual([
      'Quầy 1',
      'Quầy 2',
      'Ánh',
      'Quầy 10',
    ]);
    expect(sortRows(rows, (r) => r.v, 'asc').map((r) => r.k)).toEqual(['Quầy 2', 'Ánh', 'Quầy 1', 'Quầy 10']);
  });
  it('orders names in Vietnamese, numbers inside names as numbers', () => {
    expect(sortRows(rows, (r) => r.k, 'asc').map((r) => r.k)).toEqual(['Ánh', 'Quầy 1', 'Quầy 2', 'Quầy 10']);
  });
  it('flips on the same column, starts figures high and names from A', () => {
    expect(nextSort(null, 'issued', true)).toEqual({ column: 'issued', dir: 'desc' });
    expect(nextSort({ column: 'issued', dir: 'desc' }, 'issued', true)).toEqual({
      column: 'issued',
      dir: 'asc',
    });
    expect(nextSort({ column: 'issued', dir: 'asc' }, 'key0', false)).toEqual({ column: 'key0', dir: 'asc' });
  });
});
