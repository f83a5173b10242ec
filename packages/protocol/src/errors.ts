import type { QueueErrorCode, Text } from '@luot/core';

export type HubErrorCode =
  | 'INVALID_PAYLOAD'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'WRONG_PIN'
  | 'TOO_MANY_ATTEMPTS'
  | 'TOO_MANY_SNAPSHOTS'
  | 'NOT_SIGNED_IN'
  | 'NOT_SUPERVISOR'
  | 'SUPERVISOR_SIGNED_OUT'
  | 'REASON_REQUIRED'
  | 'REQUEST_ID_REUSED'
  | 'STORAGE_FAILED'
  | 'OFFLINE'
  | 'TIMEOUT'
  | 'UNKNOWN_BOOKING'
  | 'BOOKING_CANCELLED'
  | 'INTERNAL';

export type ErrorCode = QueueErrorCode | HubErrorCode;

/** What people read when something is refused. Short, plain, and the same on every screen. */
export const ERROR_MESSAGES: Record<ErrorCode, Text> = {
  DAY_CLOSED: {
    vi: 'Đã kết thúc ngày làm việc, không cấp thêm số.',
    en: 'The working day is closed; no more tickets.',
  },
  OUTSIDE_SESSION: {
    vi: 'Ngoài giờ làm việc, chưa cấp số.',
    en: 'Outside working hours; tickets are not issued now.',
  },
  UNKNOWN_SERVICE: { vi: 'Lĩnh vực không tồn tại.', en: 'Unknown service.' },
  UNKNOWN_PRIORITY: { vi: 'Diện ưu tiên không hợp lệ.', en: 'Unknown priority category.' },
  SERVICE_RESTRICTED: {
    vi: 'Lĩnh vực này tạm dừng tiếp nhận theo cấp độ phòng dịch hiện tại.',
    en: 'This service is paused at the current distancing level.',
  },
  NO_OPEN_COUNTER: {
    vi: 'Hiện không có quầy nào tiếp nhận lĩnh vực này.',
    en: 'No counter serves this service now.',
  },
  COUNTER_LOST: {
    vi: 'Quầy tiếp nhận lĩnh vực này đang tạm nghỉ; chưa cấp số mới cho đến khi có quầy mở lại.',
    en: 'The counter for this service has stopped for now; no new numbers until one opens again.',
  },
  DAILY_CAP_REACHED: {
    vi: 'Đã hết số trong ngày cho lĩnh vực này.',
    en: 'Today’s tickets for this service have run out.',
  },
  WAIT_PAST_CLOSING: {
    vi: 'Thời gian chờ dự kiến vượt quá giờ làm việc hôm nay; xin mời quay lại ngày làm việc tiếp theo.',
    en: 'The expected wait runs past today’s closing time; please come back on the next working day.',
  },
  PARTY_TOO_LARGE: {
    vi: 'Số người đi cùng vượt sức chứa sảnh chờ.',
    en: 'Too many companions for the hall’s capacity.',
  },
  UNKNOWN_COUNTER: { vi: 'Quầy không tồn tại.', en: 'Unknown counter.' },
  COUNTER_NOT_OPEN: { vi: 'Quầy chưa mở hoặc đang tạm dừng.', en: 'The counter is not open or is paused.' },
  COUNTER_CLOSED_AT_LEVEL: {
    vi: 'Quầy tạm đóng theo cấp độ phòng dịch hiện tại.',
    en: 'This counter is closed at the current distancing level.',
  },
  COUNTER_CLOSED_BY_SUPERVISOR: {
    vi: 'Quầy đã được lãnh đạo cho tạm đóng.',
    en: 'The supervisor has closed this counter.',
  },
  COUNTER_BUSY: {
    vi: 'Quầy đang phục vụ một công dân; hãy hoàn thành, bỏ qua hoặc chuyển trước.',
    en: 'A citizen is at the counter; finish, skip or transfer first.',
  },
  NO_TICKET_IN_HAND: { vi: 'Quầy chưa gọi số nào.', en: 'The counter has no ticket in hand.' },
  QUEUE_EMPTY: { vi: 'Không còn ai chờ.', en: 'Nobody is waiting.' },
  UNKNOWN_TICKET: { vi: 'Không tìm thấy số thứ tự.', en: 'Ticket not found.' },
  TICKET_NOT_WAITING: { vi: 'Số này không còn trong hàng chờ.', en: 'This ticket is no longer waiting.' },
  TICKET_OUTSIDE: {
    vi: 'Số này còn đang chờ bên ngoài sảnh.',
    en: 'This ticket is still waiting outside the hall.',
  },
  TICKET_NOT_FOR_COUNTER: {
    vi: 'Số này không thuộc lĩnh vực của quầy.',
    en: 'This ticket is not for this counter.',
  },
  TICKET_NOT_CALLED: { vi: 'Số này không ở trạng thái đang gọi.', en: 'This ticket is not being called.' },
  TICKET_FINAL: { vi: 'Số này đã kết thúc.', en: 'This ticket is already closed.' },
  TICKET_NOT_NO_SHOW: {
    vi: 'Số này không ở trạng thái vắng mặt.',
    en: 'This ticket is not marked as a no-show.',
  },
  REACTIVATE_TOO_LATE: {
    vi: 'Đã quá thời gian cho phép gọi lại số vắng mặt.',
    en: 'Too late to bring this no-show back into the line.',
  },
  INVALID_TRANSFER: { vi: 'Chuyển không hợp lệ.', en: 'Invalid transfer.' },
  INVALID_SERVICES: {
    vi: 'Quầy phải tiếp nhận ít nhất một lĩnh vực.',
    en: 'A counter must serve at least one service.',
  },
  OFFICER_ELSEWHERE: {
    vi: 'Cán bộ đang đăng nhập ở quầy khác.',
    en: 'This officer is signed in at another counter.',
  },
  NOT_RATABLE: { vi: 'Chưa thể đánh giá lượt này.', en: 'This visit cannot be rated.' },
  ALREADY_RATED: { vi: 'Lượt này đã được đánh giá.', en: 'This visit has already been rated.' },
  INVALID_SCORE: { vi: 'Mức đánh giá không hợp lệ.', en: 'Invalid rating.' },
  NO_SLOT: {
    vi: 'Không có khung giờ đặt lịch này cho lĩnh vực đã chọn.',
    en: 'There is no such booking slot for this service.',
  },
  OUTSIDE_HORIZON: {
    vi: 'Ngày này chưa mở đặt lịch hoặc đã qua.',
    en: 'Bookings for this day are not open yet, or the day has passed.',
  },
  BOOKING_CLOSED: {
    vi: 'Khung giờ này đã hết hạn đặt lịch; vui lòng chọn khung giờ khác.',
    en: 'Booking for this slot has closed; please choose another slot.',
  },
  BLOCKED_FOR_CANCELLATIONS: {
    vi: 'Bạn đã hủy lịch quá số lần cho phép trong tuần nên tạm thời chưa đặt lịch được.',
    en: 'You cancelled too many bookings this week, so you cannot book for a while.',
  },
  DAILY_LIMIT: {
    vi: 'Bạn đã đặt đủ số lịch cho phép trong ngày này.',
    en: 'You already have as many bookings as allowed on this day.',
  },
  SERVICE_DAY_LIMIT: {
    vi: 'Bạn đã có lịch hẹn cho lĩnh vực này trong ngày.',
    en: 'You already have a booking for this service on this day.',
  },
  SLOT_FULL: {
    vi: 'Khung giờ này đã hết chỗ; vui lòng chọn khung giờ khác.',
    en: 'This slot is full; please choose another slot.',
  },
  CHECK_IN_EARLY: {
    vi: 'Chưa đến giờ xác nhận lịch hẹn; vui lòng quay lại sau.',
    en: 'Too early to check in for this booking; please come back later.',
  },
  CHECK_IN_LATE: {
    vi: 'Đã quá giờ xác nhận nên lịch hẹn không còn hiệu lực; bạn có thể lấy số thường.',
    en: 'Too late to check in, so the booking has lapsed; you can take an ordinary number.',
  },
  ALREADY_CHECKED_IN: {
    vi: 'Lịch hẹn này đã được xác nhận và cấp số.',
    en: 'This booking has already been checked in and given a number.',
  },
  INVALID_PAYLOAD: { vi: 'Yêu cầu không hợp lệ.', en: 'Invalid request.' },
  UNAUTHORIZED: { vi: 'Thiết bị chưa được cấp quyền.', en: 'This device is not authorised.' },
  FORBIDDEN: { vi: 'Thiết bị không được phép thực hiện thao tác này.', en: 'This device may not do that.' },
  // Also the answer to an unknown officer code, so that a guesser cannot tell which codes exist.
  WRONG_PIN: { vi: 'Sai mã cán bộ hoặc mã PIN.', en: 'Wrong officer code or PIN.' },
  TOO_MANY_ATTEMPTS: {
    vi: 'Nhập sai quá nhiều lần; thử lại sau ít phút.',
    en: 'Too many attempts; try again in a few minutes.',
  },
  // A device asked for the whole day again too soon (docs/hub.md, "Snapshots"); LuotClient waits
  // `details.retryAfterMs` and asks again by itself, so a person only sees this in a log.
  TOO_MANY_SNAPSHOTS: {
    vi: 'Thiết bị yêu cầu dữ liệu quá thường xuyên; sẽ tự thử lại sau giây lát.',
    en: 'This device asks for the whole day too often; it will retry in a moment.',
  },
  NOT_SIGNED_IN: { vi: 'Cán bộ chưa đăng nhập tại quầy.', en: 'No officer is signed in at this counter.' },
  // The PIN was right (a wrong one is WRONG_PIN): this officer simply has no supervisor role.
  NOT_SUPERVISOR: {
    vi: 'Cán bộ này không có quyền lãnh đạo, giám sát.',
    en: 'This officer is not a supervisor.',
  },
  // Never signed in on this device, signed out, or signed out after being idle (`details.expired`).
  SUPERVISOR_SIGNED_OUT: {
    vi: 'Phiên làm việc đã kết thúc; vui lòng đăng nhập lại bằng mã cán bộ và mã PIN.',
    en: 'Your session has ended; please sign in again with your officer code and PIN.',
  },
  REASON_REQUIRED: { vi: 'Thao tác này cần ghi rõ lý do.', en: 'This action needs a reason.' },
  REQUEST_ID_REUSED: {
    vi: 'Mã yêu cầu đã dùng cho một thao tác khác.',
    en: 'This request id was already used for a different command.',
  },
  STORAGE_FAILED: {
    vi: 'Lỗi lưu dữ liệu; thao tác chưa được ghi nhận.',
    en: 'Storage failed; nothing was recorded.',
  },
  OFFLINE: {
    vi: 'Mất kết nối tới máy chủ; thao tác chưa được thực hiện.',
    en: 'Not connected to the hub; nothing was done.',
  },
  TIMEOUT: {
    vi: 'Máy chủ không phản hồi kịp; vui lòng thử lại.',
    en: 'The hub did not answer in time; please retry.',
  },
  // Check-in (booking.checkIn): no booking has this code (mistyped, or never made).
  UNKNOWN_BOOKING: {
    vi: 'Không tìm thấy lịch hẹn với mã này; vui lòng kiểm tra lại mã.',
    en: 'No booking has this code; please check it.',
  },
  BOOKING_CANCELLED: {
    vi: 'Lịch hẹn này đã bị hủy; bạn có thể lấy số thường.',
    en: 'This booking was cancelled; you can take an ordinary number.',
  },
  INTERNAL: { vi: 'Lỗi hệ thống.', en: 'Internal error.' },
};

export interface ProtocolError {
  code: ErrorCode;
  message: Text;
  details?: Record<string, unknown>;
}

export function protocolError(code: ErrorCode, details?: Record<string, unknown>): ProtocolError {
  return { code, message: ERROR_MESSAGES[code], ...(details ? { details } : {}) };
}
