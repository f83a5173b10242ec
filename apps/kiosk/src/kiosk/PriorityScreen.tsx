import type { PriorityCategory } from '@luot/core';
import { CATEGORY_ICONS, Icon, pick, useLocale } from '@luot/ui';
import { useTexts } from './hooks';

/** The categories of citizens served first (from the configuration), one big button each. */
export function PriorityScreen({
  categories,
  onPick,
  onBack,
}: {
  categories: PriorityCategory[];
  onPick: (id: string) => void;
  onBack: () => void;
}) {
  const locale = useLocale();
  const t = useTexts();
  return (
    <section className="k-priority">
      <div className="k-home-title">
        <h1>{t('priorityTitle')}</h1>
        <p>{t('priorityHint')}</p>
      </div>
      <div className="k-categories">
        {categories.map((c) => (
          <button
            key={c.id}
            type="button"
            className="k-category"
            onClick={() => onPick(c.id)}
            data-category={c.id}
          >
            <Icon name={CATEGORY_ICONS[c.id] ?? 'priority'} />
            <span>{pick(c.name, locale)}</span>
          </button>
        ))}
      </div>
      <button type="button" className="k-button k-button-outline k-back" onClick={onBack}>
        {t('back')}
      </button>
    </section>
  );
}
