import type { TicketLocale } from './types.js';

export interface TicketTexts {
  numberLabel: string;
  priorityBand: string;
  issuedAt: string;
  peopleAhead: string;
  estimatedWait: string;
  counters: (count: number) => string;
  outsideTitle: string;
  outsideBody: string;
  outsidePlace: string;
  qrCaption: string;
  duration: (minutes: number) => string;
  /** The kiosk's range, in the same words: "khoảng 15–20 phút", "dưới 5 phút". */
  waitRange: (range: [number, number]) => string;
}

function duration(minutes: number, locale: TicketLocale): string {
  const m = Math.max(0, Math.round(minutes));
  if (m < 1) return locale === 'vi' ? 'dưới 1 phút' : 'under 1 min';
  if (m < 60) return locale === 'vi' ? `~${m} phút` : `~${m} min`;
  const h = Math.floor(m / 60);
  const rest = m % 60;
  if (locale === 'vi') return rest === 0 ? `~${h} giờ` : `~${h} giờ ${rest} phút`;
  return rest === 0 ? `~${h} h` : `~${h} h ${rest} min`;
}

/**
 * Texts printed on a ticket. Labels end with a colon; the value follows in bold. The Vietnamese ticket
 * addresses the citizen as "ông/bà", as an office does in writing ("bạn" is too familiar for a public office).
 */
export const TICKET_TEXTS: Record<TicketLocale, TicketTexts> = {
  vi: {
    numberLabel: 'SỐ THỨ TỰ CỦA ÔNG/BÀ',
    priorityBand: 'ƯU TIÊN',
    issuedAt: 'Thời gian lấy số:',
    peopleAhead: 'Số người chờ trước:',
    estimatedWait: 'Thời gian chờ dự kiến:',
    counters: () => 'Quầy phục vụ:',
    outsideTitle: 'Sảnh chờ đã đủ người',
    outsideBody: 'Vui lòng chờ bên ngoài, theo dõi màn hình.',
    outsidePlace: 'Thứ tự vào sảnh:',
    qrCaption: 'Quét mã để theo dõi lượt của ông/bà',
    duration: (m) => duration(m, 'vi'),
    waitRange: ([from, to]) => (from === 0 ? `dưới ${to} phút` : `khoảng ${from}–${to} phút`),
  },
  en: {
    numberLabel: 'YOUR NUMBER',
    priorityBand: 'PRIORITY',
    issuedAt: 'Issued:',
    peopleAhead: 'People ahead of you:',
    estimatedWait: 'Estimated wait:',
    counters: (n) => (n === 1 ? 'Counter:' : 'Counters:'),
    outsideTitle: 'The waiting hall is full',
    outsideBody: 'Please wait outside and watch the screen.',
    outsidePlace: 'Your place in the entry line:',
    qrCaption: 'Scan the code to follow your turn',
    duration: (m) => duration(m, 'en'),
    waitRange: ([from, to]) => (from === 0 ? `under ${to} min` : `about ${from}–${to} min`),
  },
};

const formatters = new Map<string, Intl.DateTimeFormat>();

/** dd/MM/yyyy HH:mm in the given time zone (default Asia/Ho_Chi_Minh), independent of the host's locale data. */
export function formatIssuedAt(epochMs: number, timeZone = 'Asia/Ho_Chi_Minh'): string {
  let fmt = formatters.get(timeZone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, fmt);
  }
  const parts: Record<string, string> = {};
  for (const p of fmt.formatToParts(new Date(epochMs))) parts[p.type] = p.value;
  return `${parts.day}/${parts.month}/${parts.year} ${parts.hour}:${parts.minute}`;
}
