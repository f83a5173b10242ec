import { useEffect, useId, useRef, type FormEvent, type ReactNode } from 'react';
import type { Text } from '@luot/core';
import { useSay } from '../text.js';

const FOCUSABLE = 'button, input, select, textarea, [href], [tabindex]:not([tabindex="-1"])';

/**
 * A modal form on the browser's own <dialog>: `showModal()` makes the page behind it inert (Tab
 * stays inside) and Esc closes it. The submit button is off while `ready` is false (a reason still
 * missing) or the action runs; the hub's refusal shows above the buttons.
 */
export function FormDialog({
  title,
  onClose,
  onSubmit,
  ready,
  busy,
  error,
  submitLabel,
  danger = false,
  children,
}: {
  title: string;
  onClose: () => void;
  onSubmit: () => void;
  ready: boolean;
  busy: boolean;
  error: Text | null;
  submitLabel: string;
  danger?: boolean;
  children: ReactNode;
}) {
  const { say, locale } = useSay();
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (ready && !busy) onSubmit();
  };
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={id}
      onKeyDown={(e) => {
        // Tab and Shift+Tab go round inside the dialog: the browser would otherwise leave the page
        // for its own address bar after the last field.
        if (e.key !== 'Tab') return;
        const inside = [...(ref.current?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? [])].filter(
          (el) => !el.hasAttribute('disabled'),
        );
        const first = inside[0];
        const last = inside.at(-1);
        if (e.shiftKey && document.activeElement === first) {
          e.preventDefault();
          last?.focus();
        } else if (!e.shiftKey && document.activeElement === last) {
          e.preventDefault();
          first?.focus();
        }
      }}
      onCancel={(e) => {
        e.preventDefault(); // Esc: the parent unmounts the dialog
        onClose();
      }}
    >
      <form onSubmit={submit}>
        <h2 id={id}>{title}</h2>
        <div className="dialog-body">{children}</div>
        {error && (
          <p className="refusal" role="alert">
            {error.vi}
            {locale === 'en' && <span className="en"> — {error.en}</span>}
          </p>
        )}
        <div className="dialog-foot">
          <button type="button" onClick={onClose}>
            {say({ vi: 'Huỷ bỏ', en: 'Cancel' })}
          </button>
          <button type="submit" className={danger ? 'danger' : 'primary'} disabled={!ready || busy}>
            {submitLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}

/** A reason field: required when `required`, and the form says so until it is filled. */
export function ReasonField({
  value,
  onChange,
  required,
  max = 200,
}: {
  value: string;
  onChange: (v: string) => void;
  required: boolean;
  max?: number;
}) {
  const { say } = useSay();
  const label = required
    ? say({ vi: 'Lý do (bắt buộc)', en: 'Reason (required)' })
    : say({ vi: 'Lý do (tuỳ chọn)', en: 'Reason (optional)' });
  return (
    <label className="field">
      <span>{label}</span>
      <textarea
        value={value}
        maxLength={max}
        rows={2}
        required={required}
        aria-required={required}
        onChange={(e) => onChange(e.target.value)}
      />
      {required && value.trim() === '' && (
        <small className="hint">
          {say({ vi: 'Cần ghi lý do để thực hiện.', en: 'A reason is needed.' })}
        </small>
      )}
    </label>
  );
}
