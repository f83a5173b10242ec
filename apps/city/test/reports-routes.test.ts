/**
 * The city's report routes over HTTP, on offices whose simulated days (the seeded day simulator on
 * the real core) are fed through the city's own ingest: figures across offices add up to each
 * office's own report, places filter, mixed rating scales count by the level's name, the XLSX and
 * CSV read back equal to the JSON, the ratings export holds every answered rating, bad queries
 * get their reason in Vietnamese and English.
 */
import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDay, type OfficeConfig } from '@luot/core';
import { quocOai } from '@luot/core/testing';
import {
  CityReportSchema,
  RatingsExportSchema,
  ReportResponseSchema,
  type CityReport,
  type StreamEvent,
  type UplinkBatch,
} from '@luot/protocol';
import { simulateDay } from '@luot/sim';
import { hello, ingestBatch } from '../src/ingest.js';
import { createOffice } from '../src/offices.js';
import { exportRatingsCommand } from '../src/reports/export-command.js';
import { httpRatingsSink } from '../src/reports/ratings-sink.js';
import type { City } from '../src/server.js';
import { startTestCity, startTestDatabase, type TestDatabase } from '../src/testing.js';

let db: TestDatabase;
let city: City;
const DAYS = ['2026-11-30', '2026-12-01'];
const FROM = DAYS[0]!;
const TO = DAYS[1]!;
/** Ratings answered with a score, per office, as the simulated days rated. */
const answered = new Map<string, number>();

/** Office days as a hub logs them (day.opened, then the day's events), ingested batch by batch. */
async function feed(
  officeId: string,
  config: OfficeConfig,
  seed: number,
  officerId?: (n: number) => string,
): Promise<void> {
  const log: StreamEvent[] = [];
  let n = 0;
  for (const [i, date] of DAYS.entries()) {
    const day = simulateDay(config, {
      seed: seed + i,
      date,
      profile: { tickets: 60, transfer: 0.1, noShow: 0.1, ...(officerId ? { officerId } : {}) },
    });
    const first = day.events[0]!;
    log.push({
      seq: ++n,
      at: first.at - 1000,
      event: { type: 'day.opened', day: date, level: createDay(config, date).level },
    });
    for (const e of day.events) {
      log.push({ seq: ++n, at: e.at, event: e.event });
      if (e.event.type === 'ticket.rated' && e.event.score !== null) {
        answered.set(officeId, (answered.get(officeId) ?? 0) + 1);
      }
    }
  }
  await hello(city.pool, officeId, config, log.length);
  for (let i = 0; i < log.length; i += 500) {
    const events = log.slice(i, i + 500) as UplinkBatch['events'];
    const r = await ingestBatch(city.pool, city.projector, officeId, {
      type: 'batch',
      fromSeq: events[0]!.seq,
      events,
    });
    expect(r.kind).toBe('ack');
  }
}

beforeAll(async () => {
  db = await startTestDatabase();
  // Today is after the days: they are over.
  city = await startTestCity(db.url, { now: () => Date.parse('2026-12-07T03:00:00Z') });
  const offices = [
    { id: 'quoc-oai', name: 'Quốc Oai', province: 'Hà Nội', commune: 'Quốc Oai' },
    { id: 'dong-anh', name: 'Đông Anh', province: 'Hà Nội', commune: 'Đông Anh' },
    { id: 'ha-long', name: 'Hạ Long', province: 'Quảng Ninh', commune: 'Hạ Long' },
  ];
  for (const o of offices) await createOffice(city.pool, o);
  await feed('quoc-oai', quocOai(), 10);
  await feed('dong-anh', quocOai(), 20);
  // Another scale and another wait target: the report across them says so.
  await feed(
    'ha-long',
    quocOai((c) => {
      c.rating.scale = 5;
      c.alerts = { ...c.alerts, waitMinutes: 20 };
    }),
    30,
    // Officer codes with a quote, a comma, a semicolon and a backslash: read back as they were.
    (n) => `hl "${n}", ;\\x`,
  );
}, 120_000);

afterAll(async () => {
  await city?.close();
  await db?.close();
});

