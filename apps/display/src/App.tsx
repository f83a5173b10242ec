import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { WebAudioBackend } from '@luot/announcer';
import { currentNotice, servicesWithoutCounter } from '@luot/core';
import { ConnectionBanner, LocaleContext, loadSettings, pick, useHub, type Locale } from '@luot/ui';
import { pendingEntries } from './call-log.js';
import { CallHistory } from './components/CallHistory.js';
import { CounterGrid } from './components/CounterGrid.js';
import { Header } from './components/Header.js';
import { HallPanel } from './components/HallPanel.js';
import { LatestCall } from './components/LatestCall.js';
import { NoticeTicker } from './components/NoticeTicker.js';
import { SoundUnlock } from './components/SoundUnlock.js';
import { WaitingPanel } from './components/WaitingPanel.js';
import { DisplayStore } from './display-store.js';
import { counterLostNotices, levelNotice, makeT } from './i18n.js';
import { parseOptions, type DisplayOptions } from './options.js';
import { createSound, type Sound } from './sound.js';
import { counterTiles, hallZones, serviceWaiting } from './view-model.js';

/** History rows shown beside the latest call, and entry calls shown at most. */
const HISTORY_ROWS = 8;
const ENTRY_CALLS = 4;

export function App() {
  // Read once: the token then leaves the address bar (kept by the device, see loadSettings).
  const [settings] = useState(() => loadSettings('display'));
  const [options] = useState(() => parseOptions(globalThis.location.search));
  const locale = settings.lang;
  if (!settings.token) {
    return <p className="display-message">{makeT(locale)('noToken')}</p>;
  }
  return (
    <LocaleContext.Provider value={locale}>
      <WallDisplay hubUrl={settings.hubUrl} token={settings.token} locale={locale} options={options} />
    </LocaleContext.Provider>
  );
}

function WallDisplay(props: { hubUrl: string; token: string; locale: Locale; options: DisplayOptions }) {
  const { locale, options } = props;
  const t = makeT(locale);
  const { client, snapshot, status } = useHub(props.hubUrl, props.token);

  // Sound lives as long as the screen; the store reaches it through a ref, and it asks the store (through
  // another) whether a call that had to wait is still due.
  const sound = useRef<Sound | null>(null);
  const store = useMemo(
    () => new DisplayStore(client, { announce: (request) => sound.current?.announce(request) }),
    [client],
  );
  const storeRef = useRef(store);
  useEffect(() => {
    storeRef.current = store;
    return store.start();
  }, [store]);

  const [clips, setClips] = useState<WebAudioBackend | null>(null);
  useEffect(() => {
    const s = createSound(options, locale, (request) => storeRef.current.isDue(request));
    sound.current = s;
    setClips(s.clips);
    return () => {
      s.dispose();
      sound.current = null;
    };
  }, [options, locale]);
  const view = useSyncExternalStore(store.subscribe, store.getView);

  // The supervisor's notice leaves the screen at its end time, with or without a new event then.
  const [, setExpired] = useState(0);
  const until = snapshot?.state.notice?.until ?? null;
  useEffect(() => {
    if (until === null) return;
    const timer = setTimeout(() => setExpired((n) => n + 1), Math.max(0, until - client.now()) + 50);
    return () => clearTimeout(timer);
  }, [until, client]);

  const derived = useMemo(() => {
    if (!snapshot) return null;
    const { config, state } = snapshot;
    return {
      tiles: counterTiles(config, state),
      zones: hallZones(config, state),
      waiting: serviceWaiting(config, state),
      entries: pendingEntries(view.log, state, ENTRY_CALLS),
    };
  }, [snapshot, view.log]);

  if (!snapshot || !derived) {
    return (
      <div className="display-message">
        <p>{t('loading')}</p>
        <ConnectionBanner status={status} locale={locale} />
      </div>
    );
  }

  const { config, state } = snapshot;
  const office = config.office.shortName ?? config.office.name;
  const { latest, history, anyCalled } = view.board;
  const flash = latest && view.flash?.ticketId === latest.ticketId ? view.flash : null;
  const levelNote = config.levels[state.level].note;
  const names = Object.fromEntries(config.services.map((s) => [s.prefix, s.name]));
  const notice = [
    // First: it is news for people in the hall now, the office's notice is not.
    ...counterLostNotices(servicesWithoutCounter(config, state), names, locale),
    // The office head's notice for today (the console), in the words they typed.
    currentNotice(state, client.now()),
    pick(config.office.notice, locale),
    levelNotice(pick(levelNote, locale), state.level, locale),
  ]
    .filter(Boolean)
    .join('   •   ');

  return (
    <div className="display" data-status={status}>
      <Header
        office={pick(office, locale)}
        level={state.level}
        timeZone={config.sessions.timeZone}
        clock={client}
      />
      <main className="display-body">
        <LatestCall
          // Each live call remounts the card, so its flashing starts over (a recall too).
          key={flash?.seq ?? 'still'}
          call={latest}
          anyCalled={anyCalled}
          flashing={flash !== null}
          services={config.services}
        />
        <HallPanel zones={derived.zones} entries={derived.entries} flash={view.entryFlash} />
        <CallHistory calls={history.slice(0, HISTORY_ROWS)} />
        <WaitingPanel waiting={derived.waiting} />
        <CounterGrid tiles={derived.tiles} level={state.level} />
      </main>
      <NoticeTicker text={notice} />
      <ConnectionBanner status={status} locale={locale} compact />
      {clips && <SoundUnlock clips={clips} label={t('soundOff')} />}
    </div>
  );
}
