import { useState } from 'react';
import { pick } from '@luot/ui';
import { useText, type Refusal } from '../hooks.js';
import { PAUSE_REASONS } from '../reasons.js';
import { ErrorAlert, KeyCaps } from './common.js';
import { Dialog, confirmsOnEnter } from './Dialog.js';

/** Pause the counter with a short reason (keys 1–5). */
export function PauseDialog({
  error,
  busy,
  onConfirm,
  onClose,
}: {
  error: Refusal | null;
  busy: boolean;
  onConfirm: (reason: string) => void;
  onClose: () => void;
}) {
  const { t, locale } = useText();
  const [reason, setReason] = useState<string>(PAUSE_REASONS[0]!.id);
  const confirm = () => {
    if (!busy) onConfirm(reason);
  };
  const onKey = (e: KeyboardEvent) => {
    if (confirmsOnEnter(e)) {
      confirm();
      return true;
    }
    const r = PAUSE_REASONS[Number(e.key) - 1];
    if (/^[1-9]$/.test(e.key) && r) {
      setReason(r.id);
      return true;
    }
    return false;
  };
  return (
    <Dialog
      title={t('pauseTitle')}
      intro={t('pauseIntro')}
      onClose={onClose}
      onKey={onKey}
      footer={
        <>
          <button type="button" className="btn btn-ghost" onClick={onClose}>
            {t('cancel')} <KeyCaps caps={['Esc']} />
          </button>
          <button type="button" className="btn btn-primary" onClick={confirm} disabled={busy}>
            {t('pause')} <KeyCaps caps={['Enter']} />
          </button>
        </>
      }
    >
      <div className="choice-list" role="radiogroup" aria-label={t('pauseTitle')}>
        {PAUSE_REASONS.map((r, i) => (
          <button
            key={r.id}
            type="button"
            role="radio"
            aria-checked={reason === r.id}
            className="choice"
            data-autofocus={i === 0 ? true : undefined}
            onClick={() => setReason(r.id)}
          >
            <kbd>{i + 1}</kbd>
            <span>{pick(r.label, locale)}</span>
          </button>
        ))}
      </div>
      <ErrorAlert error={error} />
    </Dialog>
  );
}
