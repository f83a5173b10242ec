import type { Level } from '@luot/core';
import { pick, useLocale } from '@luot/ui';
import type { AdmissionRecord } from '../call-log.js';
import { LEVEL_TEXT, makeT } from '../i18n.js';
import { LEVEL_COLOURS, type HallZone, type ServiceWaiting } from '../view-model.js';

/** Flow limits: distancing level, hall occupancy against capacity, entry calls, waiting counts. */
export function HallPanel({
  level,
  zones,
  entries,
  waiting,
}: {
  level: Level;
  zones: HallZone[];
  entries: AdmissionRecord[];
  waiting: ServiceWaiting[];
}) {
  const locale = useLocale();
  const t = makeT(locale);
  const full = zones.some((z) => z.full);
  const restricted = waiting.some((w) => w.restricted);
  // Entry calls read in the order the tickets were let in.
  const entryOrder = [...entries].reverse();
  return (
    <section className="panel hall" aria-label={t('inHall')}>
      <div className="hall-flow">
        <div className={`level level--${LEVEL_COLOURS[level]}`} data-testid="level" data-level={level}>
          <span className="level-name">{t('level', { n: level })}</span>
          <span className="level-risk">{pick(LEVEL_TEXT[level], locale)}</span>
        </div>

        {zones.map((z) => (
          <div key={z.id} className={`occupancy${z.full ? ' occupancy--full' : ''}`} data-testid="occupancy">
            <span className="occupancy-label">{zones.length > 1 ? pick(z.name, locale) : t('inHall')}</span>
            <span className="occupancy-figure" data-testid="occupancy-figure">
              {z.inside}/{z.capacity}
            </span>
            <span className="occupancy-bar" aria-hidden="true">
              <span style={{ width: `${Math.min(100, (100 * z.inside) / Math.max(1, z.capacity))}%` }} />
            </span>
            {z.outside > 0 && <span className="occupancy-outside">{t('outside', { n: z.outside })}</span>}
          </div>
        ))}

        {entries.length > 0 && (
          <p className="entry-calls" data-testid="entry-calls">
            <span>{t('entryBefore')}</span>{' '}
            {entryOrder.map((e, i) => (
              <span key={e.ticketId}>
                {i > 0 && ', '}
                <b className="entry-number">{e.number}</b>
              </span>
            ))}{' '}
            <span>{t('entryAfter')}</span>
          </p>
        )}
        {full && (
          <p className="hall-full" role="status" data-testid="hall-full">
            {t('full')}
          </p>
        )}
      </div>

      <div className="hall-waiting">
        <div className="waiting-head">
          <h2 className="panel-title waiting-title">{t('waitingTitle')}</h2>
          {/* What the lock means, said once: a label in every chip would not fit, nor be read from afar. */}
          {restricted && (
            <p className="waiting-legend" data-testid="restricted-legend">
              <Lock className="waiting-lock" />
              {t('restricted')}
            </p>
          )}
        </div>
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
              <span className="waiting-count">{w.waiting + w.outside}</span>
            </li>
          ))}
        </ul>
      </div>
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
