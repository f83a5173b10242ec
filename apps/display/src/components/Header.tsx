import { useEffect, useState } from 'react';
import { formatDate, formatTime, useLocale } from '@luot/ui';

/** Office name, and the hub's time and date (the office's reference clock). */
export function Header({
  office,
  timeZone,
  clockOffset,
}: {
  office: string;
  timeZone: string;
  clockOffset: number;
}) {
  const locale = useLocale();
  const now = useNow(1000) + clockOffset;
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

function useNow(everyMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
