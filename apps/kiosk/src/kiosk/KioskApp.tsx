import { useCallback, useEffect, useReducer, useRef, useState, type ReactNode } from 'react';
import { LocaleContext, useHub, useHubNow, type Locale } from '@luot/ui';
import type { LuotKioskApi } from '../../electron/api';
import { homeView } from './availability';
import { Footer, Header } from './Frame';
import { HomeScreen } from './HomeScreen';
import {
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
    if (issuing.current || screen.name !== 'home' || paused) return;
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
      settled(await issueTicket(deps, service, screen.priority));
    } finally {
      issuing.current = false;
    }
  };

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
    online && (screen.name === 'home' || screen.name === 'priority' || screen.name === 'refused');
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
          {!online && screen.name !== 'ticket' && screen.name !== 'refused' && screen.name !== 'issuing' && (
            <OfflineOverlay connecting={status === 'connecting'} />
          )}
        </main>
        <Footer notice={config?.office.notice} />
      </div>
    </LocaleContext.Provider>
  );
}
