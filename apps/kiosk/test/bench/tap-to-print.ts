import { existsSync } from 'node:fs';
import { launchBrowser } from '@luot/testing';
import { startTestHub, testConfig } from '@luot/hub/testing';

/**
 * Tap → printed: from a tap on a service tile of the kiosk page (Chromium, against a real hub) to the
 * last byte of that ticket arriving at the hub's fake network printer. Covers the issue command
 * (durable commit), hub-side rendering and ESC/POS encoding, and the TCP write. A figure, not a test;
 * target p50 and p95 under 300 ms. Needs the built app (`npm run build -w apps/kiosk`).
 */
export async function benchTapToPrint(n = 30): Promise<{ p50: number; p95: number; n: number }> {
  if (!existsSync(new URL('../../dist/index.html', import.meta.url))) {
    throw new Error('apps/kiosk is not built: run `npm run build -w apps/kiosk` first');
  }
  // Always open, no "wait past closing": any n runs at any hour of the fake clock.
  const t = await startTestHub({
    config: testConfig({ alwaysOpen: true, printers: { 'kiosk-1': { kind: 'fake' } } }),
  });
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
    await page.goto(`${t.hub.url}/kiosk?token=test-kiosk-1-token&ticketSeconds=600&idleSeconds=600`);
    const printer = t.hub.printers.fakes.get('kiosk-1')!;
    // Essential services with their own counters, in turn, so no queue grows long.
    const services = ['C', 'E', 'L', 'S', 'R', 'H'];
    const warmUp = 3;
    const samples: number[] = [];
    for (let i = 0; i < n + warmUp; i++) {
      const tile = page.locator(`.k-tile[data-service="${services[i % services.length]}"]:enabled`);
      await tile.waitFor();
      const box = (await tile.boundingBox())!;
      const job = printer.waitForJob(10_000);
      const tappedAt = Date.now();
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      const { receivedAt } = await job;
      if (i >= warmUp) samples.push(receivedAt - tappedAt);
      await page.getByRole('button', { name: /^Xong/ }).click();
    }
    samples.sort((a, b) => a - b);
    const rank = (q: number) => samples[Math.min(samples.length - 1, Math.ceil(q * samples.length) - 1)]!;
    return { p50: rank(0.5), p95: rank(0.95), n };
  } finally {
    await browser.close();
    await t.close();
  }
}
