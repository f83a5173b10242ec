import type { CounterView } from '../counter-view.js';
import { useText } from '../hooks.js';
import { shortcutOf, type ShortcutAction } from '../shortcuts.js';
import type { TextKey } from '../text.js';
import { KeyCaps } from './common.js';

interface ActionButton {
  action: ShortcutAction;
  label: TextKey;
  enabled: boolean;
  tone: 'primary' | 'success' | 'plain' | 'warn';
  wide?: boolean;
}

/**
 * The officer's actions, each with its keys drawn on it. Buttons do not take focus on click, so
 * Enter always means "next step" and never re-presses the last button clicked.
 */
export function ActionBar({
  view,
  pending,
  onAction,
}: {
  view: CounterView;
  pending: string | null;
  onAction: (a: ShortcutAction) => void;
}) {
  const { t } = useText();
  const paused = view.counter.status === 'paused';
  const buttons: ActionButton[] = [
    { action: 'callNext', label: 'callNext', enabled: view.can.callNext, tone: 'primary', wide: true },
    { action: 'recall', label: 'recall', enabled: view.can.recall, tone: 'plain' },
    { action: 'startServing', label: 'startServing', enabled: view.can.startServing, tone: 'plain' },
    { action: 'finish', label: 'finish', enabled: view.can.finish, tone: 'success', wide: true },
    { action: 'noShow', label: 'noShow', enabled: view.can.noShow, tone: 'warn' },
    { action: 'transfer', label: 'transfer', enabled: view.can.transfer, tone: 'plain' },
    { action: 'callTicket', label: 'callTicket', enabled: view.can.callTicket, tone: 'plain', wide: true },
    {
      action: 'pause',
      label: paused ? 'resume' : 'pause',
      enabled: paused ? view.can.resume : view.can.pause,
      tone: paused ? 'primary' : 'plain',
      wide: true,
    },
  ];
  return (
    <div className="action-grid" role="toolbar" aria-label={t('appName')}>
      {buttons.map((b) => (
        <button
          key={b.action}
          type="button"
          className={`action action-${b.tone}${b.wide ? ' action-wide' : ''}`}
          disabled={!b.enabled || pending !== null}
          aria-busy={pending === b.action}
          aria-keyshortcuts={shortcutOf(b.action).keys.join(' ')}
          data-action={b.action}
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => onAction(b.action)}
        >
          <span className="action-label">{t(b.label)}</span>
          <KeyCaps caps={shortcutOf(b.action).caps} />
        </button>
      ))}
    </div>
  );
}
