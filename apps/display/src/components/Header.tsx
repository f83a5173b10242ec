import type { Level } from '@luot/core';
import { formatDate, formatTime, pick, useHubNow, useLocale, type HubTime } from '@luot/ui';
import { LEVEL_TEXT, makeT } from '../i18n.js';
import { LEVEL_COLOURS } from '../view-model.js';

/**
 * Office name, the distancing level, and the hub's time and date (the office's reference clock). The
 * level sits up here, beside the clock, to leave the hall column its height for the entry calls.
 */
export function Header({
  office,
  level,
  timeZone,
  clock,
}: {
  office: string;
  level: Level;
  timeZone: string;
  /** The hub's clock (the client): the office's reference time, whatever the TV's clock says. */
  clock: HubTime;
}) {
  const locale = useLocale();
  const t = makeT(locale);
  // Only the header re-renders every second, not the whole wall.
  const now = useHubNow(clock, 1000);
  return (
    <header className="display-header">
      <svg className="display-emblem" viewBox="0 0 100 100" aria-hidden="true">
        <circle cx="50" cy="50" r="50" fill="var(--luot-gold)" />
        <path
          d="M50 16l8.6 26.5h27.8L63.9 58.9l8.6 26.5L50 69l-22.5 16.4 8.6-26.5L13.6 42.5h27.8z"
          fill="var(--luot-red)"
        />
      </svg>
      <h1 className="display-office">{office}</h1>
      <div className={`level level--${LEVEL_COLOURS[level]}`} data-testid="level" data-level={level}>
        <span className="level-name">{t('level', { n: level })}</span>
        <span className="level-risk">{pick(LEVEL_TEXT[level], locale)}</span>
      </div>
      <div className="display-clock">
        <time className="display-time">{formatTime(now, timeZone)}</time>
        <span className="display-date">{formatDate(now, timeZone, locale)}</span>
      </div>
    </header>
  );
}
