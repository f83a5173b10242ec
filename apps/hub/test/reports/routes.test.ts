import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReportResponseSchema, type ReportFigures, type ReportResponse } from '@luot/protocol';
import { openStorage } from '../../src/storage/index.js';
import { startTestHub, type TestHub } from '../../src/testing.js';
import { HAND_DAY, local, writeHandDay } from './fixture.js';

const ROUTES = ['/api/reports', '/api/exports/report.xlsx', '/api/exports/report.csv?view=day'];
const OTHER_DAY = '2026-11-25';

let t: TestHub;
/** The head of desk's device token and the session their sign-in answered. */
let supervisor: RequestInit;
beforeAll(async () => {
  // The hand-computed day, and a ticket whose officer code would be a formula in a spreadsheet,
  // written before the hub starts on the same folder.
  const dir = mkdtempSync(join(tmpdir(), 'luot-report-routes-'));
  const storage = openStorage(join(dir, 'luot.sqlite'));
  writeHandDay(storage.store);
  storage.store.write((w) =>
    w.saveTicket({
      id: '20261125-A001',
      day: OTHER_DAY,
      number: 'A001',
      serial: 1,
      service: 'A',
      issuedService: 'A',
      priority: null,
      party: 1,
      zone: 'main',
      status: 'done',
      issuedAt: local(9, 0, 2),
      queuedAt: local(9, 0, 2),
      order: 0,
      admittedAt: local(9, 0, 2),
      calledAt: local(9, 3, 2),
      servingAt: local(9, 4, 2),
      finishedAt: local(9, 10, 2),
      counter: 4,
      targetCounter: null,
      officerId: '=HYPERLINK("http://x")',
      callCount: 1,
      callsHere: 1,
      outcome: null,
      transfers: 0,
      kioskId: 'kiosk-1',
      rating: undefined,
    }),
  );
  storage.close();
  t = await startTestHub({ dir });
  supervisor = { headers: await t.supervisorHeaders() };
});
afterAll(() => t.close());

const get = (path: string, init: RequestInit = supervisor) => fetch(`${t.hub.url}${path}`, init);
const json = async (path: string) => {
  const res = await get(path);
  expect(res.status).toBe(200);
  return ReportResponseSchema.parse(await res.json());
};

describe('report routes: who may call them', () => {
  it('refuses every other device (403), and no token or no signed-in supervisor (401)', async () => {
    const session = (supervisor.headers as Record<string, string>)['x-luot-session']!;
    const cases: Array<[Record<string, string>, number]> = [
      [{}, 401],
      [{ authorization: 'Bearer test-supervisor-token' }, 401], // the device, nobody signed in
      [{ authorization: 'Bearer test-supervisor-token', 'x-luot-session': 'not-the-session' }, 401],
      ...['test-counter-1-token', 'test-kiosk-1-token', 'test-display-token', 'test-rating-1-token'].map(
        (token): [Record<string, string>, number] => [
          { authorization: `Bearer ${token}`, 'x-luot-session': session },
          403,
        ],
      ),
    ];
    for (const route of ROUTES) {
      for (const [headers, status] of cases) {
        const res = await get(`${route}${route.includes('?') ? '&' : '?'}from=${HAND_DAY}&to=${HAND_DAY}`, {
          headers,
        });
        expect([route, headers.authorization, res.status]).toEqual([route, headers.authorization, status]);
        expect(await res.text()).not.toContain('issued');
      }
    }
  });

  it('keeps the day report working beside them', async () => {
    const res = await get(`/api/reports/day?date=${HAND_DAY}`);
    expect(res.status).toBe(200);
    const day = (await res.json()) as { byService: Array<{ service: string; issued: number }> };
    expect(day.byService.map((s) => [s.service, s.issued])).toEqual([
      ['A', 3],
      ['B', 4],
    ]);
  });
});

