import type { Level } from '@luot/core';
import { pick, useLocale } from '@luot/ui';
import { makeT, TILE_STATE_KEY } from '../i18n.js';
import { LEVEL_COLOURS, type CounterTile } from '../view-model.js';

/** Every counter at a glance: its number, the ticket at it, its services and its state. */
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
              <span className="tile-ticket">{tile.ticket ?? ''}</span>
            </div>
            {/*
             * The services by the letter their tickets start with (the full names, read from 5 m, would not
             * fit 16 tiles; the call panel names the service of each call). The officer's name is on the
             * counter's own name plate, not needed from across the hall.
             */}
            <p className="tile-service" title={tile.services.map((s) => pick(s.name, locale)).join(' · ')}>
              {tile.state === 'closedAtLevel' && (
                // Why it is closed, in the level's colour.
                <span className={`tile-level level--${LEVEL_COLOURS[level]}`}>
                  {t('level', { n: level })}
                </span>
              )}
              {tile.servesAllPriority && <span className="tile-priority">{t('priority')}</span>}
              {tile.services.map((s) => (
                <b key={s.prefix} className="tile-prefix">
                  {s.prefix}
                </b>
              ))}
            </p>
            <span className="tile-state">{t(TILE_STATE_KEY[tile.state])}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
