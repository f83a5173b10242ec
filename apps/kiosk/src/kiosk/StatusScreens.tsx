import type { OfficeConfig, Text } from '@luot/core';
import type { HomeView } from './availability';
import { formatTime, Icon, pick, translator, useLocale, type Locale } from '@luot/ui';
import { useCountdown, useTexts } from './hooks';
import { KIOSK_TEXTS, portalAddress } from './texts';

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

/**
 * The attract screen after inactivity. Always Vietnamese first, English below. It also says the
 * distancing level and, when the level closes services, which ones and where to file them online:
 * a citizen reads it before touching, and need not queue for what the counters do not take today.
 */
export function IdleScreen({
  config,
  home,
  now,
  onWake,
}: {
  config: OfficeConfig | null;
  home: HomeView;
  now: number;
  onWake: () => void;
}) {
  const other: Locale = 'en';
  const vi = translator(KIOSK_TEXTS, 'vi');
  const en = translator(KIOSK_TEXTS, 'en');
  const portal = portalAddress(home.portal);
  // The level's note at any level (the home screen shows it only when the level closes something).
  const note = home.level !== null ? config?.levels[home.level].note : undefined;
  return (
    <button
      type="button"
      className={`k-idle${home.closedByLevel.length > 0 ? ' k-idle-split' : ''}`}
      onClick={onWake}
    >
      {/* The office and the invitation; the level's card goes below (portrait) or beside (landscape). */}
      <span className="k-idle-main">
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
      </span>
      {home.level !== null && (
        <span className="k-idle-level" data-testid="idle-level" data-level={home.level}>
          <span className="k-idle-level-title">
            {vi('levelNow', { level: home.level })}
            <span className="k-idle-en" lang="en">
              {en('levelNow', { level: home.level })}
            </span>
          </span>
          {note && (
            <span className="k-idle-level-note">
              {pick(note, 'vi')}
              <span className="k-idle-en" lang="en">
                {pick(note, 'en')}
              </span>
            </span>
          )}
          {home.closedByLevel.length > 0 && (
            <>
              <span className="k-idle-closed-title">
                {vi('closedByLevel')}
                <span className="k-idle-en" lang="en">
                  {en('closedByLevel')}
                </span>
              </span>
              <span className="k-idle-closed" data-testid="idle-closed">
                {home.closedByLevel.map((s) => (
                  <span key={s.prefix} className="k-idle-closed-item">
                    <span className="k-idle-closed-letter">{s.prefix}</span>
                    {pick(s.name, 'vi')}
                  </span>
                ))}
              </span>
              <span className="k-idle-portal">
                {vi('fileOnline', { portal })}
                <span className="k-idle-en" lang="en">
                  {en('fileOnline', { portal })}
                </span>
              </span>
            </>
          )}
        </span>
      )}
    </button>
  );
}
