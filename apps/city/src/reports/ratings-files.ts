/**
 * The ratings export as files: CSV (one line per rating, Vietnamese headers, UTF-8 with a BOM) and
 * XLSX (the ratings, then the summary per office and service), from the same JSON.
 */
import type { RatingsExport } from '@luot/protocol';
import { tableCsv, type Cell, type Column } from '@luot/reports';

const text = (header: string): Column => ({ header, kind: 'text' });
const int = (header: string): Column => ({ header, kind: 'int' });

export const RECORD_COLUMNS: Column[] = [
  text('Mã văn phòng'),
  text('Văn phòng'),
  text('Tỉnh/Thành phố'),
  text('Xã/Phường'),
  { header: 'Ngày', kind: 'date' },
  text('Thời điểm đánh giá'),
  text('Số phiếu'),
  int('Quầy'),
  text('Mã cán bộ'),
  text('Cán bộ'),
  text('Mã lĩnh vực'),
  text('Lĩnh vực'),
  text('Mã hồ sơ'),
  int('Điểm'),
  int('Thang điểm'),
  text('Mức độ hài lòng'),
  text('Hài lòng'),
  text('Lý do'),
];

export function recordRows(x: RatingsExport): Cell[][] {
  return x.records.map((r) => [
    r.officeCode,
    r.officeName,
    r.province,
    r.commune,
    r.day,
    r.ratedAt,
    r.ticketNumber,
    r.counter,
    r.officerCode,
    r.officerName,
    r.serviceCode,
    r.serviceName,
    r.dossierCode,
    r.score,
    r.scale,
    r.level,
    r.satisfied ? 'Có' : 'Không',
    r.reasons.map((x) => x.name).join('; '),
  ]);
}

export const SUMMARY_COLUMNS: Column[] = [
  text('Mã văn phòng'),
  text('Văn phòng'),
  text('Mã lĩnh vực'),
  text('Lĩnh vực'),
  int('Số lượt đánh giá'),
  int('Hài lòng và rất hài lòng'),
  { header: 'Tỉ lệ hài lòng (%)', kind: 'percent' },
  int('Không trả lời'),
];

export function summaryRows(x: RatingsExport): Cell[][] {
  return x.summary.map((s) => [
    s.officeCode,
    s.officeName,
    s.serviceCode,
    s.serviceName,
    s.answered,
    s.satisfied,
    s.satisfaction,
    s.unanswered,
  ]);
}

export function ratingsCsv(x: RatingsExport): string {
  return tableCsv(RECORD_COLUMNS, recordRows(x));
}

export async function ratingsWorkbook(x: RatingsExport): Promise<Buffer> {
  // exceljs on first use only, as the hub does.
  const { default: ExcelJS } = await import('exceljs');
  const { writeTitle } = await import('@luot/reports/sheet');
  const { setCell, writeColumns } = await import('@luot/reports/xlsx');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Lượt';
  const sheet = (name: string, title: string, columns: Column[], rows: Cell[][]) => {
    const ws = wb.addWorksheet(name);
    let row = writeTitle(ws, title, [
      ['Từ ngày', (c) => setCell(c, x.period.from, 'date')],
      ['Đến ngày', (c) => setCell(c, x.period.to, 'date')],
      ['Số lượt đánh giá', (c) => setCell(c, x.records.length, 'int')],
    ]);
    writeColumns(ws, row++, columns);
    ws.views = [{ state: 'frozen', ySplit: row - 1 }];
    for (const r of rows) {
      r.forEach((v, i) => setCell(ws.getCell(row, i + 1), v, columns[i]!.kind));
      row++;
    }
  };
  sheet('Đánh giá', 'Kết quả đánh giá mức độ hài lòng', RECORD_COLUMNS, recordRows(x));
  sheet('Tổng hợp', 'Tỉ lệ hài lòng theo văn phòng và lĩnh vực', SUMMARY_COLUMNS, summaryRows(x));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
