/**
 * Benchmark (a figure, not a test): how long from a counter's "call next" until the wall display shows the
 * number. A real hub, sixteen signed-in counters with tickets waiting, the built display in Chromium.
 *
 * Node takes `Date.now()` just before sending `counter.callNext`; in the page a MutationObserver records
 * `performance.timeOrigin + performance.now()` when the called number becomes the latest call. Both are the
 * same machine's wall clock. Needs the built display (`npm run build -w apps/display`).
 *
 *   npx tsx -e "import('./apps/display/test/bench/call-to-dom.ts').then(m=>m.benchCallToDom(10)).then(console.log)"
 */
import type { LuotClient } from '@luot/client';
import { launchBrowser } from '@luot/testing';
import { startTestHub } from '@luot/hub/testing';

declare global {
  interface Window {
    /** Ticket number → when it first became the latest call on screen (epoch ms). */
    __benchShown?: Record<string, number>;
  }
}

export async function benchCallToDom(n = 40): Promise<{ p50: number; p95: number; n: number }> {
  const t = await startTestHub();
  const browser = await launchBrowser();
  try {
    const kiosk = await t.client('test-kiosk-1-token');
    const config = (await kiosk.ready()).config;
    // Every counter calls ceil(n / counters) times from its first service.
    const rounds = Math.ceil(n / config.counters.length);
    for (const c of config.counters) {
      for (let i = 0; i < rounds; i++) await kiosk.issue({ service: c.services[0]! });
    }
    const counters: LuotClient[] = [];
    for (const c of config.counters) counters.push(await t.counter(c.number));

    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(`${t.hub.url}/display?token=test-display-token&audio=record`);
    await page.getByTestId('latest-call').waitFor();
    await page.evaluate(() => {
      const shown: Record<string, number> = {};
      window.__benchShown = shown;
      new MutationObserver(() => {
        const number = document.querySelector('[data-testid="latest-call"]')?.getAttribute('data-number');
        if (number && shown[number] === undefined) shown[number] = performance.timeOrigin + performance.now();
      }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    });

    const latencies: number[] = [];
    for (let i = 0; i < n; i++) {
      const counter = counters[i % counters.length]!;
      if (i >= counters.length) await counter.finish({ kind: 'received' });
      // The test hub's clock stands still unless moved; calls at the same time are ordered by issue order on
      // the display (see callBoard), so without this a later call could rank below an earlier one.
      t.clock.advance(1000);
      const sent = Date.now();
      const ack = await counter.callNext();
      const ticketId = (ack.result as { counter: { current: string } }).counter.current;
      const number = ticketId.split('-')[1]!;
      const handle = await page.waitForFunction((num) => window.__benchShown?.[num], number, {
        timeout: 10_000,
      });
      latencies.push(((await handle.jsonValue()) as number) - sent);
    }
    return { p50: percentile(latencies, 50), p95: percentile(latencies, 95), n: latencies.length };
  } finally {
    await browser.close();
    await t.close();
  }
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return Math.round(sorted[i]! * 10) / 10;
}
