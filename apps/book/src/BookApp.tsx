import { useEffect, useReducer, useState, type ReactNode } from 'react';
import type { BookingCatalog, BookingError } from '@luot/protocol';
import { pick, type Locale } from '@luot/ui/i18n';
import { bookingApi } from './api';
import { Confirmation } from './Confirmation';
import { Failure } from './Failure';
import { DetailsStep } from './DetailsStep';
import { flowReducer, initialFlow, STEPS } from './flow';
import { BookLocale, useLocale, useTexts } from './hooks';
import { ManagePage } from './ManagePage';
import { OtpStep } from './OtpStep';
import { ServiceStep } from './ServiceStep';
import { SlotStep } from './SlotStep';
import type { BookText } from './texts';

const LANG_KEY = 'luot.book.lang';

/** The public booking page (`/book`) and the page to see or cancel a booking (`/book/manage`). */
export function BookApp({ manage }: { manage: { code: string } | null }) {
  const [locale, setLocale] = useState<Locale>(() =>
    globalThis.localStorage?.getItem(LANG_KEY) === 'en' ? 'en' : 'vi',
  );
  const [catalog, setCatalog] = useState<BookingCatalog | null>(null);
  const [failure, setFailure] = useState<BookingError | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    void bookingApi.catalog().then((answer) => {
      if (!live) return;
      if (answer.ok) setCatalog(answer.value);
      else setFailure(answer.error);
    });
    return () => {
      live = false;
    };
  }, [attempt]);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const switchLanguage = () => {
    const next = locale === 'vi' ? 'en' : 'vi';
    globalThis.localStorage?.setItem(LANG_KEY, next);
    setLocale(next);
  };

  return (
    <BookLocale.Provider value={locale}>
      <Frame catalog={catalog} onSwitchLanguage={switchLanguage} manage={manage !== null}>
        {catalog ? (
          manage ? (
            <ManagePage catalog={catalog} initialCode={manage.code} />
          ) : (
            <Booking catalog={catalog} />
          )
        ) : failure ? (
          <Failure
            error={failure}
            onRetry={() => {
              setFailure(null);
              setAttempt((n) => n + 1);
            }}
          />
        ) : (
          <Loading />
        )}
      </Frame>
    </BookLocale.Provider>
  );
}

function Frame({
  catalog,
  onSwitchLanguage,
  manage,
  children,
}: {
  catalog: BookingCatalog | null;
  onSwitchLanguage: () => void;
  manage: boolean;
  children: ReactNode;
}) {
  const t = useTexts();
  const locale = useLocale();
  return (
    <div className="book">
      <header className="b-header">
        <span className="b-emblem" aria-hidden="true">
          ★
        </span>
        <span className="b-office">{catalog ? pick(catalog.office.name, locale) : 'Lượt'}</span>
        <button
          type="button"
          className="b-lang"
          onClick={onSwitchLanguage}
          lang={locale === 'vi' ? 'en' : 'vi'}
        >
          {t('switchLanguage')}
        </button>
      </header>
      <main className="b-main">
        <h1 className="b-title">{manage ? t('manageTitle') : t('title')}</h1>
        {children}
      </main>
      <footer className="b-footer">
        <a href={manage ? '/book' : '/book/manage'}>{manage ? t('newBooking') : t('findBooking')}</a>
      </footer>
    </div>
  );
}

function Loading() {
  const t = useTexts();
  return (
    <p className="b-loading" role="status">
      {t('loading')}
    </p>
  );
}

const STEP_TITLES: Record<'service' | 'slot' | 'details' | 'otp', BookText> = {
  service: 'stepService',
  slot: 'stepSlot',
  details: 'stepDetails',
  otp: 'stepOtp',
};

/** The four steps and the confirmation. */
function Booking({ catalog }: { catalog: BookingCatalog }) {
  const t = useTexts();
  const [flow, dispatch] = useReducer(flowReducer, initialFlow);
  const today = catalog.days[0] ?? '';

  // Each step starts at the top of the page, and its heading is read out (focus moves to it).
  useEffect(() => {
    globalThis.scrollTo?.(0, 0);
    document.getElementById('b-step-title')?.focus();
  }, [flow.step]);

  if (flow.step === 'done' && flow.booking) {
    return (
      <Confirmation
        booking={flow.booking}
        phoneLast3={flow.details.phone.replace(/\D/g, '').slice(-3)}
        onAnother={() => dispatch({ type: 'restart' })}
      />
    );
  }
  const step = flow.step === 'done' ? 'otp' : flow.step;
  const n = STEPS.indexOf(step) + 1;
  return (
    <section className="b-step" aria-labelledby="b-step-title">
      <ol className="b-progress" aria-label={t('stepOf', { n })}>
        {(['service', 'slot', 'details', 'otp'] as const).map((s, i) => (
          <li
            key={s}
            className={i < n ? 'b-progress-done' : ''}
            aria-current={s === step ? 'step' : undefined}
          />
        ))}
      </ol>
      <div className="b-step-head">
        {step !== 'service' && (
          <button type="button" className="b-back" onClick={() => dispatch({ type: 'back' })}>
            ‹ {t('back')}
          </button>
        )}
        <p className="b-step-count">{t('stepOf', { n })}</p>
      </div>
      <h2 id="b-step-title" tabIndex={-1}>
        {t(STEP_TITLES[step])}
      </h2>
      {step === 'service' && (
        <ServiceStep
          catalog={catalog}
          chosen={flow.service}
          onPick={(service) => dispatch({ type: 'service', service, today })}
        />
      )}
      {step === 'slot' && flow.service && flow.date && (
        <SlotStep
          catalog={catalog}
          service={flow.service}
          date={flow.date}
          refusal={flow.refusal}
          onDate={(date) => dispatch({ type: 'date', date })}
          onSlot={(slot, date) => dispatch({ type: 'slot', slot, ...(date ? { date } : {}) })}
        />
      )}
      {step === 'details' && flow.service && flow.slot && flow.date && (
        <DetailsStep
          catalog={catalog}
          service={flow.service}
          date={flow.date}
          slot={flow.slot}
          details={flow.details}
          onDetails={(details) => dispatch({ type: 'details', details })}
          onSent={(otp) => dispatch({ type: 'otpSent', otp })}
          onSlotLost={(message, nearest) => dispatch({ type: 'slotLost', message, nearest })}
        />
      )}
      {step === 'otp' && flow.otp && flow.service && flow.slot && (
        <OtpStep
          otp={flow.otp}
          resend={{
            service: flow.service,
            slotStart: flow.slot.startsAt,
            name: flow.details.name,
            phone: flow.details.phone,
            ...(flow.details.cccd.trim() ? { cccd: flow.details.cccd } : {}),
          }}
          onSent={(otp) => dispatch({ type: 'otpSent', otp })}
          onConfirmed={(booking) => dispatch({ type: 'confirmed', booking })}
          onSlotLost={(message, nearest) => dispatch({ type: 'slotLost', message, nearest })}
        />
      )}
    </section>
  );
}
