import { useLocale } from '@luot/ui';
import { makeT } from '../i18n.js';
import type { CallRecord } from '../view-model.js';

/** The day's other calls still in force or served, newest first (see `callBoard`). */
export function CallHistory({ calls }: { calls: CallRecord[] }) {
  const t = makeT(useLocale());
  return (
    <section className="panel history" aria-labelledby="history-title">
      <h2 className="panel-title" id="history-title">
        {t('history')}
      </h2>
      {calls.length === 0 ? (
        <p className="panel-empty">{t('historyEmpty')}</p>
      ) : (
        <ol className="history-list" data-testid="call-history">
          {calls.map((c) => (
            <li
              key={c.ticketId}
              className="history-row"
              data-number={c.number}
              data-counter={c.counter}
              data-booked={String(c.booked)}
            >
              <span className="history-number">
                {c.number}
                {c.booked && <span className="history-booked">{t('booked')}</span>}
              </span>
              <span className="history-counter">{t('counterShort', { n: c.counter })}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
