import type { PriorityCategory } from '@luot/core';
import { Icon, pick, useLocale } from '@luot/ui';
import type { HomeView, TileView } from './availability';
import { useTexts } from './hooks';
import { noticeText, portalAddress, shortWait, tileReason, unstaffedText } from './texts';

interface HomeProps {
  home: HomeView;
  /** The chosen category on the priority path, or null. */
  priority: PriorityCategory | null;
  categories: PriorityCategory[];
  onTake: (service: string) => void;
  onPriority: () => void;
  /** "Tôi đã đặt lịch": the check-in screen. */
  onCheckIn: () => void;
  onCancelPriority: () => void;
  /** Browser kiosks paused by a printer fault: staff resume by hand. */
  onResume: (() => void) | null;
}

/** The service tiles, with what closes them said once above, and the way into the priority path. */
export function HomeScreen({
  home,
  priority,
  categories,
  onTake,
  onPriority,
  onCheckIn,
  onCancelPriority,
  onResume,
}: HomeProps) {
  const locale = useLocale();
  const t = useTexts();
  const notice = home.notice && home.notice.kind !== 'offline' ? home.notice : null;
  const closedByLevel = home.closedByLevel.length > 0;
  return (
    <section className="k-home">
      {priority ? (
        <div className="k-priority-banner">
          <Icon name="priority" className="k-priority-banner-icon" />
          <div>
            <h1>{t('priorityChosen', { name: pick(priority.name, locale) })}</h1>
            <p>{t('priorityPickService')}</p>
          </div>
          <button type="button" className="k-button k-button-outline" onClick={onCancelPriority}>
            {t('cancelPriority')}
          </button>
        </div>
      ) : (
        <div className="k-home-title">
          <div>
            <h1>{t('homeTitle')}</h1>
            <p>{t('homeHint')}</p>
          </div>
          {/* Beside the title, not among the tiles: it is not a service, and a booked citizen
              looks for it first. A scan works without it (KioskApp listens for the scanner). */}
          <button
            type="button"
            className="k-booked-entry"
            onClick={onCheckIn}
            // A check-in is not stopped by the hours or the daily cap (queue-rules.md, "Bookings").
            disabled={['offline', 'printer_paused', 'day_closed'].includes(home.notice?.kind ?? '')}
            data-testid="booked-entry"
          >
            <Icon name="check" className="k-booked-entry-icon" />
            <span>
              <span className="k-booked-entry-title">{t('bookedEntry')}</span>
              <span className="k-booked-entry-hint">{t('bookedEntryHint')}</span>
            </span>
          </button>
        </div>
      )}

      {/* What limits the tiles, said once: on top of each other in portrait, side by side in landscape. */}
      <div className="k-notices">
        {notice && (
          <div className={`k-notice k-notice-${notice.kind}`} role="status">
            <Icon name={notice.kind === 'printer_paused' ? 'printer' : 'clock'} />
            <div>
              {notice.kind === 'printer_paused' && <strong>{t('pausedTitle')}</strong>}
              <p>{pick(noticeText(notice), locale)}</p>
            </div>
            {notice.kind === 'printer_paused' && onResume && (
              <button type="button" className="k-button k-button-small" onClick={onResume}>
                {t('resume')}
              </button>
            )}
          </div>
        )}
        {/* The level's note, and where to file online what it closes here: once, above the tiles
            (a tile has no room left for a web address under a three-line name and its reason). */}
        {!notice && home.level !== null && (home.levelNote || closedByLevel) && (
          <div className="k-notice k-notice-level" role="status" data-level={home.level}>
            <Icon name="alert" />
            {/* After the level's note in the same paragraph: a line of its own would take the
                tiles' height in landscape, where this notice shares its row with "hall full". */}
            <p>
              {home.levelNote && pick(home.levelNote, locale)}
              {home.levelNote && closedByLevel && ' '}
              {closedByLevel && (
                <strong className="k-notice-portal" data-testid="portal">
                  {t(home.levelNote ? 'fileOnline' : 'fileOnlineClosed', {
                    portal: portalAddress(home.portal),
                  })}
                </strong>
              )}
            </p>
          </div>
        )}
        {!notice && home.hallFull && (
          <div className="k-notice k-notice-full" role="status">
            <Icon name="outside" />
            <p>{t('hallFull')}</p>
          </div>
        )}
      </div>

      <div className="k-tiles">
        {home.tiles.map((tile) => (
          <ServiceTile key={tile.service.prefix} tile={tile} onTake={onTake} priority={priority !== null} />
        ))}
        {/* In the grid, so it takes the place of two tiles where the last row has room. */}
        {!priority && categories.length > 0 && (
          <button
            type="button"
            className="k-priority-entry"
            onClick={onPriority}
            disabled={home.notice !== null}
          >
            <Icon name="priority" className="k-priority-entry-icon" />
            <span className="k-priority-entry-text">
              <span className="k-priority-entry-title">{t('priorityEntry')}</span>
              <span className="k-priority-entry-list">{categoryList(categories, locale)}</span>
            </span>
          </button>
        )}
      </div>
    </section>
  );
}

/** "Người cao tuổi, người khuyết tật, phụ nữ có thai…" as one sentence. */
function categoryList(categories: PriorityCategory[], locale: 'vi' | 'en'): string {
  return categories
    .map((c, i) => {
      const name = pick(c.name, locale);
      return i === 0 ? name : name.charAt(0).toLocaleLowerCase(locale) + name.slice(1);
    })
    .join(', ');
}

function ServiceTile({
  tile,
  onTake,
  priority,
}: {
  tile: TileView;
  onTake: (service: string) => void;
  /** On the priority path the count is the priority tickets ahead, not everyone waiting. */
  priority: boolean;
}) {
  const locale = useLocale();
  const t = useTexts();
  const { service } = tile;
  const name = pick(service.name, locale);
  return (
    <button
      type="button"
      className={`k-tile${tile.available ? '' : ' k-tile-off'}`}
      disabled={!tile.available}
      onClick={() => onTake(service.prefix)}
      data-service={service.prefix}
    >
      <span className="k-tile-icon">
        <Icon name={service.icon ?? 'document'} />
        <span className="k-tile-letter" aria-hidden="true">
          {service.prefix}
        </span>
      </span>
      <span className="k-tile-body">
        <span className="k-tile-name">{name}</span>
        {tile.reason ? (
          <span className="k-tile-reason">
            <Icon name="alert" />
            {pick(tileReason(tile.reason), locale)}
          </span>
        ) : (
          <span className="k-tile-meta">
            {/* Unstaffed and empty: the sentence alone, so a long service name and it still fit the tile. */}
            {!(tile.unstaffed && tile.waiting === 0) && (
              <span>
                <Icon name="people" />
                {priority
                  ? tile.waiting > 0
                    ? t('ahead', { n: tile.waiting })
                    : t('nobodyAhead')
                  : tile.waiting > 0
                    ? t('waiting', { n: tile.waiting })
                    : t('nobodyWaiting')}
              </span>
            )}
            {tile.unstaffed ? (
              <span className="k-tile-unstaffed" data-testid="unstaffed">
                <Icon name="clock" />
                {unstaffedText(tile.unstaffed, locale)}
              </span>
            ) : (
              <span data-testid="tile-wait">
                <Icon name="clock" />
                {shortWait(tile.waitRange, locale)}
              </span>
            )}
            {tile.remaining !== null && tile.remaining <= 10 && (
              <span className="k-tile-remaining">{t('remaining', { n: tile.remaining })}</span>
            )}
          </span>
        )}
      </span>
    </button>
  );
}
