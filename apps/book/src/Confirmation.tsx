import type { BookingView } from '@luot/protocol';
import { pick } from '@luot/ui/i18n';
import { icsUrl, manageUrl } from './api';
import { clock, dayLabel, fullDate } from './dates';
import { useLocale, useTexts } from './hooks';
import { QrCode } from './QrCode';
import type { BookText } from './texts';

const STATUS_TEXT: Record<BookingView['status'], BookText> = {
  booked: 'statusBooked',
  checked_in: 'statusCheckedIn',
  served: 'statusServed',
  lapsed: 'statusLapsed',
  no_show: 'statusNoShow',
  cancelled: 'statusCancelled',
};

/** The booking code (big, and as a QR code for the kiosk's scanner), when, where and what to bring. */
export function BookingCard({
  booking,
  phoneLast3,
  showStatus,
}: {
  booking: BookingView;
  phoneLast3: string;
  showStatus: boolean;
}) {
  const t = useTexts();
  const locale = useLocale();
  const zone = booking.office.timeZone;
  const live = booking.status === 'booked';
  return (
    <>
      <div className="b-ticket">
        <p className="b-code-label">{t('codeLabel')}</p>
        {/* Read out one symbol at a time: "K 7 Q M…", not a word. */}
        <p className="b-code" data-testid="booking-code" aria-label={[...booking.code].join(' ')}>
          {booking.code.slice(0, 4)}
          <span className="b-code-gap" />
          {booking.code.slice(4)}
        </p>
        {live && <QrCode text={booking.code} label={t('qrAlt', { code: booking.code })} />}
        {live && <p className="b-hint b-center">{t('codeHint')}</p>}
        {showStatus && (
          <p className={`b-status b-status-${booking.status}`} data-testid="booking-status">
            {t(STATUS_TEXT[booking.status], { n: booking.ticket?.number ?? '' })}
          </p>
        )}
      </div>
      <dl className="b-facts">
        <div>
          <dt>{t('service')}</dt>
          <dd>{pick(booking.serviceName, locale)}</dd>
        </div>
        <div>
          <dt>{t('when')}</dt>
          <dd>
            <strong>{booking.start}</strong> · {dayLabel(booking.date, locale)} ({fullDate(booking.date)})
            {live && (
              <span className="b-window">
                {t('checkInWindow', {
                  from: clock(booking.window.opensAt, zone),
                  to: clock(booking.window.closesAt, zone),
                })}
              </span>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('where')}</dt>
          <dd>
            {pick(booking.office.name, locale)}
            {booking.office.address && <span className="b-address">{booking.office.address}</span>}
          </dd>
        </div>
        {booking.bring.length > 0 && (
          <div>
            <dt>{t('bring')}</dt>
            <dd>
              <ul className="b-bring">
                {booking.bring.map((b, i) => (
                  <li key={i}>{pick(b, locale)}</li>
                ))}
              </ul>
            </dd>
          </div>
        )}
      </dl>
      {live && (
        <div className="b-actions">
          <a
            className="b-button b-button-outline"
            href={icsUrl(booking, phoneLast3)}
            download={`${booking.code}.ics`}
          >
            {t('addToCalendar')}
          </a>
          <a className="b-button b-button-outline" href={manageUrl(booking.code)}>
            {t('manage')}
          </a>
        </div>
      )}
      {(live || booking.status === 'checked_in') && (
        <p className="b-center">
          {/* One address from booking to counter: the phone page shows the number once checked in. */}
          <a
            className="b-link"
            href={new URL(booking.pageUrl, location.href).pathname}
            data-testid="follow-link"
          >
            {t('follow')}
          </a>
        </p>
      )}
    </>
  );
}

/** The last step: the booking is made. */
export function Confirmation({
  booking,
  phoneLast3,
  onAnother,
}: {
  booking: BookingView;
  phoneLast3: string;
  onAnother: () => void;
}) {
  const t = useTexts();
  return (
    <section className="b-step b-done" aria-labelledby="b-step-title">
      {/* Focused when it appears (BookApp), so a screen reader reads it out first. */}
      <h2 id="b-step-title" tabIndex={-1} className="b-done-title">
        <span aria-hidden="true">✓ </span>
        {t('doneTitle')}
      </h2>
      <BookingCard booking={booking} phoneLast3={phoneLast3} showStatus={false} />
      <button type="button" className="b-link" onClick={onAnother}>
        {t('another')}
      </button>
    </section>
  );
}
