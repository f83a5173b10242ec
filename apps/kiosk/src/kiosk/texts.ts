import type { Text } from '@luot/core';
import type { WaitRange } from '@luot/core';
import type { Dictionary, Locale } from '@luot/ui';
import type { ClosedReason } from './availability';

/** Every text of the kiosk screen, Vietnamese first. `{name}` marks a parameter. */
export const KIOSK_TEXTS = {
  switchLanguage: { vi: 'English', en: 'Tiếng Việt' },
  homeTitle: { vi: 'Chọn lĩnh vực cần giải quyết', en: 'Choose the service you need' },
  homeHint: { vi: 'Chạm vào một ô để lấy số thứ tự', en: 'Touch a tile to take a number' },
  waiting: { vi: '{n} người chờ', en: '{n} waiting' },
  nobodyWaiting: { vi: 'Chưa có ai chờ', en: 'Nobody waiting' },
  ahead: { vi: '{n} người chờ trước', en: '{n} ahead of you' },
  nobodyAhead: { vi: 'Không có ai chờ trước', en: 'Nobody ahead of you' },
  waitAbout: { vi: 'Khoảng {time}', en: 'About {time}' },
  remaining: { vi: 'Còn {n} số hôm nay', en: '{n} numbers left today' },
  priorityEntry: { vi: 'Tôi thuộc diện ưu tiên', en: 'I am entitled to priority' },
  priorityTitle: { vi: 'Chọn diện ưu tiên của ông/bà', en: 'Choose your priority category' },
  priorityHint: {
    vi: 'Số ưu tiên được mời trước tại quầy. Sau khi chọn diện, mời chọn lĩnh vực cần giải quyết.',
    en: 'Priority numbers are called first. After choosing, pick the service you need.',
  },
  priorityChosen: { vi: 'Ưu tiên: {name}', en: 'Priority: {name}' },
  priorityPickService: { vi: 'Mời chọn lĩnh vực cần giải quyết', en: 'Now choose the service you need' },
  cancelPriority: { vi: 'Hủy ưu tiên', en: 'Cancel priority' },
  back: { vi: 'Quay lại', en: 'Back' },
  bookedEntry: { vi: 'Tôi đã đặt lịch', en: 'I have a booking' },
  bookedEntryHint: {
    vi: 'Quét mã QR hoặc nhập mã đặt lịch để nhận số',
    en: 'Scan the QR code or type the booking code to get your number',
  },
  checkInTitle: { vi: 'Xác nhận lịch hẹn đã đặt', en: 'Check in your booking' },
  checkInHint: {
    vi: 'Đưa mã QR trên điện thoại hoặc phiếu vào máy quét, hoặc nhập mã đặt lịch gồm 8 ký tự.',
    en: 'Hold the QR code on your phone or slip to the scanner, or type the 8-character booking code.',
  },
  checkInCodeLabel: { vi: 'Mã đặt lịch', en: 'Booking code' },
  checkInSubmit: { vi: 'Xác nhận', en: 'Check in' },
  keyDelete: { vi: 'Xóa', en: 'Delete' },
  keyClear: { vi: 'Xóa hết', en: 'Clear' },
  checkingIn: { vi: 'Đang xác nhận lịch hẹn…', en: 'Checking in your booking…' },
  earlyTitle: { vi: 'Chưa đến giờ xác nhận lịch hẹn', en: 'Too early to check in' },
  earlyBody: {
    vi: 'Quý vị đến sớm, vui lòng quay lại lúc {time}.',
    en: 'You are early; please come back at {time}.',
  },
  lateTitle: { vi: 'Lịch hẹn đã hết hiệu lực', en: 'The booking has lapsed' },
  takeOrdinary: { vi: 'Lấy số thường', en: 'Take an ordinary number' },
  takeOrdinaryHint: {
    vi: 'Số thường được gọi theo thứ tự như mọi công dân lấy số tại ki-ốt.',
    en: 'An ordinary number is called in turn like any number taken at the kiosk.',
  },
  checkInRefusedTitle: { vi: 'Chưa xác nhận được lịch hẹn', en: 'The booking could not be checked in' },
  retypeCode: { vi: 'Nhập lại mã', en: 'Type the code again' },
  bookedAt: { vi: 'Đặt lịch {time}', en: 'Booked for {time}' },
  issuing: { vi: 'Đang cấp số…', en: 'Issuing your number…' },
  confirmingTitle: { vi: 'Đang xác nhận số thứ tự…', en: 'Confirming your number…' },
  confirmingBody: {
    vi: 'Kết nối tới máy chủ bị gián đoạn trong lúc cấp số. Kiosk đang hỏi lại máy chủ để hiển thị đúng số của ông/bà. Vui lòng chờ, không lấy số mới.',
    en: 'The connection to the server was interrupted while issuing. The kiosk is checking with the server to show your number. Please wait and do not take another number.',
  },
  ticketLabel: { vi: 'Số thứ tự của ông/bà', en: 'Your number' },
  priorityTag: { vi: 'Ưu tiên', en: 'Priority' },
  counters: { vi: 'Quầy phục vụ', en: 'Served at' },
  counterOne: { vi: 'Quầy {list}', en: 'Counter {list}' },
  counterMany: { vi: 'Quầy {list}', en: 'Counters {list}' },
  peopleAhead: { vi: 'Số người chờ trước', en: 'People ahead' },
  estimatedWait: { vi: 'Thời gian chờ dự kiến', en: 'Estimated wait' },
  noEstimate: { vi: 'Chưa ước tính được', en: 'Not known yet' },
  waitRange: { vi: '{from}–{to} phút', en: '{from}–{to} min' },
  waitUnder: { vi: 'Dưới {to} phút', en: 'Under {to} min' },
  unstaffedExpected: {
    vi: 'Chưa có cán bộ tiếp nhận lĩnh vực này, dự kiến mở lúc {time}',
    en: 'No officer is taking this service yet; expected from {time}',
  },
  unstaffedNone: { vi: 'Hiện chưa có quầy tiếp nhận', en: 'No counter is taking it now' },
  qrCaption: { vi: 'Quét mã để theo dõi lượt trên điện thoại', en: 'Scan to follow your turn on your phone' },
  printed: { vi: 'Mời ông/bà nhận phiếu in.', en: 'Please take your printed ticket.' },
  printFailed: { vi: 'Không in được phiếu: {reason}.', en: 'The ticket could not be printed: {reason}.' },
  // The fault came after the whole ticket was sent: never "not printed", it may be in the tray.
  printMaybeFault: { vi: 'Máy in báo lỗi: {reason}.', en: 'The printer reported a fault: {reason}.' },
  printMaybe: {
    vi: 'Phiếu có thể đã được in. Vui lòng kiểm tra khay giấy trước khi in lại.',
    en: 'The ticket may have been printed. Please check the paper tray before printing again.',
  },
  keepYourNumber: {
    vi: 'Số thứ tự vẫn có hiệu lực: vui lòng chụp ảnh hoặc ghi lại số trên màn hình, hoặc quét mã QR.',
    en: 'Your number is still valid: please take a photo of the screen, note the number, or scan the QR code.',
  },
  printUnknown: {
    vi: 'Nếu không nhận được phiếu in, vui lòng ghi lại số trên màn hình hoặc quét mã QR.',
    en: 'If no ticket was printed, please note the number on the screen or scan the QR code.',
  },
  outsideTitle: { vi: 'Vui lòng chờ bên ngoài sảnh', en: 'Please wait outside the hall' },
  outsideBody: {
    vi: 'Sảnh chờ đã đủ người. Ông/bà sẽ được mời vào sảnh trên màn hình và trên điện thoại.',
    en: 'The waiting hall is full. You will be called in on the screen and on your phone.',
  },
  outsidePlace: { vi: 'Thứ tự vào sảnh', en: 'Place in the entry line' },
  done: { vi: 'Xong', en: 'Done' },
  backIn: { vi: 'Tự quay lại sau {n} giây', en: 'Back to start in {n} s' },
  refusedTitle: { vi: 'Chưa cấp được số', en: 'No number was issued' },
  unconfirmedTitle: { vi: 'Chưa xác nhận được số thứ tự', en: 'Your number could not be confirmed' },
  offlineTitle: { vi: 'Hệ thống tạm gián đoạn', en: 'The system is temporarily unavailable' },
  offlineBody: {
    vi: 'Kiosk đang kết nối lại với máy chủ và tạm ngừng cấp số. Vui lòng chờ trong giây lát hoặc liên hệ cán bộ hướng dẫn.',
    en: 'The kiosk is reconnecting to the server and is not issuing numbers. Please wait a moment or ask a member of staff.',
  },
  connecting: { vi: 'Đang kết nối…', en: 'Connecting…' },
  reconnecting: { vi: 'Đang kết nối lại…', en: 'Reconnecting…' },
  unauthorizedTitle: { vi: 'Kiosk chưa được cấp quyền', en: 'This kiosk is not authorised' },
  unauthorizedBody: {
    vi: 'Vui lòng liên hệ cán bộ hướng dẫn. Quản trị viên: kiểm tra mã thiết bị của kiosk.',
    en: 'Please ask a member of staff. Administrator: check the kiosk’s device token.',
  },
  setupTitle: { vi: 'Kiosk chưa được cài đặt', en: 'This kiosk is not set up' },
  setupBody: {
    vi: 'Quản trị viên: mở địa chỉ /kiosk?token=<mã thiết bị kiosk> một lần trên máy này.',
    en: 'Administrator: open /kiosk?token=<kiosk device token> once on this machine.',
  },
  pausedTitle: { vi: 'Kiosk tạm ngừng cấp số', en: 'This kiosk has stopped issuing numbers' },
  pausedBody: {
    vi: 'Máy in đang gặp sự cố. Vui lòng liên hệ cán bộ hướng dẫn để được lấy số.',
    en: 'The printer has a problem. Please ask a member of staff for a number.',
  },
  resume: { vi: 'Cán bộ: máy in đã sẵn sàng, tiếp tục cấp số', en: 'Staff: printer fixed, resume issuing' },
  hallFull: {
    vi: 'Sảnh chờ đã đủ người: số mới sẽ chờ bên ngoài đến lượt vào sảnh.',
    en: 'The hall is full: new numbers wait outside until called in.',
  },
  touchToStart: { vi: 'Chạm để lấy số thứ tự', en: 'Touch to take a number' },
  // The distancing level, and where to file online what it closes at the office. "Tra cứu" first:
  // not every procedure can be filed online, and the kiosk must not promise that it can.
  levelNow: { vi: 'Cấp độ phòng dịch: {level}', en: 'Distancing level: {level}' },
  closedByLevel: {
    vi: 'Tạm dừng tiếp nhận tại quầy:',
    en: 'Not taken at the counters for now:',
  },
  fileOnline: {
    vi: 'Tra cứu, nộp hồ sơ trực tuyến: {portal}',
    en: 'Check and file online: {portal}',
  },
  fileOnlineClosed: {
    vi: 'Lĩnh vực tạm dừng tiếp nhận tại quầy: tra cứu, nộp hồ sơ trực tuyến tại {portal}',
    en: 'Services not taken at the counters: check and file online at {portal}',
  },
} satisfies Dictionary<string>;

