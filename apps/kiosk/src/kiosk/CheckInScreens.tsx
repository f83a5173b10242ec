import { useEffect, useRef, useState } from 'react';
import { BOOKING_CODE_ALPHABET, BOOKING_CODE_LENGTH, type OfficeConfig } from '@luot/core';
import { formatTime, Icon, pick, useLocale } from '@luot/ui';
import { isBookingCode, ScanBuffer, typeSymbol, type CheckInRefusal } from './checkin';
import { useCountdown, useTexts } from './hooks';

/** The on-screen keyboard's rows: the code's alphabet only (no 0/O, 1/I/L), digits first. */
const KEY_ROWS: string[][] = (() => {
  const digits = [...BOOKING_CODE_ALPHABET].filter((c) => /\d/.test(c));
  const letters = [...BOOKING_CODE_ALPHABET].filter((c) => /[A-Z]/.test(c));
  return [digits, letters.slice(0, 8), letters.slice(8, 16), letters.slice(16)];
})();

/**
 * "Tôi đã đặt lịch": type the 8-character code on the on-screen keyboard, or scan the QR code (the
 * scanner types into this screen as a keyboard does). Keys outside the code's alphabet do nothing.
 */
export function CheckInScreen({
  onCheckIn,
  onBack,
}: {
  onCheckIn: (code: string) => void;
  onBack: () => void;
}) {
  const t = useTexts();
  const [code, setCode] = useState('');
  const complete = isBookingCode(code);
  const scan = useRef(new ScanBuffer());

  // A physical keyboard or a scanner: the same symbols, Backspace, and Enter to send. A scan counts
  // whatever was typed before it: the scanner read the whole code.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const scanned = scan.current.key(e.key, e.timeStamp);
      if (scanned) {
        e.preventDefault();
        setCode(scanned);
        onCheckIn(scanned);
      } else if (e.key === 'Enter') {
        e.preventDefault();
        if (isBookingCode(code)) onCheckIn(code);
      } else if (e.key === 'Backspace') setCode((c) => c.slice(0, -1));
      else if (e.key.length === 1) setCode((c) => typeSymbol(c, e.key));
    };
    globalThis.addEventListener('keydown', onKey);
    return () => globalThis.removeEventListener('keydown', onKey);
  }, [code, onCheckIn]);

  return (
    <section className="k-checkin" aria-labelledby="k-checkin-title">
      <div className="k-checkin-head">
        <Icon name="check" className="k-checkin-icon" />
        <div>
          <h1 id="k-checkin-title">{t('checkInTitle')}</h1>
          <p>{t('checkInHint')}</p>
        </div>
      </div>
      <p className="k-checkin-label" id="k-checkin-code-label">
        {t('checkInCodeLabel')}
      </p>
      {/* Eight boxes, filled as typed: the citizen sees how many are left. */}
      <div
        className="k-code-boxes"
        role="textbox"
        aria-labelledby="k-checkin-code-label"
        aria-readonly="true"
        data-testid="checkin-code"
        data-code={code}
      >
        {Array.from({ length: BOOKING_CODE_LENGTH }, (_, i) => (
          <span key={i} className={`k-code-box${i === code.length ? ' k-code-box-next' : ''}`}>
            {code[i] ?? ''}
          </span>
        ))}
      </div>
      <div className="k-keys" role="group" aria-label={t('checkInCodeLabel')}>
        {KEY_ROWS.map((row, r) => (
          <div key={r} className="k-keys-row">
            {row.map((k) => (
              <button
                key={k}
                type="button"
                className="k-key"
                onClick={() => setCode((c) => typeSymbol(c, k))}
                disabled={code.length >= BOOKING_CODE_LENGTH}
              >
                {k}
              </button>
            ))}
          </div>
        ))}
        <div className="k-keys-row">
          <button type="button" className="k-key k-key-wide" onClick={() => setCode('')}>
            {t('keyClear')}
          </button>
          <button type="button" className="k-key k-key-wide" onClick={() => setCode((c) => c.slice(0, -1))}>
            ⌫ {t('keyDelete')}
          </button>
        </div>
      </div>
      <div className="k-checkin-actions">
        <button type="button" className="k-button k-button-outline" onClick={onBack}>
          {t('back')}
        </button>
        <button type="button" className="k-button" disabled={!complete} onClick={() => onCheckIn(code)}>
          {t('checkInSubmit')}
        </button>
      </div>
    </section>
  );
}

/** While the hub checks the code in (and prints): like issuing. */
export function CheckingInOverlay() {
  const t = useTexts();
  return (
    <div className="k-overlay k-overlay-light" role="status">
      <div className="k-overlay-card">
        <span className="k-spinner k-spinner-large" aria-hidden="true" />
        <h2>{t('checkingIn')}</h2>
      </div>
    </div>
  );
}

/**
 * A refused check-in: too early ("Quý vị đến sớm, vui lòng quay lại lúc 08:45"), too late (the
 * reason, and an ordinary number of the booking's service with one tap), or the hub's reason.
 */
export function CheckInRefusedScreen({
  refusal,
  config,
  seconds,
  onTakeOrdinary,
  onRetype,
  onBack,
}: {
  refusal: CheckInRefusal;
  config: OfficeConfig | null;
  seconds: number;
  onTakeOrdinary: (service: string) => void;
  onRetype: () => void;
  onBack: () => void;
}) {
  const t = useTexts();
  const locale = useLocale();
  const left = useCountdown(seconds, onBack, refusal);
  const zone = config?.sessions.timeZone;
  const service =
    refusal.kind === 'late' && refusal.service
      ? (config?.services.find((s) => s.prefix === refusal.service) ?? null)
      : null;
  const title =
    refusal.kind === 'early'
      ? t('earlyTitle')
      : refusal.kind === 'late'
        ? t('lateTitle')
        : t('checkInRefusedTitle');
  const body =
    refusal.kind === 'early' && refusal.opensAt !== null
      ? t('earlyBody', { time: formatTime(refusal.opensAt, zone) })
      : pick(refusal.message, locale);
  return (
    <section
      className={`k-message k-checkin-refused k-checkin-${refusal.kind}`}
      role="alert"
      data-kind={refusal.kind}
    >
      <span
        className={`k-overlay-icon ${refusal.kind === 'early' ? 'k-overlay-icon-grey' : 'k-overlay-icon-red'}`}
      >
        <Icon name={refusal.kind === 'early' ? 'clock' : 'alert'} />
      </span>
      <h1>{title}</h1>
      <p data-testid="checkin-refusal">{body}</p>
      {refusal.kind === 'late' && (
        <>
          <button
            type="button"
            className="k-button k-take-ordinary"
            onClick={() => (service ? onTakeOrdinary(service.prefix) : onBack())}
          >
            {t('takeOrdinary')}
            {service && ` — ${pick(service.name, locale)}`}
          </button>
          <p className="k-message-hint">{t('takeOrdinaryHint')}</p>
        </>
      )}
      <div className="k-checkin-actions">
        {refusal.kind === 'other' && (
          <button type="button" className="k-button k-button-outline" onClick={onRetype}>
            {t('retypeCode')}
          </button>
        )}
        <button type="button" className="k-button k-done" onClick={onBack}>
          {t('back')}
          <span className="k-done-countdown">{t('backIn', { n: left })}</span>
        </button>
      </div>
    </section>
  );
}
