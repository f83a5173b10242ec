import { afterAll, afterEach, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser.js';

/**
 * What every browser test file sets up: one Chromium for the file, and hubs started per test. After
 * each test its pages and hubs are closed, so a failing test leaves nothing behind for the next.
 * Call at the top of a test file (it registers Vitest hooks) with how to start a hub
 * (`startTestHub` from `@luot/hub/testing`): this package stays below the hub.
 */
export function browserSuite<O, H extends { close(): Promise<void> }>(
  startHub: (opts?: O) => Promise<H>,
): {
  readonly browser: Browser;
  hub(opts?: O): Promise<H>;
} {
  let browser: Browser | undefined;
  const hubs: H[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());
  afterEach(async () => {
    for (const c of browser?.contexts() ?? []) await c.close();
    for (const t of hubs.splice(0)) await t.close();
  });
  return {
    get browser() {
      if (!browser) throw new Error('the browser starts in beforeAll: use it inside a test');
      return browser;
    },
    async hub(opts) {
      const t = await startHub(opts);
      hubs.push(t);
      return t;
    },
  };
}
