import type { Ticket } from '@luot/core';
import { formatTime } from '@luot/ui';
import { useText } from '../hooks.js';

/** "Đặt lịch 09:15" beside a booked citizen's number (nothing for a walk-in). */
export function BookedBadge({
  ticket,
  timeZone,
  large,
}: {
  ticket: Ticket;
  timeZone: string;
  large?: boolean;
}) {
  const { t } = useText();
  if (!ticket.booking) return null;
  return (
    <span className={`badge badge-booked${large ? ' badge-lg' : ''}`} data-testid="booked-badge">
      {t('bookedAt', { time: formatTime(ticket.booking.slotStart, timeZone) })}
    </span>
  );
}