export type KioskTextKey = keyof typeof KIOSK_TEXTS;

/** Short reason on a disabled tile. */
export function tileReason(r: ClosedReason): Text {
  switch (r.kind) {
    case 'offline':
      return { vi: 'Tạm gián đoạn', en: 'Temporarily unavailable' };
    case 'printer_paused':
      return { vi: 'Tạm ngừng cấp số', en: 'Not issuing now' };
    case 'day_closed':
      return { vi: 'Đã kết thúc ngày làm việc', en: 'The working day is over' };
    case 'outside_session':
      return r.opensAt
        ? { vi: `Cấp số từ ${r.opensAt}`, en: `Numbers from ${r.opensAt}` }
        : { vi: 'Ngoài giờ làm việc', en: 'Outside working hours' };
    case 'restricted':
      return {
        vi: `Tạm dừng tiếp nhận (cấp độ ${r.level})`,
        en: `Not accepting new numbers (level ${r.level})`,
      };
    case 'no_counter':
      return { vi: 'Hiện chưa có quầy tiếp nhận', en: 'No counter open for it now' };
    case 'counter_lost':
      return {
        vi: 'Quầy tiếp nhận đang tạm nghỉ, chưa cấp số mới',
        en: 'Its counter has stopped for now; no new numbers',
      };
    case 'daily_cap':
      return { vi: 'Đã hết số hôm nay', en: 'No numbers left today' };
    case 'wait_past_closing':
      return { vi: 'Không kịp giải quyết trong ngày', en: 'Cannot be handled before closing' };
  }
}

