import { useState } from 'react';
import type { Outcome, SessionsConfig, Ticket } from '@luot/core';
import { pick } from '@luot/ui';
import { useText, type Refusal } from '../hooks.js';
import {
  EMPTY_DRAFT,
  OUTCOMES,
  RETURN_IN_WORKING_DAYS,
  addWorkingDays,
  buildOutcome,
  formatDay,
  outcomeChoice,
  type OutcomeDraft,
} from '../outcome.js';
import { ErrorAlert, KeyCaps } from './common.js';
import { Dialog, confirmsOnEnter, typingIn } from './Dialog.js';

/** Finish a visit with its outcome ("rõ kết quả"): one key for the kind, a few taps for the rest. */
export function FinishDialog({
  ticket,
  today,
  sessions,
  error,
  busy,
  onConfirm,
  onClose,
}: {
  ticket: Ticket;
  /** The hub's day, YYYY-MM-DD: return dates count working days from it. */
  today: string;
  sessions: SessionsConfig;
  error: Refusal | null;
  busy: boolean;
  onConfirm: (outcome: Outcome) => void;
  onClose: () => void;
}) {
  const { t, locale } = useText();
  const [draft, setDraft] = useState<OutcomeDraft>(EMPTY_DRAFT);
  const [missing, setMissing] = useState<'kind' | 'reason' | null>(null);
  const choice = draft.kind ? outcomeChoice(draft.kind) : null;
  const dates = RETURN_IN_WORKING_DAYS.map((n) => ({ n, day: addWorkingDays(today, n, sessions) }));

  const update = (d: Partial<OutcomeDraft>) => {
    setDraft((old) => ({ ...old, ...d }));
    setMissing(null);
  };
  const confirm = () => {
    const r = buildOutcome(draft);
    if (!r.ok) setMissing(r.missing);
    else if (!busy) onConfirm(r.outcome);
  };
  const toggleReason = (id: string) =>
    update({
      reasons: draft.reasons.includes(id) ? draft.reasons.filter((x) => x !== id) : [...draft.reasons, id],
    });

  const onKey = (e: KeyboardEvent) => {
    if (confirmsOnEnter(e)) {
      confirm();
      return true;
    }
    if (typingIn(e.target)) return false;
    const o = OUTCOMES.find((x) => x.key === e.key);
    if (o) {
      update({ kind: o.kind, reasons: [] });
      return true;
    }
    return false;
  };

  return (
    <Dialog
      title={t('finishTitle', { number: ticket.number })}
      intro={t('finishIntro')}
      onClose={onClose}
      onKey={onKey}
      className="dialog-finish"
      footer={
        <>
          <button type="button" className="btn btn-ghost" onClick={onClose}>
            {t('cancel')} <KeyCaps caps={['Esc']} />
          </button>
          <button type="button" className="btn btn-primary" onClick={confirm} disabled={busy}>
            {t('confirm')} <KeyCaps caps={['Enter']} />
          </button>
        </>
      }
    >
      <div className="choice-grid outcome-grid" role="radiogroup" aria-label={t('outcome')}>
        {OUTCOMES.map((o, i) => (
          <button
            key={o.kind}
            type="button"
            role="radio"
            aria-checked={draft.kind === o.kind}
            className="choice"
            data-autofocus={i === 0 ? true : undefined}
            onClick={() => update({ kind: o.kind, reasons: [] })}
          >
            <kbd>{o.key}</kbd>
            <span>{pick(o.label, locale)}</span>
          </button>
        ))}
      </div>

      {choice && choice.reasons.length > 0 && (
        <fieldset className="chips-field">
          <legend>{t(choice.reasonRequired ? 'reasonsRefused' : 'reasonsGuided')}</legend>
          <div className="chips">
            {choice.reasons.map((r) => (
              <button
                key={r.id}
                type="button"
                className="chip"
                aria-pressed={draft.reasons.includes(r.id)}
                onClick={() => toggleReason(r.id)}
              >
                {pick(r.label, locale)}
              </button>
            ))}
          </div>
        </fieldset>
      )}

      {choice?.dossier && (
        <label className="field">
          <span>{t('dossierCode')}</span>
          <input
            value={draft.dossierCode}
            maxLength={40}
            autoComplete="off"
            spellCheck={false}
            onChange={(e) => update({ dossierCode: e.target.value })}
          />
        </label>
      )}

      {choice?.returnDate && (
        <fieldset className="chips-field">
          <legend>{t('returnDate')}</legend>
          <div className="chips">
            <button
              type="button"
              className="chip"
              aria-pressed={draft.returnDate === ''}
              onClick={() => update({ returnDate: '' })}
            >
              {t('noDate')}
            </button>
            {dates.map(({ n, day }) => (
              <button
                key={n}
                type="button"
                className="chip"
                aria-pressed={draft.returnDate === day}
                onClick={() => update({ returnDate: day })}
              >
                {t('workingDays', { n })} · {formatDay(day).slice(0, 5)}
              </button>
            ))}
            <label className="chip chip-date">
              <span>{t('otherDate')}</span>
              <input
                type="date"
                min={today}
                value={dates.some((d) => d.day === draft.returnDate) ? '' : draft.returnDate}
                onChange={(e) => update({ returnDate: e.target.value })}
              />
            </label>
          </div>
        </fieldset>
      )}

      {missing && (
        <p className="form-error" role="alert">
          {t(missing === 'kind' ? 'missingKind' : 'missingReason')}
        </p>
      )}
      <ErrorAlert error={error} />
    </Dialog>
  );
}
