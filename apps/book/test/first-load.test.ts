import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

// Issue #14: the booking page loads on a slow phone — its first load (the HTML and every script and
// stylesheet it names) under 150 KB compressed. The QR code's library is loaded on the
// confirmation only, and the page uses the phone's own fonts, so neither counts here.

const DIST = new URL('../dist/', import.meta.url);
const BUDGET = 150 * 1024;

describe('the booking page’s first load', () => {
  it('is under 150 KB gzip: HTML, scripts and stylesheets it references', () => {
    if (!existsSync(new URL('index.html', DIST)))
      throw new Error('apps/book is not built: run `npm run build -w apps/book`');
    const html = readFileSync(new URL('index.html', DIST), 'utf8');
    const assets = [...html.matchAll(/(?:src|href)="\/book\/(assets\/[^"]+\.(?:js|css))"/g)].map(
      (m) => m[1]!,
    );
    expect(assets.some((a) => a.endsWith('.js'))).toBe(true);
    const sizes = [html, ...assets.map((a) => readFileSync(new URL(a, DIST)))].map(
      (b) => gzipSync(b, { level: 9 }).length,
    );
    const total = sizes.reduce((a, b) => a + b, 0);
    expect(total).toBeLessThan(BUDGET);
    // No web font is fetched on the first load (the phone's own fonts show at once: no layout shift).
    for (const css of assets.filter((a) => a.endsWith('.css')))
      expect(readFileSync(new URL(css, DIST), 'utf8')).not.toMatch(/\.woff2?/);
  });
});
