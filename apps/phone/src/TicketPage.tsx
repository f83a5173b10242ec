import { useEffect, useMemo, useReducer, useState } from 'react';
import { watchTicket } from '@luot/client';
import type { BookingView, TicketWatch } from '@luot/protocol';
import { formatTime, Icon, pick, translator, type Locale } from '@luot/ui';
import { BookingCard } from './BookingCard';
import { initialWatchState, showsPosition, stageOf, watchReducer, type Stage } from './phone-view';
import { PHONE_TEXTS } from './texts';

const LANG_KEY = 'luot.ticket.lang';
/** How often a booking's page asks whether it was checked in (a kiosk check-in is not pushed). */
const BOOKING_POLL_MS = 15_000;

/**
 * A citizen's phone, following one ticket by the token in its QR code. It sees that ticket only:
 * its stage, its place in line and expected wait, and — large — the counter that calls it.
 *
 * The same address serves a booking (its confirmation links to `/t/<its token>`): when no ticket
 * has the token, the page asks for the booking and shows it with its check-in window; once the
 * booking is checked in, the page moves to its ticket's address and follows the ticket. One link for
 * the citizen to keep, from booking to counter.
 */
export function TicketPage({ token }: { token: string }) {
  const [state, apply] = useReducer(watchReducer, initialWatchState);
  const [missing, setMissing] = useState(false);
  const [booking, setBooking] = useState<BookingView | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const [online, setOnline] = useState(true);
  const [locale, setLocale] = useState<Locale>(() =>
    globalThis.localStorage?.getItem(LANG_KEY) === 'en' ? 'en' : 'vi',
  );
  const t = useMemo(() => translator(PHONE_TEXTS, locale), [locale]);

  useEffect(() => {
    let live = true;
    // Once the socket has pushed the ticket, the HTTP answer is older news: it must not take the
    // page back a step (nor vibrate again for a call already shown).
    let pushed = false;
    // A first answer over plain HTTP (fast, and tells an unknown token apart from a lost connection).
    fetch(`/api/tickets/by-token/${encodeURIComponent(token)}`)
      .then(async (r) => {
        if (!live || pushed) return;
        if (r.status === 404) {
          // Not a ticket: perhaps a booking's page (before its check-in).
          const b = await fetchBooking(token);
          if (!live) return;
          if (b) setBooking(b);
          else setMissing(true);
        } else if (r.ok) {
          const w = (await r.json()) as TicketWatch;
          if (live && !pushed) apply(w);
        }
      })
      .catch(() => undefined);
    const stop = watchTicket(globalThis.location.origin, token, {
      ticket: (w) => {
        pushed = true;
        apply(w);
      },
      status: setOnline,
    });
    return () => {
      live = false;
      stop();
    };
  }, [token]);

  // A booking's page: asks again now and then; once checked in, goes to the ticket's page.
  useEffect(() => {
    if (!booking) return;
    const ticketUrl = booking.ticket?.url;
    if (ticketUrl) {
      // Same origin whatever the hub's public address says: the path is what matters.
      globalThis.location.replace(new URL(ticketUrl, globalThis.location.href).pathname);
      return;
    }
    if (booking.status !== 'booked') return;
    const timer = setTimeout(() => {
      setNow(Date.now());
      void fetchBooking(token).then((b) => b && setBooking(b));
    }, BOOKING_POLL_MS);
    return () => clearTimeout(timer);
  }, [booking, token]);

  // A counter calls this ticket: vibrate the phone (where supported) and say it in the tab title.
  const calledAt = state.watch?.ticket.status === 'called' ? state.watch.ticket.counter : null;
  useEffect(() => {
    if (state.calls === 0) return;
    navigator.vibrate?.([400, 200, 400, 200, 400]);
  }, [state.calls]);
  useEffect(() => {
    document.title = calledAt !== null ? `${t('calledTitle')} ${calledAt}` : 'Lượt — Số thứ tự';
  }, [calledAt, t]);

  const switchLanguage = () => {
    const next = locale === 'vi' ? 'en' : 'vi';
    globalThis.localStorage?.setItem(LANG_KEY, next);
    setLocale(next);
  };

  const w = state.watch;
  const stage = stageOf(state);
  return (
    <div className="phone" lang={locale}>
      <header className="p-header">
        <span className="p-emblem" aria-hidden="true">
          <Icon name="star" />
        </span>
        <span className="p-office">
          {w ? pick(w.officeName, locale) : booking ? pick(booking.office.name, locale) : 'Lượt'}
        </span>
        <button
          type="button"
          className="p-lang"
          onClick={switchLanguage}
          lang={locale === 'vi' ? 'en' : 'vi'}
        >
          {t('switchLanguage')}
        </button>
      </header>
      <main className="p-main">
        {booking && !w && !booking.ticket ? (
          <BookingCard booking={booking} now={now} t={t} locale={locale} />
        ) : missing && !w ? (
          <section className="p-status p-status-cancelled" role="alert">
            <h1>{t('notFoundTitle')}</h1>
            <p>{t('notFoundBody')}</p>
          </section>
        ) : !w || !stage ? (
          <p className="p-loading">{t('loading')}</p>
        ) : (
          <>
            <section className="p-card">
              <p className="p-label">{t('numberLabel')}</p>
              <p className="p-number">{w.ticket.number}</p>
              <p className="p-service">{pick(w.serviceName, locale)}</p>
              <p className="p-meta">
                {w.ticket.priority && <span className="p-chip">{t('priority')}</span>}
                {w.ticket.booking && (
                  <span className="p-chip p-chip-booked" data-testid="booked-chip">
                    {t('booked', { time: formatTime(w.ticket.booking.slotStart) })}
                  </span>
                )}
                <span>{t('issuedAt', { time: formatTime(w.ticket.issuedAt) })}</span>
              </p>
            </section>
            <StageCard stage={stage} watch={w} t={t} />
            {w.counterLost && showsPosition(stage) && (
              <section className="p-status p-status-lost" role="alert" data-testid="counter-lost">
                <h2>{t('counterLostTitle')}</h2>
                <p>{t('counterLostBody')}</p>
              </section>
            )}
            {showsPosition(stage) && <Position stage={stage} watch={w} t={t} />}
          </>
        )}
        {!missing && !booking && (
          <p className={`p-live${online ? '' : ' p-live-off'}`} role="status">
            <span className="p-dot" aria-hidden="true" />
            {online ? t('live') : t('offline')}
          </p>
        )}
      </main>
    </div>
  );
}

