import type { BookingView } from '@luot/protocol';
import { formatTime, pick, type Locale, type translator } from '@luot/ui';
import type { PHONE_TEXTS } from './texts';

type T = ReturnType<typeof translator<keyof typeof PHONE_TEXTS>>;

/** Where the booking stands at `now`, for its status card. */
export function bookingStage(
  b: BookingView,
  now: number,
): 'early' | 'open' | 'cancelled' | 'lapsed' | 'no_show' {
  if (b.status === 'cancelled') return 'cancelled';
  if (b.status === 'lapsed') return 'lapsed';
  // The hub's jobs mark a no-show within a minute of the window's end; the page need not wait.
  if (b.status === 'no_show' || (b.status === 'booked' && now > b.window.closesAt)) return 'no_show';
  return now < b.window.opensAt ? 'early' : 'open';
}

/**
 * A booking's phone page before check-in (docs/bookings.md, "The booking's phone page"): the
 * service, the day and time, the code to show at the kiosk, and when it may be checked in. Once it
 * is checked in, the page follows the ticket instead (TicketPage).
 */
export function BookingCard({
  booking: b,
  now,
  t,
  locale,
}: {
  booking: BookingView;
  now: number;
  t: T;
  locale: Locale;
}) {
  const stage = bookingStage(b, now);
  const from = formatTime(b.window.opensAt, b.office.timeZone);
  const to = formatTime(b.window.closesAt, b.office.timeZone);
  const day = b.date.split('-').reverse().join('/');
  const status: Record<typeof stage, [string, string]> = {
    early: [t('bookingEarlyTitle'), t('bookingEarlyBody', { from, to })],
    open: [t('bookingOpenTitle'), t('bookingOpenBody', { to })],
    cancelled: [t('bookingCancelledTitle'), t('bookingCancelledBody')],
    lapsed: [t('bookingLapsedTitle'), t('bookingLapsedBody')],
    no_show: [t('bookingNoShowTitle'), t('bookingNoShowBody')],
  };
  const [title, body] = status[stage];
  const over = stage === 'cancelled' || stage === 'lapsed' || stage === 'no_show';
  return (
    <>
      <section className="p-card" data-testid="booking-card">
        <p className="p-label">{t('bookingLabel')}</p>
        <p className="p-slot">
          {b.start} <span className="p-slot-day">{day}</span>
        </p>
        <p className="p-service">{pick(b.serviceName, locale)}</p>
        <dl className="p-booking-facts">
          <div>
            <dt>{t('bookingCode')}</dt>
            <dd className="p-code">{b.code}</dd>
          </div>
          <div>
            <dt>{t('bookingWindow')}</dt>
            <dd>{t('bookingWindowRange', { from, to })}</dd>
          </div>
        </dl>
      </section>
      <section
        className={`p-status ${over ? 'p-status-cancelled' : stage === 'open' ? 'p-status-admitted' : 'p-status-waiting'}`}
        role="status"
        aria-live="polite"
        data-testid="booking-status"
        data-stage={stage}
      >
        <h1>{title}</h1>
        <p>{body}</p>
        {over && stage !== 'lapsed' && (
          <p>
            <a className="p-link" href="/book">
              {t('bookAgain')}
            </a>
          </p>
        )}
      </section>
    </>
  );
}
