import type { Level } from '@luot/core';
import { pick, useLocale } from '@luot/ui';
import { makeT, TILE_STATE_KEY } from '../i18n.js';
import { LEVEL_COLOURS, type CounterTile } from '../view-model.js';

/** Every counter at a glance: its number, the ticket at it, its service, officer and state. */
export function CounterGrid({ tiles, level }: { tiles: CounterTile[]; level: Level }) {
  const locale = useLocale();
  const t = makeT(locale);
  return (
    <section className="counters" aria-label={t('counters')}>
      <ol className="counter-grid" data-count={tiles.length}>
        {tiles.map((tile) => (
          <li
            key={tile.number}
            className={`tile tile--${tile.state}`}
            data-counter={tile.number}
            data-state={tile.state}
          >
            <div className="tile-top">
              <span className="tile-number" aria-label={t('counterShort', { n: tile.number })}>
                {tile.number}
              </span>
              {tile.state === 'closedAtLevel' ? (
                // Why it is closed, in the level's colour, where a ticket would be: "Tạm đóng (cấp độ 4)"
                // in one tag does not fit a landscape tile.
                <span className={`tile-level level--${LEVEL_COLOURS[level]}`}>
                  {t('level', { n: level })}
                </span>
              ) : (
                <span className="tile-ticket">{tile.ticket ?? ''}</span>
              )}
            </div>
            <div className="tile-tags">
              <span className="tile-state">{t(TILE_STATE_KEY[tile.state])}</span>
            </div>
            <p className="tile-service">
              {tile.servesAllPriority && <span className="tile-priority">{t('priority')}</span>}
              {tile.services.map((s) => (
                <span key={s.prefix}>
                  <b className="tile-prefix">{s.prefix}</b> {pick(s.name, locale)}{' '}
                </span>
              ))}
            </p>
            {tile.officer && <span className="tile-officer">{tile.officer}</span>}
          </li>
        ))}
      </ol>
    </section>
  );
}
