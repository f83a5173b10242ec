import { startTestHub } from '@luot/hub/testing';
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LuotClient } from '@luot/client';
import { browserSuite, screenshot } from '@luot/testing';
import { testConfig, type TestHub } from '@luot/hub/testing';
import { openRating } from './helpers.js';

const suite = browserSuite(startTestHub);

function ratings(t: TestHub) {
  const db = new Database(join(t.dir, 'luot.sqlite'), { readonly: true });
  try {
    return db.prepare('SELECT ticket_id, score, reasons FROM ratings ORDER BY ticket_id').all();
  } finally {
    db.close();
  }
}

/** Serve one citizen at the counter (a client, not a page) and finish the visit. */
async function serveOne(kiosk: LuotClient, counter: LuotClient, service = 'C'): Promise<string> {
  await kiosk.issue({ service });
  const called = (await counter.callNext()).result as { ticket: { id: string } };
  await counter.finish({ kind: 'received' });
  return called.ticket.id;
}

describe('rating screen', () => {
  it('shows who serves when idle, records "no rating" on timeout, reasons on the lowest level', async () => {
    const t = await suite.hub();
    const kiosk = await t.client('test-kiosk-1-token');
    const counter = await t.counter(5);
    const fast = await openRating(suite.browser, t, 5, '&timeout=1&thanks=1');
    await fast.getByText('Phòng Tư pháp').waitFor();
    await screenshot(fast, 'rating', 'idle');

    const first = await serveOne(kiosk, counter);
    await fast.getByText('Ông/bà có hài lòng').waitFor();
    await fast.getByText('Ông/bà có hài lòng').waitFor({ state: 'detached' }); // the 1 s timeout
    await counter.waitFor((s) => s.state.tickets[first]!.rating === null);
    await fast.context().close();

    const page = await openRating(suite.browser, t, 5);
    const second = await serveOne(kiosk, counter);
    await page.getByRole('button', { name: 'Không hài lòng' }).click();
    await page.getByRole('button', { name: 'Thời gian chờ lâu' }).click();
    await page.getByRole('button', { name: 'Hướng dẫn chưa rõ ràng' }).click();
    await screenshot(page, 'rating', 'reasons');
    await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await page.getByText('Trân trọng cảm ơn ông/bà!').waitFor();
    await counter.waitFor((s) => s.state.tickets[second]!.rating === 1);
    expect(ratings(t)).toEqual([
      { ticket_id: first, score: null, reasons: '[]' },
      { ticket_id: second, score: 1, reasons: '["wait","guidance"]' },
    ]);
  });

  it('treats a visit already rated as done (ALREADY_RATED), and stores it once', async () => {
    const t = await suite.hub();
    const kiosk = await t.client('test-kiosk-1-token');
    const counter = await t.counter(7);
    const page = await openRating(suite.browser, t, 7);
    const id = await serveOne(kiosk, counter, 'G');
    await page.getByText('Ông/bà có hài lòng').waitFor();
    // Stored by another path first (e.g. a retry whose answer was lost).
    const tablet = await t.client('test-rating-7-token');
    await tablet.rate(id, 3);
    await page.getByRole('button', { name: 'Rất hài lòng' }).click();
    await page.getByText('Trân trọng cảm ơn ông/bà!').waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(ratings(t)).toEqual([{ ticket_id: id, score: 3, reasons: '[]' }]);
  });

  it('after a reconnect, asks only about a recent last visit with no newer call (never a gone citizen)', async () => {
    const t = await suite.hub();
    const kiosk = await t.client('test-kiosk-1-token');
    const counter = await t.counter(5);
    const page = await openRating(suite.browser, t, 5);
    const banner = page.getByText('Mất kết nối máy chủ');

    // Away: C001 and C002 finished, C003 called — C003's citizen stands before the tablet now.
    await page.context().setOffline(true);
    await banner.waitFor();
    await serveOne(kiosk, counter);
    await serveOne(kiosk, counter);
    await kiosk.issue({ service: 'C' });
    await counter.callNext();
    await page.context().setOffline(false);
    await banner.waitFor({ state: 'hidden', timeout: 15_000 });
    await counter.finish({ kind: 'received' }); // live: C003's own question
    await page.locator('.rating-ask[data-ticket="C003"]').waitFor();
    await page.getByRole('button', { name: 'Rất hài lòng' }).click();
    await page.getByText('Trân trọng cảm ơn ông/bà!').waitFor();
    // Not sent yet: a choice is sent when the thank-you ends or, here, when the next visit replaces it.

    // Away again: C004 finished and nobody called since — still worth asking once back.
    await page.context().setOffline(true);
    await banner.waitFor();
    const last = await serveOne(kiosk, counter);
    await page.context().setOffline(false);
    await page.locator('.rating-ask[data-ticket="C004"]').waitFor({ timeout: 15_000 });
    // It replaced the thank-you of C003: taps wait a moment, then count for C004.
    await counter.waitFor((s) => s.state.tickets['20261130-C003']!.rating === 4);
    await page.getByRole('button', { name: 'Hài lòng', exact: true }).click();
    await counter.waitFor((s) => s.state.tickets[last]!.rating === 3);
    expect(ratings(t)).toEqual([
      { ticket_id: '20261130-C003', score: 4, reasons: '[]' },
      { ticket_id: last, score: 3, reasons: '[]' },
    ]);
  });

  it('offers five levels when the office uses a 5-level scale', async () => {
    const profile = JSON.parse(
      readFileSync(new URL('../../../../packages/core/profiles/quoc-oai.json', import.meta.url), 'utf8'),
    ) as { rating: Record<string, unknown> };
    const t = await suite.hub({
      config: testConfig({ office: { ...profile, rating: { ...profile.rating, scale: 5 } } }),
    });
    const kiosk = await t.client('test-kiosk-1-token');
    const counter = await t.counter(5);
    const page = await openRating(suite.browser, t, 5);
    await serveOne(kiosk, counter);
    await page.getByRole('button', { name: 'Rất không hài lòng' }).waitFor();
    expect(
      await page.locator('button[data-score]').evaluateAll((b) => b.map((x) => x.getAttribute('data-score'))),
    ).toEqual(['5', '4', '3', '2', '1']);
  });
});
