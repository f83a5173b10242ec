import type { BookingCatalog } from '@luot/protocol';
import { pick } from '@luot/ui/i18n';
import { useLocale, useTexts } from './hooks';

/** The services that take bookings, each with the procedures (TTHC) it receives. */
export function ServiceStep({
  catalog,
  chosen,
  onPick,
}: {
  catalog: BookingCatalog;
  chosen: string | null;
  onPick: (service: string) => void;
}) {
  const t = useTexts();
  const locale = useLocale();
  if (catalog.services.length === 0) return <p className="b-alert">{t('noServices')}</p>;
  return (
    <ul className="b-services">
      {catalog.services.map((s) => (
        <li key={s.prefix} className="b-service">
          <button
            type="button"
            className={`b-service-pick${chosen === s.prefix ? ' b-chosen' : ''}`}
            onClick={() => onPick(s.prefix)}
            data-service={s.prefix}
          >
            <span className="b-letter" aria-hidden="true">
              {s.prefix}
            </span>
            <span className="b-service-name">{pick(s.name, locale)}</span>
            <span className="b-chevron" aria-hidden="true">
              ›
            </span>
          </button>
          {s.procedures.length > 0 && (
            // Beside the button, not inside it: a screen reader reads the button's name alone.
            <details className="b-procedures">
              <summary>
                {t('proceduresShow')} ({t('proceduresCount', { n: s.procedures.length })})
              </summary>
              <ul>
                {s.procedures.map((p, i) => (
                  <li key={i}>{pick(p, locale)}</li>
                ))}
              </ul>
            </details>
          )}
        </li>
      ))}
    </ul>
  );
}
