import { pick, useLocale } from '@luot/ui';
import { makeT, waitText } from '../i18n.js';
import type { ServiceWaiting } from '../view-model.js';

/**
 * Each service's line: its letter (the one on the tickets), how many wait, and how long a ticket taken
 * now should wait — the same 5-minute range the kiosk, the ticket and the phone page give. Two columns
 * of rows, not small chips: a range ("15–20 phút") at a size read from 5 m needs the width.
 */
export function WaitingPanel({ waiting }: { waiting: ServiceWaiting[] }) {
  const locale = useLocale();
  const t = makeT(locale);
  const restricted = waiting.some((w) => w.restricted);
  return (
    <section className="panel waiting-panel" aria-labelledby="waiting-title">
      <h2 className="panel-title" id="waiting-title">
        {t('waitingTitle')}
      </h2>
      {/* What the lock means, said once: a label in every row would not fit, nor be read from afar. */}
      {restricted && (
        <p className="waiting-legend" data-testid="restricted-legend">
          <Lock className="waiting-lock" />
          {t('restricted')}
        </p>
      )}
      <ul className="waiting" data-testid="waiting">
        {waiting.map((w) => (
          <li
            key={w.prefix}
            className={`waiting-item${w.restricted ? ' waiting-item--restricted' : ''}`}
            data-service={w.prefix}
            title={pick(w.name, locale)}
          >
            <span className="waiting-service">
              <span className="waiting-prefix">{w.prefix}</span>
              {w.restricted && (
                <Lock className="waiting-lock" label={t('restricted')} testId="waiting-restricted" />
              )}
            </span>
            {/* Tickets issued before the level went up still wait and are still called. */}
            <span className="waiting-count" aria-label={t('waitingPeople', { n: w.waiting + w.outside })}>
              <Person />
              {w.waiting + w.outside}
            </span>
            {/* A service paused at this level takes no new ticket: no wait to promise for one. */}
            {w.restricted ? (
              <span className="waiting-wait waiting-wait--paused">{t('waitPaused')}</span>
            ) : (
              <span className={`waiting-wait${w.wait === null ? ' waiting-wait--none' : ''}`}>
                {waitText(w.wait, locale)}
              </span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A padlock: the service takes no new numbers at this level. */
function Lock({ className, label, testId }: { className: string; label?: string; testId?: string }) {
  return (
    <svg
      className={className}
      viewBox="3 1.5 18 21"
      role={label ? 'img' : undefined}
      aria-label={label}
      aria-hidden={label ? undefined : true}
      data-testid={testId}
    >
      <path d="M7.5 11V7.5a4.5 4.5 0 0 1 9 0V11" fill="none" stroke="currentColor" strokeWidth="2.6" />
      <rect x="4" y="10" width="16" height="12" rx="2.5" fill="currentColor" />
    </svg>
  );
}

/** A person: the figure beside it counts people, not minutes (no word needed, in either language). */
function Person() {
  return (
    <svg className="waiting-person" viewBox="0 0 24 24" aria-hidden="true">
      <circle cx="12" cy="7" r="4.5" fill="currentColor" />
      <path d="M3 22c0-5 4-8.5 9-8.5s9 3.5 9 8.5z" fill="currentColor" />
    </svg>
  );
}
