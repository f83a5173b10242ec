import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Where browser tests leave their screenshots (kept by CI as artifacts). */
export const ARTIFACTS = fileURLToPath(new URL('../../../artifacts/screenshots/', import.meta.url));

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Debian's Chromium, headless, with nothing reaching out to the internet. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      '--disable-quic',
      '--autoplay-policy=no-user-gesture-required',
    ],
  });
}

/** Save a full-page screenshot as artifacts/screenshots/<app>/<name>.png and return its path. */
export async function screenshot(page: Page, app: string, name: string): Promise<string> {
  const dir = `${ARTIFACTS}${app}`;
  mkdirSync(dir, { recursive: true });
  const path = `${dir}/${name}.png`;
  await page.screenshot({ path });
  return path;
}
