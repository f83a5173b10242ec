import type { OfficeConfig, Text } from '@luot/core';
import { formatDate, formatTime, Icon, pick, useLocale } from '@luot/ui';
import { useTexts } from './hooks';

/** The red band on top: the office, the time of day and the language switch. */
export function Header({
  config,
  now,
  onSwitchLanguage,
}: {
  config: OfficeConfig | null;
  now: number;
  onSwitchLanguage: () => void;
}) {
  const locale = useLocale();
  const t = useTexts();
  const timeZone = config?.sessions.timeZone;
  return (
    <header className="k-header">
      <span className="k-emblem" aria-hidden="true">
        <Icon name="star" />
      </span>
      <div className="k-office">
        <div className="k-office-name">{pick(config?.office.shortName ?? config?.office.name, locale)}</div>
        {config?.office.address && <div className="k-office-address">{config.office.address}</div>}
      </div>
      {config && (
        <div className="k-clock">
          <div className="k-clock-time">{formatTime(now, timeZone)}</div>
          <div className="k-clock-date">{formatDate(now, timeZone, locale)}</div>
        </div>
      )}
      <button
        type="button"
        className="k-lang"
        onClick={onSwitchLanguage}
        lang={locale === 'vi' ? 'en' : 'vi'}
      >
        {t('switchLanguage')}
      </button>
    </header>
  );
}

/** The office's standing notice to citizens, from the configuration. */
export function Footer({ notice }: { notice: Text | undefined }) {
  const locale = useLocale();
  return <footer className="k-footer">{notice && <p>{pick(notice, locale)}</p>}</footer>;
}
