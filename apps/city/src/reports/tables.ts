import type { CityReport, CityReportView, ReportFigures } from '@luot/protocol';
import { figureCells, figureColumns, type Cell, type CellKind, type Column } from '@luot/reports';

/**
 * A report across offices as tables of typed cells, the one layout the city's CSV and XLSX both
 * write (as the hub's tables.ts): the keys of the view, then the figure columns of every report.
 */
export interface CityTable {
  view: CityReportView;
  /** The sheet's name (at most 31 characters). */
  title: string;
  columns: Column[];
  rows: Cell[][];
  /** The whole report's figures (its first cell reads "Tổng cộng"). */
  total: Cell[];
}

const text = (header: string): Column => ({ header, kind: 'text' });
const int = (header: string): Column => ({ header, kind: 'int' });

export function cityTable(report: CityReport, view: CityReportView): CityTable {
  const figures = figureColumns(report.targetMinutes, report.rating.levels);
  const table = (title: string, keys: Column[], rows: Array<[Cell[], ReportFigures]>): CityTable => ({
    view,
    title,
    columns: [...keys, ...figures],
    rows: rows.map(([k, f]) => [...k, ...figureCells(f)]),
    total: ['Tổng cộng', ...keys.slice(1).map(() => null), ...figureCells(report.total)],
  });
  switch (view) {
    case 'office':
      return table(
        'Theo văn phòng',
        [text('Mã văn phòng'), text('Văn phòng'), text('Tỉnh/Thành phố'), text('Xã/Phường')],
        report.byOffice.map((r) => [[r.office, r.name, r.province, r.commune], r]),
      );
    case 'commune':
      return table(
        'Theo xã, phường',
        [text('Tỉnh/Thành phố'), text('Xã/Phường'), int('Số văn phòng')],
        report.byCommune.map((r) => [[r.province, r.commune, r.offices], r]),
      );
    case 'province':
      return table(
        'Theo tỉnh, thành phố',
        [text('Tỉnh/Thành phố'), int('Số văn phòng')],
        report.byProvince.map((r) => [[r.province, r.offices], r]),
      );
    case 'service':
      return table(
        'Theo dịch vụ',
        [text('Mã'), text('Dịch vụ')],
        report.byService.map((r) => [[r.service, r.name?.vi ?? null], r]),
      );
    case 'officer':
      return table(
        'Theo cán bộ',
        [text('Mã văn phòng'), text('Mã cán bộ'), text('Họ tên')],
        report.byOfficer.map((r) => [[r.office, r.officer ?? 'Chưa được gọi', r.name], r]),
      );
  }
}

/** The filter in words, on top of every sheet: [label, value, kind of the value]. */
export function cityFilterLines(
  report: CityReport,
  officeName: string | null,
): Array<[string, Cell, CellKind]> {
  const f = report.filter;
  const service = f.service ? report.byService.find((s) => s.service === f.service) : undefined;
  return [
    ['Từ ngày', f.from, 'date'],
    ['Đến ngày', f.to, 'date'],
    ['Tỉnh/Thành phố', f.province ?? 'Tất cả', 'text'],
    ['Xã/Phường', f.commune ?? 'Tất cả', 'text'],
    ['Văn phòng', f.office ? `${f.office}${officeName ? ` — ${officeName}` : ''}` : 'Tất cả', 'text'],
    ['Dịch vụ', f.service ? `${f.service}${service?.name ? ` — ${service.name.vi}` : ''}` : 'Tất cả', 'text'],
    ['Số văn phòng', report.offices, 'int'],
    [
      'Chỉ tiêu thời gian chờ',
      report.targetMinutes === null ? 'Theo chỉ tiêu của từng văn phòng' : `${report.targetMinutes} phút`,
      'text',
    ],
  ];
}
