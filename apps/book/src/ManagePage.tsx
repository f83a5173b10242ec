import { useState, type FormEvent } from 'react';
import {
  BookingCodeSchema,
  PhoneLast3Schema,
  type BookingCatalog,
  type BookingError,
  type BookingView,
} from '@luot/protocol';
import { bookingApi } from './api';
import { BookingCard } from './Confirmation';
import { Failure } from './Failure';
import { useTexts } from './hooks';

/**
 * See or cancel a booking (`/book/manage?code=…`): the code and the phone's last 3 digits. The hub
 * answers a wrong code and wrong digits the same way, so codes cannot be probed from here.
 */
export function ManagePage({ initialCode }: { catalog: BookingCatalog; initialCode: string }) {
  const t = useTexts();
  const [code, setCode] = useState(initialCode);
  const [last3, setLast3] = useState('');
  const [booking, setBooking] = useState<BookingView | null>(null);
  const [refusal, setRefusal] = useState<BookingError | null>(null);
  const [busy, setBusy] = useState(false);
  const [asking, setAsking] = useState(false);
  const valid = BookingCodeSchema.safeParse(code).success && PhoneLast3Schema.safeParse(last3).success;

  const find = async (e: FormEvent) => {
    e.preventDefault();
    if (busy || !valid) return;
    setBusy(true);
    setRefusal(null);
    const answer = await bookingApi.lookup({ code, phoneLast3: last3 });
    setBusy(false);
    if (answer.ok) setBooking(answer.value);
    else setRefusal(answer.error);
  };

  const cancel = async () => {
    if (busy) return;
    setBusy(true);
    setRefusal(null);
    const answer = await bookingApi.cancel({ code, phoneLast3: last3 });
    setBusy(false);
    setAsking(false);
    if (answer.ok) setBooking(answer.value);
    else setRefusal(answer.error);
  };

  if (booking) {
    return (
      <section className="b-step">
        {booking.status === 'cancelled' && (
          <p className="b-alert b-alert-ok" role="status">
            {t('cancelled')}
          </p>
        )}
        <BookingCard booking={booking} phoneLast3={last3} showStatus />
        {refusal && <Failure error={refusal} />}
        {booking.status === 'booked' &&
          (asking ? (
            <div className="b-confirm-cancel" role="alertdialog" aria-labelledby="b-cancel-q">
              <p id="b-cancel-q">{t('cancelConfirm')}</p>
              <div className="b-actions">
                <button
                  type="button"
                  className="b-button b-button-danger"
                  onClick={() => void cancel()}
                  disabled={busy}
                >
                  {t('cancelYes')}
                </button>
                <button type="button" className="b-button b-button-outline" onClick={() => setAsking(false)}>
                  {t('cancelNo')}
                </button>
              </div>
            </div>
          ) : (
            <button
              type="button"
              className="b-button b-button-danger-outline"
              onClick={() => setAsking(true)}
            >
              {t('cancel')}
            </button>
          ))}
      </section>
    );
  }

  return (
    <form className="b-step" onSubmit={(e) => void find(e)} noValidate>
      <p className="b-lead">{t('manageHint')}</p>
      <div className="b-field">
        <label htmlFor="b-code">{t('codeLabel')}</label>
        <input
          id="b-code"
          className="b-code-input"
          value={code}
          onChange={(e) => setCode(e.target.value.toUpperCase())}
          autoCapitalize="characters"
          autoComplete="off"
          spellCheck={false}
          maxLength={12}
        />
      </div>
      <div className="b-field">
        <label htmlFor="b-last3">{t('last3Label')}</label>
        <input
          id="b-last3"
          value={last3}
          onChange={(e) => setLast3(e.target.value.replace(/\D/g, '').slice(0, 3))}
          inputMode="numeric"
          maxLength={3}
          autoComplete="off"
        />
      </div>
      {refusal && <Failure error={refusal} />}
      <button type="submit" className="b-button" disabled={busy || !valid}>
        {t('find')}
      </button>
    </form>
  );
}