async function get(path: string): Promise<Response> {
  return fetch(`${city.url}${path}`);
}
async function json(path: string): Promise<unknown> {
  const res = await get(path);
  expect(res.status, await res.clone().text()).toBe(200);
  return res.json();
}
const report = async (q: string): Promise<CityReport> =>
  CityReportSchema.parse(await json(`/api/reports?${q}`));
const officeTotal = async (id: string) =>
  ReportResponseSchema.parse(await json(`/api/offices/${id}/report?from=${FROM}&to=${TO}`)).current.total;

describe('reports across offices', () => {
  it('add up to each office’s own report, by office, commune and province', async () => {
    const all = await report(`from=${FROM}&to=${TO}`);
    expect(all.offices).toBe(3);
    expect(all.byOffice.map((o) => o.office)).toEqual(['dong-anh', 'quoc-oai', 'ha-long']);
    let issued = 0;
    let satisfied = 0;
    let answeredAll = 0;
    for (const row of all.byOffice) {
      const own = await officeTotal(row.office);
      expect(row.issued).toBe(own.issued);
      expect(row.served).toBe(own.served);
      expect(row.wait).toEqual(own.wait);
      expect(row.serviceTime).toEqual(own.serviceTime);
      expect(row.withinTarget).toEqual(own.withinTarget);
      expect(row.ratings.satisfaction).toBe(own.ratings.satisfaction);
      expect(row.ratings.answered).toBe(answered.get(row.office));
      issued += own.issued;
      satisfied += own.ratings.satisfied;
      answeredAll += own.ratings.answered;
    }
    expect(issued).toBeGreaterThan(200);
    expect(all.total.issued).toBe(issued);
    expect(all.total.ratings.satisfied).toBe(satisfied);
    expect(all.total.ratings.answered).toBe(answeredAll);
    expect(all.byProvince.map((p) => [p.province, p.offices, p.issued])).toEqual([
      ['Hà Nội', 2, all.byOffice[0]!.issued + all.byOffice[1]!.issued],
      ['Quảng Ninh', 1, all.byOffice[2]!.issued],
    ]);
    expect(all.byCommune).toHaveLength(3);
    // Two scales: the five named levels; two targets: none for the whole.
    expect(all.rating.scale).toBe(5);
    expect(all.targetMinutes).toBeNull();
    expect(all.total.ratings.counts.reduce((a, b) => a + b, 0)).toBe(answeredAll);
    const odd = all.byOfficer.filter((o) => o.office === 'ha-long' && o.officer !== null);
    expect(odd.length).toBeGreaterThan(3);
    for (const o of odd) expect(o.officer).toMatch(/^hl "\d+", ;\\x$/);
    // Every service's and officer's rows add up to the whole.
    expect(all.byService.reduce((s, r) => s + r.issued, 0)).toBe(issued);
    expect(all.byOfficer.reduce((s, r) => s + r.issued, 0)).toBe(issued);
  });

  it('filter by province, commune, office and service', async () => {
    // Typed in decomposed form (as some keyboards do): the same province.
    const hn = await report(
      `from=${FROM}&to=${TO}&province=${encodeURIComponent('Hà Nội'.normalize('NFD'))}`,
    );
    expect(hn.byOffice.map((o) => o.office)).toEqual(['dong-anh', 'quoc-oai']);
    // One scale and one target among them: their own.
    expect(hn.rating.scale).toBe(4);
    expect(hn.targetMinutes).toBe(30);
    const one = await report(`from=${FROM}&to=${TO}&office=quoc-oai&service=A`);
    const own = ReportResponseSchema.parse(
      await json(`/api/offices/quoc-oai/report?from=${FROM}&to=${TO}&service=A`),
    ).current;
    expect(one.offices).toBe(1);
    expect(one.total).toEqual(own.total);
    expect(one.byService.map((s) => s.service)).toEqual(['A']);
  });

  it('refuse what they cannot answer, saying why in Vietnamese and English', async () => {
    const cases: Array<[string, number, string]> = [
      ['/api/reports?from=2026-02-30', 400, 'BAD_DATE'],
      ['/api/reports?from=2026-12-02&to=2026-12-01', 400, 'RANGE_REVERSED'],
      ['/api/reports?from=2024-01-01&to=2026-12-01', 400, 'RANGE_TOO_LONG'],
      ['/api/reports?office=nowhere', 404, 'BAD_OFFICE'],
      ['/api/reports?province=Atlantis', 404, 'NO_OFFICES'],
      ['/api/reports?service=a', 400, 'BAD_SERVICE'],
      ['/api/exports/report.csv?view=counter', 400, 'BAD_VIEW'],
      ['/api/offices/quoc-oai/report?counter=99', 400, 'BAD_COUNTER'],
      ['/api/offices/nowhere/report', 404, 'BAD_OFFICE'],
      ['/api/exports/ratings.json?to=2026-13-01', 400, 'BAD_DATE'],
    ];
    for (const [path, status, code] of cases) {
      const res = await get(path);
      expect(res.status, path).toBe(status);
      const body = (await res.json()) as { code: string; message: { vi: string; en: string } };
      expect(body.code, path).toBe(code);
      expect(body.message.vi.normalize('NFC')).toBe(body.message.vi);
    }
  });
});

