import { formatDate, formatTime, useHubNow, useLocale, type HubTime } from '@luot/ui';

/** Office name, and the hub's time and date (the office's reference clock). */
export function Header({
  office,
  timeZone,
  clock,
}: {
  office: string;
  timeZone: string;
  /** The hub's clock (the client): the office's reference time, whatever the TV's clock says. */
  clock: HubTime;
}) {
  const locale = useLocale();
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
      <div className="display-clock">
        <time className="display-time">{formatTime(now, timeZone)}</time>
        <span className="display-date">{formatDate(now, timeZone, locale)}</span>
      </div>
    </header>
  );
}
