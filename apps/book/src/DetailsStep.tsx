import { useState, type FormEvent } from 'react';
import { type BookingCatalog, type BookingError, type FreeSlot, type OtpRequested } from '@luot/protocol';
import type { Text } from '@luot/core';
import { pick } from '@luot/ui/i18n';
import { bookingApi } from './api';
import { dayLabel } from './dates';
import { Failure } from './Failure';
import { detailsErrors, type Field } from './details';
import type { Details } from './flow';
import { useLocale, useTexts } from './hooks';
import { slotLost } from './slot-lost';
import type { BookText } from './texts';

/** Name, mobile number and (optionally) CCCD; then the one-time code is sent. */
export function DetailsStep({
  catalog,
  service,
  date,
  slot,
  details,
  onDetails,
  onSent,
  onSlotLost,
}: {
  catalog: BookingCatalog;
  service: string;
  date: string;
  slot: FreeSlot;
  details: Details;
  onDetails: (d: Details) => void;
  onSent: (otp: OtpRequested) => void;
  onSlotLost: (message: Text, nearest: FreeSlot[]) => void;
}) {
  const t = useTexts();
  const locale = useLocale();
  const [shown, setShown] = useState<Partial<Record<Field, BookText>>>({});
  const [refusal, setRefusal] = useState<BookingError | null>(null);
  const [sending, setSending] = useState(false);
  const svc = catalog.services.find((s) => s.prefix === service);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (sending) return;
    const errors = detailsErrors(details);
    setShown(errors);
    setRefusal(null);
    const first = (['name', 'phone', 'cccd'] as const).find((f) => errors[f]);
    if (first) {
      document.getElementById(`b-${first}`)?.focus();
      return;
    }
    setSending(true);
    const answer = await bookingApi.requestOtp({
      service,
      slotStart: slot.startsAt,
      name: details.name,
      phone: details.phone,
      ...(details.cccd.trim() ? { cccd: details.cccd } : {}),
      locale,
    });
    setSending(false);
    if (answer.ok) onSent(answer.value);
    else if (slotLost(answer.error)) onSlotLost(answer.error.message, answer.error.nearest ?? []);
    else setRefusal(answer.error);
  };

  const field = (name: Field, label: BookText, hint: BookText, input: Record<string, string>) => (
    <div className={`b-field${shown[name] ? ' b-field-error' : ''}`}>
      <label htmlFor={`b-${name}`}>{t(label)}</label>
      <input
        id={`b-${name}`}
        name={name}
        value={details[name]}
        onChange={(e) => {
          onDetails({ ...details, [name]: e.target.value });
          if (shown[name]) setShown({ ...shown, [name]: undefined });
        }}
        aria-invalid={shown[name] ? true : undefined}
        aria-describedby={`b-${name}-hint`}
        {...input}
      />
      {/* The hint's place turns into the error: the form never grows or jumps as errors come and go. */}
      <p id={`b-${name}-hint`} className="b-hint" aria-live="polite">
        {shown[name] ? t(shown[name]) : t(hint)}
      </p>
    </div>
  );

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <div className="b-summary" data-testid="chosen">
        <p className="b-summary-label">{t('chosen')}</p>
        <p className="b-summary-what">{svc ? pick(svc.name, locale) : service}</p>
        <p className="b-summary-when">
          <strong>{slot.start}</strong> · {dayLabel(date, locale)}
        </p>
      </div>
      {field('name', 'nameLabel', 'nameHint', { autoComplete: 'name', autoCapitalize: 'words' })}
      {field('phone', 'phoneLabel', 'phoneHint', { type: 'tel', inputMode: 'tel', autoComplete: 'tel' })}
      {field('cccd', 'cccdLabel', 'cccdHint', { inputMode: 'numeric', autoComplete: 'off', maxLength: '16' })}
      {refusal && <Failure error={refusal} />}
      <p className="b-note">{t('privacy')}</p>
      <button type="submit" className="b-button" disabled={sending}>
        {sending ? t('sending') : t('sendCode')}
      </button>
    </form>
  );
}
