import { useState, type FormEvent } from 'react';
import type { BookingError, BookingView, FreeSlot, OtpRequestInput, OtpRequested } from '@luot/protocol';
import type { Text } from '@luot/core';
import { bookingApi } from './api';
import { Failure } from './Failure';
import { formatCountdown, secondsLeft } from './flow';
import { useLocale, useNow, useTexts } from './hooks';
import { slotLost } from './slot-lost';

/**
 * The 6-digit code from the text message: valid 5 minutes (counted down), 3 tries. The place is
 * taken only when it is confirmed; a slot that filled meanwhile sends the citizen back to the slots.
 */
export function OtpStep({
  otp,
  resend,
  onSent,
  onConfirmed,
  onSlotLost,
}: {
  otp: OtpRequested;
  /** The request to send again for a new code. */
  resend: OtpRequestInput;
  onSent: (otp: OtpRequested) => void;
  onConfirmed: (booking: BookingView) => void;
  onSlotLost: (message: Text, nearest: FreeSlot[]) => void;
}) {
  const t = useTexts();
  const locale = useLocale();
  const now = useNow(1000);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<BookingError | null>(null);
  // Wrong codes so far against this request (the hub counts too; this only says how many are left).
  const [wrong, setWrong] = useState({ requestId: otp.requestId, count: 0 });
  const wrongCount = wrong.requestId === otp.requestId ? wrong.count : 0;
  const left = secondsLeft(otp.expiresAt, now);
  const triesLeft = Math.max(0, otp.attemptsLeft - wrongCount);
  const spent = left === 0 || triesLeft === 0 || refusal?.error === 'OTP_TOO_MANY_TRIES';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy || spent || !/^\d{6}$/.test(code)) return;
    setBusy(true);
    setRefusal(null);
    const answer = await bookingApi.confirm({ requestId: otp.requestId, code });
    setBusy(false);
    if (answer.ok) return onConfirmed(answer.value);
    const error = answer.error;
    if (slotLost(error)) return onSlotLost(error.message, error.nearest ?? []);
    if (error.error === 'OTP_INVALID') setWrong({ requestId: otp.requestId, count: wrongCount + 1 });
    setCode('');
    setRefusal(error);
  };

  const again = async () => {
    if (busy) return;
    setBusy(true);
    setRefusal(null);
    const answer = await bookingApi.requestOtp({ ...resend, locale });
    setBusy(false);
    setCode('');
    if (answer.ok) onSent(answer.value);
    else if (slotLost(answer.error)) onSlotLost(answer.error.message, answer.error.nearest ?? []);
    else setRefusal(answer.error);
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <p className="b-lead">{t('otpSentTo', { phone: otp.phoneMasked })}</p>
      <div className="b-field">
        <label htmlFor="b-otp">{t('otpLabel')}</label>
        <input
          id="b-otp"
          className="b-otp"
          value={code}
          onChange={(e) => setCode(e.target.value.replace(/\D/g, '').slice(0, 6))}
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="\d{6}"
          maxLength={6}
          disabled={spent}
          aria-describedby="b-otp-timer"
        />
        <p id="b-otp-timer" className="b-hint b-timer" data-testid="otp-timer">
          {left > 0 ? t('otpExpiresIn', { time: formatCountdown(left) }) : t('otpExpired')}
          {left > 0 && !spent && <span className="b-tries"> · {t('otpTries', { n: triesLeft })}</span>}
        </p>
      </div>
      {refusal && <Failure error={refusal} />}
      <p className="b-note">{t('otpNotHeld')}</p>
      {spent ? (
        <button type="button" className="b-button" onClick={() => void again()} disabled={busy}>
          {busy ? t('sending') : t('resend')}
        </button>
      ) : (
        <>
          <button type="submit" className="b-button" disabled={busy || code.length !== 6}>
            {busy ? t('confirming') : t('confirm')}
          </button>
          <button type="button" className="b-link" onClick={() => void again()} disabled={busy}>
            {t('resend')}
          </button>
        </>
      )}
    </form>
  );
}
