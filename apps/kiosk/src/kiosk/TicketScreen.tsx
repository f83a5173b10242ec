import { formatTime, Icon, pick, useLocale } from '@luot/ui';
import { QrCode } from '../QrCode';
import { useCountdown, useTexts } from './hooks';
import type { PrintOutcome } from './issue';
import type { TicketView } from './ticket-view';
import { waitText } from './texts';

/**
 * The issued number, as large as the screen allows, with where to go, who is ahead, the expected
 * wait and the QR code of its phone page. Goes home by itself after `seconds`, or at "Done".
 */
export function TicketScreen({
  view,
  timeZone,
  seconds,
  paused,
  onDone,
}: {
  view: TicketView;
  /** The office's zone, for the booked slot's time. */
  timeZone?: string;
  seconds: number;
  /** Issuing stopped after this ticket because the printer failed. */
  paused: boolean;
  onDone: () => void;
}) {
  const locale = useLocale();
  const t = useTexts();
  const left = useCountdown(seconds, onDone, view.number);
  return (
    <section className={`k-ticket${view.outside ? ' k-ticket-outside' : ''}`} aria-live="polite">
      <div className="k-ticket-main">
        <p className="k-ticket-label">{t('ticketLabel')}</p>
        <p className="k-ticket-number" data-testid="ticket-number">
          {view.number}
        </p>
        <p className="k-ticket-service">{pick(view.serviceName, locale)}</p>
        {view.bookedSlot !== null && (
          <p className="k-ticket-booked" data-testid="ticket-booked">
            <Icon name="clock" />
            {t('bookedAt', { time: formatTime(view.bookedSlot, timeZone) })}
          </p>
        )}
        {view.priorityName && (
          <p className="k-ticket-priority">
            <Icon name="priority" />
            {t('priorityTag')}: {pick(view.priorityName, locale)}
          </p>
        )}
        {view.outside && (
          <div className="k-outside" role="alert">
            <Icon name="outside" className="k-outside-icon" />
            <div>
              <p className="k-outside-title">{t('outsideTitle')}</p>
              <p>{t('outsideBody')}</p>
            </div>
            {view.outside.place !== null && (
              <div className="k-outside-place">
                <span>{t('outsidePlace')}</span>
                <strong data-testid="entry-place">{view.outside.place}</strong>
              </div>
            )}
          </div>
        )}
        <dl className="k-facts">
          <div>
            <dt>{t('counters')}</dt>
            <dd>
              {t(view.counters.length > 1 ? 'counterMany' : 'counterOne', { list: view.counters.join(', ') })}
            </dd>
          </div>
          <div>
            <dt>{t('peopleAhead')}</dt>
            <dd data-testid="people-ahead">{view.peopleAhead}</dd>
          </div>
          <div>
            <dt>{t('estimatedWait')}</dt>
            <dd>{waitText(view.waitRange, locale)}</dd>
          </div>
        </dl>
      </div>
      <div className="k-ticket-side">
        <figure className="k-qr">
          <QrCode url={view.qrUrl} label={t('qrCaption')} className="k-qr-code" />
          <figcaption>{t('qrCaption')}</figcaption>
        </figure>
        <PrintStatus print={view.print} paused={paused} />
        <button type="button" className="k-button k-done" onClick={onDone}>
          {t('done')}
          <span className="k-done-countdown">{t('backIn', { n: left })}</span>
        </button>
      </div>
    </section>
  );
}

function PrintStatus({ print, paused }: { print: PrintOutcome; paused: boolean }) {
  const locale = useLocale();
  const t = useTexts();
  switch (print.kind) {
    case 'printed':
      return (
        <p className="k-print k-print-ok" role="status">
          <Icon name="printer" />
          {t('printed')}
        </p>
      );
    case 'unknown':
      return (
        <p className="k-print k-print-unknown" role="status">
          <Icon name="printer" />
          {t('printUnknown')}
        </p>
      );
    case 'none':
      return (
        <p className="k-print k-print-unknown" role="status">
          <Icon name="printer" />
          {pick(print.message, locale)}
        </p>
      );
    case 'failed':
      return (
        <div className="k-print k-print-failed" role="alert" data-fault={print.fault}>
          <Icon name="alert" />
          <div>
            <p className="k-print-reason">
              {t(print.maybePrinted ? 'printMaybeFault' : 'printFailed', {
                reason: lowerFirst(pick(print.reason, locale)),
              })}
            </p>
            {print.maybePrinted && <p className="k-print-maybe">{t('printMaybe')}</p>}
            <p>{t('keepYourNumber')}</p>
            {paused && <p className="k-print-paused">{t('pausedTitle')}.</p>}
          </div>
        </div>
      );
  }
}

const lowerFirst = (s: string) => s.charAt(0).toLocaleLowerCase() + s.slice(1);
