import {
  lazy,
  Suspense,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
} from 'react';
import type { LuotClient } from '@luot/client';
import { alertThresholds, type Text } from '@luot/core';
import type { DevicePresence } from '@luot/protocol';
import {
  ConnectionBanner,
  formatDate,
  formatTime,
  loadSettings,
  pick,
  saveSetting,
  useDevice,
  useHub,
  useHubNow,
  type Locale,
} from '@luot/ui';
import { computeAlerts } from './alerts.js';
import { AuditLog } from './components/AuditLog.js';
import { Monitor } from './components/Monitor.js';
import { SignIn } from './components/SignIn.js';
import { SessionContext, useConsole, useIdle, type Session } from './session.js';
import { chime, setSound, soundOn } from './sound.js';
import { LocaleContext, sayer, useSay } from './text.js';

/** The office head's console (/supervisor): device set-up, sign-in, then the console itself. */
export function ConsoleApp() {
  const [settings, setSettings] = useState(() => loadSettings('supervisor'));
  const [locale, setLocale] = useState<Locale>(settings.lang);
  const text = useMemo(() => ({ locale, say: sayer(locale) }), [locale]);
  const switchLocale = () => {
    const next = locale === 'vi' ? 'en' : 'vi';
    saveSetting('supervisor', 'lang', next);
    setLocale(next);
  };
  return (
    <LocaleContext.Provider value={text}>
      {settings.token ? (
        <Connected
          key={`${settings.hubUrl}|${settings.token}`}
          hubUrl={settings.hubUrl}
          token={settings.token}
          onLocale={switchLocale}
          onForget={() => {
            saveSetting('supervisor', 'token', null);
            setSettings(loadSettings('supervisor', ''));
          }}
        />
      ) : (
        <Setup onSaved={() => setSettings(loadSettings('supervisor', ''))} />
      )}
    </LocaleContext.Provider>
  );
}

/** No device token yet: the administrator pastes the supervisor device's token (or opens ?token=…). */
function Setup({ onSaved }: { onSaved: () => void }) {
  const { say } = useSay();
  const [token, setToken] = useState('');
  return (
    <main className="signin">
      <form
        className="card signin-card"
        onSubmit={(e) => {
          e.preventDefault();
          saveSetting('supervisor', 'token', token.trim());
          onSaved();
        }}
      >
        <h1>{say({ vi: 'Cài đặt thiết bị điều hành', en: 'Console device set-up' })}</h1>
        <label className="field">
          <span>{say({ vi: 'Mã thiết bị (token)', en: 'Device token' })}</span>
          <input value={token} onChange={(e) => setToken(e.target.value)} autoFocus />
        </label>
        <button type="submit" className="primary" disabled={token.trim() === ''}>
          {say({ vi: 'Lưu', en: 'Save' })}
        </button>
      </form>
    </main>
  );
}

function usePresence(client: LuotClient): DevicePresence[] | null {
  const subscribe = useCallback((fn: () => void) => client.on('presence', fn), [client]);
  return useSyncExternalStore(subscribe, () => client.presence);
}

function Connected({
  hubUrl,
  token,
  onLocale,
  onForget,
}: {
  hubUrl: string;
  token: string;
  onLocale: () => void;
  onForget: () => void;
}) {
  const { say, locale } = useSay();
  const { client, snapshot, status } = useHub(hubUrl, token);
  const device = useDevice(client);
  const [session, setSession] = useState<Session | null>(null);
  const [why, setWhy] = useState<Text | null>(null);
  const signedOut = useCallback((reason: Text | null) => {
    setSession(null);
    setWhy(reason);
  }, []);
  const banner = <ConnectionBanner status={status} locale={locale} />;

  if (status === 'unauthorized' || (device && device.role !== 'supervisor')) {
    return (
      <main className="signin">
        {banner}
        <div className="card signin-card" role="alert">
          <p>
            {say({
              vi: 'Mã thiết bị này không phải của thiết bị điều hành.',
              en: 'This token is not a supervisor device’s.',
            })}
          </p>
          <button type="button" onClick={onForget}>
            {say({ vi: 'Nhập mã khác', en: 'Enter another token' })}
          </button>
        </div>
      </main>
    );
  }
  if (!snapshot) {
    return (
      <main className="signin">
        {banner}
        <p role="status">{say({ vi: 'Đang tải…', en: 'Loading…' })}</p>
      </main>
    );
  }
  if (!session) {
    return (
      <>
        {banner}
        <SignIn
          client={client}
          officeName={pick(snapshot.config.office.name, locale)}
          notice={why}
          online={status === 'online'}
          onLocale={onLocale}
          onSignedIn={(s) => {
            setWhy(null);
            setSession(s);
          }}
        />
      </>
    );
  }
  return (
    <SessionContext.Provider value={{ client, hubUrl, token, session, signedOut }}>
      {banner}
      <Console client={client} onLocale={onLocale} />
    </SessionContext.Provider>
  );
}

type Page = 'monitor' | 'audit' | 'reports' | 'plan';
const pageOf = (hash: string): Page =>
  hash === '#audit' ? 'audit' : hash === '#reports' ? 'reports' : hash === '#plan' ? 'plan' : 'monitor';

// The reports page brings ECharts (most of the console's weight): loaded when it is first opened.
const ReportsPage = lazy(() => import('./reports/ReportsPage.js').then((m) => ({ default: m.ReportsPage })));
// The plan page too (it draws with the same ECharts).
const PlanPage = lazy(() => import('./plan/PlanPage.js').then((m) => ({ default: m.PlanPage })));

