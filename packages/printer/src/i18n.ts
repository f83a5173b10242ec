import type { LocalizedMessage, PrinterFault, TicketLocale } from './types.js';

/** What a citizen or an officer reads when a ticket could not be printed. */
export const FAULT_MESSAGES: Record<PrinterFault, LocalizedMessage> = {
  offline: { vi: 'Máy in đang ngoại tuyến', en: 'Printer is offline' },
  cover_open: { vi: 'Nắp máy in đang mở', en: 'Printer cover is open' },
  paper_end: { vi: 'Máy in hết giấy', en: 'Printer is out of paper' },
  cutter_error: { vi: 'Dao cắt giấy của máy in bị lỗi', en: 'Printer cutter error' },
  unrecoverable: {
    vi: 'Máy in gặp lỗi không tự khắc phục được, cần kiểm tra',
    en: 'Printer has an unrecoverable error',
  },
  timeout: { vi: 'Máy in không phản hồi', en: 'Printer is not responding' },
  refused: { vi: 'Không kết nối được máy in', en: 'Cannot connect to the printer' },
  write_failed: { vi: 'Gửi dữ liệu đến máy in thất bại', en: 'Failed to send the ticket to the printer' },
};

export function faultMessage(fault: PrinterFault): LocalizedMessage {
  return FAULT_MESSAGES[fault];
}

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

/** Texts printed on a ticket. Labels end with a colon; the value follows in bold. */
export const TICKET_TEXTS: Record<TicketLocale, TicketTexts> = {
  vi: {
    numberLabel: 'SỐ THỨ TỰ CỦA BẠN',
    priorityBand: 'ƯU TIÊN',
    issuedAt: 'Thời gian lấy số:',
    peopleAhead: 'Số người chờ trước:',
    estimatedWait: 'Thời gian chờ dự kiến:',
    counters: () => 'Quầy phục vụ:',
    outsideTitle: 'Sảnh chờ đã đủ người',
    outsideBody: 'Vui lòng chờ bên ngoài, theo dõi màn hình.',
    outsidePlace: 'Thứ tự vào sảnh:',
    qrCaption: 'Quét mã để theo dõi lượt của bạn',
    duration: (m) => duration(m, 'vi'),
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
