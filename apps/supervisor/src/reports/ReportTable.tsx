import { useMemo, useState } from 'react';
import type { RangeReport, ReportFigures, ReportView } from '@luot/protocol';
import { useSay } from '../text.js';
import { nextSort, sortRows, type SortDir, type SortValue } from './sort.js';
import { figureColumns, formatValue, keyText, viewDefs, type Column, type ViewRow } from './views.js';

const KEY_PREFIX = 'key';

/**
 * One view of the report as a table: a header per column (a button: click or Enter sorts by it,
 * again reverses), the rows, the range's total at the foot. With the previous period, each figure
 * has the previous one under it (not in the day view: its dates have no counterpart).
 */
export function ReportTable({
  view,
  report,
  previous,
}: {
  view: ReportView;
  report: RangeReport;
  previous: RangeReport | null;
}) {
  const { say, locale } = useSay();
  const def = viewDefs(locale).find((v) => v.id === view)!;
  const columns = useMemo(() => figureColumns(report), [report]);
  const [sort, setSort] = useState<{ column: string; dir: SortDir } | null>(null);

  const rows = useMemo(() => {
    const all = def.rows(report);
    if (!sort) return all;
    const value = (row: ViewRow): SortValue => {
      if (sort.column.startsWith(KEY_PREFIX))
        return row.keys[Number(sort.column.slice(KEY_PREFIX.length))] ?? null;
      return columns.find((c) => c.id === sort.column)?.value(row.figures) ?? null;
    };
    return sortRows(all, value, sort.dir);
  }, [def, report, sort, columns]);
  const before = useMemo(
    () => (previous && def.comparable ? new Map(def.rows(previous).map((r) => [r.key, r.figures])) : null),
    [previous, def],
  );

  const header = (id: string, label: string, numeric: boolean) => {
    const dir = sort?.column === id ? sort.dir : null;
    return (
      <th
        key={id}
        scope="col"
        className={numeric ? 'num' : undefined}
        aria-sort={dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : 'none'}
        data-col={id}
      >
        <button
          type="button"
          className="sort"
          title={say({ vi: 'Bấm để sắp xếp', en: 'Click to sort' })}
          onClick={() => setSort(nextSort(sort, id, numeric))}
        >
          {label}
          {/* Only the sorted column is marked: a mark on each of twenty columns would not fit at 1366. */}
          {dir && (
            <span className="sort-mark" aria-hidden="true">
              {dir === 'asc' ? '▲' : '▼'}
            </span>
          )}
        </button>
      </th>
    );
  };
  // The group row: one cell over each run of columns with the same group (waiting, service, ratings).
  const groups: Array<{ label: string; span: number }> = [{ label: '', span: def.keyColumns.length }];
  for (const c of columns) {
    const label = c.group ? say(c.group) : '';
    const last = groups[groups.length - 1]!;
    if (label && last.label === label) last.span++;
    else groups.push({ label, span: 1 });
  }

  const cell = (c: Column<ReportFigures>, f: ReportFigures, prev: ReportFigures | null | undefined) => (
    <td key={c.id} className="num" data-col={c.id}>
      <span className="cur">{formatValue(c.kind, c.value(f))}</span>
      {prev !== null && (
        <span className="prev" title={say({ vi: 'Kỳ trước', en: 'Previous period' })}>
          {prev === undefined ? '—' : formatValue(c.kind, c.value(prev))}
        </span>
      )}
    </td>
  );

  return (
    <div className="table-wrap">
      <table className="table report-table" data-testid="report-table" data-view={view}>
        <caption className="print-only">{say(def.name)}</caption>
        <thead>
          <tr className="groups">
            {groups.map((g, i) => (
              <th key={i} colSpan={g.span} scope="colgroup">
                {g.label}
              </th>
            ))}
          </tr>
          <tr>
            {def.keyColumns.map((k, i) => header(`${KEY_PREFIX}${i}`, say(k.header), false))}
            {columns.map((c) => header(c.id, say(c.header), true))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} data-key={row.key}>
              {row.keys.map((k, i) => (
                <td key={i} data-col={`${KEY_PREFIX}${i}`} className={i === 0 ? 'nowrap' : 'key-name'}>
                  {/* Long names (services) are cut to keep the figures in view; the title has them whole. */}
                  <span title={keyText(view, i, k, locale)}>{keyText(view, i, k, locale)}</span>
                </td>
              ))}
              {columns.map((c) => cell(c, row.figures, before ? before.get(row.key) : null))}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr data-key="total">
            <th scope="row" colSpan={def.keyColumns.length}>
              {say({ vi: 'Tổng cộng', en: 'Total' })}
            </th>
            {columns.map((c) => cell(c, report.total, previous ? previous.total : null))}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