describe('GET /api/reports', () => {
  it('answers the range and the previous period', async () => {
    const r = await json(`/api/reports?from=${HAND_DAY}&to=${HAND_DAY}&compare=1`);
    expect(r.current.total.issued).toBe(7);
    expect(r.current.total.wait).toEqual({ count: 5, mean: 21, median: 20, p90: 36 });
    expect(r.previous!.filter).toEqual({ from: '2026-11-22', to: '2026-11-22' });
    expect(r.previous!.total.issued).toBe(1);
    expect(r.current.byOfficer[0]).toMatchObject({ officer: 'cb1', name: 'Cán bộ 1' });
    const noCompare = await json(`/api/reports?from=${HAND_DAY}&to=${HAND_DAY}`);
    expect(noCompare.previous).toBeNull();
  });

  it('applies the filters', async () => {
    const r = await json(`/api/reports?from=${HAND_DAY}&to=${HAND_DAY}&service=B&counter=2&officer=cb2`);
    expect(r.current.filter).toEqual({
      from: HAND_DAY,
      to: HAND_DAY,
      service: 'B',
      counter: 2,
      officer: 'cb2',
    });
    expect(r.current.total.issued).toBe(3);
  });

  it('reports today without dates (the hub’s day: 30 November in the test hub)', async () => {
    const r = await json('/api/reports');
    expect(r.current.filter).toEqual({ from: '2026-11-30', to: '2026-11-30' });
    expect(r.current.total.issued).toBe(0);
  });

  it('refuses a bad query with a reason in Vietnamese and English', async () => {
    const cases: Array<[string, string]> = [
      ['from=2026-02-30&to=2026-03-01', 'BAD_DATE'],
      ['from=30/11/2026', 'BAD_DATE'],
      ['from=2026-12-01&to=2026-11-30', 'RANGE_REVERSED'],
      ['from=2024-11-30&to=2026-11-30', 'RANGE_TOO_LONG'],
      ['from=2020-01-01&to=2026-11-30', 'RANGE_TOO_LONG'],
      ['service=Z', 'BAD_SERVICE'],
      ['service=AB', 'BAD_SERVICE'],
      ['counter=99', 'BAD_COUNTER'],
      ['counter=x', 'BAD_COUNTER'],
      ['officer=a%20b', 'BAD_OFFICER'],
      ['compare=maybe', 'BAD_QUERY'],
    ];
    for (const [query, code] of cases) {
      for (const route of ['/api/reports', '/api/exports/report.xlsx']) {
        const res = await get(`${route}?${query}`);
        const body = (await res.json()) as {
          error: string;
          code: string;
          message: { vi: string; en: string };
        };
        expect([query, res.status, body.code]).toEqual([query, 400, code]);
        expect(body.message.vi.length).toBeGreaterThan(5);
        expect(body.error).toBe(`${body.message.vi} / ${body.message.en}`);
      }
    }
    // Exactly two years is allowed (731 days here, with a 29 February), a day more is not.
    expect((await get('/api/reports?from=2027-01-01&to=2028-12-31')).status).toBe(200);
    expect((await get('/api/reports?from=2027-01-01&to=2029-01-01')).status).toBe(400);
    expect((await get('/api/reports?from=2024-02-29&to=2026-02-28')).status).toBe(200);
    expect((await get('/api/reports?from=2024-02-29&to=2026-03-01')).status).toBe(400);
    expect((await get('/api/exports/report.csv?view=week')).status).toBe(400);
  });
});

