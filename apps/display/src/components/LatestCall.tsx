import type { ServiceConfig } from '@luot/core';
import { pick, useLocale } from '@luot/ui';
import type { CallRecord } from '../call-log.js';
import { makeT } from '../i18n.js';

/** The latest call, as large as the screen allows; it flashes only when it has just come in live. */
export function LatestCall({
  call,
  flashing,
  services,
}: {
  call: CallRecord | null;
  flashing: boolean;
  services: ServiceConfig[];
}) {
  const locale = useLocale();
  const t = makeT(locale);
  if (!call) {
    return (
      <section className="latest latest--empty" data-testid="latest-call" data-flash="false">
        <p className="latest-empty">{t('nothingCalled')}</p>
        <p className="latest-hint">{t('nothingCalledHint')}</p>
      </section>
    );
  }
  const service = services.find((s) => s.prefix === call.service);
  return (
    <section
      // A new call remounts the card, so its flashing starts over.
      key={call.seq ?? call.ticketId}
      className={`latest${flashing ? ' latest--flash' : ''}`}
      data-testid="latest-call"
      data-number={call.number}
      data-counter={call.counter}
      data-flash={String(flashing)}
      aria-live="assertive"
    >
      <p className="latest-label">
        {t('nowCalling')}
        {call.recall && <span className="latest-recall">{t('recall')}</span>}
      </p>
      <p className="latest-number">{call.number}</p>
      <p className="latest-counter">{t('toCounter', { n: call.counter })}</p>
      {service && <p className="latest-service">{pick(service.name, locale)}</p>}
    </section>
  );
}
