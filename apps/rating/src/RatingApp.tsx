import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { LuotError, type LuotClient } from '@luot/client';
import type { RatingConfig } from '@luot/core';
import type { Text } from '@luot/protocol';
import { ConnectionBanner, loadSettings, pick, saveSetting, useDevice, useHub, type Locale } from '@luot/ui';
import { Avatar, Face } from './Face.js';
import {
  IDLE,
  isTap,
  ratingChoices,
  step,
  SWITCH_GUARD_MS,
  switchedVisit,
  timeoutSeconds,
  visitsToAsk,
  type RatingAction,
  type RatingState,
  type Submission,
} from './flow.js';
import { ratingText } from './text.js';

/** How long the thank-you stays before the idle screen; `?thanks=` shortens it in tests. */
function thanksSeconds(search: string): number {
  const v = Number(new URLSearchParams(search).get('thanks'));
  return Number.isFinite(v) && v > 0 ? v : 6;
}

/** The citizen's rating screen (/rating): a tablet facing the citizen, paired to one counter. */
export function RatingApp() {
  const [settings] = useState(() => loadSettings('rating'));
  const [locale, setLocale] = useState<Locale>(settings.lang);
  const t = ratingText(locale);
  if (!settings.token) {
    return (
      <div className="rating-page rating-message">
        <p>{t('notSetUp')}</p>
      </div>
    );
  }
  return (
    <RatingScreen hubUrl={settings.hubUrl} token={settings.token} locale={locale} onLocale={setLocale} />
  );
}

function RatingScreen({
  hubUrl,
  token,
  locale,
  onLocale,
}: {
  hubUrl: string;
  token: string;
  locale: Locale;
  onLocale: (l: Locale) => void;
}) {
  const t = ratingText(locale);
  const { client, snapshot, status } = useHub(hubUrl, token);
  const device = useDevice(client);
  const { state, dispatch, error, switching } = useRatingMachine(client);
  const search = globalThis.location?.search ?? '';

  // Every 'ticket.finished' at this counter, as it happens, asks the citizen, unless the visit is
  // rated already. Finishes replayed after a reconnect ask only about a recent last visit with no
  // newer call (flow.ts: visitsToAsk), never about a citizen who has left.
  useEffect(
    () =>
      client.on('events', (events, live) => {
        const counter = client.device?.counter;
        const snap = client.snapshot;
        if (counter === null || counter === undefined || !snap) return;
        const timeoutMs = timeoutSeconds(snap.config.rating, search) * 1000;
        for (const ticketId of visitsToAsk(events, live, counter, client.now(), timeoutMs)) {
          if (snap.state.tickets[ticketId]?.rating === undefined) dispatch({ type: 'finished', ticketId });
        }
      }),
    [client, dispatch, search],
  );

  const timeout = snapshot ? timeoutSeconds(snapshot.config.rating, search) : 30;
  const thanks = thanksSeconds(search);
  useEffect(() => {
    if (state.phase === 'idle') return;
    const timer = setTimeout(
      () => dispatch({ type: state.phase === 'thanks' ? 'done' : 'timeout' }),
      (state.phase === 'thanks' ? thanks : timeout) * 1000,
    );
    return () => clearTimeout(timer);
  }, [state, dispatch, timeout, thanks]);

  const banner = <ConnectionBanner status={status} locale={locale} compact />;
  if (device && device.role !== 'rating') {
    return (
      <div className="rating-page rating-message">
        <p>{t('wrongRole')}</p>
      </div>
    );
  }
  const n = device?.counter ?? null;
  if (!snapshot || n === null) {
    return (
      <div className="rating-page rating-message">
        {banner}
        <p>{t('loading')}</p>
      </div>
    );
  }
  const { config } = snapshot;
  const counter = snapshot.state.counters[n];
  const officer = counter?.officer ?? null;
  const ticket = state.phase !== 'idle' ? snapshot.state.tickets[state.ticketId] : undefined;
  const choices = ratingChoices(config.rating.scale);
  const switchLocale = () => {
    const next = locale === 'vi' ? 'en' : 'vi';
    saveSetting('rating', 'lang', next);
    onLocale(next);
  };

  return (
    <div className={`rating-page phase-${state.phase}`} lang={locale}>
      {banner}
      <header className="rating-top">
        <span className="rating-office">{pick(config.office.shortName ?? config.office.name, locale)}</span>
        <span className="rating-counter">{t('counterN', { n })}</span>
        <button
          type="button"
          className="rating-lang"
          onClick={switchLocale}
          lang={locale === 'vi' ? 'en' : 'vi'}
        >
          {locale === 'vi' ? 'English' : 'Tiếng Việt'}
        </button>
      </header>

      {state.phase === 'idle' && (
        <main className="rating-idle">
          <Avatar />
          <p className="rating-idle-title">{t('idleTitle')}</p>
          <h1 className="rating-officer" data-testid="rating-officer">
            {officer ? officer.name : t('noOfficer')}
          </h1>
          {officer && <p className="rating-agency">{pick(officer.agency, locale)}</p>}
          <p className="rating-counter-big">{t('counterN', { n })}</p>
          <p className="rating-hint">{t('idleHint')}</p>
        </main>
      )}

      {state.phase === 'asking' && (
        // Keyed by visit: a question that replaces another one shows it (a short fade-in), and its
        // answers stay disabled for SWITCH_GUARD_MS.
        <main
          key={state.ticketId}
          className={`rating-ask${switching ? ' switched' : ''}`}
          data-ticket={ticket?.number}
        >
          <p className="rating-served">
            {t('servedBy', {
              name: officerName(snapshot.state.counters, n, ticket?.officerId),
              number: ticket?.number ?? '',
            })}
          </p>
          <h1 className="rating-question">{t('question')}</h1>
          <div className={`rating-choices scale-${choices.length}`}>
            {choices.map((c) => (
              <button
                key={c.score}
                type="button"
                className={`rating-choice tone-${c.tone}`}
                data-score={c.score}
                disabled={switching}
                onClick={() => dispatch({ type: 'choose', score: c.score })}
              >
                <Face tone={c.tone} />
                <span>{pick(c.label, locale)}</span>
              </button>
            ))}
          </div>
          <Countdown seconds={timeout} restart={state} />
        </main>
      )}

      {state.phase === 'reasons' && (
        <main className="rating-reasons">
          <div className="rating-reasons-head">
            <h1 className="rating-question">{t('reasonsTitle')}</h1>
            <p className="rating-served">{t('reasonsHint')}</p>
          </div>
          <div className="rating-reason-list">
            {config.rating.reasons.map((r) => (
              <button
                key={r.id}
                type="button"
                className="rating-reason"
                aria-pressed={state.reasons.includes(r.id)}
                onClick={() => dispatch({ type: 'toggleReason', id: r.id })}
              >
                <span className="tick" aria-hidden="true">
                  {state.reasons.includes(r.id) ? '✓' : ''}
                </span>
                {pick(r.name, locale)}
              </button>
            ))}
          </div>
          <div className="rating-actions">
            <button type="button" className="rating-back" onClick={() => dispatch({ type: 'back' })}>
              {t('back')}
            </button>
            <button type="button" className="rating-send" onClick={() => dispatch({ type: 'submitReasons' })}>
              {t('send')}
            </button>
          </div>
          <Countdown seconds={timeout} restart={state} />
        </main>
      )}

      {state.phase === 'thanks' && (
        <main className="rating-thanks" role="status">
          <div className="rating-check" aria-hidden="true">
            ✓
          </div>
          <h1>{t('thanks')}</h1>
          <p>{t('thanksSub')}</p>
          {/* Sent to the hub only when this screen ends, so a mistaken tap can still be changed. */}
          <button type="button" className="rating-back" onClick={() => dispatch({ type: 'change' })}>
            {t('change')}
          </button>
        </main>
      )}

      {error && state.phase !== 'thanks' && (
        <p className="rating-error" role="alert">
          {error[locale]}
        </p>
      )}
    </div>
  );
}

