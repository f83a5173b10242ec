import { translator, type Dictionary, type Locale } from '@luot/ui';

/** Every text of the officer's terminal, Vietnamese first. */
export const TEXT = {
  appName: { vi: 'Máy quầy', en: 'Counter terminal' },
  counterN: { vi: 'Quầy số {n}', en: 'Counter {n}' },
  counterLabel: { vi: 'Quầy số', en: 'Counter' },
  loading: { vi: 'Đang tải dữ liệu từ máy chủ…', en: 'Loading from the hub…' },
  // Device set-up
  setupTitle: { vi: 'Cài đặt máy quầy', en: 'Set up this counter PC' },
  setupIntro: {
    vi: 'Làm một lần cho mỗi máy tính tại quầy. Mã thiết bị do quản trị hệ thống cấp.',
    en: 'Done once per counter PC. The administrator gives you the device token.',
  },
  hubUrl: { vi: 'Địa chỉ máy chủ', en: 'Hub address' },
  hubUrlHint: {
    vi: 'Để trống nếu dùng máy chủ đang mở trang này',
    en: 'Leave empty to use the hub serving this page',
  },
  counterNumber: { vi: 'Số quầy', en: 'Counter number' },
  deviceToken: { vi: 'Mã thiết bị', en: 'Device token' },
  save: { vi: 'Lưu và kết nối', en: 'Save and connect' },
  setupDevice: { vi: 'Cài đặt thiết bị', en: 'Device set-up' },
  wrongRole: {
    vi: 'Mã thiết bị này không phải của máy quầy. Hãy nhập mã của máy quầy.',
    en: 'This token is not a counter terminal’s. Enter a counter token.',
  },
  counterMismatch: {
    vi: 'Mã thiết bị thuộc quầy số {actual}, không phải quầy số {expected} đã khai báo.',
    en: 'The token belongs to counter {actual}, not counter {expected} as set up.',
  },
  // Sign-in
  signInTitle: { vi: 'Đăng nhập cán bộ', en: 'Officer sign-in' },
  officerId: { vi: 'Mã cán bộ', en: 'Officer id' },
  pin: { vi: 'Mã PIN', en: 'PIN' },
  signIn: { vi: 'Đăng nhập', en: 'Sign in' },
  clear: { vi: 'Xóa', en: 'Clear' },
  backspace: { vi: 'Xóa lùi', en: 'Backspace' },
  counterClosedNote: {
    vi: 'Quầy đã đóng. Đăng nhập để mở lại quầy.',
    en: 'The counter is closed. Sign in to open it again.',
  },
  keypadHint: {
    vi: 'Dùng bàn phím số trên màn hình hoặc bàn phím máy tính. Enter để đăng nhập.',
    en: 'Use the on-screen keypad or the keyboard. Enter signs in.',
  },
  // Header
  signOut: { vi: 'Đăng xuất', en: 'Sign out' },
  closeCounter: { vi: 'Đóng quầy', en: 'Close counter' },
  shortcutsButton: { vi: 'Phím tắt', en: 'Shortcuts' },
  statusOpen: { vi: 'Đang làm việc', en: 'Open' },
  statusPaused: { vi: 'Tạm dừng', en: 'Paused' },
  statusClosed: { vi: 'Đã đóng', en: 'Closed' },
  statusOffline: { vi: 'Chưa mở', en: 'Not open' },
  statusDisconnected: { vi: 'Mất kết nối', en: 'Disconnected' },
  // A counter closed over its officer's head, as the banner says it: the header's badge, the transfer chips.
  closedBySupervisorShort: { vi: 'Lãnh đạo cho tạm đóng', en: 'Closed by supervisor' },
  closedAtLevelShort: { vi: 'Tạm đóng (cấp độ {level})', en: 'Closed (level {level})' },
  // The distancing level the office works at now (its rules close counters and services).
  levelBadge: { vi: 'Cấp độ {level}', en: 'Level {level}' },
  levelBadgeTitle: { vi: 'Cấp độ phòng dịch hiện tại', en: 'Current distancing level' },
  // Current ticket
  noTicket: { vi: 'Chưa có công dân tại quầy', en: 'No citizen at the counter' },
  noTicketHint: { vi: 'Nhấn {keys} để gọi số tiếp theo.', en: 'Press {keys} to call the next ticket.' },
  // Called, the citizen is on the way: nothing says they are here until "Bắt đầu tiếp nhận".
  ticketCalled: { vi: 'Đang mời', en: 'Calling' },
  ticketRecalled: { vi: 'Mời lần {n}', en: 'Call {n}' },
  ticketServing: { vi: 'Đang tiếp nhận', en: 'Being served' },
  sinceCalled: { vi: 'Từ lúc gọi', en: 'Since called' },
  sinceServing: { vi: 'Thời gian phục vụ', en: 'Serving for' },
  callCount: { vi: 'Số lần mời tại quầy', en: 'Calls at this counter' },
  issuedAt: { vi: 'Lấy số lúc', en: 'Issued at' },
  priority: { vi: 'Ưu tiên', en: 'Priority' },
  // Bookings (online numbers)
  bookedAt: { vi: 'Đặt lịch {time}', en: 'Booked {time}' },
  bookingsTitle: { vi: 'Lịch hẹn hôm nay', en: 'Today’s bookings' },
  bookingsEmpty: { vi: 'Không có lịch hẹn nào hôm nay.', en: 'No bookings today.' },
  bookingBooked: { vi: 'Đã đặt', en: 'Booked' },
  bookingCheckedIn: { vi: 'Đã xác nhận', en: 'Checked in' },
  bookingLate: { vi: 'Đến muộn', en: 'Late' },
  bookingNoShow: { vi: 'Không đến', en: 'No-show' },
  bookingServed: { vi: 'Đã phục vụ', en: 'Served' },
  bookingLapsed: { vi: 'Hết hiệu lực', en: 'Lapsed' },
  bookingCancelled: { vi: 'Đã hủy', en: 'Cancelled' },
  checkInByCode: { vi: 'Xác nhận lịch hẹn bằng mã', en: 'Check in by booking code' },
  checkInCode: { vi: 'Mã đặt lịch (8 ký tự)', en: 'Booking code (8 characters)' },
  checkInButton: { vi: 'Xác nhận', en: 'Check in' },
  checkInFrom: { vi: 'Có thể xác nhận từ {time}.', en: 'Check-in opens at {time}.' },
  checkedInAs: { vi: 'Đã xác nhận {code}: số {number}', en: 'Checked in {code}: number {number}' },
  transferred: { vi: 'Được chuyển đến', en: 'Transferred here' },
  // Actions
  callNext: { vi: 'Gọi số tiếp theo', en: 'Call next' },
  recall: { vi: 'Gọi lại', en: 'Call again' },
  startServing: { vi: 'Bắt đầu tiếp nhận', en: 'Start serving' },
  finish: { vi: 'Hoàn thành', en: 'Finish' },
  noShow: { vi: 'Vắng mặt, bỏ qua', en: 'No-show, skip' },
  noShowTitle: { vi: 'Bỏ qua số {number}?', en: 'Skip {number}?' },
  noShowBody: {
    vi: 'Công dân không có mặt sau khi gọi. Nhấn lại phím − hoặc F4 để xác nhận; Enter hoặc Esc để quay lại.',
    en: 'The citizen did not come when called. Press − or F4 again to confirm; Enter or Esc to go back.',
  },
  back: { vi: 'Quay lại', en: 'Back' },
  skippedToast: { vi: 'Đã bỏ qua số {number}.', en: '{number} skipped.' },
  undo: { vi: 'Hoàn tác', en: 'Undo' },
  skippedTitle: { vi: 'Đã bỏ qua', en: 'Skipped' },
  skippedAgo: { vi: '{time} trước', en: '{time} ago' },
  justNow: { vi: 'vừa xong', en: 'just now' },
  reactivate: { vi: 'Xếp lại hàng', en: 'Back in line' },
  ratingReceived: { vi: 'Số {number}: đã nhận đánh giá.', en: '{number}: rating received.' },
  // The short message after each action (the hub has done it).
  toastCalled: { vi: 'Đã mời số {number}.', en: '{number} called.' },
  toastRecalled: { vi: 'Đã mời lại số {number}.', en: '{number} called again.' },
  toastFinished: { vi: 'Đã hoàn thành số {number}.', en: '{number} finished.' },
  toastToService: {
    vi: 'Đã chuyển số {number} sang lĩnh vực {service}.',
    en: '{number} transferred to {service}.',
  },
  toastToCounter: {
    vi: 'Đã chuyển số {number} đến quầy số {counter}.',
    en: '{number} sent to counter {counter}.',
  },
  transfer: { vi: 'Chuyển', en: 'Transfer' },
  pause: { vi: 'Tạm dừng', en: 'Pause' },
  resume: { vi: 'Tiếp tục làm việc', en: 'Resume' },
  callTicket: { vi: 'Gọi số cụ thể', en: 'Call a ticket' },
  help: { vi: 'Trợ giúp phím tắt', en: 'Shortcut help' },
  call: { vi: 'Gọi', en: 'Call' },
  // Why call next is off
  blockOffline: {
    vi: 'Mất kết nối máy chủ — đang kết nối lại… Chưa thể thao tác.',
    en: 'Lost connection to the hub — reconnecting… Actions are off.',
  },
  blockSupervisor: {
    vi: 'Quầy đã được lãnh đạo cho tạm đóng. Không gọi số mới.',
    en: 'The supervisor has closed this counter. No new calls.',
  },
  // The supervisor's reason, in their own words (the console requires one when closing).
  blockSupervisorReason: {
    vi: 'Quầy đã được lãnh đạo cho tạm đóng ({reason}). Không gọi số mới.',
    en: 'The supervisor has closed this counter ({reason}). No new calls.',
  },
  blockLevel: {
    vi: 'Quầy tạm đóng theo cấp độ phòng dịch hiện tại (cấp độ {level}). Không gọi số mới.',
    en: 'This counter is closed at the current distancing level (level {level}). No new calls.',
  },
  blockPaused: { vi: 'Quầy đang tạm dừng: {reason}.', en: 'The counter is paused: {reason}.' },
  blockCalling: {
    vi: 'Đang mời số {number}: khi công dân đến, nhấn “Bắt đầu tiếp nhận”; nếu không thấy, gọi lại hoặc bỏ qua.',
    en: 'Calling {number}: when the citizen arrives, press “Start serving”; if nobody comes, call again or skip.',
  },
  blockServing: {
    vi: 'Công dân đang ở quầy: hoàn thành hoặc chuyển trước khi gọi số mới.',
    en: 'The citizen is at the counter: finish or transfer before calling the next.',
  },
  blockEmpty: { vi: 'Không còn ai chờ quầy này.', en: 'Nobody is waiting for this counter.' },
  blockNotOpen: { vi: 'Quầy chưa mở.', en: 'The counter is not open.' },
  dismiss: { vi: 'Đóng thông báo', en: 'Dismiss' },
  // Side panel
  queueTitle: { vi: 'Hàng chờ của quầy', en: 'This counter’s queue' },
  waitingInside: { vi: 'trong sảnh', en: 'in the hall' },
  waitingOutside: { vi: 'ngoài sảnh', en: 'outside' },
  otherPriority: { vi: 'Ưu tiên các lĩnh vực khác', en: 'Priority, other services' },
  nextTitle: { vi: 'Số tiếp theo', en: 'Next tickets' },
  nextEmpty: { vi: 'Chưa có ai chờ.', en: 'Nobody waiting.' },
  waitedFor: { vi: 'đã chờ {time}', en: 'waited {time}' },
  forThisCounter: { vi: 'Chuyển đến quầy này', en: 'Sent to this counter' },
  todayTitle: { vi: 'Kết quả hôm nay của bạn', en: 'Your day so far' },
  served: { vi: 'Đã phục vụ', en: 'Served' },
  averageTime: { vi: 'Thời gian TB', en: 'Average time' },
  citizens: { vi: 'lượt', en: 'visits' },
  underAMinute: { vi: 'Dưới 1 phút', en: 'Under 1 min' },
  // Finish dialog
  finishTitle: { vi: 'Hoàn thành số {number} — kết quả giải quyết', en: 'Finish {number} — outcome' },
  outcome: { vi: 'Kết quả giải quyết', en: 'Outcome' },
  finishIntro: {
    vi: 'Chọn kết quả (phím 1–5), Enter để xác nhận.',
    en: 'Choose the outcome (keys 1–5), Enter to confirm.',
  },
  dossierCode: { vi: 'Mã hồ sơ (tùy chọn)', en: 'Dossier code (optional)' },
  returnDate: { vi: 'Ngày hẹn trả kết quả', en: 'Promised return date' },
  noDate: { vi: 'Không hẹn', en: 'None' },
  workingDays: { vi: '{n} ngày làm việc', en: '{n} working days' },
  otherDate: { vi: 'Ngày khác', en: 'Other date' },
  reasonsGuided: { vi: 'Nội dung hướng dẫn (tùy chọn)', en: 'Guidance given (optional)' },
  reasonsRefused: { vi: 'Lý do từ chối (bắt buộc)', en: 'Reason for refusal (required)' },
  missingKind: { vi: 'Hãy chọn kết quả.', en: 'Choose an outcome.' },
  missingReason: { vi: 'Hãy chọn ít nhất một lý do.', en: 'Choose at least one reason.' },
  confirm: { vi: 'Xác nhận', en: 'Confirm' },
  cancel: { vi: 'Hủy', en: 'Cancel' },
  // Transfer dialog
  transferTitle: { vi: 'Chuyển công dân', en: 'Transfer the citizen' },
  transferIntro: {
    vi: 'Gõ chữ cái của lĩnh vực, hoặc chọn quầy. Enter để chuyển.',
    en: 'Type the service letter, or choose a counter. Enter transfers.',
  },
  toService: { vi: 'Sang lĩnh vực', en: 'To a service' },
  toCounter: { vi: 'Hoặc sang quầy', en: 'Or to a counter' },
  note: { vi: 'Ghi chú cho quầy nhận', en: 'Note for the next counter' },
  notePlaceholder: { vi: 'Ghi chú ngắn (tùy chọn)', en: 'Short note (optional)' },
  missingTarget: { vi: 'Hãy chọn lĩnh vực hoặc quầy nhận.', en: 'Choose a service or a counter.' },
  noOpenCounter: { vi: 'Không có quầy mở', en: 'No open counter' },
  // Pause dialog
  pauseTitle: { vi: 'Tạm dừng quầy', en: 'Pause the counter' },
  pauseIntro: {
    vi: 'Chọn lý do (phím 1–5), Enter để xác nhận.',
    en: 'Choose a reason (keys 1–5), Enter to confirm.',
  },
  // Call-ticket dialog
  callTicketTitle: { vi: 'Gọi một số trong hàng chờ', en: 'Call a ticket from the queue' },
  callTicketIntro: { vi: 'Nhấn phím số 1–9 để gọi.', en: 'Press 1–9 to call.' },
  pickGone: { vi: 'Không còn chờ', en: 'No longer waiting' },
  // Close counter
  closeTitle: { vi: 'Đóng quầy', en: 'Close the counter' },
  closeBody: {
    vi: 'Quầy sẽ đóng và cán bộ đăng xuất. Các số đang chờ vẫn được quầy khác gọi.',
    en: 'The counter closes and you are signed out. Waiting tickets stay for the other counters.',
  },
  closeLeavesIntro: {
    vi: 'Quầy sẽ đóng và cán bộ đăng xuất. Sau khi đóng, không còn quầy nào tiếp nhận:',
    en: 'The counter closes and you are signed out. Then no counter will take:',
  },
  closeLeavesItem: { vi: '{name}: {n} người đang chờ', en: '{name}: {n} waiting' },
  closeLeavesNote: {
    vi: 'Những người đang chờ sẽ không được gọi cho đến khi có quầy tiếp nhận lại.',
    en: 'Those waiting will not be called until a counter takes the service again.',
  },
  closeAnyway: {
    vi: 'Vẫn đóng quầy, để {n} người chờ không có quầy gọi',
    en: 'Close anyway, leaving {n} waiting with no counter',
  },
  closeAnywayEmpty: { vi: 'Vẫn đóng quầy', en: 'Close anyway' },
  // Sign out (the counter becomes "Chưa mở" until an officer signs in)
  signOutTitle: { vi: 'Đăng xuất?', en: 'Sign out?' },
  signOutBody: {
    vi: 'Quầy số {n} sẽ chuyển sang “Chưa mở” cho đến khi có cán bộ đăng nhập. Các số đang chờ vẫn được quầy khác gọi.',
    en: 'Counter {n} becomes “Not open” until an officer signs in. Waiting tickets stay for the other counters.',
  },
  signOutLeavesIntro: {
    vi: 'Quầy số {n} sẽ chuyển sang “Chưa mở” cho đến khi có cán bộ đăng nhập. Trong thời gian đó, không còn quầy nào tiếp nhận:',
    en: 'Counter {n} becomes “Not open” until an officer signs in. Meanwhile no counter will take:',
  },
  signOutAnyway: {
    vi: 'Vẫn đăng xuất, để {n} người chờ không có quầy gọi',
    en: 'Sign out anyway, leaving {n} waiting with no counter',
  },
  // Help
  helpTitle: { vi: 'Phím tắt', en: 'Keyboard shortcuts' },
  helpEnter: {
    vi: 'Enter: bắt đầu tiếp nhận (khi đang mời), mở hộp hoàn thành (khi đang tiếp nhận).',
    en: 'Enter: start serving (when called), open the finish dialog (when serving).',
  },
  helpDialogs: {
    vi: 'Trong hộp thoại: phím số để chọn, Enter để xác nhận, Esc để đóng.',
    en: 'In dialogs: digits choose, Enter confirms, Esc closes.',
  },
  close: { vi: 'Đóng', en: 'Close' },
  language: { vi: 'Ngôn ngữ', en: 'Language' },
  stillHeld: {
    vi: 'Số đang xử lý được máy chủ giữ nguyên; thao tác lại khi có kết nối.',
    en: 'The hub keeps the ticket in hand; act again once connected.',
  },
} satisfies Dictionary<string>;

export type TextKey = keyof typeof TEXT;
export type T = (key: TextKey, params?: Record<string, string | number>) => string;

export function counterText(locale: Locale): T {
  return translator(TEXT, locale);
}
