import { existsSync } from 'node:fs';
import type { LuotClient } from '@luot/client';
import type { FakePrinter } from '@luot/printer';
import { screenshot } from '@luot/testing';
import { startTestHub, testConfig, type TestHub } from '@luot/hub/testing';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';

export const PORTRAIT = { width: 1080, height: 1920 };
export const LANDSCAPE = { width: 1920, height: 1080 };

/** The hub serves the built app; without a build every page is a placeholder and each test would time out. */
export function assertBuilt(): void {
  if (!existsSync(new URL('../../dist/index.html', import.meta.url))) {
    throw new Error('apps/kiosk is not built: run `npm run build -w apps/kiosk` first');
  }
}

/** A real hub with a fake network printer for kiosk-1, and the kiosk page open in Chromium. */
export interface KioskFixture {
  t: TestHub;
  context: BrowserContext;
  page: Page;
  /** Sees the hub's day as any screen does. */
  display: LuotClient;
  /** The printer the hub prints kiosk-1's tickets on (a new one after a hub restart). */
  printer(): FakePrinter;
  close(): Promise<void>;
}

export async function openKiosk(browser: Browser, query = ''): Promise<KioskFixture> {
  const t = await startTestHub({ config: testConfig({ printers: { 'kiosk-1': { kind: 'fake' } } }) });
  const context = await browser.newContext({ viewport: PORTRAIT });
  const page = await context.newPage();
  await page.goto(`${t.hub.url}/kiosk?token=test-kiosk-1-token${query}`);
  await tile(page, 'Tư pháp – Hộ tịch').and(page.locator(':enabled')).waitFor();
  const display = await t.client('test-display-token');
  return {
    t,
    context,
    page,
    display,
    printer: () => t.hub.printers.fakes.get('kiosk-1')!,
    async close() {
      await context.close();
      await t.close();
    },
  };
}

/** A service tile, by the start of its name (icons and the prefix badge are hidden from the name). */
export function tile(page: Page, name: string): Locator {
  return page.getByRole('button', { name: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) });
}

/** Screenshots of the current screen at 1080×1920 and 1920×1080, as <name>-portrait/-landscape. */
export async function shootBoth(page: Page, name: string): Promise<void> {
  for (const [size, suffix] of [
    [PORTRAIT, 'portrait'],
    [LANDSCAPE, 'landscape'],
  ] as const) {
    await page.setViewportSize(size);
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    await screenshot(page, 'kiosk', `${name}-${suffix}`);
  }
  await page.setViewportSize(PORTRAIT);
}
