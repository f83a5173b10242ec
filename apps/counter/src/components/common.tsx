import type { ReactNode } from 'react';
import { saveSetting, type Locale } from '@luot/ui';
import type { Refusal } from '../hooks.js';
import { useText } from '../hooks.js';

/** Keyboard keys as they are drawn on buttons: <kbd>+</kbd> <kbd>F1</kbd>. */
export function KeyCaps({ caps }: { caps: readonly string[] }) {
  return (
    <span className="keycaps" aria-hidden="true">
      {caps.map((c) => (
        <kbd key={c}>{c}</kbd>
      ))}
    </span>
  );
}

/** VI | EN. The choice is kept on this PC. */
export function LangSwitch({ app, onChange }: { app: string; onChange: (l: Locale) => void }) {
  const { locale, t } = useText();
  const set = (l: Locale) => {
    saveSetting(app, 'lang', l);
    onChange(l);
  };
  return (
    <div className="lang-switch" role="group" aria-label={t('language')}>
      {(['vi', 'en'] as const).map((l) => (
        <button key={l} type="button" aria-pressed={locale === l} onClick={() => set(l)} lang={l}>
          {l === 'vi' ? 'Tiếng Việt' : 'English'}
        </button>
      ))}
    </div>
  );
}

/** A refusal from the hub, in its own words. */
export function ErrorAlert({
  error,
  onDismiss,
  extra,
}: {
  error: Refusal | null;
  onDismiss?: () => void;
  extra?: ReactNode;
}) {
  const { locale, t } = useText();
  if (!error) return null;
  return (
    <div className="alert alert-error" role="alert" data-code={error.code}>
      <span className="alert-icon" aria-hidden="true">
        !
      </span>
      <div className="alert-text">
        <strong>{error.messages[locale]}</strong>
        {extra}
      </div>
      {onDismiss && (
        <button type="button" className="alert-close" onClick={onDismiss} aria-label={t('dismiss')}>
          ×
        </button>
      )}
    </div>
  );
}
