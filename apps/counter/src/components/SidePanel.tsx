import type { LuotClient } from '@luot/client';
import type { DayState, OfficeConfig } from '@luot/core';
import { formatMinutes, pick } from '@luot/ui';
import type { CounterView } from '../counter-view.js';
import { useText } from '../hooks.js';
import { skippedHere } from '../skipped.js';
import { BookedBadge } from './BookedBadge.js';
import { BookingsPanel } from './BookingsPanel.js';
import { officerStats } from '../stats.js';

/** Queue counts, the next tickets in the hub's order, and the officer's day. */
export function SidePanel({
  view,
  state,
  officerId,
  hubNow,
  pending,
  onCall,
  config,
  online,
  onReactivate,
  client,
}: {
  /** For today's bookings and the check-in by code. */
  client: LuotClient;
  view: CounterView;
  state: DayState;
  config: OfficeConfig;
  online: boolean;
  /** Put a ticket this counter skipped back into its line (the citizen came back). */
  onReactivate: (ticketId: string) => void;
  officerId: string;
  hubNow: number;
  pending: string | null;
  onCall: (ticketId: string) => void;
}) {
  const { t, locale } = useText();
  const stats = officerStats(state, officerId);
  const skipped = skippedHere(config, state, view.number, hubNow);
  return (
    <aside className="side">
      <section className="panel" aria-labelledby="queue-title">
        <h2 id="queue-title">{t('queueTitle')}</h2>
        <ul className="queue-list">
          {view.services.map((s) => (
            <li key={s.prefix} data-service={s.prefix}>
              <span className="queue-prefix">{s.prefix}</span>
              <span className="queue-name">{pick(s.name, locale)}</span>
              <span className="queue-count" data-testid={`waiting-${s.prefix}`}>
                <strong>{s.waiting}</strong> {t('waitingInside')}
              </span>
              {s.outside > 0 && (
                <span className="queue-count queue-outside">
                  <strong>{s.outside}</strong> {t('waitingOutside')}
                </span>
              )}
            </li>
          ))}
          {view.config.servesAllPriority && (
            <li>
              <span className="queue-prefix">★</span>
              <span className="queue-name">{t('otherPriority')}</span>
              <span className="queue-count">
                <strong>{view.otherPriority}</strong> {t('waitingInside')}
              </span>
            </li>
          )}
        </ul>
      </section>

      <section className="panel panel-grow" aria-labelledby="next-title">
        <h2 id="next-title">{t('nextTitle')}</h2>
        {view.next.length === 0 && <p className="muted">{t('nextEmpty')}</p>}
        <ol className="next-list" data-testid="next-list">
          {view.next.map((tk) => (
            <li key={tk.id} data-ticket={tk.number}>
              <span className="next-number">{tk.number}</span>
              <span className="next-meta">
                {tk.priority && <span className="badge badge-priority">★ {t('priority')}</span>}
                <BookedBadge ticket={tk} timeZone={config.sessions.timeZone} />
                {tk.targetCounter === view.number && <span className="badge">{t('forThisCounter')}</span>}
                <span className="muted">
                  {t('waitedFor', { time: formatMinutes((hubNow - tk.queuedAt) / 60_000, locale) })}
                </span>
              </span>
              <button
                type="button"
                className="btn btn-small"
                disabled={!view.can.callTicket || pending !== null}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => onCall(tk.id)}
                aria-label={`${t('call')} ${tk.number}`}
              >
                {t('call')}
              </button>
            </li>
          ))}
        </ol>
      </section>

      {skipped.length > 0 && (
        <section className="panel" aria-labelledby="skipped-title">
          <h2 id="skipped-title">{t('skippedTitle')}</h2>
          <ol className="next-list" data-testid="skipped-list">
            {skipped.map((tk) => (
              <li key={tk.id} data-ticket={tk.number}>
                <span className="next-number">{tk.number}</span>
                <span className="next-meta muted">
                  {hubNow - tk.finishedAt! < 60_000
                    ? t('justNow')
                    : t('skippedAgo', { time: formatMinutes((hubNow - tk.finishedAt!) / 60_000, locale) })}
                </span>
                <button
                  type="button"
                  className="btn btn-small"
                  disabled={!online || pending !== null}
                  onMouseDown={(e) => e.preventDefault()}
                  onClick={() => onReactivate(tk.id)}
                  aria-label={`${t('reactivate')} ${tk.number}`}
                >
                  {t('reactivate')}
                </button>
              </li>
            ))}
          </ol>
        </section>
      )}

      <BookingsPanel client={client} online={online} timeZone={config.sessions.timeZone} />

      <section className="panel" aria-labelledby="today-title">
        <h2 id="today-title">{t('todayTitle')}</h2>
        <div className="stats">
          <div>
            <span className="stat-value" data-testid="served-count">
              {stats.served}
            </span>
            <span className="stat-label">
              {t('served')} ({t('citizens')})
            </span>
          </div>
          <div>
            <span className="stat-value">
              {stats.averageMinutes === null
                ? '—'
                : stats.averageMinutes < 1
                  ? t('underAMinute')
                  : formatMinutes(stats.averageMinutes, locale)}
            </span>
            <span className="stat-label">{t('averageTime')}</span>
          </div>
        </div>
      </section>
    </aside>
  );
}
