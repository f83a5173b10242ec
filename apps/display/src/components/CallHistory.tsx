import { useLocale } from '@luot/ui';
import type { CallRecord } from '../call-log.js';
import { makeT } from '../i18n.js';

/** The calls before the latest one, newest first. */
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
            <li key={c.ticketId} className="history-row" data-number={c.number}>
              <span className="history-number">{c.number}</span>
              <span className="history-counter">{t('counterShort', { n: c.counter })}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