const IDLE_OUT: Text = {
  vi: 'Đã tự đăng xuất vì không thao tác trong {n} phút.',
  en: 'Signed out after {n} minutes without activity.',
};

function Console({ client, onLocale }: { client: LuotClient; onLocale: () => void }) {
  const { say, locale } = useSay();
  const snapshot = useSyncExternalStore(
    useCallback((fn: () => void) => client.on('change', fn), [client]),
    () => client.snapshot,
  )!;
  const presence = usePresence(client);
  const now = useHubNow(client);
  const ctx = useConsole();
  const [page, setPage] = useState<Page>(() => pageOf(location.hash));
  const [sound, setSoundState] = useState(soundOn);
  useEffect(() => {
    const on = () => setPage(pageOf(location.hash));
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);

  const left = useIdle(client, ctx.session.idleMinutes, () => {
    void client.send('supervisor.signOut', {}).catch(() => undefined);
    ctx.signedOut({
      vi: IDLE_OUT.vi.replace('{n}', String(ctx.session.idleMinutes)),
      en: IDLE_OUT.en.replace('{n}', String(ctx.session.idleMinutes)),
    });
  });

  const { config, state } = snapshot;
  const alerts = useMemo(
    () => computeAlerts(snapshot, presence, now, alertThresholds(config)),
    [snapshot, presence, now, config],
  );
  const open = alerts.filter((a) => !a.ack);
  // A chime for each alert not seen before on this screen (not for those there at sign-in).
  const seen = useRef<Set<string> | null>(null);
  useEffect(() => {
    const fresh = open.filter((a) => seen.current && !seen.current.has(a.key));
    seen.current = new Set([...(seen.current ?? []), ...open.map((a) => a.key)]);
    if (fresh.length > 0 && sound) chime();
  }, [open, sound]);

  const tz = config.sessions.timeZone;
  const nav: Array<{ id: Page; label: string }> = [
    { id: 'monitor', label: say({ vi: 'Giám sát', en: 'Monitor' }) },
    { id: 'audit', label: say({ vi: 'Nhật ký', en: 'Audit log' }) },
    { id: 'reports', label: say({ vi: 'Báo cáo', en: 'Reports' }) },
    { id: 'plan', label: say({ vi: 'Kế hoạch', en: 'Plan' }) },
  ];
  return (
    <div className="console">
      <header className="top">
        <div className="brand">
          <b>{pick(config.office.shortName ?? config.office.name, locale)}</b>
          <span className="muted">
            {formatDate(now, tz, locale)} · {formatTime(now, tz)}
          </span>
        </div>
        <nav aria-label={say({ vi: 'Trang', en: 'Pages' })}>
          {nav.map((n) => (
            <a key={n.id} href={`#${n.id}`} aria-current={page === n.id ? 'page' : undefined}>
              {n.label}
              {n.id === 'monitor' && open.length > 0 && (
                <span
                  className="badge"
                  data-testid="alert-badge"
                  aria-label={say({ vi: '{n} cảnh báo mới', en: '{n} new alerts' }, { n: open.length })}
                >
                  {open.length}
                </span>
              )}
            </a>
          ))}
        </nav>
        <div className="who">
          <label className="check">
            <input
              type="checkbox"
              checked={sound}
              onChange={(e) => {
                setSound(e.target.checked);
                setSoundState(e.target.checked);
              }}
            />
            {say({ vi: 'Âm báo', en: 'Sound' })}
          </label>
          <button type="button" className="link" onClick={onLocale} lang={locale === 'vi' ? 'en' : 'vi'}>
            {locale === 'vi' ? 'English' : 'Tiếng Việt'}
          </button>
          <span data-testid="officer-name">{ctx.session.officer.name}</span>
          <button
            type="button"
            onClick={() => {
              void client.send('supervisor.signOut', {}).catch(() => undefined);
              ctx.signedOut(null);
            }}
          >
            {say({ vi: 'Đăng xuất', en: 'Sign out' })}
          </button>
        </div>
      </header>
      {left !== null && (
        <div className="idle-warning" role="alert" data-testid="idle-warning">
          {say(
            {
              vi: 'Không thấy thao tác: tự đăng xuất sau {s} giây. Di chuột hoặc bấm phím để tiếp tục.',
              en: 'No activity: signing out in {s} s. Move the mouse or press a key to stay.',
            },
            { s: left },
          )}
        </div>
      )}
      <main className="page">
        {page === 'monitor' && <Monitor snapshot={snapshot} presence={presence} alerts={alerts} now={now} />}
        {page === 'audit' && <AuditLog today={state.day} timeZone={tz} />}
        {page === 'reports' && (
          <Suspense fallback={<p role="status">{say({ vi: 'Đang tải…', en: 'Loading…' })}</p>}>
            <ReportsPage
              officeName={pick(config.office.name, locale)}
              timeZone={tz}
              hubNow={() => client.now()}
              choices={{
                services: config.services.map((s) => ({ prefix: s.prefix, name: s.name })),
                counters: config.counters.map((c) => c.number),
                officers: Object.values(state.counters).flatMap((c) => (c.officer ? [c.officer] : [])),
              }}
            />
          </Suspense>
        )}
        {page === 'plan' && (
          <Suspense fallback={<p role="status">{say({ vi: 'Đang tải…', en: 'Loading…' })}</p>}>
            <PlanPage config={config} state={state} />
          </Suspense>
        )}
      </main>
    </div>
  );
}
