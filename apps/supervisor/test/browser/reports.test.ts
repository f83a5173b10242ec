import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { LuotClient } from '@luot/client';
import { startTestHub, type TestHub } from '@luot/hub/testing';
import {
  REPORT_QUERY_ERRORS,
  ReportResponseSchema,
  type ReportFigures,
  type ReportResponse,
} from '@luot/protocol';
import { ARTIFACTS, browserSuite, screenshot } from '@luot/testing';
import { formatCount, formatMinutes, formatShare } from '../../src/reports/format.js';
import { LARGE, openSignedIn, POLL } from './helpers.js';

// The reports page (#13 "Reports") against a real hub whose day was worked by real clients: tickets
// issued at a kiosk, called, served and rated at counters 5 and 6, one left waiting.

const suite = browserSuite(startTestHub);
const DAY = '2026-11-30'; // the test hub's Monday
const MINUTE = 60_000;

/**
 * Six tickets: counter 5 (Tư pháp – Hộ tịch, C) serves three (rated 4, 2 and 3 on the 4-step scale)
 * and marks the fourth a no-show; counter 6 (Chứng thực, E) serves one (rated 4); an A still waits.
 */
async function workADay(t: TestHub): Promise<void> {
  const kiosk = await t.client('test-kiosk-1-token');
  const c5 = await t.counter(5);
  const c6 = await t.counter(6);
  const r5 = await t.client('test-rating-5-token');
  const r6 = await t.client('test-rating-6-token');
  for (const s of ['C', 'C', 'C', 'C', 'E', 'A']) await kiosk.issue({ service: s });
  const serve = async (
    counter: LuotClient,
    rating: LuotClient,
    wait: number,
    service: number,
    score: number,
  ) => {
    t.clock.advance(wait * MINUTE);
    await counter.callNext();
    await counter.startServing();
    t.clock.advance(service * MINUTE);
    const done = await counter.finish({ kind: 'received' });
    await rating.rate(done.result.ticket!.id, score);
  };
  await serve(c5, r5, 4, 6, 4);
  await serve(c5, r5, 3, 12, 2);
  await serve(c5, r5, 35, 5, 3); // a wait over the 30-minute target
  await serve(c6, r6, 1, 8, 4);
  t.clock.advance(2 * MINUTE);
  await c5.callNext();
  await c5.noShow();
}

/** A row's figures as the table must write them, column by column, straight from the API's JSON. */
function onScreen(f: ReportFigures): Record<string, string> {
  const r = f.ratings.counts;
  return {
    issued: formatCount(f.issued),
    served: formatCount(f.served),
    noShow: formatCount(f.noShow),
    cancelled: formatCount(f.cancelled),
    transferred: formatCount(f.transferred),
    abandoned: formatCount(f.abandoned),
    waitMean: formatMinutes(f.wait.mean),
    waitMedian: formatMinutes(f.wait.median),
    waitP90: formatMinutes(f.wait.p90),
    svcMean: formatMinutes(f.serviceTime.mean),
    svcMedian: formatMinutes(f.serviceTime.median),
    svcP90: formatMinutes(f.serviceTime.p90),
    withinTarget: formatShare(f.withinTarget.share),
    rating4: formatCount(r[3]!),
    rating3: formatCount(r[2]!),
    rating2: formatCount(r[1]!),
    rating1: formatCount(r[0]!),
    satisfaction: formatShare(f.ratings.satisfaction),
  };
}

async function api(t: TestHub, query: string): Promise<ReportResponse> {
  const res = await fetch(`${t.hub.url}/api/reports?${query}`, { headers: await t.supervisorHeaders() });
  expect(res.status).toBe(200);
  return ReportResponseSchema.parse(await res.json());
}

async function openReports(t: TestHub, viewport?: { width: number; height: number }): Promise<Page> {
  const page = await openSignedIn(suite.browser, t, viewport);
  await page.getByRole('link', { name: 'Báo cáo' }).click();
  await page.getByTestId('report-table').waitFor();
  return page;
}

/** The table's cells as text, row by row (the key's value first). */
function tableText(page: Page) {
  return page.locator('[data-testid="report-table"] tbody tr').evaluateAll((rows) =>
    rows.map((tr) => ({
      key: tr.getAttribute('data-key'),
      cells: Object.fromEntries(
        Array.from(tr.querySelectorAll('td[data-col]')).map((td) => [
          td.getAttribute('data-col'),
          td.querySelector('.cur')?.textContent ?? td.textContent,
        ]),
      ),
    })),
  );
}

