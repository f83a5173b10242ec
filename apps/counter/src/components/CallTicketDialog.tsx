import { useState } from 'react';
import type { OfficeConfig, Ticket } from '@luot/core';
import { pick } from '@luot/ui';
import { useText, type Refusal } from '../hooks.js';
import { stillCallable } from '../next-tickets.js';
import { ErrorAlert } from './common.js';
import { Dialog } from './Dialog.js';
import { BookedBadge } from './BookedBadge.js';

/**
 * Call one ticket out of order: the queue in the hub's order, numbered 1–9 for the keypad. The list
 * is frozen when the dialog opens (it would otherwise shift every second and under each event, and
 * a digit would call another citizen than the one read); a ticket that stops waiting is greyed out.
 */
export function CallTicketDialog({
  config,
  tickets,
  all,
  error,
  busy,
  onCall,
  onClose,
}: {
  config: OfficeConfig;
  /** The queue as it is now, in the hub's order. */
  tickets: Ticket[];
  /** Every ticket of the day, by id: what became of the ones shown. */
  all: Readonly<Record<string, Ticket>>;
  error: Refusal | null;
  busy: boolean;
  onCall: (ticket: Ticket) => void;
  onClose: () => void;
}) {
  const { t, locale } = useText();
  const [frozen] = useState(() => tickets.slice(0, 9));
  const shown = frozen.map((first) => {
    const now = all[first.id];
    return stillCallable(first, now) ? { ticket: now, callable: true } : { ticket: first, callable: false };
  });
  const onKey = (e: KeyboardEvent) => {
    const entry = /^[1-9]$/.test(e.key) ? shown[Number(e.key) - 1] : undefined;
    if (!entry) return false;
    if (!busy && entry.callable) onCall(entry.ticket);
    return true;
  };
  const firstCallable = shown.findIndex((s) => s.callable);
  return (
    <Dialog title={t('callTicketTitle')} intro={t('callTicketIntro')} onClose={onClose} onKey={onKey}>
      {shown.length === 0 && <p className="muted">{t('nextEmpty')}</p>}
      <ol className="pick-list">
        {shown.map(({ ticket: tk, callable }, i) => (
          <li key={tk.id}>
            <button
              type="button"
              className={`pick${callable ? '' : ' pick-gone'}`}
              disabled={busy || !callable}
              data-ticket={tk.number}
              data-autofocus={i === firstCallable ? true : undefined}
              onClick={() => onCall(tk)}
            >
              <kbd>{i + 1}</kbd>
              <span className="pick-number">{tk.number}</span>
              <span className="pick-service">
                {pick(config.services.find((s) => s.prefix === tk.service)?.name, locale)}
              </span>
              {!callable ? (
                <span className="badge">{t('pickGone')}</span>
              ) : (
                <>
                  {tk.priority && <span className="badge badge-priority">{t('priority')}</span>}
                  <BookedBadge ticket={tk} timeZone={config.sessions.timeZone} />
                </>
              )}
            </button>
          </li>
        ))}
      </ol>
      <ErrorAlert error={error} />
    </Dialog>
  );
}
