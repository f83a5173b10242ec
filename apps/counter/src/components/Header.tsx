import type { CounterState, OfficeConfig } from '@luot/core';
import { pick, type Locale } from '@luot/ui';
import { useText } from '../hooks.js';
import { shortcutOf } from '../shortcuts.js';
import { KeyCaps, LangSwitch } from './common.js';

/** Who works at this counter ("rõ người"), its state, and the officer's session controls. */
export function Header({
  config,
  counter,
  online,
  canSignOut,
  onLocale,
  onHelp,
  onSignOut,
  onClose,
}: {
  config: OfficeConfig;
  counter: CounterState;
  online: boolean;
  canSignOut: boolean;
  onLocale: (l: Locale) => void;
  onHelp: () => void;
  onSignOut: () => void;
  onClose: () => void;
}) {
  const { t, locale } = useText();
  const officer = counter.officer;
  // Offline, the last known state may be stale: say that instead.
  const status = !online
    ? 'statusDisconnected'
    : counter.status === 'open'
      ? 'statusOpen'
      : counter.status === 'paused'
        ? 'statusPaused'
        : counter.status === 'closed'
          ? 'statusClosed'
          : 'statusOffline';
  return (
    <header className="topbar">
      <div className="counter-badge" data-testid="counter-number">
        <span>{t('counterLabel')}</span>
        <strong>{counter.number}</strong>
      </div>
      <div className="officer">
        <div className="officer-name" data-testid="officer-name">
          {officer?.name}
        </div>
        <div className="officer-agency">{pick(officer?.agency, locale)}</div>
      </div>
      <span
        className={`status-pill status-${online ? counter.status : 'disconnected'}`}
        data-testid="counter-status"
      >
        {t(status)}
      </span>
      <div className="topbar-office">{pick(config.office.shortName ?? config.office.name, locale)}</div>
      <div className="topbar-actions">
        <button type="button" className="btn btn-bar" onClick={onHelp}>
          {t('shortcutsButton')} <KeyCaps caps={shortcutOf('help').caps} />
        </button>
        <LangSwitch app="counter" onChange={onLocale} />
        <button type="button" className="btn btn-bar" onClick={onSignOut} disabled={!canSignOut}>
          {t('signOut')}
        </button>
        <button type="button" className="btn btn-bar btn-bar-danger" onClick={onClose} disabled={!canSignOut}>
          {t('closeCounter')}
        </button>
      </div>
    </header>
  );
}
