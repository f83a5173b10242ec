import { useText, type Refusal } from '../hooks.js';
import { ErrorAlert, KeyCaps } from './common.js';
import { Dialog, confirmsOnEnter } from './Dialog.js';

/** Closing the counter signs the officer out and marks the counter closed for the day. */
export function ConfirmCloseDialog({
  error,
  busy,
  onConfirm,
  onClose,
}: {
  error: Refusal | null;
  busy: boolean;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const { t } = useText();
  const onKey = (e: KeyboardEvent) => {
    if (!confirmsOnEnter(e)) return false;
    if (!busy) onConfirm();
    return true;
  };
  return (
    <Dialog
      title={t('closeTitle')}
      onClose={onClose}
      onKey={onKey}
      footer={
        <>
          <button type="button" className="btn btn-ghost" onClick={onClose} data-autofocus>
            {t('cancel')} <KeyCaps caps={['Esc']} />
          </button>
          <button type="button" className="btn btn-danger" onClick={onConfirm} disabled={busy}>
            {t('closeCounter')}
          </button>
        </>
      }
    >
      <p>{t('closeBody')}</p>
      <ErrorAlert error={error} />
    </Dialog>
  );
}
