/**
 * Sorting a report table by one column: numbers and texts in their natural order (Vietnamese
 * collation for names), rows without a figure (—) always last, ties kept in the hub's order.
 */
export type SortDir = 'asc' | 'desc';
export type SortValue = number | string | null;

const collator = new Intl.Collator('vi', { numeric: true, sensitivity: 'base' });

export function compareValues(a: SortValue, b: SortValue): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator.compare(String(a), String(b));
}

export function sortRows<R>(rows: readonly R[], value: (row: R) => SortValue, dir: SortDir): R[] {
  const sign = dir === 'asc' ? 1 : -1;
  return rows
    .map((row, i) => ({ row, i, v: value(row) }))
    .sort((x, y) => {
      if (x.v === null || y.v === null) {
        if (x.v === y.v) return x.i - y.i;
        return x.v === null ? 1 : -1; // nulls last in both directions
      }
      return sign * compareValues(x.v, y.v) || x.i - y.i;
    })
    .map((x) => x.row);
}

/** What a click on a header does: the same column flips, another starts descending for figures. */
export function nextSort(
  current: { column: string; dir: SortDir } | null,
  column: string,
  numeric: boolean,
): { column: string; dir: SortDir } {
  if (current?.column === column) return { column, dir: current.dir === 'asc' ? 'desc' : 'asc' };
  return { column, dir: numeric ? 'desc' : 'asc' };
}