describe('supervisor console: reports', () => {
  it('shows the day’s figures as the API computes them, with the charts drawn', async () => {
    const t = await suite.hub();
    await workADay(t);
    const { current } = await api(t, `from=${DAY}&to=${DAY}`);
    // The hub's own figures first, so that a wrong day fails here and not as a screen mismatch.
    expect(current.total).toMatchObject({ issued: 6, served: 4, noShow: 1 });

    const page = await openReports(t);
    await expect.poll(() => page.getByTestId('report-range').textContent(), POLL).toContain('30/11/2026');
    expect(await page.getByTestId('total-issued').textContent()).toBe('6');
    expect(await page.getByTestId('total-served').textContent()).toBe('4');
    expect(await page.getByTestId('total-satisfaction').textContent()).toBe(
      formatShare(current.total.ratings.satisfaction),
    );
    // 3 satisfied (scores 4, 3 and 4) of 4 answers.
    expect(current.total.ratings.satisfaction).toBe(0.75);
    expect(await page.getByTestId('total-satisfaction').textContent()).toBe('75,0 %');

    // Every figure cell of the service table is the API's figure, written the Vietnamese way.
    const rows = await tableText(page);
    expect(rows.map((r) => r.key)).toEqual(current.byService.map((s) => s.service));
    for (const [i, s] of current.byService.entries()) {
      const figures = Object.entries(rows[i]!.cells).filter(([col]) => !col.startsWith('key'));
      expect(Object.fromEntries(figures), s.service).toEqual(onScreen(s));
    }
    // The totals row as well.
    const total = await page
      .locator('[data-testid="report-table"] tfoot td[data-col]')
      .evaluateAll((tds) =>
        tds.map((td) => [td.getAttribute('data-col'), td.querySelector('.cur')!.textContent]),
      );
    expect(Object.fromEntries(total)).toEqual(onScreen(current.total));
    // The counter view too.
    await page.getByRole('button', { name: 'Theo quầy' }).click();
    await page.locator('[data-testid="report-table"][data-view="counter"]').waitFor();
    const counters = await tableText(page);
    expect(counters.map((r) => r.key)).toEqual(current.byCounter.map((c) => String(c.counter)));
    expect(counters.find((r) => r.key === '5')!.cells.served).toBe('3');

    // The charts are drawn as SVG: the stacked bars per hour have a bar per service that had tickets.
    const hourly = page.getByTestId('chart-hourly');
    await expect.poll(() => hourly.locator('svg path').count(), POLL).toBeGreaterThan(3);
    expect(await hourly.locator('svg').textContent()).toContain('09h');
    for (const id of ['wait', 'heatmap', 'satisfaction', 'withinTarget']) {
      await expect.poll(() => page.getByTestId(`chart-${id}`).locator('svg').count(), POLL).toBe(1);
    }
    const officers = await page.getByTestId('chart-satisfaction').locator('svg').textContent();
    expect(officers).toContain('Cán bộ 5');
    expect(officers).toContain('Cán bộ 6');
    await page.getByRole('button', { name: 'Theo dịch vụ' }).click();
    await screenshot(page, 'supervisor', 'reports-1366');
    await hourly.scrollIntoViewIfNeeded();
    await screenshot(page, 'supervisor', 'reports-charts-1366');
    // The print layout, on a page the width of landscape A4 (297 mm at 96 dpi), whole.
    await page.setViewportSize({ width: 1123, height: 794 });
    await page.emulateMedia({ media: 'print' });
    // What the browser's print command does first: the charts redraw at the printed size.
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    await page.getByText('Lãnh đạo ký duyệt').waitFor();
    // Paper cannot page through a legend: every service of the day is printed, by its code, no "1/3".
    const printed = (await hourly.locator('svg').textContent()) ?? '';
    expect(printed).not.toMatch(/\d\/\d/);
    for (const code of ['A', 'C', 'E']) expect(printed).toContain(code);
    expect(await page.getByRole('button', { name: 'Tải Excel' }).isVisible()).toBe(false);
    expect(await page.getByRole('navigation').isVisible()).toBe(false);
    await page.screenshot({ path: `${ARTIFACTS}supervisor/reports-print.png`, fullPage: true });

    const large = await openReports(t, LARGE);
    await large.getByRole('checkbox', { name: 'So sánh với kỳ trước' }).check();
    await large.getByRole('button', { name: 'Xem', exact: true }).click();
    // The previous period (29 November, a Sunday) had no tickets.
    await expect.poll(() => large.getByTestId('prev-issued').textContent(), POLL).toContain('Kỳ trước: 0');
    await screenshot(large, 'supervisor', 'reports-1920');
  });

  it('downloads the Excel workbook and a CSV whose figures are the API’s', async () => {
    const t = await suite.hub();
    await workADay(t);
    const { current } = await api(t, `from=${DAY}&to=${DAY}`);
    const page = await openReports(t);

    const [xlsx] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Tải Excel' }).click(),
    ]);
    expect(xlsx.suggestedFilename()).toBe(`luot-bao-cao-${DAY}-${DAY}.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile((await xlsx.path())!);
    const ws = wb.getWorksheet('Theo dịch vụ')!;
    expect(ws.getCell('A2').value).toBe('Từ ngày');
    // The header row is the one that starts with "Mã"; a service's row is found by its code.
    let header = 0;
    ws.eachRow((row, n) => {
      if (!header && row.getCell(1).value === 'Mã') header = n;
    });
    const names = (ws.getRow(header).values as unknown[]).slice(1) as string[];
    const col = (name: string) => names.indexOf(name) + 1;
    for (const s of current.byService) {
      let found = 0;
      ws.eachRow((row, n) => {
        if (n > header && row.getCell(1).value === s.service) found = n;
      });
      const row = ws.getRow(found);
      expect(row.getCell(col('Số phiếu cấp')).value, s.service).toBe(s.issued);
      expect(row.getCell(col('Đã phục vụ')).value, s.service).toBe(s.served);
      expect(row.getCell(col('Vắng mặt')).value, s.service).toBe(s.noShow);
      expect(row.getCell(col('Chờ trung bình (phút)')).value ?? null, s.service).toBe(s.wait.mean);
      expect(row.getCell(col('Tỉ lệ hài lòng (%)')).value ?? null, s.service).toBe(s.ratings.satisfaction);
    }
    const total = ws.getRow(ws.rowCount);
    expect(total.getCell(1).value).toBe('Tổng cộng');
    expect(total.getCell(col('Số phiếu cấp')).value).toBe(current.total.issued);
    expect(total.getCell(col('Đã phục vụ')).value).toBe(4);

    // The CSV holds the table being shown.
    await page.getByRole('button', { name: 'Theo quầy' }).click();
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /Tải CSV/ }).click(),
    ]);
    expect(csv.suggestedFilename()).toBe(`luot-bao-cao-${DAY}-${DAY}-counter.csv`);
    const lines = readFileSync((await csv.path())!, 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toMatch(/^Quầy,Số phiếu cấp,Đã phục vụ/);
    expect(lines.find((l) => l.startsWith('Quầy 5,'))).toMatch(/^Quầy 5,4,3,1,/);
  });

  it('changes the range with a preset, sorts by a column, and shows the hub’s refusal of a bad range', async () => {
    const t = await suite.hub();
    await workADay(t);
    const page = await openReports(t);

    // Sorting by "Số phiếu cấp": the most tickets first (C: 4), then reversed, by keyboard too.
    const issued = page.locator('th[data-col="issued"]');
    await issued.getByRole('button').click();
    await expect.poll(() => issued.getAttribute('aria-sort'), POLL).toBe('descending');
    const keys = async () => (await tableText(page)).map((r) => r.key);
    expect((await keys())[0]).toBe('C');
    await issued.getByRole('button').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => issued.getAttribute('aria-sort'), POLL).toBe('ascending');
    expect((await keys()).at(-1)).toBe('C');

    // "Hôm qua": Sunday 29 November, no tickets.
    await page.getByRole('button', { name: 'Hôm qua' }).click();
    await expect
      .poll(() => page.getByTestId('report-range').textContent(), POLL)
      .toContain('29/11/2026 đến ngày 29/11/2026');
    await expect.poll(() => page.getByTestId('total-issued').textContent(), POLL).toBe('0');
    await page.getByTestId('report-empty').waitFor();
    expect(await page.getByRole('button', { name: 'Hôm qua' }).getAttribute('aria-pressed')).toBe('true');
    // "Tháng này": from the first of November to today.
    await page.getByRole('button', { name: 'Tháng này' }).click();
    await expect
      .poll(() => page.getByTestId('report-range').textContent(), POLL)
      .toContain('01/11/2026 đến ngày 30/11/2026');
    await expect.poll(() => page.getByTestId('total-issued').textContent(), POLL).toBe('6');

    // A service filter: only the four C tickets, said on the filter line.
    await page.getByRole('combobox', { name: /^Dịch vụ/ }).selectOption('C');
    await page.getByRole('button', { name: 'Xem', exact: true }).click();
    await expect.poll(() => page.getByTestId('total-issued').textContent(), POLL).toBe('4');
    expect(await page.getByTestId('report-range').textContent()).toContain('Dịch vụ: C · Tư pháp – Hộ tịch');
    expect((await tableText(page)).map((r) => r.key)).toEqual(['C']);

    // A custom range that ends before it starts: the hub's words, plainly.
    await page.getByLabel('Từ ngày').fill('2026-11-30');
    await page.getByLabel('Đến ngày').fill('2026-11-01');
    expect(await page.getByRole('button', { name: 'Tuỳ chọn' }).getAttribute('aria-pressed')).toBe('true');
    await page.getByRole('button', { name: 'Xem', exact: true }).click();
    await expect
      .poll(() => page.getByTestId('report-error').textContent(), POLL)
      .toBe(REPORT_QUERY_ERRORS.RANGE_REVERSED.vi);
    // The same in English, one click away.
    await page.getByRole('button', { name: 'English' }).click();
    await expect
      .poll(() => page.getByTestId('report-error').textContent(), POLL)
      .toBe(REPORT_QUERY_ERRORS.RANGE_REVERSED.en);
    await page.getByRole('button', { name: 'Last month' }).click();
    await expect
      .poll(() => page.getByTestId('report-range').textContent(), POLL)
      .toContain('01/10/2026 to 31/10/2026');
    expect(await page.getByTestId('report-error').count()).toBe(0);
    await screenshot(page, 'supervisor', 'reports-en-1366');
  });
});
