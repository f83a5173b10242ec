import { useCallback, useEffect, useReducer, useRef, useState, type ReactNode } from 'react';
import { LocaleContext, useHub, useHubNow, type Locale } from '@luot/ui';
import type { LuotKioskApi } from '../../electron/api';
import { homeView } from './availability';
import { checkInRefusal, ScanBuffer } from './checkin';
import { CheckingInOverlay, CheckInRefusedScreen, CheckInScreen } from './CheckInScreens';
import { Footer, Header } from './Frame';
import { HomeScreen } from './HomeScreen';
import {
  checkInBooking,
  issueTicket,
  pendingIssue,
  reportPrinter,
  resumeIssue,
  sessionPendingStore,
  type IssueAttempt,
} from './issue';
import type { KioskOptions } from './options';
import { PriorityScreen } from './PriorityScreen';
import { initialKioskState, kioskReducer } from './screens';
import {
  BlockedScreen,
  ConfirmingOverlay,
  IdleScreen,
  IssuingOverlay,
  OfflineOverlay,
  RefusedScreen,
} from './StatusScreens';
import { TicketScreen } from './TicketScreen';
import { ticketView } from './ticket-view';

export interface KioskProps {
  hubUrl: string;
  token: string;
  /** The kiosk's language at rest; a citizen's switch lasts until the next ticket or the idle screen. */
  locale: Locale;
  options: KioskOptions;
  /** `window.luotKiosk` inside the Electron shell. */
  bridge: LuotKioskApi | null;
}

const REFUSED_SECONDS = 10;
const PRINTER_POLL_MS = 5000;

