import { SHORTCUTS } from '../shortcuts.js';
import { useText } from '../hooks.js';
import type { TextKey } from '../text.js';
import { KeyCaps } from './common.js';
import { Dialog } from './Dialog.js';

const LABEL: Record<(typeof SHORTCUTS)[number]['action'], TextKey> = {
  callNext: 'callNext',
  recall: 'recall',
  startServing: 'startServing',
  finish: 'finish',
  noShow: 'noShow',
  transfer: 'transfer',
  pause: 'pause',
  callTicket: 'callTicket',
  help: 'help',
};

/** Every shortcut on one card (? or F9). */
export function HelpOverlay({ onClose }: { onClose: () => void }) {
  const { t } = useText();
  const onKey = (e: KeyboardEvent) => {
    if (e.key === '?' || e.key === 'F9' || e.key === 'Enter') {
      onClose();
      return true;
    }
    return false;
  };
  return (
    <Dialog title={t('helpTitle')} onClose={onClose} onKey={onKey} className="dialog-help">
      <table className="help-table">
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.action}>
              <th scope="row">
                {s.action === 'pause' ? `${t('pause')} / ${t('resume')}` : t(LABEL[s.action])}
              </th>
              <td>
                <KeyCaps caps={s.caps} />
              </td>
            </tr>
          ))}
          <tr>
            <th scope="row">{t('close')}</th>
            <td>
              <KeyCaps caps={['Esc']} />
            </td>
          </tr>
        </tbody>
      </table>
      <p className="muted">{t('helpEnter')}</p>
      <p className="muted">{t('helpDialogs')}</p>
    </Dialog>
  );
}
