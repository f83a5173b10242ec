import type { Browser, Page } from 'playwright-core';
import type { LuotClient } from '@luot/client';
import type { TestHub } from '@luot/hub/testing';

export const LANDSCAPE = { width: 1920, height: 1080 };
export const PORTRAIT = { width: 1080, height: 1920 };

/** Open the wall display in a fresh browser context, in record mode (see src/options.ts). */
export async function openDisplay(
  browser: Browser,
  t: TestHub,
  viewport = LANDSCAPE,
  query = 'audio=record',
): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'vi-VN' });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('[display]', e));
  await page.goto(`${t.hub.url}/display?token=test-display-token&${query}`);
  await page.getByTestId('latest-call').waitFor();
  return page;
}

/** What the display has asked its recording backend to play so far. */
export function played(page: Page): Promise<Played[]> {
  return page.evaluate(
    () =>
      (window as unknown as { __luotAnnouncements?: { played: Played[] } }).__luotAnnouncements?.played ?? [],
  );
}
export interface Played {
  clips: string[];
  text: string;
}

/** Issue `count` tickets of a service from the kiosk; returns their numbers. */
export async function issue(kiosk: LuotClient, service: string, count: number): Promise<string[]> {
  const numbers: string[] = [];
  for (let i = 0; i < count; i++) numbers.push((await kiosk.issue({ service })).result.ticket.number);
  return numbers;
}

/** The number a counter's acknowledgement says it now holds. */
export function heldNumber(ack: { result: unknown }): string {
  const counter = (ack.result as { counter?: { current?: string | null } }).counter;
  const id = counter?.current ?? '';
  return id.split('-')[1] ?? '';
}

export const RECEIVED = { kind: 'received' } as const;

/** What the latest-call panel and the history show: the same on every display of the office. */
export async function board(page: Page): Promise<{ latest: string; history: string[] }> {
  return page.evaluate(() => {
    const panel = document.querySelector('[data-testid="latest-call"]')!;
    const at = (e: Element) => `${e.getAttribute('data-number')}@${e.getAttribute('data-counter')}`;
    const latest = panel.hasAttribute('data-number')
      ? `${at(panel)}${panel.getAttribute('data-recall') === 'true' ? ' recall' : ''}`
      : '–';
    return { latest, history: Array.from(document.querySelectorAll('.history-row'), at) };
  });
}
