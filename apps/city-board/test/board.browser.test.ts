/**
 * The `/city` board in Debian's Chromium against a real city on a private PostgreSQL, fed by two
 * real hubs through their real uplinks (all on 127.0.0.1): both offices show, a ticket issued at an
 * office appears on the board and on its page, an office whose hub stops is flagged once it has been
 * offline longer than the (small, for the test) threshold. Screenshots at 1920×1080 and 1366×768 in
 * artifacts/screenshots/city-board/.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOffice, type City } from '@luot/city';
import { startTestCity, startTestDatabase, type TestDatabase } from '@luot/city/testing';
import { startTestHub, testConfig, FakeClock, type TestHub } from '@luot/hub/testing';
import { launchBrowser, screenshot } from '@luot/testing';

const VIEWER = 'city-viewer-token-for-tests';
const QUANG_NAM_VIEWER = 'quang-nam-viewer-token';
/** 1.2 s: an office offline longer is flagged (5 min in production). */
const OFFLINE_FLAG_MINUTES = 0.02;
const FULL_HD = { width: 1920, height: 1080 };
const LAPTOP = { width: 1366, height: 768 };

let db: TestDatabase;
let city: City;
let browser: Browser;
const hubs: TestHub[] = [];
/** Quốc Oai's first ticket (A001), rated on the office's page test. */
let firstTicket = '';

/** The hub on the real clock, issuing at any hour: the board judges waits and outages on real time. */
class RealClock extends FakeClock {
  override readonly fn = () => Date.now();
}
const realClock = new RealClock();

async function startOfficeHub(id: string, name: string, province: string, commune: string): Promise<TestHub> {
  const { token } = await createOffice(city.pool, { id, name, province, commune });
  const t = await startTestHub({
    clock: realClock,
    config: testConfig({
      alwaysOpen: true,
      city: { url: city.url, officeToken: token, retryMinMs: 20, retryMaxMs: 200 },
    }),
  });
  hubs.push(t);
  return t;
}

async function openBoard(viewport: { width: number; height: number }, token = VIEWER): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('[city-board]', e));
  await page.goto(`${city.url}/city?token=${token}`);
  await page.getByTestId('offices').waitFor();
  return page;
}

const row = (page: Page, office: string) => page.locator(`tr[data-office="${office}"]`);

beforeAll(async () => {
  db = await startTestDatabase();
  city = await startTestCity(db.url, {
    board: {
      viewerToken: VIEWER,
      provinceViewers: { 'Quảng Nam': QUANG_NAM_VIEWER },
      offlineFlagMinutes: OFFLINE_FLAG_MINUTES,
      flushMs: 50,
    },
  });
  browser = await launchBrowser();
  await startOfficeHub('quoc-oai', 'Quốc Oai', 'Hà Nội', 'Xã Quốc Oai');
  await startOfficeHub('ba-vi', 'Ba Vì', 'Hà Nội', 'Xã Ba Vì');
  // Registered, never connected: shown offline and flagged from the start.
  await createOffice(city.pool, {
    id: 'hoi-an',
    name: 'Hội An',
    province: 'Quảng Nam',
    commune: 'Phường Hội An',
  });
});
afterAll(async () => {
  await browser?.close();
  for (const t of hubs) await t.close();
  await city?.close();
  await db?.close();
});

