import type { MouseEvent } from 'react';
import { useText } from '../hooks.js';

/** An on-screen numeric keypad for the PIN (and numeric officer ids) on touch screens. */
export function Keypad({
  onDigit,
  onBackspace,
  onClear,
}: {
  onDigit: (d: string) => void;
  onBackspace: () => void;
  onClear: () => void;
}) {
  const { t } = useText();
  // Keys keep the focus where it is (the field being filled).
  const keep = (e: MouseEvent) => e.preventDefault();
  return (
    <div className="keypad" role="group" aria-label="Keypad">
      {['1', '2', '3', '4', '5', '6', '7', '8', '9'].map((d) => (
        <button key={d} type="button" className="key" onMouseDown={keep} onClick={() => onDigit(d)}>
          {d}
        </button>
      ))}
      <button type="button" className="key key-soft" onMouseDown={keep} onClick={onClear}>
        {t('clear')}
      </button>
      <button type="button" className="key" onMouseDown={keep} onClick={() => onDigit('0')}>
        0
      </button>
      <button
        type="button"
        className="key key-soft"
        onMouseDown={keep}
        onClick={onBackspace}
        aria-label={t('backspace')}
      >
        ⌫
      </button>
    </div>
  );
}
