import { useState } from 'react';
import type { DayState, OfficeConfig, Ticket } from '@luot/core';
import { pick } from '@luot/ui';
import { useText, type Refusal } from '../hooks.js';
import { TRANSFER_NOTES } from '../reasons.js';
import { transferTargets, type TransferBlock } from '../transfer-targets.js';
import { ErrorAlert, KeyCaps } from './common.js';
import { Dialog, confirmsOnEnter, typingIn } from './Dialog.js';

export interface TransferTarget {
  toService: string | null;
  toCounter: number | null;
  note: string | null;
}

/**
 * Send the citizen to another service (typed by its letter) or to a named counter, with a note.
 * Targets that cannot take the citizen now (closed counters, services no open counter calls) stay
 * in place, greyed out with the reason, so the keypad letters and the layout never shift.
 */
export function TransferDialog({
  config,
  state,
  ticket,
  counter,
  error,
  busy,
  onConfirm,
  onClose,
}: {
  config: OfficeConfig;
  /** The hub's day now: what is closed changes while the dialog is open. */
  state: DayState;
  ticket: Ticket;
  counter: number;
  error: Refusal | null;
  busy: boolean;
  onConfirm: (target: TransferTarget) => void;
  onClose: () => void;
}) {
  const { t, locale } = useText();
  const [service, setService] = useState<string | null>(null);
  const [toCounter, setToCounter] = useState<number | null>(null);
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  const { services, counters } = transferTargets(config, state, ticket, counter);
  const because = (b: TransferBlock) => {
    if (b === 'no_open_counter') return t('noOpenCounter');
    if (b === 'closed_by_supervisor') return t('closedBySupervisorShort');
    if (b === 'closed_at_level') return t('closedAtLevelShort', { level: state.level });
    return t('statusClosed');
  };
  // A choice that has closed since it was made (the level changed…) no longer counts.
  const chosenService = services.some((x) => x.service.prefix === service && !x.blocked) ? service : null;
  const chosenCounter = counters.some((x) => x.counter.number === toCounter && !x.blocked) ? toCounter : null;
  // Focus the first target that can be chosen: a disabled button cannot take the focus.
  const firstService = services.find((x) => !x.blocked)?.service.prefix;
  const firstCounter = firstService ? undefined : counters.find((x) => !x.blocked)?.counter.number;

  const chooseService = (p: string) => {
    setService(p);
    setToCounter(null);
    setMissing(false);
  };
  const chooseCounter = (n: number) => {
    setToCounter(n);
    setService(null);
    setMissing(false);
  };
  const confirm = () => {
    if (!chosenService && chosenCounter === null) return setMissing(true);
    if (!busy) onConfirm({ toService: chosenService, toCounter: chosenCounter, note: note.trim() || null });
  };

  const onKey = (e: KeyboardEvent) => {
    if (confirmsOnEnter(e)) {
      confirm();
      return true;
    }
    if (typingIn(e.target)) return false;
    const s = services.find((x) => x.service.prefix === e.key.toUpperCase());
    if (!s) return false;
    // The letter of a greyed-out service is used up, not passed on; its reason is on screen.
    if (!s.blocked) chooseService(s.service.prefix);
    return true;
  };

  return (
    <Dialog
      title={`${t('transferTitle')} ${ticket.number}`}
      intro={t('transferIntro')}
      onClose={onClose}
      onKey={onKey}
      className="dialog-transfer"
      footer={
        <>
          <button type="button" className="btn btn-ghost" onClick={onClose}>
            {t('cancel')} <KeyCaps caps={['Esc']} />
          </button>
          <button type="button" className="btn btn-primary" onClick={confirm} disabled={busy}>
            {t('transfer')} <KeyCaps caps={['Enter']} />
          </button>
        </>
      }
    >
      <fieldset className="chips-field">
        <legend>{t('toService')}</legend>
        <div className="service-grid" role="radiogroup" aria-label={t('toService')}>
          {services.map(({ service: s, blocked }) => (
            <button
              key={s.prefix}
              type="button"
              role="radio"
              aria-checked={chosenService === s.prefix}
              disabled={!!blocked}
              className="choice choice-service"
              data-autofocus={s.prefix === firstService ? true : undefined}
              onClick={() => chooseService(s.prefix)}
            >
              <kbd>{s.prefix}</kbd>
              <span className="choice-text">
                <span>{pick(s.name, locale)}</span>
                {blocked && <small className="target-reason">{because(blocked)}</small>}
              </span>
            </button>
          ))}
        </div>
      </fieldset>
      <fieldset className="chips-field">
        <legend>{t('toCounter')}</legend>
        <div className="chips counter-chips" role="radiogroup" aria-label={t('toCounter')}>
          {counters.map(({ counter: c, blocked }) => (
            <button
              key={c.number}
              type="button"
              role="radio"
              aria-checked={chosenCounter === c.number}
              aria-label={t('counterN', { n: c.number }) + (blocked ? ` — ${because(blocked)}` : '')}
              disabled={!!blocked}
              className="chip chip-counter"
              title={pick(c.agency, locale)}
              data-autofocus={c.number === firstCounter ? true : undefined}
              onClick={() => chooseCounter(c.number)}
            >
              {c.number}
              {blocked && <small className="target-reason">{because(blocked)}</small>}
            </button>
          ))}
        </div>
      </fieldset>
      <label className="field">
        <span>{t('note')}</span>
        <input
          value={note}
          maxLength={200}
          placeholder={t('notePlaceholder')}
          onChange={(e) => setNote(e.target.value)}
        />
      </label>
      <div className="chips">
        {TRANSFER_NOTES.map((n) => (
          <button key={n.vi} type="button" className="chip chip-small" onClick={() => setNote(n.vi)}>
            {pick(n, locale)}
          </button>
        ))}
      </div>
      {missing && (
        <p className="form-error" role="alert">
          {t('missingTarget')}
        </p>
      )}
      <ErrorAlert error={error} />
    </Dialog>
  );
}
