import { useState } from 'react';
import { pick } from '@luot/ui';
import type { OfficeConfig } from '@luot/core';
import type { CounterRow } from '../monitor-view.js';
import { useAction, useConsole } from '../session.js';
import { useSay } from '../text.js';
import { FormDialog, ReasonField } from './Dialog.js';

type CounterAction = 'close' | 'open' | 'services' | 'signOut' | 'pause';

/**
 * One counter's actions in one dialog: pick what to do, fill what it needs, confirm. Closing and
 * pausing need a reason (the hub refuses without one; the button stays off until it is given).
 */
export function CounterDialog({
  row,
  config,
  onClose,
}: {
  row: CounterRow;
  config: OfficeConfig;
  onClose: () => void;
}) {
  const { say, locale } = useSay();
  const { client } = useConsole();
  const { run, busy, error } = useAction();
  const closedBySupervisor = row.closure === 'supervisor';
  const choices: Array<{ id: CounterAction; label: string; enabled: boolean }> = [
    closedBySupervisor
      ? { id: 'open', label: say({ vi: 'Mở lại quầy', en: 'Reopen the counter' }), enabled: true }
      : { id: 'close', label: say({ vi: 'Đóng quầy hôm nay', en: 'Close for today' }), enabled: true },
    { id: 'services', label: say({ vi: 'Đổi lĩnh vực phục vụ', en: 'Change services' }), enabled: true },
    {
      id: 'pause',
      label: say({ vi: 'Tạm dừng quầy', en: 'Pause the counter' }),
      enabled: row.status === 'open',
    },
    {
      id: 'signOut',
      label: say({ vi: 'Đăng xuất cán bộ', en: 'Sign the officer out' }),
      enabled: row.officer !== null,
    },
  ];
  const [action, setAction] = useState<CounterAction>(choices[0]!.id);
  const [reason, setReason] = useState('');
  const [services, setServices] = useState<string[]>(row.services);
  const needsReason = action === 'close' || action === 'pause';
  const ready = (!needsReason || reason.trim() !== '') && (action !== 'services' || services.length > 0);

  const submit = async () => {
    const n = row.number;
    const r = reason.trim();
    const ok = await run(() => {
      switch (action) {
        case 'close':
          return client.send('supervisor.setCounterClosed', { counter: n, closed: true, reason: r });
        case 'open':
          return client.send('supervisor.setCounterClosed', { counter: n, closed: false });
        case 'pause':
          return client.send('supervisor.pauseCounter', { counter: n, reason: r });
        case 'signOut':
          return client.send('supervisor.signOutCounter', { counter: n });
        case 'services': {
          const configured = config.counters.find((c) => c.number === n)?.services ?? [];
          const same = services.length === configured.length && services.every((s, i) => s === configured[i]);
          return client.send('supervisor.setCounterServices', {
            counter: n,
            services: same ? null : services,
          });
        }
      }
    });
    if (ok) onClose();
  };

  return (
    <FormDialog
      title={say({ vi: 'Quầy {n}', en: 'Counter {n}' }, { n: row.number })}
      onClose={onClose}
      onSubmit={() => void submit()}
      ready={ready}
      busy={busy}
      error={error}
      submitLabel={say({ vi: 'Thực hiện', en: 'Apply' })}
      danger={action === 'close' || action === 'signOut'}
    >
      <p className="muted">
        {row.officer ?? say({ vi: 'Chưa có cán bộ đăng nhập', en: 'No officer signed in' })}
        {' · '}
        {pick(row.agency, locale)}
      </p>
      <fieldset className="choices">
        <legend>{say({ vi: 'Thao tác', en: 'Action' })}</legend>
        {choices.map((c) => (
          <label key={c.id} className={c.enabled ? '' : 'disabled'}>
            <input
              type="radio"
              name="counter-action"
              value={c.id}
              checked={action === c.id}
              disabled={!c.enabled}
              onChange={() => setAction(c.id)}
            />
            {c.label}
          </label>
        ))}
      </fieldset>
      {action === 'services' && (
        <fieldset className="services-pick">
          <legend>{say({ vi: 'Lĩnh vực quầy phục vụ hôm nay', en: 'Services served today' })}</legend>
          {config.services.map((s) => (
            <label key={s.prefix}>
              <input
                type="checkbox"
                checked={services.includes(s.prefix)}
                onChange={(e) =>
                  setServices((old) =>
                    e.target.checked ? [...old, s.prefix] : old.filter((p) => p !== s.prefix),
                  )
                }
              />
              <b>{s.prefix}</b> {pick(s.name, locale)}
            </label>
          ))}
        </fieldset>
      )}
      {needsReason && (
        <ReasonField value={reason} onChange={setReason} required max={action === 'pause' ? 100 : 200} />
      )}
    </FormDialog>
  );
}
