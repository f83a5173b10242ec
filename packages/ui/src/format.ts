/** Times and dates the way Vietnamese offices write them: 14:05, 30/11/2026, in the office's zone. */
export function formatTime(epochMs: number, timeZone = 'Asia/Ho_Chi_Minh', seconds = false): string {
  return new Intl.DateTimeFormat('vi-VN', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    ...(seconds ? { second: '2-digit' } : {}),
    hourCycle: 'h23',
  }).format(epochMs);
}

export function formatDate(
  epochMs: number,
  timeZone = 'Asia/Ho_Chi_Minh',
  locale: 'vi' | 'en' = 'vi',
): string {
  return new Intl.DateTimeFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', {
    timeZone,
    weekday: 'long',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(epochMs);
}

/** "3 phút" / "1 giờ 05 phút" */
export function formatMinutes(minutes: number, locale: 'vi' | 'en' = 'vi'): string {
  const m = Math.max(0, Math.round(minutes));
  const h = Math.floor(m / 60);
  const r = m % 60;
  if (locale === 'vi') return h > 0 ? `${h} giờ ${String(r).padStart(2, '0')} phút` : `${r} phút`;
  return h > 0 ? `${h} h ${String(r).padStart(2, '0')} min` : `${r} min`;
}

/** "mm:ss", or "h:mm:ss" past an hour. */
export function formatElapsed(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const pad = (x: number) => String(x).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s % 60)}` : `${pad(m)}:${pad(s % 60)}`;
}