describe('exports', () => {
  it('write the XLSX with the filter on top, one sheet per view, numbers and dates as such', async () => {
    const q = `from=${FROM}&to=${TO}&province=${encodeURIComponent('Hà Nội')}`;
    const data = await report(q);
    const res = await get(`/api/exports/report.xlsx?${q}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Tổng hợp',
      'Theo văn phòng',
      'Theo xã, phường',
      'Theo tỉnh, thành phố',
      'Theo dịch vụ',
      'Theo cán bộ',
    ]);
    const ws = wb.getWorksheet('Theo văn phòng')!;
    // The filter: from and to as dates, the province.
    expect(ws.getCell('A2').value).toBe('Từ ngày');
    expect(ws.getCell('B2').value).toEqual(new Date(`${FROM}T00:00:00Z`));
    expect(ws.getCell('B4').value).toBe('Hà Nội');
    // The header row, then one row per office, then the total.
    let header = 1;
    while (ws.getCell(header, 1).value !== 'Mã văn phòng') header++;
    const headers = (ws.getRow(header).values as unknown[]).slice(1);
    const col = (h: string) => headers.indexOf(h) + 1;
    expect(col('Số phiếu cấp')).toBeGreaterThan(0);
    data.byOffice.forEach((o, i) => {
      const row = ws.getRow(header + 1 + i);
      expect(row.getCell(1).value).toBe(o.office);
      expect(row.getCell(col('Số phiếu cấp')).value).toBe(o.issued);
      expect(row.getCell(col('Chờ P90 (phút)')).value).toBe(o.wait.p90);
      expect(row.getCell(col('Tỉ lệ hài lòng (%)')).value).toBe(o.ratings.satisfaction);
      expect(row.getCell(col('Rất hài lòng')).value).toBe(o.ratings.counts[3]);
    });
    const total = ws.getRow(header + 1 + data.byOffice.length);
    expect(total.getCell(1).value).toBe('Tổng cộng');
    expect(total.getCell(col('Số phiếu cấp')).value).toBe(data.total.issued);
  });

  it('write each view as CSV with Vietnamese headers, percentages and a total line', async () => {
    const data = await report(`from=${FROM}&to=${TO}`);
    const res = await get(`/api/exports/report.csv?from=${FROM}&to=${TO}&view=province`);
    expect(res.status).toBe(200);
    const bytes = Buffer.from(await res.arrayBuffer());
    // A BOM, so Excel reads UTF-8 (fetch's text() would drop it).
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').trim().split('\n');
    expect(lines[0]).toMatch(/^Tỉnh\/Thành phố,Số văn phòng,Số phiếu cấp,/);
    expect(lines).toHaveLength(1 + data.byProvince.length + 1);
    expect(lines[1]!.startsWith(`Hà Nội,2,${data.byProvince[0]!.issued},`)).toBe(true);
    expect(lines.at(-1)!.startsWith(`Tổng cộng,,${data.total.issued},`)).toBe(true);
  });

  it('export every answered rating, with who, what, when and the level, as JSON, CSV and XLSX', async () => {
    const q = `from=${FROM}&to=${TO}`;
    const x = RatingsExportSchema.parse(await json(`/api/exports/ratings.json?${q}`));
    const total = [...answered.values()].reduce((a, b) => a + b, 0);
    expect(x.records).toHaveLength(total);
    const r = x.records.find((r) => r.dossierCode !== null) ?? x.records[0]!;
    expect(r.ratedAt).toMatch(/^2026-1[12]-\d\dT\d\d:\d\d:\d\d\+07:00$/);
    expect(r.ticketNumber).toMatch(/^[A-Z]\d{3}$/);
    expect(r.officerCode).not.toBeNull();
    expect(r.officerName).not.toBeNull();
    expect(x.records.some((r) => r.dossierCode !== null)).toBe(true);
    // The 5-step office names its levels its own way; the others on four.
    expect(new Set(x.records.filter((r) => r.officeCode === 'ha-long').map((r) => r.scale))).toEqual(
      new Set([5]),
    );
    const lowest = x.records.find((r) => r.score === 1 && r.reasons.length > 0);
    if (lowest) expect(lowest.reasons[0]!.name).not.toBe(lowest.reasons[0]!.id);
    // The summary's satisfaction is the report's, office by office.
    const rep = await report(q);
    for (const o of rep.byOffice) {
      const rows = x.summary.filter((s) => s.officeCode === o.office);
      expect(rows.reduce((s, r) => s + r.satisfied, 0)).toBe(o.ratings.satisfied);
      expect(rows.reduce((s, r) => s + r.unanswered, 0)).toBe(o.ratings.unanswered);
    }

    const csv = await (await get(`/api/exports/ratings.csv?${q}`)).text();
    const lines = csv.trim().split('\n');
    expect(lines[0]).toMatch(/^Mã văn phòng,Văn phòng,Tỉnh\/Thành phố,Xã\/Phường,Ngày,Thời điểm đánh giá,/);
    expect(lines).toHaveLength(1 + total);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(
      Buffer.from(await (await get(`/api/exports/ratings.xlsx?${q}`)).arrayBuffer()) as never,
    );
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Đánh giá', 'Tổng hợp']);
    expect(wb.getWorksheet('Đánh giá')!.actualRowCount).toBe(4 + 1 + total);
  });
});

describe('the ratings export sent and written', () => {
  it('POSTs the JSON to an endpoint with its token, and says what a refusing endpoint answered', async () => {
    const received: Array<{ auth: string | undefined; body: unknown }> = [];
    let status = 200;
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        received.push({ auth: req.headers.authorization, body: JSON.parse(body) });
        res.writeHead(status).end(status === 200 ? '' : 'Hệ thống đang bảo trì');
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/ratings`;
      const x = RatingsExportSchema.parse(await json(`/api/exports/ratings.json?from=${FROM}&to=${TO}`));
      await httpRatingsSink({ url, token: 'portal-token' }).send(x);
      expect(received).toEqual([{ auth: 'Bearer portal-token', body: x }]);
      status = 503;
      await expect(httpRatingsSink({ url }).send(x)).rejects.toThrow(/HTTP 503: Hệ thống đang bảo trì/);
      expect(() => httpRatingsSink({ url: 'ftp://portal' })).toThrow(/http\(s\)/);
    } finally {
      server.close();
    }
  });

  it('writes a period to a file from the command line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'luot-ratings-'));
    try {
      const out = join(dir, 'danh-gia.csv');
      const said = await exportRatingsCommand(city.pool, { from: FROM, to: TO, province: 'Quảng Ninh', out });
      const n = answered.get('ha-long')!;
      expect(said).toBe(`wrote ${n} rating(s) of 1 office(s), ${FROM} – ${TO} to ${out}`);
      expect(readFileSync(out, 'utf8').trim().split('\n')).toHaveLength(1 + n);
      await expect(exportRatingsCommand(city.pool, { from: TO, to: FROM })).rejects.toThrow(/RANGE_REVERSED/);
      await expect(exportRatingsCommand(city.pool, { from: FROM, to: TO, out: 'x.pdf' })).rejects.toThrow();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
