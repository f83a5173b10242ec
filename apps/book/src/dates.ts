import type { Locale } from '@luot/ui/i18n';

const labels = new Map<string, Intl.DateTimeFormat>();

function format(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}/${JSON.stringify(options)}`;
  let f = labels.get(key);
  if (!f) labels.set(key, (f = new Intl.DateTimeFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', options)));
  return f;
}

/** "2026-12-08" → "Thứ Ba, 08/12" (a calendar day: read in UTC so no zone shifts it). */
export function dayLabel(day: string, locale: Locale): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const date = Date.UTC(y, m - 1, d);
  const weekday = format(locale, { weekday: 'long', timeZone: 'UTC' }).format(date);
  const dm = `${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}`;
  return `${weekday.charAt(0).toLocaleUpperCase(locale)}${weekday.slice(1)}, ${dm}`;
}

/** "08/12/2026" */
export function fullDate(day: string): string {
  const [y, m, d] = day.split('-');
  return `${d}/${m}/${y}`;
}

/** HH:mm of an instant in the office's zone. */
export function clock(epochMs: number, timeZone: string): string {
  return format('vi', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(epochMs);
}