/** The banner for a reason that closes the whole kiosk. */
export function noticeText(r: ClosedReason): Text {
  const comeBack = {
    vi: 'Xin mời ông/bà quay lại vào ngày làm việc tiếp theo.',
    en: 'Please come back on the next working day.',
  };
  switch (r.kind) {
    case 'day_closed':
      return {
        vi: 'Đã kết thúc ngày làm việc, kiosk không cấp thêm số.',
        en: 'The working day is over; no more numbers.',
      };
    case 'outside_session':
      switch (r.reason) {
        case 'before_hours':
          return r.opensAt
            ? {
                vi: `Chưa đến giờ làm việc. Kiosk bắt đầu cấp số lúc ${r.opensAt}.`,
                en: `Not open yet. Numbers from ${r.opensAt}.`,
              }
            : { vi: 'Chưa đến giờ làm việc.', en: 'Not open yet.' };
        case 'break':
          return r.opensAt
            ? {
                vi: `Đang nghỉ giữa buổi. Kiosk cấp số trở lại lúc ${r.opensAt}.`,
                en: `Break time. Numbers again from ${r.opensAt}.`,
              }
            : { vi: 'Đang nghỉ giữa buổi.', en: 'Break time.' };
        case 'after_hours':
          return {
            vi: `Đã hết giờ làm việc hôm nay. ${comeBack.vi}`,
            en: `Closed for today. ${comeBack.en}`,
          };
        case 'not_a_working_day':
          return {
            vi: `Hôm nay không phải ngày làm việc. ${comeBack.vi}`,
            en: `Today is not a working day. ${comeBack.en}`,
          };
        case 'holiday':
          return {
            vi: `Hôm nay là ngày nghỉ lễ. ${comeBack.vi}`,
            en: `Today is a public holiday. ${comeBack.en}`,
          };
      }
      break;
    case 'printer_paused':
      return KIOSK_TEXTS.pausedBody;
    case 'offline':
      return KIOSK_TEXTS.offlineBody;
    default:
      return tileReason(r);
  }
  return tileReason(r);
}

