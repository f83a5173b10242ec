import type { OfficeConfig, Text } from '@luot/core';
import { formatTime, Icon, pick, translator, useLocale, type Locale } from '@luot/ui';
import { useCountdown, useTexts } from './hooks';
import { KIOSK_TEXTS } from './texts';

/** Over the (disabled) tiles while the hub cannot be reached: nothing is issued, nothing made up. */
export function OfflineOverlay({ connecting }: { connecting: boolean }) {
  const t = useTexts();
  return (
    <div className="k-overlay" role="alert" data-testid="offline">
      <div className="k-overlay-card">
        <span className="k-overlay-icon k-overlay-icon-grey">
          <Icon name="offline" />
        </span>
        <h2>{t('offlineTitle')}</h2>
        <p>{t('offlineBody')}</p>
        <p className="k-spinner-line">
          <span className="k-spinner" aria-hidden="true" />
          {t(connecting ? 'connecting' : 'reconnecting')}
        </p>
      </div>
    </div>
  );
}

export function IssuingOverlay() {
  const t = useTexts();
  return (
    <div className="k-overlay k-overlay-light" role="status">
      <div className="k-overlay-card">
        <span className="k-spinner k-spinner-large" aria-hidden="true" />
        <h2>{t('issuing')}</h2>
      </div>
    </div>
  );
}

/**
 * The request may have reached the hub and no answer came back: the kiosk resends it until the hub
 * answers. Never "no number": the hub may already have issued (and printed) it.
 */
export function ConfirmingOverlay({ online }: { online: boolean }) {
  const t = useTexts();
  return (
    <div className="k-overlay k-overlay-light" role="status" data-testid="confirming">
      <div className="k-overlay-card">
        <span className="k-spinner k-spinner-large" aria-hidden="true" />
        <h2>{t('confirmingTitle')}</h2>
        <p>{t('confirmingBody')}</p>
        {!online && (
          <p className="k-spinner-line">
            <span className="k-spinner" aria-hidden="true" />
            {t('reconnecting')}
          </p>
        )}
      </div>
    </div>
  );
}

/**
 * No ticket to show: say why (the hub's own words), then go home. `unconfirmed`: the kiosk could
 * not confirm a request the hub may have carried out, so it must not claim that nothing was issued.
 */
export function RefusedScreen({
  message,
  unconfirmed,
  seconds,
  onBack,
}: {
  message: Text;
  unconfirmed: boolean;
  seconds: number;
  onBack: () => void;
}) {
  const locale = useLocale();
  const t = useTexts();
  const left = useCountdown(seconds, onBack, message);
  return (
    <section className="k-message" role="alert">
      <span className="k-overlay-icon k-overlay-icon-red">
        <Icon name="alert" />
      </span>
      <h1>{t(unconfirmed ? 'unconfirmedTitle' : 'refusedTitle')}</h1>
      <p>{pick(message, locale)}</p>
      <button type="button" className="k-button k-done" onClick={onBack}>
        {t('back')}
        <span className="k-done-countdown">{t('backIn', { n: left })}</span>
      </button>
    </section>
  );
}

/** A kiosk that cannot work at all (no token, token refused): both languages, for staff. */
export function BlockedScreen({ kind }: { kind: 'setup' | 'unauthorized' }) {
  const vi = translator(KIOSK_TEXTS, 'vi');
  const en = translator(KIOSK_TEXTS, 'en');
  return (
    <div className="kiosk kiosk-blocked">
      <section className="k-message" role="alert">
        <span className="k-overlay-icon k-overlay-icon-red">
          <Icon name="alert" />
        </span>
        <h1>{vi(`${kind}Title`)}</h1>
        <p>{vi(`${kind}Body`)}</p>
        <p className="k-message-en" lang="en">
          {en(`${kind}Title`)}. {en(`${kind}Body`)}
        </p>
      </section>
    </div>
  );
}

/** The attract screen after inactivity. Always Vietnamese first, English below. */
export function IdleScreen({
  config,
  now,
  onWake,
}: {
  config: OfficeConfig | null;
  now: number;
  onWake: () => void;
}) {
  const other: Locale = 'en';
  return (
    <button type="button" className="k-idle" onClick={onWake}>
      <span className="k-idle-emblem" aria-hidden="true">
        <Icon name="star" />
      </span>
      <span className="k-idle-office">{pick(config?.office.name, 'vi')}</span>
      <span className="k-idle-office-en" lang="en">
        {pick(config?.office.name, other)}
      </span>
      <span className="k-idle-touch">
        <Icon name="touch" className="k-idle-hand" />
        {KIOSK_TEXTS.touchToStart.vi}
      </span>
      <span className="k-idle-touch-en" lang="en">
        {KIOSK_TEXTS.touchToStart.en}
      </span>
      {config && <span className="k-idle-time">{formatTime(now, config.sessions.timeZone)}</span>}
    </button>
  );
}