/** The booking whose phone page has this token, or null (404: not a booking either). */
async function fetchBooking(token: string): Promise<BookingView | null> {
  try {
    const r = await fetch(`/api/book/page/${encodeURIComponent(token)}`);
    return r.ok ? ((await r.json()) as BookingView) : null;
  } catch {
    return null;
  }
}

type T = ReturnType<typeof translator<keyof typeof PHONE_TEXTS>>;

function StageCard({ stage, watch, t }: { stage: Stage; watch: TicketWatch; t: T }) {
  const counter = watch.ticket.counter ?? 0;
  if (stage === 'called') {
    return (
      <section className="p-status p-status-called" role="alert" aria-live="assertive">
        <h1>
          {t('calledTitle')} <span className="p-counter">{counter}</span>
        </h1>
        <p>{t('calledBody', { n: counter })}</p>
        {/* Calls at this counter: a ticket transferred after two calls elsewhere is on its first here. */}
        {watch.ticket.callsHere > 1 && (
          <p className="p-recall">{t('recalled', { n: watch.ticket.callsHere })}</p>
        )}
      </section>
    );
  }
  const text: Record<Exclude<Stage, 'called'>, [string, string]> = {
    outside: [t('outsideTitle'), t('outsideBody')],
    admitted: [t('admittedTitle'), t('admittedBody')],
    waiting: [t('waitingTitle'), t('waitingBody')],
    transferred: [
      t('transferredTitle'),
      watch.ticket.targetCounter !== null
        ? `${t('transferredToCounter', { n: watch.ticket.targetCounter })} ${t('transferredBody')}`
        : t('transferredBody'),
    ],
    serving: [t('servingTitle'), t('servingBody', { n: counter })],
    done: [t('doneTitle'), t('doneBody')],
    no_show: [
      t('noShowTitle'),
      watch.ticket.counter !== null ? t('noShowAtCounter', { n: watch.ticket.counter }) : t('noShowBody'),
    ],
    cancelled: [t('cancelledTitle'), t('cancelledBody')],
  };
  const [title, body] = text[stage];
  return (
    <section className={`p-status p-status-${stage}`} role="status" aria-live="polite">
      <h1>{title}</h1>
      <p>{body}</p>
    </section>
  );
}

function Position({ stage, watch, t }: { stage: Stage; watch: TicketWatch; t: T }) {
  // The range the kiosk showed and the paper printed (core's `ticketWait`), in the same words.
  const range = watch.estimatedRange;
  const wait =
    range === null
      ? t('noEstimate')
      : range[0] === 0
        ? t('waitUnder', { to: range[1] })
        : t('waitRange', { from: range[0], to: range[1] });
  return (
    <dl className="p-facts">
      {stage === 'outside' && watch.entryPlace !== null && (
        <div>
          <dt>{t('entryPlace')}</dt>
          <dd>{watch.entryPlace}</dd>
        </div>
      )}
      {watch.ahead !== null && (
        <div>
          <dt>{t('ahead')}</dt>
          <dd>{watch.ahead}</dd>
        </div>
      )}
      <div>
        <dt>{t('estimatedWait')}</dt>
        <dd>
          {/* "15–20" kept on one line: a break after the dash reads as two figures. */}
          {wait.split(/(\d+–\d+)/).map((part, i) =>
            i % 2 === 1 ? (
              <span key={i} className="p-nowrap">
                {part}
              </span>
            ) : (
              part
            ),
          )}
        </dd>
      </div>
    </dl>
  );
}
