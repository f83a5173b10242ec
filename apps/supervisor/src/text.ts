import { createContext, useContext } from 'react';
import type { Text } from '@luot/core';
import type { Locale } from '@luot/ui';

/**
 * The console's words: each a { vi, en } pair written where it is used, Vietnamese the reference
 * (the screen starts in it; "English" in the header switches). `{name}` is replaced from params.
 */
export type Say = (text: Text, params?: Record<string, string | number>) => string;

export function sayer(locale: Locale): Say {
  return (text, params = {}) =>
    text[locale].normalize('NFC').replace(/\{(\w+)\}/g, (_, p: string) => String(params[p] ?? `{${p}}`));
}

export const LocaleContext = createContext<{ locale: Locale; say: Say }>({ locale: 'vi', say: sayer('vi') });
export const useSay = () => useContext(LocaleContext);

/** What each audited command is, in words an office head reads (the audit log's "action" column). */
export const ACTION_NAMES: Record<string, Text> = {
  'supervisor.signIn': { vi: 'Đăng nhập bảng điều hành', en: 'Signed in to the console' },
  'supervisor.signOut': { vi: 'Đăng xuất', en: 'Signed out' },
  'supervisor.idleSignOut': { vi: 'Tự đăng xuất do không thao tác', en: 'Signed out after idling' },
  'supervisor.setLevel': { vi: 'Đổi cấp độ giãn cách', en: 'Changed the distancing level' },
  'supervisor.setCounterClosed': { vi: 'Đóng/mở quầy', en: 'Closed/opened a counter' },
  'supervisor.setCounterServices': { vi: 'Đổi lĩnh vực của quầy', en: 'Changed a counter’s services' },
  'supervisor.signOutCounter': { vi: 'Đăng xuất cán bộ khỏi quầy', en: 'Signed an officer out' },
  'supervisor.pauseCounter': { vi: 'Tạm dừng quầy', en: 'Paused a counter' },
  'supervisor.cancelTicket': { vi: 'Huỷ số', en: 'Cancelled a ticket' },
  'supervisor.moveTicket': { vi: 'Chuyển số sang lĩnh vực khác', en: 'Moved a ticket' },
  'supervisor.setNotice': { vi: 'Thông báo trên màn hình', en: 'Wall notice' },
  'supervisor.closeDay': { vi: 'Kết thúc ngày làm việc', en: 'Closed the day' },
  'supervisor.ackAlert': { vi: 'Xác nhận cảnh báo', en: 'Acknowledged an alert' },
  'ticket.reactivate': { vi: 'Gọi lại số vắng mặt', en: 'Reactivated a no-show' },
};

export function actionName(action: string, locale: Locale): string {
  return ACTION_NAMES[action]?.[locale] ?? action;
}
