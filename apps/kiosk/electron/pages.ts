/**
 * The two local pages the shell shows itself: "reconnecting" while the hub cannot be reached, and "out of order"
 * after repeated renderer crashes. Static HTML in a data: URL, bilingual, no script; main does the retrying.
 */

export type LocalPage = 'offline' | 'error';

const TEXT: Record<LocalPage, { vi: [string, string]; en: [string, string] }> = {
  offline: {
    vi: ['Đang kết nối lại với máy chủ…', 'Vui lòng chờ trong giây lát hoặc liên hệ cán bộ hướng dẫn.'],
    en: ['Reconnecting to the server…', 'Please wait a moment or ask a member of staff.'],
  },
  error: {
    vi: ['Kiosk tạm ngừng hoạt động', 'Vui lòng liên hệ cán bộ hướng dẫn để được lấy số thứ tự.'],
    en: ['This kiosk is out of order', 'Please ask a member of staff for a queue number.'],
  },
};

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function localPageHtml(page: LocalPage, locale: 'vi' | 'en', detail?: string): string {
  const first = TEXT[page][locale];
  const second = TEXT[page][locale === 'vi' ? 'en' : 'vi'];
  const spinner = page === 'offline' ? '<div class="spin" aria-hidden="true"></div>' : '';
  return `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Lượt Kiosk</title>
<style>
html,body{height:100%;margin:0}body{display:flex;flex-direction:column;align-items:center;justify-content:center;
font-family:system-ui,'Noto Sans',sans-serif;background:#f4f6f8;color:#1b2733;text-align:center;cursor:none;user-select:none}
h1{font-size:5vmin;margin:0 6vmin 2vmin}p{font-size:3vmin;margin:0 6vmin 1vmin}.en{color:#5b6b7a}
small{position:fixed;bottom:2vmin;color:#8a97a3;font-size:1.6vmin}
.spin{width:8vmin;height:8vmin;border:1vmin solid #cfd8e0;border-top-color:#1b6ec2;border-radius:50%;
margin-bottom:5vmin;animation:s 1.2s linear infinite}@keyframes s{to{transform:rotate(360deg)}}
</style></head><body>${spinner}
<h1>${escapeHtml(first[0])}</h1><p>${escapeHtml(first[1])}</p>
<p class="en">${escapeHtml(second[0])} ${escapeHtml(second[1])}</p>
${detail ? `<small>${escapeHtml(detail)}</small>` : ''}
</body></html>`;
}

export function localPageUrl(page: LocalPage, locale: 'vi' | 'en', detail?: string): string {
  return `data:text/html;charset=utf-8,${encodeURIComponent(localPageHtml(page, locale, detail))}`;
}