/** "Khoảng 15–20 phút", "Dưới 5 phút", or a plain phrase when there is no estimate. */
export function waitText(range: WaitRange | null, locale: Locale): string {
  if (range === null) return KIOSK_TEXTS.noEstimate[locale];
  if (range[0] === 0) return fill(KIOSK_TEXTS.waitUnder[locale], range);
  return KIOSK_TEXTS.waitAbout[locale].replace('{time}', fill(KIOSK_TEXTS.waitRange[locale], range));
}

/** The same, compact for a tile beside a clock icon: "15–20 phút". */
export function shortWait(range: WaitRange | null, locale: Locale): string {
  if (range === null) return '—';
  return fill(KIOSK_TEXTS[range[0] === 0 ? 'waitUnder' : 'waitRange'][locale], range);
}

/** The sentence on a tile that issues although nobody calls for the service now. */
export function unstaffedText(u: { expectedAt: string | null }, locale: Locale): string {
  return u.expectedAt
    ? KIOSK_TEXTS.unstaffedExpected[locale].replace('{time}', u.expectedAt)
    : KIOSK_TEXTS.unstaffedNone[locale];
}

function fill(template: string, [from, to]: WaitRange): string {
  return template.replace('{from}', String(from)).replace('{to}', String(to));
}

/** A portal's address as a citizen types it: "dichvucong.gov.vn", without "https://" or a final "/". */
export function portalAddress(url: string): string {
  return url.replace(/^https?:\/\//, '').replace(/\/$/, '');
}
