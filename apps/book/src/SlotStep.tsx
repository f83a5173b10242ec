import { useEffect, useState } from 'react';
import type { BookingCatalog, BookingError, FreeSlot } from '@luot/protocol';
import type { Text } from '@luot/core';
import { pick } from '@luot/ui/i18n';
import { bookingApi } from './api';
import { Failure } from './Failure';
import { clock, dayLabel } from './dates';
import { useLocale, useTexts } from './hooks';

/** The office's local day of an instant (YYYY-MM-DD): a nearest slot may be on another day. */
function dayOf(epochMs: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(epochMs);
}

/** The day (today and the next working days) and a slot with its free places. */
export function SlotStep({
  catalog,
  service,
  date,
  refusal,
  onDate,
  onSlot,
}: {
  catalog: BookingCatalog;
  service: string;
  date: string;
  refusal: { message: Text; nearest: FreeSlot[] } | null;
  onDate: (date: string) => void;
  onSlot: (slot: FreeSlot, date?: string) => void;
}) {
  const t = useTexts();
  const locale = useLocale();
  const [slots, setSlots] = useState<{ key: string; slots: FreeSlot[] } | null>(null);
  const [failure, setFailure] = useState<BookingError | null>(null);
  const [attempt, setAttempt] = useState(0);
  const key = `${service}/${date}`;
  const zone = catalog.office.timeZone;

  useEffect(() => {
    let live = true;
    setFailure(null);
    void bookingApi.slots(service, date).then((answer) => {
      if (!live) return;
      if (answer.ok) setSlots({ key: `${service}/${date}`, slots: answer.value.slots });
      else setFailure(answer.error);
    });
    return () => {
      live = false;
    };
  }, [service, date, attempt]);

  const shown = slots?.key === key ? slots.slots.filter((s) => s.open) : null;
  return (
    <>
      {refusal && (
        <div className="b-alert" role="alert" data-testid="slot-lost">
          <p>{pick(refusal.message, locale)}</p>
          {refusal.nearest.length > 0 && (
            <>
              <p className="b-alert-sub">{t('nearestTitle')}</p>
              <div className="b-slots">
                {refusal.nearest.map((s) => {
                  const day = dayOf(s.startsAt, zone);
                  return (
                    <button
                      key={s.startsAt}
                      type="button"
                      className="b-slot"
                      onClick={() => onSlot(s, day)}
                      data-nearest={s.start}
                    >
                      <span className="b-slot-time">{clock(s.startsAt, zone)}</span>
                      <span className="b-slot-left">
                        {day === date ? t('remaining', { n: s.remaining }) : dayLabel(day, locale)}
                      </span>
                    </button>
                  );
                })}
              </div>
            </>
          )}
        </div>
      )}
      <fieldset className="b-days">
        <legend>{t('dayLabel')}</legend>
        <div className="b-day-list">
          {catalog.days.map((d, i) => (
            <button
              key={d}
              type="button"
              className={`b-day${d === date ? ' b-chosen' : ''}`}
              aria-pressed={d === date}
              onClick={() => onDate(d)}
              data-day={d}
            >
              {i === 0 ? `${t('today')}` : dayLabel(d, locale).split(',')[0]}
              <span className="b-day-date">{dayLabel(d, locale).split(', ')[1]}</span>
            </button>
          ))}
        </div>
      </fieldset>
      <fieldset className="b-times">
        <legend>
          {t('slotLabel')} — {dayLabel(date, locale)}
        </legend>
        {failure ? (
          <Failure error={failure} onRetry={() => setAttempt((n) => n + 1)} />
        ) : shown === null ? (
          <div className="b-slots b-slots-loading" aria-busy="true" />
        ) : shown.length === 0 ? (
          <p className="b-empty">{t('noSlots')}</p>
        ) : (
          <div className="b-slots">
            {shown.map((s) => (
              <button
                key={s.startsAt}
                type="button"
                className="b-slot"
                disabled={s.remaining <= 0}
                onClick={() => onSlot(s)}
                data-slot={s.start}
                aria-label={`${s.start}, ${s.remaining > 0 ? t('remaining', { n: s.remaining }) : t('full')}`}
              >
                <span className="b-slot-time">{s.start}</span>
                <span className="b-slot-left">
                  {s.remaining > 0 ? t('remaining', { n: s.remaining }) : t('full')}
                </span>
              </button>
            ))}
          </div>
        )}
      </fieldset>
    </>
  );
}
