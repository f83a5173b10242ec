import { servicesLeftIfClosed, type DayState, type OfficeConfig } from '@luot/core';
import { pick } from '@luot/ui';
import { useText, type Refusal } from '../hooks.js';
import { ErrorAlert, KeyCaps } from './common.js';
import { Dialog, confirmsOnEnter } from './Dialog.js';

/**
 * Closing the counter signs the officer out and marks the counter closed for the day; signing out
 * (`kind` 'signOut') leaves it "Chưa mở" until an officer signs in. Either way nobody calls from it
 * meanwhile, so both ask first. When it is the last staffed counter for some of its services, the
 * dialog names them and how many wait, and the confirmation says so: "other counters will call
 * them" was untrue for those citizens.
 */
export function ConfirmCloseDialog({
  kind = 'close',
  config,
  state,
  counter,
  error,
  busy,
  onConfirm,
  onClose,
}: {
  kind?: 'close' | 'signOut';
  config: OfficeConfig;
  state: DayState;
  counter: number;
  error: Refusal | null;
  busy: boolean;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const { t, locale } = useText();
  const left = servicesLeftIfClosed(config, state, counter);
  const waiting = left.reduce((sum, s) => sum + s.waiting, 0);
  const onKey = (e: KeyboardEvent) => {
    if (!confirmsOnEnter(e)) return false;
    if (!busy) onConfirm();
    return true;
  };
  const name = (prefix: string) => {
    const svc = config.services.find((s) => s.prefix === prefix);
    return svc ? `${prefix} – ${pick(svc.name, locale)}` : prefix;
  };
  const signOut = kind === 'signOut';
  const confirmLabel =
    left.length === 0 || (signOut && waiting === 0)
      ? t(signOut ? 'signOut' : 'closeCounter')
      : waiting > 0
        ? t(signOut ? 'signOutAnyway' : 'closeAnyway', { n: waiting })
        : t('closeAnywayEmpty');
  return (
    <Dialog
      title={t(signOut ? 'signOutTitle' : 'closeTitle')}
      onClose={onClose}
      onKey={onKey}
      footer={
        <>
          <button type="button" className="btn btn-ghost" onClick={onClose} data-autofocus>
            {t('cancel')} <KeyCaps caps={['Esc']} />
          </button>
          <button type="button" className="btn btn-danger" onClick={onConfirm} disabled={busy}>
            {confirmLabel}
          </button>
        </>
      }
    >
      {left.length === 0 ? (
        <p>{t(signOut ? 'signOutBody' : 'closeBody', { n: counter })}</p>
      ) : (
        <>
          <p>{t(signOut ? 'signOutLeavesIntro' : 'closeLeavesIntro', { n: counter })}</p>
          <ul className="close-left" data-testid="close-left">
            {left.map((s) => (
              <li key={s.service}>{t('closeLeavesItem', { name: name(s.service), n: s.waiting })}</li>
            ))}
          </ul>
          {waiting > 0 && <p>{t('closeLeavesNote')}</p>}
        </>
      )}
      <ErrorAlert error={error} />
    </Dialog>
  );
}
