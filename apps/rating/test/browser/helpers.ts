import type { Browser, Page } from 'playwright-core';
import type { TestHub } from '@luot/hub/testing';

export const RATING_VIEWPORT = { width: 1280, height: 800 };

/** The rating tablet of counter `n` in its own browser context, opened with its device token. */
export async function openRating(browser: Browser, t: TestHub, n: number, query = ''): Promise<Page> {
  const context = await browser.newContext({ viewport: RATING_VIEWPORT, locale: 'vi-VN' });
  const page = await context.newPage();
  await page.goto(`${t.hub.url}/rating?token=test-rating-${n}-token${query}`);
  await page.getByTestId('rating-officer').waitFor();
  return page;
}
