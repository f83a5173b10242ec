import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { LuotError, type LuotClient } from '@luot/client';
import { formatTime } from '@luot/ui';
import type { CounterBooking } from '@luot/protocol';
import { bookingCounts, sortedBookings } from '../bookings.js';
import { useText, type Refusal } from '../hooks.js';
import type { TextKey } from '../text.js';
import { ErrorAlert } from './common.js';

const STATUS: Record<CounterBooking['status'], TextKey> = {
  booked: 'bookingBooked',
  checked_in: 'bookingCheckedIn',
  late: 'bookingLate',
  no_show: 'bookingNoShow',
  served: 'bookingServed',
  lapsed: 'bookingLapsed',
  cancelled: 'bookingCancelled',
};

/** Statuses move with the clock (late, then no-show) as well as with events: asked again this often. */
const REFRESH_MS = 60_000;

/**
 * Today's bookings for this counter's services (booked / checked in / late / no-show), and a
 * check-in by code for a citizen who came straight to the desk. Hidden when the hub answers that
 * it takes no bookings.
 */
export function BookingsPanel({
  client,
  online,
  timeZone,
}: {
  client: LuotClient;
  online: boolean;
  timeZone: string;
}) {
  const { t, locale } = useText();
  const [list, setList] = useState<CounterBooking[] | null>(null);
  const [off, setOff] = useState(false);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Refusal | null>(null);
  /** An early citizen: from when the kiosk or this desk can check them in. */
  const [opensAt, setOpensAt] = useState<number | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const refresh = useCallback(() => {
    client
      .send('booking.today', {})
      .then(({ result }) => setList(result.bookings))
      .catch((e: unknown) => {
        // A hub without bookings refuses the command itself: the panel steps aside.
        if (e instanceof LuotError && (e.code === 'INVALID_PAYLOAD' || e.code === 'FORBIDDEN')) setOff(true);
      });
  }, [client]);

  useEffect(() => {
    if (!online) return;
    refresh();
    let timer: ReturnType<typeof setTimeout> | undefined;
    // Every change of the day may be a check-in: ask again, at most once a second.
    const off = client.on('events', () => {
      clearTimeout(timer);
      timer = setTimeout(refresh, 1000);
    });
    const id = setInterval(refresh, REFRESH_MS);
    return () => {
      off();
      clearTimeout(timer);
      clearInterval(id);
    };
  }, [client, online, refresh]);

  const checkIn = async (e: FormEvent) => {
    e.preventDefault();
    if (busy || !code.trim()) return;
    setBusy(true);
    setError(null);
    setOpensAt(null);
    setDone(null);
    try {
      const { result } = await client.send('booking.checkIn', { code, locale, print: false });
      setDone(t('checkedInAs', { code: result.booking.code, number: result.ticket.number }));
      setCode('');
      refresh();
    } catch (err) {
      const at = err instanceof LuotError ? err.details?.opensAt : undefined;
      setOpensAt(typeof at === 'number' ? at : null);
      setError(
        err instanceof LuotError
          ? { code: err.code, messages: err.messages }
          : { code: 'INTERNAL', messages: { vi: 'Lỗi không xác định.', en: 'Unexpected error.' } },
      );
    } finally {
      setBusy(false);
    }
  };

  if (off) return null;
  const counts = bookingCounts(list ?? []);
  return (
    <section className="panel" aria-labelledby="bookings-title" data-testid="bookings-panel">
      <h2 id="bookings-title">{t('bookingsTitle')}</h2>
      <div className="booking-counts">
        {(
          [
            ['booked', 'bookingBooked'],
            ['checkedIn', 'bookingCheckedIn'],
            ['late', 'bookingLate'],
            ['noShow', 'bookingNoShow'],
          ] as const
        ).map(([k, label]) => (
          <div key={k} className={`booking-count booking-count-${k}`}>
            <strong data-testid={`bookings-${k}`}>{counts[k]}</strong>
            <span>{t(label)}</span>
          </div>
        ))}
      </div>
      {list && list.length === 0 && <p className="muted">{t('bookingsEmpty')}</p>}
      {list && list.length > 0 && (
        <ol className="booking-list">
          {sortedBookings(list).map((b) => (
            <li key={b.code} data-status={b.status}>
              <span className="booking-time">{b.start}</span>
              <span className="booking-name">{b.name}</span>
              <span className={`badge booking-status-${b.status}`}>
                {t(STATUS[b.status])}
                {b.ticket ? ` · ${b.ticket.number}` : ''}
              </span>
            </li>
          ))}
        </ol>
      )}
      <form className="booking-checkin" onSubmit={(e) => void checkIn(e)}>
        <label htmlFor="booking-code">{t('checkInByCode')}</label>
        <div className="booking-checkin-row">
          <input
            id="booking-code"
            value={code}
            onChange={(e) => setCode(e.target.value.toUpperCase())}
            placeholder={t('checkInCode')}
            autoComplete="off"
            spellCheck={false}
            maxLength={12}
          />
          <button
            type="submit"
            className="btn btn-small"
            disabled={busy || !online || code.trim().length < 8}
          >
            {t('checkInButton')}
          </button>
        </div>
      </form>
      {done && (
        <p className="booking-done" role="status">
          {done}
        </p>
      )}
      <ErrorAlert
        error={error}
        onDismiss={() => setError(null)}
        extra={opensAt !== null && <div>{t('checkInFrom', { time: formatTime(opensAt, timeZone) })}</div>}
      />
    </section>
  );
}
