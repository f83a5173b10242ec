import type { OfficeConfig } from '@luot/core';
import { pick, type Locale } from '@luot/ui';
import { statusBadge, type CounterView, type StatusBadge } from '../counter-view.js';
import { useText } from '../hooks.js';
import { shortcutOf } from '../shortcuts.js';
import type { TextKey } from '../text.js';
import { KeyCaps, LangSwitch } from './common.js';

const BADGE_TEXT: Record<StatusBadge, TextKey> = {
  disconnected: 'statusDisconnected',
  closed_by_supervisor: 'closedBySupervisorShort',
  closed_at_level: 'closedAtLevelShort',
  open: 'statusOpen',
  paused: 'statusPaused',
  closed: 'statusClosed',
  offline: 'statusOffline',
};

/** Who works at this counter ("rõ người"), its state, and the officer's session controls. */
export function Header({
  config,
  view,
  level,
  online,
  canSignOut,
  onLocale,
  onHelp,
  onSignOut,
  onClose,
}: {
  config: OfficeConfig;
  view: CounterView;
  /** The distancing level now: always shown, and named in the badge of a counter it closes. */
  level: number;
  online: boolean;
  canSignOut: boolean;
  onLocale: (l: Locale) => void;
  onHelp: () => void;
  onSignOut: () => void;
  onClose: () => void;
}) {
  const { t, locale } = useText();
  const counter = view.counter;
  const officer = counter.officer;
  const badge = statusBadge(view, online);
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
      <span className={`status-pill status-${badge}`} data-testid="counter-status" data-status={badge}>
        {t(BADGE_TEXT[badge], { level })}
      </span>
      {/* The level decides which counters and services are open: the officer sees it at a glance. */}
      <span
        className={`level-pill level-${level}`}
        data-testid="level"
        data-level={level}
        title={t('levelBadgeTitle')}
      >
        {t('levelBadge', { level })}
      </span>
      <div className="topbar-office">
        <span>{pick(config.office.shortName ?? config.office.name, locale)}</span>
      </div>
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
