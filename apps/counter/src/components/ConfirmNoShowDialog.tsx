import type { Ticket } from '@luot/core';
import { useText, type Refusal } from '../hooks.js';
import { actionForKey } from '../shortcuts.js';
import { ErrorAlert, KeyCaps } from './common.js';
import { Dialog } from './Dialog.js';

/**
 * "Vắng mặt" ends a citizen's turn, so one stray key must not do it: the no-show key opens this
 * dialog and the same key pressed again confirms. The focus starts on "Quay lại", so Enter (the
 * terminal's "next step" key, pressed often) keeps the citizen.
 */
export function ConfirmNoShowDialog({
  ticket,
  error,
  busy,
  onConfirm,
  onClose,
}: {
  ticket: Ticket;
  error: Refusal | null;
  busy: boolean;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const { t } = useText();
  const onKey = (e: KeyboardEvent) => {
    if (e.repeat || actionForKey(e, 'called') !== 'noShow') return false;
    if (!busy) onConfirm();
    return true;
  };
  return (
    <Dialog
      title={t('noShowTitle', { number: ticket.number })}
      onClose={onClose}
      onKey={onKey}
      footer={
        <>
          <button type="button" className="btn btn-ghost" onClick={onClose} data-autofocus>
            {t('back')} <KeyCaps caps={['Esc']} />
          </button>
          <button type="button" className="btn btn-danger" onClick={onConfirm} disabled={busy}>
            {t('noShow')} <KeyCaps caps={['−', 'F4']} />
          </button>
        </>
      }
    >
      <p>{t('noShowBody')}</p>
      <ErrorAlert error={error} />
    </Dialog>
  );
}
