import { startTestHub } from '@luot/hub/testing';
import { describe, expect, it } from 'vitest';
import { chromium, type Page } from 'playwright-core';
import { composeCall, CLIP_IDS } from '@luot/announcer';
import { browserSuite, screenshot } from '@luot/testing';
import { board, heldNumber, issue, LANDSCAPE, openDisplay, played, PORTRAIT, RECEIVED } from './helpers.js';

/** The clips the display should have queued for a call, as the announcer composes them. */
const clipsOf = (number: string, counter: number | null, kind: 'call' | 'entry' | 'recall' = 'call') =>
  composeCall({ number, counter, kind }).clips;

const latest = (page: Page) => page.getByTestId('latest-call');

/** Browser round trips: wait generously (Vitest's default is 1 s), the machine may be busy. */
const SOON = { timeout: 10_000 };

describe('wall display against a real hub', () => {
  const suite = browserSuite(startTestHub);

  it('tells the hall on the notice line when a service loses its only calling counter, until it is back', async () => {
    const t = await suite.hub();
    const kiosk = await t.client('test-kiosk-1-token');
    const counter = await t.counter(4); // Tài nguyên và Môi trường (B): counter 4 only
    await issue(kiosk, 'B', 3);
    await counter.callNext();
    await counter.finish(RECEIVED);
    const page = await openDisplay(suite.browser, t, LANDSCAPE);
    const ticker = page.locator('footer.ticker');
    const lost =
      'Tài nguyên và Môi trường: hiện chưa có quầy tiếp nhận, 2 người đang chờ xin giữ số thứ tự và chờ quầy mở lại';
    await expect.poll(() => page.getByTestId('waiting').innerText(), SOON).toContain('B');
    expect((await ticker.getAttribute('aria-label')) ?? '').not.toContain('hiện chưa có quầy tiếp nhận');

    // The officer signs out: nobody calls B any more.
    await counter.send('counter.signOut', { close: false });
    await expect.poll(() => ticker.getAttribute('aria-label'), SOON).toContain(lost);
    await page.evaluate(() => document.fonts.ready);
    await screenshot(page, 'display', 'counter-lost-landscape');

    // An officer signs in at counter 4 again: the line is gone.
    await t.counter(4);
    await expect
      .poll(() => ticker.getAttribute('aria-label'), SOON)
      .not.toContain('hiện chưa có quầy tiếp nhận');
  });

  it('shows the office head’s notice on the notice line until its end time', async () => {
    const t = await suite.hub();
    const boss = await t.supervisor();
    const page = await openDisplay(suite.browser, t, LANDSCAPE);
    const ticker = page.locator('footer.ticker');
    const text = 'Hệ thống một cửa điện tử tạm gián đoạn; hồ sơ vẫn được tiếp nhận bản giấy';
    await boss.send('supervisor.setNotice', { text, until: t.clock.now + 60_000 });
    await expect.poll(() => ticker.getAttribute('aria-label'), SOON).toContain(text);
    // Cleared by the head: gone at once.
    await boss.send('supervisor.setNotice', { text: null });
    await expect.poll(() => ticker.getAttribute('aria-label'), SOON).not.toContain(text);
  });

  it('shows a call made at a counter and queues it for announcement', async () => {
    const t = await suite.hub();
    const page = await openDisplay(suite.browser, t);
    const kiosk = await t.client('test-kiosk-1-token');
    await issue(kiosk, 'C', 1);
    const counter5 = await t.counter(5);
    await counter5.callNext();

    await expect.poll(() => latest(page).getAttribute('data-number'), SOON).toBe('C001');
    await expect(latest(page).textContent()).resolves.toContain('Mời đến quầy số 5');
    await expect(latest(page).getAttribute('data-flash')).resolves.toBe('true');
    await expect(page.locator('[data-counter="5"] .tile-ticket').textContent()).resolves.toBe('C001');
    await expect.poll(() => played(page), SOON).toHaveLength(1);
    expect((await played(page))[0]!.clips).toEqual(clipsOf('C001', 5));

    // A recall is announced again.
    await counter5.recall();
    await expect.poll(async () => (await played(page)).length, SOON).toBe(2);
    expect((await played(page))[1]!.clips).toEqual(clipsOf('C001', 5, 'recall'));
  });

  it('announces five calls made within one second, all of them, in the order the hub made them', async () => {
    const t = await suite.hub();
    const page = await openDisplay(suite.browser, t);
    const kiosk = await t.client('test-kiosk-1-token');
    const setup: Array<[number, string]> = [
      [1, 'A'],
      [4, 'B'],
      [5, 'C'],
      [6, 'E'],
      [8, 'K'],
    ];
    for (const [, service] of setup) await issue(kiosk, service, 1);
    const counters = await Promise.all(setup.map(([n]) => t.counter(n)));

    const started = Date.now();
    const acks = await Promise.all(counters.map((c) => c.callNext()));
    expect(Date.now() - started).toBeLessThan(1000);
    const order = setup
      .map(([n], i) => ({ counter: n, seq: acks[i]!.seq, number: heldNumber(acks[i]!) }))
      .sort((a, b) => a.seq - b.seq);

    await expect.poll(async () => (await played(page)).length, SOON).toBe(5);
    expect((await played(page)).map((p) => p.clips)).toEqual(order.map((o) => clipsOf(o.number, o.counter)));
    // The hub's clock stands still in tests: the five calls share one time, and the board (the same on
    // every display, see callBoard) puts the later-issued number first.
    const expected = {
      latest: 'K001@8',
      history: ['E001@6', 'C001@5', 'B001@4', 'A001@1'],
    };
    await expect.poll(() => board(page), SOON).toEqual(expected);
    const late = await openDisplay(suite.browser, t);
    await expect.poll(() => board(late), SOON).toEqual(expected);
  });

  it('invites only while a call is in force, and a display opened later shows the same board', async () => {
    const t = await suite.hub();
    const page = await openDisplay(suite.browser, t);
    const kiosk = await t.client('test-kiosk-1-token');
    await issue(kiosk, 'A', 1);
    await issue(kiosk, 'C', 4);
    const [counter1, counter5] = [await t.counter(1), await t.counter(5)];
    await t.counter(6);
    // The hub's clock moves on between two things done at a counter, as in an office.
    const later = () => t.clock.advance(30_000);
    later();
    await counter1.callNext(); // A001
    later();
    await counter5.callNext(); // C001
    await expect.poll(() => board(page), SOON).toEqual({ latest: 'C001@5', history: ['A001@1'] });

    // A no-show: the panel goes back to the call still in force, without flashing it.
    await counter5.noShow();
    await expect.poll(() => board(page), SOON).toEqual({ latest: 'A001@1', history: [] });
    expect(await latest(page).getAttribute('data-flash')).toBe('false');

    // "Mời lại" while the recall is the call; not once the ticket is finished.
    later();
    await counter5.callNext(); // C002
    later();
    await counter5.recall();
    await expect.poll(() => board(page), SOON).toEqual({ latest: 'C002@5 recall', history: ['A001@1'] });
    await expect(latest(page).textContent()).resolves.toContain('Mời lại');
    await screenshot(page, 'display', 'recall');
    await counter5.finish(RECEIVED);
    await expect.poll(() => board(page), SOON).toEqual({ latest: 'A001@1', history: ['C002@5'] });
    await expect(latest(page).textContent()).resolves.not.toContain('Mời lại');

    // Transferred away: not invited to counter 5 any more.
    later();
    await counter5.callNext(); // C003
    await expect.poll(() => board(page), SOON).toEqual({ latest: 'C003@5', history: ['C002@5', 'A001@1'] });
    await counter5.transfer({ toCounter: 6 });
    await expect.poll(() => board(page), SOON).toEqual({ latest: 'A001@1', history: ['C002@5'] });
    await expect(latest(page).textContent()).resolves.toContain('Mời đến quầy số 1');

    // Nothing in force: a neutral panel, inviting nobody.
    await counter1.finish(RECEIVED);
    await expect.poll(() => board(page), SOON).toEqual({ latest: '–', history: ['C002@5', 'A001@1'] });
    await expect(latest(page).textContent()).resolves.toContain('Xin vui lòng chờ đến lượt');
    await expect(latest(page).textContent()).resolves.not.toContain('Mời đến quầy');
    await screenshot(page, 'display', 'no-call-in-force');

    // A screen switched on now (after a power cut) shows exactly what this one shows.
    const late = await openDisplay(suite.browser, t);
    await expect.poll(() => board(late), SOON).toEqual(await board(page));
    later();
    await counter5.callNext(); // C004
    for (const p of [page, late]) {
      await expect.poll(() => board(p), SOON).toEqual({ latest: 'C004@5', history: ['C002@5', 'A001@1'] });
    }
  });

  for (const [layout, viewport] of [
    ['landscape', LANDSCAPE],
    ['portrait', PORTRAIT],
  ] as const) {
    it(`at level 4, marks the services taking no new numbers legibly, without breaking the row (${layout})`, async () => {
      const t = await suite.hub();
      await (await t.supervisor()).setLevel(4);
      const page = await openDisplay(suite.browser, t, viewport);
      await expect.poll(() => page.getByTestId('level').getAttribute('data-level'), SOON).toBe('4');
      await page.evaluate(() => document.fonts.ready);
      const m = await page.evaluate(() => {
        const px = (e: Element) => Number.parseFloat(getComputedStyle(e).fontSize);
        const chips = Array.from(document.querySelectorAll('.waiting-item'), (li) => {
          const r = li.getBoundingClientRect();
          return {
            top: Math.round(r.top),
            height: Math.round(r.height),
            fits: li.scrollWidth <= li.clientWidth,
          };
        });
        const legend = document.querySelector('[data-testid="restricted-legend"]')!;
        const locks = Array.from(document.querySelectorAll('[data-testid="waiting-restricted"]'));
        return {
          chips,
          locked: locks.map((l) => l.closest('li')!.getAttribute('data-service')),
          lockPx: Math.min(...locks.map((l) => l.getBoundingClientRect().height)),
          prefixPx: px(document.querySelector('.waiting-prefix')!),
          legendPx: px(legend),
          legendLines: legend.getBoundingClientRect().height / (px(legend) * 1.5),
          legends: document.querySelectorAll('[data-testid="restricted-legend"]').length,
          legendText: legend.textContent,
          // Tags that stick out of their counter's tile (inside its border: the state runs across the
          // tile's foot, edge to edge), or whose text sticks out of the tag, in px.
          tagsOut: Array.from(document.querySelectorAll('.tile-state, .tile-level'), (e) => {
            const tile = e.closest('.tile')!;
            const right = tile.getBoundingClientRect().right - tile.clientLeft;
            const out = Math.round(e.getBoundingClientRect().right - right);
            return Math.max(0, out, e.scrollWidth - e.clientWidth);
          }).filter((px) => px > 0),
          closedTile: (document.querySelector('[data-counter="2"]') as HTMLElement).innerText,
          text: document.body.innerText,
        };
      });
      // The Quốc Oai profile keeps only its 6 essential services (C E L S R H) at level 4.
      expect(m.locked).toEqual(['A', 'B', 'G', 'K', 'M', 'N', 'T', 'V']);
      expect(m.legends).toBe(1);
      expect(m.legendText).toBe('Tạm dừng cấp số mới');
      // From across a hall: at least 32 px text, a padlock as large as the service letters.
      expect(m.legendPx).toBeGreaterThanOrEqual(32);
      expect(m.legendLines).toBeLessThan(1);
      expect(m.lockPx).toBeGreaterThanOrEqual(m.prefixPx * 0.9);
      // Every row the same height, in columns (the width a wait range needs: two of seven in landscape,
      // three of five in portrait), nothing spilling.
      expect(new Set(m.chips.map((c) => c.height)).size).toBe(1);
      expect(new Set(m.chips.map((c) => c.top)).size).toBe(layout === 'landscape' ? 7 : 5);
      expect(m.chips.every((c) => c.fits)).toBe(true);
      // A counter the level closes says so, with the level; every tag fits its tile.
      expect(m.closedTile).toMatch(/Cấp độ 4[\s\S]*Tạm đóng/);
      expect(m.tagsOut).toEqual([]);
      // "Cấp độ N", never "Cấp N" (the office's level note in the ticker says "Cấp 4: …").
      expect(m.text).toContain('Cấp độ 4: chỉ tiếp nhận thủ tục thiết yếu');
      expect(m.text).not.toMatch(/Cấp \d/);
      await screenshot(page, 'display', `level4-services-${layout}`);
    });
  }

  it('shows the hall filling up, the full banner and the entry call when a ticket outside is let in', async () => {
    const t = await suite.hub();
    const page = await openDisplay(suite.browser, t);
    const figure = page.getByTestId('occupancy-figure');
    const kiosk = await t.client('test-kiosk-1-token');

    // Occupancy follows issue and finish.
    await issue(kiosk, 'C', 3);
    await expect.poll(() => figure.textContent(), SOON).toBe('3/120');
    const counter5 = await t.counter(5);
    await counter5.callNext();
    await counter5.finish(RECEIVED);
    await expect.poll(() => figure.textContent(), SOON).toBe('2/120');

    const boss = await t.supervisor();
    await boss.setLevel(4);
    await expect.poll(() => page.getByTestId('level').getAttribute('data-level'), SOON).toBe('4');
    await expect.poll(() => figure.textContent(), SOON).toBe('2/20');
    await expect(page.getByTestId('hall-full').count()).resolves.toBe(0);

    // 18 more fill the hall (C004…C021); the next one waits outside.
    await issue(kiosk, 'C', 18);
    await expect.poll(() => figure.textContent(), SOON).toBe('20/20');
    await page.getByText('Sảnh đã đủ người — vui lòng chờ bên ngoài').waitFor();
    const [outside] = await issue(kiosk, 'C', 1);
    expect(outside).toBe('C022');
    await page.getByText('Chờ bên ngoài: 1').waitFor();

    // C002 is called and finished: C022 is let in and called into the hall.
    await counter5.callNext();
    await counter5.finish(RECEIVED);
    await page.getByText('Mời số C022 vào sảnh').waitFor();
    await expect(page.getByTestId('entry-calls').textContent()).resolves.toBe('Mời số C022 vào sảnh');
    // Heard live: it flashes like a counter call.
    await expect(page.getByTestId('entry-calls').getAttribute('data-flash')).resolves.toBe('true');
    await expect.poll(() => figure.textContent(), SOON).toBe('20/20');
    await expect
      .poll(async () => (await played(page)).at(-1)?.clips, SOON)
      .toEqual(clipsOf('C022', null, 'entry'));

    // Once it is called to its counter, the entry call is done.
    for (let i = 0; i < 20; i++) {
      const ack = await counter5.callNext();
      if (heldNumber(ack) === 'C022') break;
      await counter5.finish(RECEIVED);
    }
    await expect.poll(() => page.getByTestId('entry-calls').count(), SOON).toBe(0);
  });

  it('marks the lost connection during a hub restart, recovers, and never announces an old call as new', async () => {
    const t = await suite.hub();
    const page = await openDisplay(suite.browser, t);
    const kiosk = await t.client('test-kiosk-1-token');
    await issue(kiosk, 'C', 2);
    const counter5 = await t.counter(5);
    await counter5.callNext();
    await expect.poll(async () => (await played(page)).length, SOON).toBe(1);

    // From here on, count every time the latest call starts flashing.
    await page.evaluate(() => {
      const w = window as unknown as { flashes: number };
      w.flashes = 0;
      const flashing = (n: Node) => n instanceof Element && n.querySelector('[data-flash="true"]') !== null;
      new MutationObserver((records) => {
        for (const r of records) {
          if (r.type === 'attributes' && (r.target as Element).getAttribute('data-flash') === 'true')
            w.flashes++;
          for (const n of Array.from(r.addedNodes))
            if (flashing(n) || (n as Element).getAttribute?.('data-flash') === 'true') w.flashes++;
        }
      }).observe(document.body, {
        subtree: true,
        childList: true,
        attributes: true,
        attributeFilter: ['data-flash'],
      });
    });

    await t.hub.close();
    await page.getByText('Mất kết nối máy chủ').waitFor();
    await t.restart();
    await page.getByText('Mất kết nối máy chủ').waitFor({ state: 'hidden', timeout: 15_000 });

    expect(await latest(page).getAttribute('data-number')).toBe('C001');
    expect(await played(page)).toHaveLength(1);
    expect(await page.evaluate(() => (window as unknown as { flashes: number }).flashes)).toBe(0);

    // A fresh page shows the latest call from the day's state, without announcing or flashing it.
    await page.reload();
    await expect.poll(() => latest(page).getAttribute('data-number'), SOON).toBe('C001');
    expect(await latest(page).getAttribute('data-flash')).toBe('false');
    expect(await played(page)).toHaveLength(0);

    // And it is live again: the next call is announced.
    await expect.poll(() => counter5.status, SOON).toBe('online');
    await counter5.finish(RECEIVED);
    await counter5.callNext();
    await expect.poll(() => latest(page).getAttribute('data-number'), SOON).toBe('C002');
    await expect.poll(() => played(page), SOON).toHaveLength(1);
    expect((await played(page))[0]!.clips).toEqual(clipsOf('C002', 5));
  });

  it('after a network cut, shows calls made meanwhile without announcing or flashing them', async () => {
    const t = await suite.hub();
    const page = await openDisplay(suite.browser, t);
    const kiosk = await t.client('test-kiosk-1-token');
    await issue(kiosk, 'C', 2);
    const counter5 = await t.counter(5);

    await page.context().setOffline(true);
    await page.getByText('Mất kết nối máy chủ').waitFor();
    await counter5.callNext(); // C001, while the display cannot hear it
    await page.context().setOffline(false);
    await page.getByText('Mất kết nối máy chủ').waitFor({ state: 'hidden', timeout: 15_000 });

    await expect.poll(() => latest(page).getAttribute('data-number'), SOON).toBe('C001');
    expect(await latest(page).getAttribute('data-flash')).toBe('false');
    expect(await played(page)).toHaveLength(0);

    await counter5.finish(RECEIVED);
    await counter5.callNext();
    await expect.poll(() => played(page), SOON).toHaveLength(1);
    expect((await played(page))[0]!.clips).toEqual(clipsOf('C002', 5));
  });

  it('loads every voice clip from the hub and plays with sound on (wall display flags)', async () => {
    const t = await suite.hub();
    const context = await suite.browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const page = await context.newPage();
    const warnings: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'warning' || m.type() === 'error') warnings.push(m.text());
    });
    const clips = new Set<string>();
    page.on('response', (r) => {
      if (r.url().includes('/display/voice/vi/') && r.ok()) clips.add(r.url());
    });
    await page.goto(`${t.hub.url}/display?token=test-display-token`);
    await latest(page).waitFor();
    await expect.poll(() => clips.size, SOON).toBe(CLIP_IDS.length);
    // Chromium runs with --autoplay-policy=no-user-gesture-required: no "click to enable sound".
    await expect(page.getByText('Bấm để bật âm thanh').count()).resolves.toBe(0);

    const kiosk = await t.client('test-kiosk-1-token');
    await issue(kiosk, 'A', 1);
    await (await t.counter(1)).callNext();
    await expect.poll(() => latest(page).getAttribute('data-number'), SOON).toBe('A001');
    expect(warnings).toEqual([]);
    await context.close();
  });

  it('without the wall display browser flag, asks for one click to turn the sound on', async () => {
    const t = await suite.hub();
    // Chromium as an ordinary browser would start it: autoplay needs a user gesture.
    const plain = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    });
    try {
      const page = await plain.newPage({ viewport: { width: 1920, height: 1080 } });
      await page.goto(`${t.hub.url}/display?token=test-display-token`);
      const button = page.getByRole('button', { name: 'Bấm để bật âm thanh' });
      await button.waitFor();
      await screenshot(page, 'display', 'sound-blocked');
      await button.click();
      await button.waitFor({ state: 'hidden' });
    } finally {
      await plain.close();
    }
  });
});
