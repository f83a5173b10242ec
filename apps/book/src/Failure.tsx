import type { BookingError } from '@luot/protocol';
import { pick } from '@luot/ui/i18n';
import { useLocale, useTexts } from './hooks';

/** A refusal or a lost connection, in the citizen's words, with a way to try again where it helps. */
export function Failure({ error, onRetry }: { error: BookingError; onRetry?: () => void }) {
  const t = useTexts();
  const locale = useLocale();
  return (
    <div className="b-alert" role="alert" data-error={error.error}>
      <p>{pick(error.message, locale)}</p>
      {onRetry && (
        <button type="button" className="b-button b-button-outline" onClick={onRetry}>
          {t('retry')}
        </button>
      )}
    </div>
  );
}
