import { useId, useLayoutEffect, useRef, type ReactNode } from 'react';
import { useLatest, useText } from '../hooks.js';

/** True when the key goes into a text field (typing), not to the dialog's own shortcuts. */
export function typingIn(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement && !!target.closest('input, textarea, select, [contenteditable="true"]')
  );
}

/**
 * Enter confirms a dialog, except on a focused action button (Cancel, a toggle chip…), which Enter
 * presses as usual. A focused choice (role radio) is already chosen, so there Enter confirms too.
 */
export function confirmsOnEnter(e: KeyboardEvent): boolean {
  if (e.key !== 'Enter') return false;
  const el = e.target;
  return !(el instanceof HTMLButtonElement && el.getAttribute('role') !== 'radio');
}

/**
 * A modal dialog. It listens on the window while open, so its keys (digits to choose, Enter to
 * confirm, Esc to close) work wherever the focus is; the terminal's own shortcuts are off meanwhile.
 */
export function Dialog({
  title,
  intro,
  onClose,
  onKey,
  footer,
  children,
  className = '',
}: {
  title: string;
  intro?: string;
  onClose: () => void;
  /** Return true when the key was used. */
  onKey?: (e: KeyboardEvent) => boolean;
  footer?: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  const { t } = useText();
  const id = useId();
  const box = useRef<HTMLDivElement>(null);
  const handlers = useLatest({ onClose, onKey });

  // A layout effect: the listener comes and goes with the dialog itself, never a frame late.
  useLayoutEffect(() => {
    const el = box.current;
    (el?.querySelector<HTMLElement>('[data-autofocus]') ?? el)?.focus();
    const listener = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        handlers.current.onClose();
      } else if (handlers.current.onKey?.(e)) {
        e.preventDefault();
      } else if (/^F\d{1,2}$/.test(e.key)) {
        e.preventDefault(); // no browser help, reload or address bar behind a dialog
      }
    };
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, [handlers]);

  return (
    <div className="backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        ref={box}
        className={`dialog ${className}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={id}
        tabIndex={-1}
      >
        <header className="dialog-head">
          <h2 id={id}>{title}</h2>
          <button type="button" className="dialog-x" onClick={onClose} aria-label={t('close')}>
            ×
          </button>
        </header>
        {intro && <p className="dialog-intro">{intro}</p>}
        <div className="dialog-body">{children}</div>
        {footer && <footer className="dialog-foot">{footer}</footer>}
      </div>
    </div>
  );
}