describe('GET /api/exports/report.xlsx', () => {
  let r: ReportResponse;
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    r = await json(`/api/reports?from=${HAND_DAY}&to=${HAND_DAY}&compare=1`);
    const res = await get(`/api/exports/report.xlsx?from=${HAND_DAY}&to=${HAND_DAY}&compare=1`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain(`luot-bao-cao-${HAND_DAY}-${HAND_DAY}.xlsx`);
    wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
  });

  /** A sheet's table as header → cell values, found below the filter lines. */
  function table(name: string) {
    const ws = wb.getWorksheet(name)!;
    expect(ws, name).toBeDefined();
    let header = 0;
    ws.eachRow((row, n) => {
      if (!header && row.getCell(2).value !== null && n > 7) header = n;
    });
    const names = (ws.getRow(header).values as unknown[]).slice(1) as string[];
    const rows: Array<Record<string, unknown>> = [];
    for (let n = header + 1; n <= ws.rowCount; n++) {
      const values = ws.getRow(n).values as unknown[];
      rows.push(Object.fromEntries(names.map((h, i) => [h, values[i + 1] ?? null])));
    }
    return { ws, rows };
  }

  /** The figure cells a row of any sheet must hold, from the JSON API. */
  const figures = (f: ReportFigures) => ({
    'Số phiếu cấp': f.issued,
    'Đã phục vụ': f.served,
    'Vắng mặt': f.noShow,
    'Đã huỷ': f.cancelled,
    'Chuyển tiếp': f.transferred,
    'Bỏ về (chưa được gọi)': f.abandoned,
    'Chờ trung bình (phút)': f.wait.mean,
    'Chờ trung vị (phút)': f.wait.median,
    'Chờ P90 (phút)': f.wait.p90,
    'Phục vụ trung bình (phút)': f.serviceTime.mean,
    'Phục vụ trung vị (phút)': f.serviceTime.median,
    'Phục vụ P90 (phút)': f.serviceTime.p90,
    'Được gọi trong 30 phút (%)': f.withinTarget.share,
    'Rất hài lòng': f.ratings.counts[3],
    'Hài lòng': f.ratings.counts[2],
    'Bình thường': f.ratings.counts[1],
    'Không hài lòng': f.ratings.counts[0],
    'Không trả lời': f.ratings.unanswered,
    'Tỉ lệ hài lòng (%)': f.ratings.satisfaction,
  });

  it('writes the filter on top of every sheet, with real dates', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Tổng hợp',
      'Theo dịch vụ',
      'Theo quầy',
      'Theo cán bộ',
      'Theo giờ',
      'Theo ngày',
      'Phân bố thời gian chờ',
      'Lượt đến theo thứ và giờ',
    ]);
    for (const ws of wb.worksheets) {
      expect(ws.getCell('A2').value).toBe('Từ ngày');
      expect(ws.getCell('B2').value).toEqual(new Date(`${HAND_DAY}T00:00:00Z`));
      expect(ws.getCell('B2').numFmt).toBe('dd/mm/yyyy');
      expect(ws.getCell('A4').value).toBe('Dịch vụ');
      expect(ws.getCell('B4').value).toBe('Tất cả');
    }
  });

  it('holds the JSON API’s figures, as numbers, in each view', () => {
    const services = table('Theo dịch vụ').rows;
    expect(services).toHaveLength(3); // A, B, and the total
    r.current.byService.forEach((s, i) => {
      expect(services[i]).toEqual({ Mã: s.service, 'Dịch vụ': s.name!.vi, ...figures(s) });
    });
    expect(services[2]).toEqual({ Mã: 'Tổng cộng', 'Dịch vụ': null, ...figures(r.current.total) });

    const counters = table('Theo quầy').rows;
    expect(counters.map((c) => c['Quầy'])).toEqual(['Quầy 1', 'Quầy 2', 'Chưa được gọi', 'Tổng cộng']);
    r.current.byCounter.forEach((c, i) => expect(counters[i]).toMatchObject(figures(c)));

    const officers = table('Theo cán bộ').rows;
    r.current.byOfficer.forEach((o, i) => expect(officers[i]).toMatchObject(figures(o)));
    expect(officers[0]!['Họ tên']).toBe('Cán bộ 1');

    const hours = table('Theo giờ').rows;
    expect(hours.map((h) => h['Giờ cấp số'])).toEqual([
      '08:00–09:00',
      '09:00–10:00',
      '10:00–11:00',
      'Tổng cộng',
    ]);
    r.current.byHour.forEach((h, i) => expect(hours[i]).toMatchObject(figures(h)));

    const days = table('Theo ngày');
    expect(days.rows[0]).toEqual({
      Ngày: new Date(`${HAND_DAY}T00:00:00Z`),
      Thứ: 'Thứ Hai',
      ...figures(r.current.byDay[0]!),
    });
    expect(days.ws.getCell(days.ws.rowCount - 1, 1).numFmt).toBe('dd/mm/yyyy');
  });

  it('sums up the range beside the previous period', () => {
    const summary = table('Tổng hợp').rows;
    const line = (label: string) => summary.find((row) => row['Chỉ số'] === label)!;
    const previous = Object.keys(summary[0]!).find((h) => h.startsWith('Kỳ trước'))!;
    expect(previous).toBe('Kỳ trước (2026-11-22 – 2026-11-22)');
    expect(line('Số phiếu cấp')).toEqual({ 'Chỉ số': 'Số phiếu cấp', 'Kỳ này': 7, [previous]: 1 });
    expect(line('Tỉ lệ hài lòng (%)')['Kỳ này']).toBe(r.current.total.ratings.satisfaction);
    expect(line('Chờ P90 (phút)')['Kỳ này']).toBe(36);
  });

  it('has the waiting-time distribution and the arrivals by weekday and hour', () => {
    const waits = table('Phân bố thời gian chờ').rows;
    expect(waits.map((w) => w['Số phiếu'])).toEqual(r.current.charts.waitHistogram.map((b) => b.count));
    const heat = table('Lượt đến theo thứ và giờ').rows;
    expect(heat[0]).toMatchObject({ Thứ: 'Thứ Hai', '8h': 3, '9h': 2, '10h': 2 });
  });
});

/** One CSV line's cells: quoted cells may hold commas and doubled quotes. */
function cells(line: string): string[] {
  return [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)]
    .slice(0, -1)
    .map(([, c]) => (c!.startsWith('"') ? c!.slice(1, -1).replaceAll('""', '"') : c!));
}

describe('GET /api/exports/report.csv', () => {
  it('writes one view with Vietnamese headers, percentages, and the total', async () => {
    const res = await get(`/api/exports/report.csv?view=service&from=${HAND_DAY}&to=${HAND_DAY}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain(
      `luot-bao-cao-${HAND_DAY}-${HAND_DAY}-service.csv`,
    );
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the BOM: Excel reads UTF-8
    const lines = new TextDecoder().decode(bytes).trimEnd().split('\n').map(cells);
    expect(lines[0]!.slice(0, 4)).toEqual(['Mã', 'Dịch vụ', 'Số phiếu cấp', 'Đã phục vụ']);
    expect(lines).toHaveLength(4);
    const a = lines[1]!;
    expect(a[0]).toBe('A');
    expect(a.slice(2, 8)).toEqual(['3', '2', '0', '1', '0', '1']);
    expect(a[14]).toBe('50'); // 1 of 2 called within 30 minutes
    expect(lines[3]!.slice(0, 15)).toEqual([
      'Tổng cộng',
      '',
      '7',
      '4',
      '1',
      '1',
      '1',
      '2',
      '21',
      '20',
      '36',
      '10',
      '8',
      '17',
      '80',
    ]);
  });

  it('neutralises a cell that would run as a formula', async () => {
    const res = await get(`/api/exports/report.csv?view=officer&from=${OTHER_DAY}&to=${OTHER_DAY}`);
    const text = await res.text();
    expect(text).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(text).not.toMatch(/(^|,)=HYPERLINK/m);
  });
});
