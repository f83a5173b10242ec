import { translator, type Dictionary, type Locale } from '@luot/ui';

/** Texts of the citizen's rating screen. Citizens are addressed as "ông/bà". */
const TEXT = {
  counterN: { vi: 'Quầy số {n}', en: 'Counter {n}' },
  idleTitle: { vi: 'Cán bộ tiếp nhận', en: 'Your officer' },
  idleHint: {
    vi: 'Sau khi được phục vụ, xin ông/bà vui lòng đánh giá mức độ hài lòng trên màn hình này.',
    en: 'After your visit, please rate our service on this screen.',
  },
  noOfficer: { vi: 'Quầy chưa có cán bộ làm việc', en: 'No officer at this counter yet' },
  question: {
    vi: 'Ông/bà có hài lòng với thái độ phục vụ và kết quả giải quyết công việc không?',
    en: 'Are you satisfied with the officer’s manner and the result of your visit?',
  },
  servedBy: {
    vi: 'Cán bộ tiếp nhận: {name} · Số thứ tự {number}',
    en: 'Your officer: {name} · Ticket {number}',
  },
  reasonsTitle: { vi: 'Xin ông/bà cho biết điều chưa hài lòng', en: 'What was not satisfactory?' },
  reasonsHint: { vi: 'Có thể chọn nhiều ý, rồi bấm “Gửi đánh giá”.', en: 'Choose any, then press “Send”.' },
  send: { vi: 'Gửi đánh giá', en: 'Send' },
  back: { vi: 'Quay lại', en: 'Back' },
  change: { vi: 'Đổi đánh giá', en: 'Change my rating' },
  thanks: { vi: 'Trân trọng cảm ơn ông/bà!', en: 'Thank you!' },
  thanksSub: {
    vi: 'Ý kiến của ông/bà giúp chúng tôi phục vụ ngày càng tốt hơn.',
    en: 'Your opinion helps us serve you better.',
  },
  notSetUp: {
    vi: 'Màn hình đánh giá chưa được cài đặt. Mở /rating?token=<mã thiết bị> một lần.',
    en: 'This rating screen is not set up. Open /rating?token=<device token> once.',
  },
  wrongRole: {
    vi: 'Mã thiết bị này không phải của màn hình đánh giá.',
    en: 'This token is not a rating screen’s.',
  },
  loading: { vi: 'Đang kết nối…', en: 'Connecting…' },
} satisfies Dictionary<string>;

export type RatingTextKey = keyof typeof TEXT;

export function ratingText(locale: Locale) {
  return translator(TEXT, locale);
}
