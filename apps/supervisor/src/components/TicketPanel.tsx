import { useState } from 'react';
import { formatTime, pick } from '@luot/ui';
import type { DayState, OfficeConfig, Ticket } from '@luot/core';
import { findTicket } from '../monitor-view.js';
import { useAction, useConsole } from '../session.js';
import { useSay } from '../text.js';
import { FormDialog, ReasonField } from './Dialog.js';

const STATUS = {
  outside: { vi: 'Chờ ngoài sảnh', en: 'Waiting outside' },
  waiting: { vi: 'Đang chờ', en: 'Waiting' },
  called: { vi: 'Đang được mời', en: 'Called' },
  serving: { vi: 'Đang phục vụ', en: 'Being served' },
  done: { vi: 'Đã xong', en: 'Done' },
  no_show: { vi: 'Vắng mặt', en: 'No-show' },
  cancelled: { vi: 'Đã huỷ', en: 'Cancelled' },
} as const;

type TicketAction = 'cancel' | 'reactivate' | 'move';

/** Find a ticket of today by its number, then cancel it, move it, or bring a no-show back. */
export function TicketPanel({
  config,
  state,
  timeZone,
}: {
  config: OfficeConfig;
  state: DayState;
  timeZone: string;
}) {
  const { say, locale } = useSay();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState<TicketAction | null>(null);
  const ticket = findTicket(state, query);
  const waiting = ticket && (ticket.status === 'waiting' || ticket.status === 'outside');
  return (
    <section className="card tickets" aria-labelledby="tickets-h">
      <h2 id="tickets-h">{say({ vi: 'Tra cứu số', en: 'Find a ticket' })}</h2>
      <label className="field inline">
        <span>{say({ vi: 'Số thứ tự', en: 'Ticket number' })}</span>
        <input value={query} placeholder="C001" onChange={(e) => setQuery(e.target.value)} />
      </label>
      {query.trim() !== '' && !ticket && (
        <p className="muted">{say({ vi: 'Không có số này hôm nay.', en: 'No such ticket today.' })}</p>
      )}
      {ticket && (
        <div className="ticket-card" data-testid="ticket-card" data-status={ticket.status}>
          <p>
            <b className="ticket-number">{ticket.number}</b> ·{' '}
            {pick(serviceOf(config, ticket.service), locale)} · {say(STATUS[ticket.status])} ·{' '}
            {say({ vi: 'lấy số lúc {t}', en: 'issued {t}' }, { t: formatTime(ticket.issuedAt, timeZone) })}
          </p>
          <div className="row-actions">
            <button type="button" disabled={!waiting} onClick={() => setOpen('move')}>
              {say({ vi: 'Chuyển lĩnh vực', en: 'Move to a service' })}
            </button>
            <button
              type="button"
              disabled={ticket.status !== 'no_show'}
              onClick={() => setOpen('reactivate')}
            >
              {say({ vi: 'Gọi lại (vắng mặt)', en: 'Reactivate no-show' })}
            </button>
            <button
              type="button"
              className="danger"
              disabled={!['waiting', 'outside', 'called', 'serving'].includes(ticket.status)}
              onClick={() => setOpen('cancel')}
            >
              {say({ vi: 'Huỷ số', en: 'Cancel ticket' })}
            </button>
          </div>
        </div>
      )}
      {ticket && open && (
        <TicketDialog ticket={ticket} action={open} config={config} onClose={() => setOpen(null)} />
      )}
    </section>
  );
}

function serviceOf(config: OfficeConfig, prefix: string) {
  return config.services.find((s) => s.prefix === prefix)?.name;
}

function TicketDialog({
  ticket,
  action,
  config,
  onClose,
}: {
  ticket: Ticket;
  action: TicketAction;
  config: OfficeConfig;
  onClose: () => void;
}) {
  const { say, locale } = useSay();
  const { client } = useConsole();
  const { run, busy, error } = useAction();
  const [reason, setReason] = useState('');
  const [toService, setToService] = useState(
    config.services.find((s) => s.prefix !== ticket.service)!.prefix,
  );
  const needsReason = action !== 'move';
  const titles = {
    cancel: { vi: 'Huỷ số {n}', en: 'Cancel {n}' },
    reactivate: { vi: 'Gọi lại số {n}', en: 'Reactivate {n}' },
    move: { vi: 'Chuyển số {n}', en: 'Move {n}' },
  };
  const submit = async () => {
    const r = reason.trim();
    const ok = await run(() =>
      action === 'cancel'
        ? client.send('supervisor.cancelTicket', { ticketId: ticket.id, reason: r })
        : action === 'reactivate'
          ? client.send('ticket.reactivate', { ticketId: ticket.id, reason: r })
          : client.send('supervisor.moveTicket', {
              ticketId: ticket.id,
              toService,
              ...(r ? { reason: r } : {}),
            }),
    );
    if (ok) onClose();
  };
  return (
    <FormDialog
      title={say(titles[action], { n: ticket.number })}
      onClose={onClose}
      onSubmit={() => void submit()}
      ready={!needsReason || reason.trim() !== ''}
      busy={busy}
      error={error}
      submitLabel={say({ vi: 'Xác nhận', en: 'Confirm' })}
      danger={action === 'cancel'}
    >
      {action === 'reactivate' && (
        <p className="muted">
          {say({
            vi: 'Số này trở lại hàng chờ của lĩnh vực, sau một vài người đang chờ (theo quy định của văn phòng).',
            en: 'The ticket goes back into its line, behind a few of those waiting (the office’s rule).',
          })}
        </p>
      )}
      {action === 'move' && (
        <label className="field">
          <span>{say({ vi: 'Sang lĩnh vực', en: 'To service' })}</span>
          <select value={toService} onChange={(e) => setToService(e.target.value)}>
            {config.services
              .filter((s) => s.prefix !== ticket.service)
              .map((s) => (
                <option key={s.prefix} value={s.prefix}>
                  {s.prefix} — {pick(s.name, locale)}
                </option>
              ))}
          </select>
        </label>
      )}
      <ReasonField
        value={reason}
        onChange={setReason}
        required={needsReason}
        max={action === 'cancel' ? 100 : 200}
      />
    </FormDialog>
  );
}
