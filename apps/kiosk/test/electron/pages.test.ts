import { describe, expect, it } from 'vitest';
import { localPageHtml, localPageUrl } from '../../electron/pages';

describe('local pages', () => {
  it('are static bilingual HTML with no script', () => {
    for (const page of ['offline', 'error'] as const) {
      for (const locale of ['vi', 'en'] as const) {
        const html = localPageHtml(page, locale);
        expect(html).not.toMatch(/<script/i);
        expect(html).toContain("default-src 'none'");
        expect(html).toContain(`lang="${locale}"`);
      }
    }
    const offline = localPageHtml('offline', 'vi');
    expect(offline).toContain('Đang kết nối lại với máy chủ');
    expect(offline).toContain('Reconnecting to the server');
    expect(offline.indexOf('Đang kết nối')).toBeLessThan(offline.indexOf('Reconnecting'));
    expect(localPageHtml('error', 'en').indexOf('out of order')).toBeLessThan(
      localPageHtml('error', 'en').indexOf('tạm ngừng'),
    );
  });

  it('escapes the detail line', () => {
    const html = localPageHtml('offline', 'vi', '<img src=x onerror=alert(1)> ERR_CONNECTION_REFUSED -102');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; ERR_CONNECTION_REFUSED -102');
    expect(html).not.toContain('<img');
  });

  it('are served as UTF-8 data: URLs', () => {
    const url = localPageUrl('error', 'vi', 'crashed');
    expect(url.startsWith('data:text/html;charset=utf-8,')).toBe(true);
    expect(decodeURIComponent(url.slice(url.indexOf(',') + 1))).toBe(localPageHtml('error', 'vi', 'crashed'));
  });
});