export function KioskApp({ hubUrl, token, locale: restLocale, options, bridge }: KioskProps) {
  const { client, snapshot, status } = useHub(hubUrl, token);
  const [locale, setLocale] = useState(restLocale);
  const [state, dispatch] = useReducer(kioskReducer, initialKioskState);
  const [lastTouch, setLastTouch] = useState(0);
  // Set synchronously on the first tap, so a second tap in the same instant finds it set.
  const issuing = useRef(false);
  // An issue whose outcome is unknown survives a reload of the page, and is resent with its request id.
  const [pending] = useState(sessionPendingStore);
  // Sessions open and close by the hub's time, not by a kiosk whose clock may be wrong; re-rendered
  // every 10 s so the screen follows the time of day.
  const now = useHubNow(client, 10_000);
  const { screen, paused } = state;
  const config = snapshot?.config ?? null;
  const online = status === 'online' && snapshot !== null;
  const priorityId = screen.name === 'home' || screen.name === 'issuing' ? screen.priority : null;
  const home = homeView(snapshot, now, { online, priority: priorityId !== null, paused });

  const take = async (service: string) => {
    // From the tiles, or with one tap after a lapsed booking (an ordinary number of its service).
    const lapsed = screen.name === 'checkInRefused' && screen.refusal.kind === 'late';
    if (issuing.current || (screen.name !== 'home' && !lapsed) || paused) return;
    const priority = screen.name === 'home' ? screen.priority : null;
    issuing.current = true;
    dispatch({ type: 'issue', service });
    try {
      const deps = {
        client,
        bridge,
        locale,
        keepIssuing: options.keepIssuing,
        pending,
        onUnknown: () => dispatch({ type: 'confirming' }),
      };
      settled(await issueTicket(deps, service, priority));
    } finally {
      issuing.current = false;
    }
  };

  // A booked citizen's code, typed or scanned: checked in at the hub, printed like any ticket.
  const checkIn = useCallback(
    async (code: string) => {
      if (issuing.current || paused) return;
      issuing.current = true;
      dispatch({ type: 'checkIn', code });
      try {
        const deps = {
          client,
          bridge,
          locale,
          keepIssuing: options.keepIssuing,
          onUnknown: () => dispatch({ type: 'confirming' }),
        };
        const attempt = await checkInBooking(deps, code);
        if (attempt.ok)
          dispatch({ type: 'issued', issued: attempt.issued, keepIssuing: attempt.keepIssuing });
        else if (attempt.unconfirmed)
          dispatch({ type: 'refused', message: attempt.message, unconfirmed: true });
        else dispatch({ type: 'checkInRefused', refusal: checkInRefusal(attempt) });
      } finally {
        issuing.current = false;
      }
    },
    [client, bridge, locale, options.keepIssuing, paused],
  );

  // The scanner types the code and Enter wherever the kiosk is resting (the check-in screen reads
  // its own keys): the citizen need not find the button first.
  const scanAnywhere = ['home', 'idle', 'priority', 'refused', 'checkInRefused'].includes(screen.name);
  useEffect(() => {
    if (!scanAnywhere) return;
    const scan = new ScanBuffer();
    const onKey = (e: KeyboardEvent) => {
      const code = scan.key(e.key, e.timeStamp);
      if (code) void checkIn(code);
    };
    globalThis.addEventListener('keydown', onKey);
    return () => globalThis.removeEventListener('keydown', onKey);
  }, [scanAnywhere, checkIn]);

  const settled = useCallback(
    (attempt: IssueAttempt) =>
      dispatch(
        attempt.ok
          ? { type: 'issued', issued: attempt.issued, keepIssuing: attempt.keepIssuing }
          : { type: 'refused', message: attempt.message, unconfirmed: attempt.unconfirmed },
      ),
    [],
  );

  // After a reload in the middle of an issue: confirm it with the hub (same request id) before anything else.
  // In practice this runs once, on start (the client, bridge and store are the kiosk's for good); run again,
  // it finds the request in flight (`issuing`) or already settled and cleared from the store, and does nothing.
  const keepIssuing = options.keepIssuing;
  useEffect(() => {
    const p = pendingIssue(pending);
    if (!p || issuing.current) return;
    issuing.current = true;
    setLocale(p.payload.locale);
    dispatch({ type: 'resumeIssue', service: p.payload.service, priority: p.payload.priority });
    const deps = { client, bridge, locale: p.payload.locale, keepIssuing, pending };
    void resumeIssue(deps, p)
      .then(settled)
      .finally(() => {
        issuing.current = false;
      });
  }, [client, bridge, keepIssuing, pending, settled]);

  // Every return home ends the citizen's visit: the kiosk goes back to its own language.
  const goHome = () => {
    setLocale(restLocale);
    dispatch({ type: 'home' });
  };

  // Attract screen after inactivity; never over the offline message, which staff must see.
  const idleable =
    online &&
    (screen.name === 'home' ||
      screen.name === 'priority' ||
      screen.name === 'refused' ||
      screen.name === 'checkIn');
  useEffect(() => {
    if (!idleable) return;
    const id = setTimeout(() => {
      setLocale(restLocale);
      dispatch({ type: 'idle' });
    }, options.idleSeconds * 1000);
    return () => clearTimeout(id);
  }, [idleable, lastTouch, screen, options.idleSeconds, restLocale]);

  // Electron: while issuing is paused by a printer fault, ask the printer until it works again.
  useEffect(() => {
    if (!paused || !bridge) return;
    const id = setInterval(() => {
      bridge
        .printerStatus()
        .then((s) => {
          if (s.fault !== null) return;
          dispatch({ type: 'resume' });
          reportPrinter(client, { ok: true, fault: null, paperNearEnd: s.paperNearEnd }, null);
        })
        .catch(() => {
          // The shell could not ask the printer this time: stay paused, ask again at the next tick.
        });
    }, PRINTER_POLL_MS);
    return () => clearInterval(id);
  }, [paused, bridge, client]);

  if (status === 'unauthorized') return <BlockedScreen kind="unauthorized" />;

  const categories = config?.priorityCategories ?? [];
  let body: ReactNode;
  switch (screen.name) {
    case 'idle':
      return (
        <LocaleContext.Provider value={locale}>
          <div className="kiosk kiosk-idle" lang="vi">
            <IdleScreen config={config} home={home} now={now} onWake={() => dispatch({ type: 'wake' })} />
          </div>
        </LocaleContext.Provider>
      );
    case 'ticket':
      body = config && (
        <TicketScreen
          view={ticketView(config, screen.issued)}
          timeZone={config.sessions.timeZone}
          seconds={options.ticketSeconds}
          paused={paused}
          onDone={goHome}
        />
      );
      break;
    case 'refused':
      body = (
        <RefusedScreen
          message={screen.message}
          unconfirmed={screen.unconfirmed}
          seconds={REFUSED_SECONDS}
          onBack={goHome}
        />
      );
      break;
    case 'checkIn':
      body = <CheckInScreen onCheckIn={(code) => void checkIn(code)} onBack={goHome} />;
      break;
    case 'checkingIn':
      body = screen.confirming ? <ConfirmingOverlay online={online} /> : <CheckingInOverlay />;
      break;
    case 'checkInRefused':
      body = (
        <CheckInRefusedScreen
          refusal={screen.refusal}
          config={config}
          seconds={REFUSED_SECONDS * 2}
          onTakeOrdinary={(service) => void take(service)}
          onRetype={() => {
            dispatch({ type: 'home' });
            dispatch({ type: 'openCheckIn' });
          }}
          onBack={goHome}
        />
      );
      break;
    case 'priority':
      body = (
        <PriorityScreen
          categories={categories}
          onPick={(category) => dispatch({ type: 'pickPriority', category })}
          // Still the same citizen, choosing: the language stays.
          onBack={() => dispatch({ type: 'cancelPriority' })}
        />
      );
      break;
    case 'home':
    case 'issuing':
      body = (
        <>
          <HomeScreen
            home={home}
            priority={categories.find((c) => c.id === priorityId) ?? null}
            categories={categories}
            onTake={(service) => void take(service)}
            onPriority={() => dispatch({ type: 'openPriority' })}
            onCheckIn={() => dispatch({ type: 'openCheckIn' })}
            onCancelPriority={() => dispatch({ type: 'cancelPriority' })}
            onResume={bridge ? null : () => dispatch({ type: 'resume' })}
          />
          {screen.name === 'issuing' &&
            (screen.confirming ? <ConfirmingOverlay online={online} /> : <IssuingOverlay />)}
        </>
      );
      break;
  }

  return (
    <LocaleContext.Provider value={locale}>
      <div
        className={`kiosk kiosk-${screen.name}`}
        lang={locale}
        data-online={online}
        onPointerDownCapture={() => setLastTouch(Date.now())}
      >
        <Header config={config} now={now} onSwitchLanguage={() => setLocale(locale === 'vi' ? 'en' : 'vi')} />
        <main className="k-main">
          {body}
          {/* An issue in flight ends on its own screen: it says itself what the connection means for it. */}
          {!online &&
            !['ticket', 'refused', 'issuing', 'checkingIn', 'checkInRefused'].includes(screen.name) && (
              <OfflineOverlay connecting={status === 'connecting'} />
            )}
        </main>
        <Footer notice={config?.office.notice} />
      </div>
    </LocaleContext.Provider>
  );
}
