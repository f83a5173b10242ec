import type { Text } from '@luot/core';
import type { ConnectionStatus } from '@luot/client';
import type { Locale } from './i18n.js';

const TEXT: Record<Exclude<ConnectionStatus, 'online'>, Text> = {
  connecting: { vi: 'Đang kết nối máy chủ…', en: 'Connecting to the hub…' },
  offline: {
    vi: 'Mất kết nối máy chủ — đang kết nối lại…',
    en: 'Lost connection to the hub — reconnecting…',
  },
  unauthorized: {
    vi: 'Thiết bị chưa được cấp quyền. Liên hệ quản trị để lấy mã thiết bị.',
    en: 'This device is not authorised. Ask the administrator for a device token.',
  },
};

/** A plain strip that says when the screen is not live; nothing when all is well. */
export function ConnectionBanner({
  status,
  locale,
  compact = false,
}: {
  status: ConnectionStatus;
  locale: Locale;
  compact?: boolean;
}) {
  if (status === 'online') return null;
  return (
    <div
      role="status"
      aria-live="polite"
      className={`luot-connection luot-connection-${status}${compact ? ' compact' : ''}`}
      data-status={status}
    >
      {TEXT[status][locale]}
    </div>
  );
}
