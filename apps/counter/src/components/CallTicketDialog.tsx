import type { OfficeConfig, Ticket } from '@luot/core';
import { pick } from '@luot/ui';
import { useText, type Refusal } from '../hooks.js';
import { ErrorAlert } from './common.js';
import { Dialog } from './Dialog.js';

/** Call one ticket out of order: the queue in the hub's order, numbered 1–9 for the keypad. */
export function CallTicketDialog({
  config,
  tickets,
  error,
  busy,
  onCall,
  onClose,
}: {
  config: OfficeConfig;
  tickets: Ticket[];
  error: Refusal | null;
  busy: boolean;
  onCall: (ticket: Ticket) => void;
  onClose: () => void;
}) {
  const { t, locale } = useText();
  const shown = tickets.slice(0, 9);
  const onKey = (e: KeyboardEvent) => {
    const ticket = /^[1-9]$/.test(e.key) ? shown[Number(e.key) - 1] : undefined;
    if (!ticket) return false;
    if (!busy) onCall(ticket);
    return true;
  };
  return (
    <Dialog title={t('callTicketTitle')} intro={t('callTicketIntro')} onClose={onClose} onKey={onKey}>
      {shown.length === 0 && <p className="muted">{t('nextEmpty')}</p>}
      <ol className="pick-list">
        {shown.map((tk, i) => (
          <li key={tk.id}>
            <button
              type="button"
              className="pick"
              disabled={busy}
              data-autofocus={i === 0 ? true : undefined}
              onClick={() => onCall(tk)}
            >
              <kbd>{i + 1}</kbd>
              <span className="pick-number">{tk.number}</span>
              <span className="pick-service">
                {pick(config.services.find((s) => s.prefix === tk.service)?.name, locale)}
              </span>
              {tk.priority && <span className="badge badge-priority">{t('priority')}</span>}
            </button>
          </li>
        ))}
      </ol>
      <ErrorAlert error={error} />
    </Dialog>
  );
}
