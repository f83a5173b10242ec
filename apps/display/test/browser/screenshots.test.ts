import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, screenshot } from '@luot/testing';
import { FakeClock, MONDAY_9AM, startTestHub, type TestHub } from '@luot/hub/testing';
import { LANDSCAPE, openDisplay, PORTRAIT } from './helpers.js';
import { busyHall, fullHall, quietHall } from './scenarios.js';

/** Screens to look at (artifacts/screenshots/display/*.png), each at 1920×1080 and 1080×1920. */
describe('display screenshots', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  const shots: Array<[string, (t: TestHub) => Promise<void>, FakeClock]> = [
    ['busy', busyHall, new FakeClock(MONDAY_9AM + 95 * 60_000)],
    ['full', fullHall, new FakeClock(MONDAY_9AM + 150 * 60_000)],
    ['quiet', quietHall, new FakeClock(MONDAY_9AM - 55 * 60_000)],
  ];
  for (const [name, build, clock] of shots) {
    it(`${name} hall`, async () => {
      const t = await startTestHub({ clock });
      try {
        await build(t);
        for (const [suffix, viewport] of [
          ['landscape', LANDSCAPE],
          ['portrait', PORTRAIT],
        ] as const) {
          const page = await openDisplay(browser, t, viewport);
          await page.evaluate(() => document.fonts.ready);
          await screenshot(page, 'display', `${name}-${suffix}`);
          await page.context().close();
        }
        if (name === 'full') {
          // The second locale: the longest texts, checked for fit.
          const page = await openDisplay(browser, t, LANDSCAPE, 'audio=record&lang=en');
          await page.evaluate(() => document.fonts.ready);
          await screenshot(page, 'display', `${name}-landscape-en`);
          await page.context().close();
        }
      } finally {
        await t.close();
      }
    });
  }
});
