import type { OfficeConfig } from '@luot/core';
import { formatElapsed, formatTime, pick } from '@luot/ui';
import type { CounterView } from '../counter-view.js';
import { useText, type TransferNote } from '../hooks.js';
import { shortcutOf } from '../shortcuts.js';
import { BookedBadge } from './BookedBadge.js';

/** The ticket in hand, as the hub holds it: number, service, priority, live time since called. */
export function CurrentTicket({
  view,
  config,
  hubNow,
  note,
  calls,
}: {
  view: CounterView;
  config: OfficeConfig;
  hubNow: number;
  note: TransferNote | undefined;
  /** Calls of the ticket in hand at this counter (`Ticket.callsHere`), not over the whole day. */
  calls: number;
}) {
  const { t, locale } = useText();
  const tk = view.ticket;
  if (!tk) {
    const waiting = view.next.length;
    return (
      <section className="ticket-card ticket-empty" aria-label={t('noTicket')} data-testid="current-ticket">
        <div className="ticket-empty-mark" aria-hidden="true">
          —
        </div>
        <div>
          <h2>{t('noTicket')}</h2>
          {view.can.callNext && waiting > 0 && (
            <p className="muted">{t('noTicketHint', { keys: shortcutOf('callNext').caps.join(' / ') })}</p>
          )}
        </div>
      </section>
    );
  }
  const service = config.services.find((s) => s.prefix === tk.service);
  const category = config.priorityCategories.find((p) => p.id === tk.priority);
  const serving = tk.status === 'serving';
  const since = serving && tk.servingAt !== null ? tk.servingAt : tk.calledAt;
  const state = serving
    ? t('ticketServing')
    : calls > 1
      ? t('ticketRecalled', { n: calls })
      : t('ticketCalled');
  return (
    <section
      className={`ticket-card ${serving ? 'is-serving' : 'is-called'}`}
      aria-label={state}
      data-testid="current-ticket"
      data-ticket={tk.number}
      data-status={tk.status}
    >
      <div className="ticket-main">
        <span className={`status-pill ${serving ? 'pill-green' : 'pill-gold'}`}>{state}</span>
        <div className="ticket-number" data-testid="ticket-number">
          {tk.number}
        </div>
        <div className="ticket-service">{pick(service?.name, locale) || tk.service}</div>
        <BookedBadge ticket={tk} timeZone={config.sessions.timeZone} large />
        {tk.priority && (
          <div className="badge badge-priority badge-lg">
            ★ {t('priority')}
            {category ? ` · ${pick(category.name, locale)}` : ''}
          </div>
        )}
      </div>
      <dl className="ticket-facts">
        <div>
          <dt>{t(serving ? 'sinceServing' : 'sinceCalled')}</dt>
          <dd className="tabular" data-testid="elapsed">
            {since !== null ? formatElapsed(hubNow - since) : '—'}
          </dd>
        </div>
        <div>
          <dt>{t('callCount')}</dt>
          <dd className="tabular" data-testid="call-count">
            {calls}
          </dd>
        </div>
        <div>
          <dt>{t('issuedAt')}</dt>
          <dd className="tabular">{formatTime(tk.issuedAt, config.sessions.timeZone)}</dd>
        </div>
        {(tk.transfers > 0 || note) && (
          <div className="fact-wide">
            <dt>{t('transferred')}</dt>
            <dd className="fact-note">
              {note?.fromCounter ? `${t('counterN', { n: note.fromCounter })}` : ''}
              {note?.note ? ` — “${note.note}”` : ''}
              {!note && '✓'}
            </dd>
          </div>
        )}
      </dl>
    </section>
  );
}
