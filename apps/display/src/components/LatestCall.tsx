import type { ServiceConfig } from '@luot/core';
import { pick, useLocale } from '@luot/ui';
import { makeT } from '../i18n.js';
import type { CallRecord } from '../view-model.js';

/**
 * The latest call still in force, as large as the screen allows; it flashes only when it has just come
 * in live. With no call in force (none yet, or every call so far is over) it says so, inviting nobody.
 */
export function LatestCall({
  call,
  anyCalled,
  flashing,
  services,
}: {
  call: CallRecord | null;
  anyCalled: boolean;
  flashing: boolean;
  services: ServiceConfig[];
}) {
  const locale = useLocale();
  const t = makeT(locale);
  if (!call) {
    return (
      <section className="latest latest--empty" data-testid="latest-call" data-flash="false">
        <p className="latest-empty">{t(anyCalled ? 'noCallNow' : 'nothingCalled')}</p>
        <p className="latest-hint">{t(anyCalled ? 'noCallNowHint' : 'nothingCalledHint')}</p>
      </section>
    );
  }
  const service = services.find((s) => s.prefix === call.service);
  return (
    <section
      className={`latest${flashing ? ' latest--flash' : ''}`}
      data-testid="latest-call"
      data-number={call.number}
      data-counter={call.counter}
      data-recall={String(call.recall)}
      data-booked={String(call.booked)}
      data-flash={String(flashing)}
      aria-live="assertive"
    >
      <p className="latest-label">
        {t('nowCalling')}
        {call.recall && <span className="latest-recall">{t('recall')}</span>}
        {call.booked && <span className="latest-booked">{t('booked')}</span>}
      </p>
      <p className="latest-number">{call.number}</p>
      <p className="latest-counter">{t('toCounter', { n: call.counter })}</p>
      {service && <p className="latest-service">{pick(service.name, locale)}</p>}
    </section>
  );
}