describe('the city board in a browser', () => {
  it('shows every office, and a change at an office within 2 s', async () => {
    const [qo, bv] = hubs as [TestHub, TestHub];
    const page = await openBoard(FULL_HD);
    await expect.poll(() => row(page, 'quoc-oai').getAttribute('data-online')).toBe('true');
    await expect.poll(() => row(page, 'ba-vi').getAttribute('data-online')).toBe('true');
    expect(await page.getByTestId('feed').getAttribute('data-status')).toBe('online');
    expect(await row(page, 'hoi-an').getAttribute('data-flagged')).toBe('true');

    // A morning at Quốc Oai: five tickets, a counter open and calling; Ba Vì: two tickets.
    const kiosk = await qo.client('test-kiosk-1-token');
    for (let i = 0; i < 5; i++) {
      const { result } = await kiosk.issue({ service: i < 3 ? 'A' : 'C' });
      if (i === 0) firstTicket = result.ticket.id;
    }
    const c1 = await qo.counter(1);
    await c1.callNext();
    const bvKiosk = await bv.client('test-kiosk-1-token');
    for (let i = 0; i < 2; i++) await bvKiosk.issue({ service: 'T' });

    await expect
      .poll(() => row(page, 'quoc-oai').getByTestId('waiting').textContent(), { timeout: 2000 })
      .toBe('4');
    await expect
      .poll(() => row(page, 'quoc-oai').getByTestId('tickets').textContent(), { timeout: 2000 })
      .toContain('5');
    await expect
      .poll(() => row(page, 'quoc-oai').getByTestId('counters').textContent(), { timeout: 2000 })
      .toBe('1/16');
    await expect
      .poll(() => row(page, 'ba-vi').getByTestId('waiting').textContent(), { timeout: 2000 })
      .toBe('2');
    // The hall: four waiting and one called are inside.
    expect(await row(page, 'quoc-oai').getByTestId('hall').textContent()).toContain('5/');

    // One more ticket: on the board within 2 s of the office issuing it.
    const issued = Date.now();
    await kiosk.issue({ service: 'A' });
    await expect
      .poll(() => row(page, 'quoc-oai').getByTestId('waiting').textContent(), { timeout: 2000 })
      .toBe('5');
    expect(Date.now() - issued).toBeLessThan(2000);

    // Filters: one province, then one commune.
    await page.getByTestId('filter-province').selectOption('Quảng Nam');
    await expect.poll(() => page.locator('tr[data-office]').count()).toBe(1);
    await page.getByTestId('filter-province').selectOption('Hà Nội');
    await page.getByTestId('filter-commune').selectOption('Xã Ba Vì');
    await expect.poll(() => page.locator('tr[data-office]').count()).toBe(1);
    await page.getByTestId('filter-province').selectOption('');
    // Sorted by waiting: Quốc Oai (5) first.
    await page.getByTestId('sort').selectOption('waiting');
    await expect
      .poll(() => page.locator('tr[data-office]').first().getAttribute('data-office'))
      .toBe('quoc-oai');
    await screenshot(page, 'city-board', 'board-1920');
    await page.setViewportSize(LAPTOP);
    await screenshot(page, 'city-board', 'board-1366');
    await page.context().close();
  });

  it("opens an office's page, live", async () => {
    const [qo] = hubs as [TestHub, TestHub];
    const page = await openBoard(FULL_HD);
    await row(page, 'quoc-oai').locator('a.office-name').click();
    await page.getByTestId('office-page').waitFor();
    expect(new URL(page.url()).pathname).toBe('/city/office/quoc-oai');
    const counter1 = page.locator('[data-testid="counters"] tr[data-counter="1"]');
    await expect.poll(() => counter1.getByTestId('counter-current').textContent()).toContain('A001');
    await expect
      .poll(() => page.locator('tr[data-service="A"]').getByTestId('queue-waiting').textContent())
      .toBe('3');

    // The counter finishes and calls the next: the page follows.
    const c1 = await qo.counter(1);
    await c1.startServing();
    await c1.finish({ kind: 'received' });
    // The citizen rates it "Rất hài lòng" (4 of 4) at the counter's rating screen.
    await (await qo.client('test-rating-1-token')).rate(firstTicket, 4);
    await c1.callNext();
    await expect
      .poll(() => counter1.getByTestId('counter-current').textContent(), { timeout: 2000 })
      .toContain('A002');
    await expect
      .poll(() => page.locator('tr[data-service="A"]').getByTestId('queue-waiting').textContent())
      .toBe('2');
    await expect.poll(() => page.getByTestId('office-satisfaction').textContent()).toContain('100 % (1)');
    await screenshot(page, 'city-board', 'office-1920');
    await page.setViewportSize(LAPTOP);
    await screenshot(page, 'city-board', 'office-1366');
    await page.context().close();
  });

  it('flags an office whose hub went away once it has been offline longer than the threshold', async () => {
    const page = await openBoard(FULL_HD);
    await expect.poll(() => row(page, 'ba-vi').getAttribute('data-online')).toBe('true');
    expect(await row(page, 'ba-vi').getAttribute('data-flagged')).toBe('false');
    await hubs[1]!.hub.close();
    await expect.poll(() => row(page, 'ba-vi').getAttribute('data-online'), { timeout: 2000 }).toBe('false');
    // Offline, then flagged when the threshold passes, with no event from anyone: the clock alone.
    await expect
      .poll(() => row(page, 'ba-vi').locator('[data-flag="offline"]').count(), { timeout: 5000 })
      .toBe(1);
    expect(await page.getByTestId('totals').textContent()).toContain('2Cần chú ý');
    await page.getByTestId('sort').selectOption('flagged');
    await screenshot(page, 'city-board', 'board-flagged-1920');
    await page.setViewportSize(LAPTOP);
    await screenshot(page, 'city-board', 'board-flagged-1366');
    await page.context().close();
  });

  it("shows a province viewer its province's offices only", async () => {
    const page = await openBoard(LAPTOP, QUANG_NAM_VIEWER);
    expect(await page.getByTestId('scope-province').textContent()).toContain('Quảng Nam');
    expect(
      await page.locator('tr[data-office]').evaluateAll((rows) => rows.map((r) => r.dataset.office)),
    ).toEqual(['hoi-an']);
    await screenshot(page, 'city-board', 'board-province-1366');
    await page.context().close();
  });

  it('asks for the viewer token, and refuses a wrong one', async () => {
    const context = await browser.newContext({ viewport: LAPTOP, locale: 'vi-VN' });
    const page = await context.newPage();
    await page.goto(`${city.url}/city?token=wrong-token-wrong-token`);
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('Mã xem không đúng');
    await page.getByRole('button', { name: 'Đổi mã xem' }).click();
    await page.locator('input[type="password"]').fill(VIEWER);
    await page.getByRole('button', { name: 'Xem bảng' }).click();
    await page.getByTestId('offices').waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Offices board' }).waitFor();
    await screenshot(page, 'city-board', 'board-en-1366');
    await context.close();
  });
});
