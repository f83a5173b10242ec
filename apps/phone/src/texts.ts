import type { Dictionary } from '@luot/ui';

/** Texts of the ticket's phone page, Vietnamese first. */
export const PHONE_TEXTS = {
  switchLanguage: { vi: 'English', en: 'Tiếng Việt' },
  numberLabel: { vi: 'Số thứ tự của ông/bà', en: 'Your number' },
  priority: { vi: 'Ưu tiên', en: 'Priority' },
  loading: { vi: 'Đang tải thông tin số thứ tự…', en: 'Loading your ticket…' },
  notFoundTitle: { vi: 'Không tìm thấy số thứ tự', en: 'Ticket not found' },
  notFoundBody: {
    vi: 'Mã QR không đúng hoặc số đã hết hiệu lực. Vui lòng liên hệ cán bộ hướng dẫn.',
    en: 'The QR code is wrong or the ticket has expired. Please ask a member of staff.',
  },
  outsideTitle: { vi: 'Vui lòng chờ bên ngoài sảnh', en: 'Please wait outside the hall' },
  outsideBody: {
    vi: 'Sảnh chờ đã đủ người. Trang này sẽ báo khi ông/bà được mời vào sảnh.',
    en: 'The hall is full. This page will tell you when you may come in.',
  },
  admittedTitle: { vi: 'Mời vào sảnh chờ', en: 'Please come into the waiting hall' },
  admittedBody: {
    vi: 'Mời ông/bà vào sảnh và theo dõi số thứ tự trên màn hình.',
    en: 'Please come in and watch for your number on the screen.',
  },
  waitingTitle: { vi: 'Đang chờ đến lượt', en: 'Waiting for your turn' },
  waitingBody: {
    vi: 'Trang này sẽ báo khi quầy mời ông/bà.',
    en: 'This page will tell you when a counter calls you.',
  },
  transferredTitle: { vi: 'Đã được chuyển tiếp', en: 'You have been transferred' },
  transferredBody: {
    vi: 'Thứ tự của ông/bà vẫn tính từ lúc lấy số. Mời tiếp tục chờ trong sảnh; trang này sẽ báo khi quầy mời.',
    en: 'Your place still counts from when you took your number. Please keep waiting in the hall; this page will tell you when a counter calls you.',
  },
  transferredToCounter: { vi: 'Quầy số {n} sẽ mời ông/bà.', en: 'Counter {n} will call you.' },
  calledTitle: { vi: 'Mời đến quầy số', en: 'Please go to counter' },
  calledBody: { vi: 'Mời ông/bà đến ngay quầy số {n}.', en: 'Please go to counter {n} now.' },
  recalled: { vi: 'Mời lần {n}', en: 'Call {n}' },
  servingTitle: { vi: 'Đang được phục vụ', en: 'Being served' },
  servingBody: { vi: 'Tại quầy số {n}.', en: 'At counter {n}.' },
  doneTitle: { vi: 'Đã hoàn thành', en: 'Completed' },
  doneBody: { vi: 'Cảm ơn ông/bà đã sử dụng dịch vụ.', en: 'Thank you for your visit.' },
  noShowTitle: { vi: 'Đã qua lượt', en: 'Turn missed' },
  noShowBody: {
    vi: 'Ông/bà không có mặt khi được mời. Vui lòng liên hệ cán bộ hướng dẫn.',
    en: 'You were not there when called. Please ask a member of staff.',
  },
  // The counter that skipped the ticket can put it back into the line (queue-rules.md, Reactivation).
  noShowAtCounter: {
    vi: 'Ông/bà đã bị bỏ qua — vui lòng đến quầy số {n} để được gọi lại.',
    en: 'Your turn was skipped — please go to counter {n} to be called again.',
  },
  cancelledTitle: { vi: 'Số đã bị hủy', en: 'Ticket cancelled' },
  cancelledBody: {
    vi: 'Vui lòng liên hệ cán bộ hướng dẫn nếu cần hỗ trợ.',
    en: 'Please ask a member of staff if you need help.',
  },
  entryPlace: { vi: 'Thứ tự vào sảnh', en: 'Place in the entry line' },
  ahead: { vi: 'Số người chờ trước', en: 'People ahead' },
  estimatedWait: { vi: 'Thời gian chờ dự kiến', en: 'Estimated wait' },
  counterLostTitle: { vi: 'Quầy tiếp nhận đang tạm nghỉ', en: 'No counter is taking this service for now' },
  counterLostBody: {
    vi: 'Hiện chưa có quầy tiếp nhận lĩnh vực này. Xin ông/bà giữ số thứ tự: ông/bà sẽ được mời khi quầy mở lại.',
    en: 'No counter is taking this service right now. Please keep your number: you will be called when a counter opens again.',
  },
  noEstimate: { vi: 'Chưa ước tính được', en: 'Not known yet' },
  waitUnder: { vi: 'Dưới {to} phút', en: 'Under {to} min' },
  waitRange: { vi: 'Khoảng {from}–{to} phút', en: 'About {from}–{to} min' },
  live: { vi: 'Tự cập nhật', en: 'Updates by itself' },
  offline: { vi: 'Mất kết nối — đang kết nối lại…', en: 'Connection lost — reconnecting…' },
  issuedAt: { vi: 'Lấy số lúc {time}', en: 'Taken at {time}' },
  booked: { vi: 'Đặt lịch {time}', en: 'Booked {time}' },
  // The booking's page before check-in (/t/<token> of a booking, docs/bookings.md).
  bookingLabel: { vi: 'Lịch hẹn của ông/bà', en: 'Your booking' },
  bookingCode: { vi: 'Mã đặt lịch', en: 'Booking code' },
  bookingSlot: { vi: 'Giờ hẹn', en: 'Time' },
  bookingWindow: { vi: 'Xác nhận tại ki-ốt', en: 'Check in at the kiosk' },
  bookingWindowRange: { vi: 'từ {from} đến {to}', en: 'from {from} to {to}' },
  bookingEarlyTitle: { vi: 'Chưa đến giờ xác nhận', en: 'Not time to check in yet' },
  bookingEarlyBody: {
    vi: 'Mời ông/bà đến Bộ phận Một cửa và xác nhận tại ki-ốt (chọn “Tôi đã đặt lịch”) từ {from} đến {to}. Trang này sẽ hiện số thứ tự sau khi xác nhận.',
    en: 'Please come to the office and check in at the kiosk (“I have a booking”) from {from} to {to}. This page will show your number once you have checked in.',
  },
  bookingOpenTitle: { vi: 'Mời xác nhận tại ki-ốt', en: 'Please check in at the kiosk' },
  bookingOpenBody: {
    vi: 'Chọn “Tôi đã đặt lịch” trên ki-ốt và quét mã QR hoặc nhập mã đặt lịch, trước {to}. Trang này sẽ hiện số thứ tự sau khi xác nhận.',
    en: 'Choose “I have a booking” on the kiosk and scan the QR code or type the booking code, before {to}. This page will show your number once you have checked in.',
  },
  bookingCancelledTitle: { vi: 'Lịch hẹn đã bị hủy', en: 'Booking cancelled' },
  bookingCancelledBody: {
    vi: 'Ông/bà có thể đặt lịch khác hoặc lấy số tại ki-ốt.',
    en: 'You may book another time or take a number at the kiosk.',
  },
  bookingLapsedTitle: { vi: 'Lịch hẹn đã hết hiệu lực', en: 'Booking lapsed' },
  bookingLapsedBody: {
    vi: 'Ông/bà đến sau giờ xác nhận. Ông/bà vẫn có thể lấy số thường tại ki-ốt.',
    en: 'You came after the check-in time. You can still take an ordinary number at the kiosk.',
  },
  bookingNoShowTitle: { vi: 'Đã qua giờ hẹn', en: 'The booking time has passed' },
  bookingNoShowBody: {
    vi: 'Ông/bà chưa xác nhận trong giờ hẹn nên lịch hẹn không còn giá trị. Ông/bà có thể đặt lịch khác.',
    en: 'You did not check in during the booking time, so the booking no longer holds. You may book another time.',
  },
  bookAgain: { vi: 'Đặt lịch khác', en: 'Book another time' },
} satisfies Dictionary<string>;
