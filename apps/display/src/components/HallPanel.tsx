import { pick, useLocale } from '@luot/ui';
import type { AdmissionRecord } from '../call-log.js';
import { makeT } from '../i18n.js';
import type { HallZone } from '../view-model.js';

/** Flow limits: hall occupancy against capacity, the entry calls, and whether the hall is full. */
export function HallPanel({
  zones,
  entries,
  flash,
}: {
  zones: HallZone[];
  entries: AdmissionRecord[];
  /**
   * The seq of a ticket just let in live (null otherwise): the entry calls flash, as the call panel does
   * for a counter call.
   */
  flash: number | null;
}) {
  const locale = useLocale();
  const t = makeT(locale);
  const full = zones.some((z) => z.full);
  // Entry calls read in the order the tickets were let in.
  const entryOrder = [...entries].reverse();
  return (
    <section className="hall" aria-label={t('inHall')}>
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

      {/*
       * A call into the hall matters as much to the citizen outside as a call to a counter does to one
       * inside: its numbers are as large as "Mời đến quầy số N" on the call panel.
       */}
      {entries.length > 0 && (
        <p
          // Each live entry remounts the line, so its flashing starts over.
          key={`entry-${flash ?? 'still'}`}
          className={`entry-calls${flash !== null ? ' entry-calls--flash' : ''}`}
          data-testid="entry-calls"
          data-flash={String(flash !== null)}
          aria-live="assertive"
        >
          <span className="entry-text">{t('entryBefore')}</span>{' '}
          {entryOrder.map((e, i) => (
            <span key={e.ticketId} className="entry-item">
              <b className="entry-number">{e.number}</b>
              {i < entryOrder.length - 1 && ','}
            </span>
          ))}{' '}
          {t('entryAfter') && <span className="entry-text">{t('entryAfter')}</span>}
        </p>
      )}
      {full && (
        <p className="hall-full" role="status" data-testid="hall-full">
          {t('full')}
        </p>
      )}
    </section>
  );
}
