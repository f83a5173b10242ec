import { useState } from 'react';
import type { OfficeConfig, Ticket } from '@luot/core';
import { pick } from '@luot/ui';
import { useText, type Refusal } from '../hooks.js';
import { TRANSFER_NOTES } from '../reasons.js';
import { ErrorAlert, KeyCaps } from './common.js';
import { Dialog, confirmsOnEnter, typingIn } from './Dialog.js';

export interface TransferTarget {
  toService: string | null;
  toCounter: number | null;
  note: string | null;
}

/** Send the citizen to another service (typed by its letter) or to a named counter, with a note. */
export function TransferDialog({
  config,
  ticket,
  counter,
  error,
  busy,
  onConfirm,
  onClose,
}: {
  config: OfficeConfig;
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
  const services = config.services.filter((s) => s.prefix !== ticket.service);
  const counters = config.counters.filter((c) => c.number !== counter);

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
    if (!service && toCounter === null) return setMissing(true);
    if (!busy) onConfirm({ toService: service, toCounter, note: note.trim() || null });
  };

  const onKey = (e: KeyboardEvent) => {
    if (confirmsOnEnter(e)) {
      confirm();
      return true;
    }
    if (typingIn(e.target)) return false;
    const s = services.find((x) => x.prefix === e.key.toUpperCase());
    if (s) {
      chooseService(s.prefix);
      return true;
    }
    return false;
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
          {services.map((s, i) => (
            <button
              key={s.prefix}
              type="button"
              role="radio"
              aria-checked={service === s.prefix}
              className="choice choice-service"
              data-autofocus={i === 0 ? true : undefined}
              onClick={() => chooseService(s.prefix)}
            >
              <kbd>{s.prefix}</kbd>
              <span>{pick(s.name, locale)}</span>
            </button>
          ))}
        </div>
      </fieldset>
      <fieldset className="chips-field">
        <legend>{t('toCounter')}</legend>
        <div className="chips counter-chips" role="radiogroup" aria-label={t('toCounter')}>
          {counters.map((c) => (
            <button
              key={c.number}
              type="button"
              role="radio"
              aria-checked={toCounter === c.number}
              aria-label={t('counterN', { n: c.number })}
              className="chip chip-counter"
              title={pick(c.agency, locale)}
              onClick={() => chooseCounter(c.number)}
            >
              {c.number}
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