function officerName(
  counters: Record<number, { officer: { id: string; name: string } | null }>,
  n: number,
  officerId: string | null | undefined,
): string {
  const o = counters[n]?.officer;
  return o && (!officerId || o.id === officerId) ? o.name : (officerId ?? '');
}

/** A bar that empties over the time left to answer. */
function Countdown({ seconds, restart }: { seconds: number; restart: RatingState }) {
  // A new key restarts the CSS animation whenever the question changes.
  const key = useMemo(() => JSON.stringify(restart), [restart]);
  return (
    <div className="countdown" aria-hidden="true">
      <div key={key} style={{ animationDuration: `${seconds}s` }} />
    </div>
  );
}

/**
 * The state machine of flow.ts wired to the hub. Its state lives in a ref as well, so a rating is
 * sent exactly once per action (React may run state updaters twice). Taps are held back for
 * SWITCH_GUARD_MS after the question switches to another visit (`switching`).
 */
function useRatingMachine(client: LuotClient): {
  state: RatingState;
  dispatch: (a: RatingAction) => void;
  error: Text | null;
  switching: boolean;
} {
  const current = useRef<RatingState>(IDLE);
  const [state, setState] = useState<RatingState>(IDLE);
  const [error, setError] = useState<Text | null>(null);
  // The rating settings last seen: the mirror is empty for a moment during a resync, and a timeout
  // falling then must still end the question.
  const known = useRef<RatingConfig | null>(null);
  const guardUntil = useRef(0);
  const [switchedAt, setSwitchedAt] = useState<number | null>(null);
  useEffect(() => {
    if (switchedAt === null) return;
    const timer = setTimeout(() => setSwitchedAt(null), SWITCH_GUARD_MS);
    return () => clearTimeout(timer);
  }, [switchedAt]);

  const send = useCallback(
    async (s: Submission) => {
      try {
        await client.rate(s.ticketId, s.score, s.reasons);
      } catch (e) {
        // ALREADY_RATED: the hub has this visit's rating (a retry after a lost answer) — done.
        if (e instanceof LuotError && e.code === 'ALREADY_RATED') return;
        if (s.score === null) return; // nobody is waiting for a "no rating"
        setError(e instanceof LuotError ? e.messages : { vi: 'Lỗi hệ thống.', en: 'Internal error.' });
        // Let the citizen tap again once the hub is back.
        if (current.current.phase === 'thanks' && current.current.ticketId === s.ticketId) {
          current.current = { phase: 'asking', ticketId: s.ticketId };
          setState(current.current);
        }
      }
    },
    [client],
  );

  const dispatch = useCallback(
    (action: RatingAction) => {
      const config = client.snapshot?.config.rating ?? known.current;
      if (!config) return; // nothing asked yet: no snapshot has ever arrived
      known.current = config;
      const now = Date.now();
      if (isTap(action) && now < guardUntil.current) return;
      const r = step(current.current, action, config);
      if (switchedVisit(current.current, r.state)) {
        guardUntil.current = now + SWITCH_GUARD_MS;
        setSwitchedAt(now);
      }
      current.current = r.state;
      setState(r.state);
      if (action.type !== 'timeout' && action.type !== 'done') setError(null);
      for (const s of r.submit) void send(s);
    },
    [client, send],
  );
  return { state, dispatch, error, switching: switchedAt !== null };
}
