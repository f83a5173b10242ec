import { useMemo, useState } from 'react';
import { counterConfig } from '@luot/core';
import { ConnectionBanner, loadSettings, useDevice, useHub, type Locale } from '@luot/ui';
import { EXPECTED_COUNTER, SetupScreen } from './components/SetupScreen.js';
import { SignInScreen } from './components/SignInScreen.js';
import { Workspace } from './components/Workspace.js';
import { TextContext, useText } from './hooks.js';
import { counterText } from './text.js';

/** The counter terminal (/counter): set-up, then sign-in, then the officer's workspace. */
export function CounterApp() {
  const [settings, setSettings] = useState(() => loadSettings('counter'));
  const [locale, setLocale] = useState<Locale>(settings.lang);
  const [setup, setSetup] = useState(false);
  const text = useMemo(() => ({ locale, t: counterText(locale) }), [locale]);
  const reload = () => {
    setSettings(loadSettings('counter', ''));
    setSetup(false);
  };
  return (
    <TextContext.Provider value={text}>
      {!settings.token || setup ? (
        <SetupScreen
          hubUrl={settings.hubUrl}
          token={settings.token}
          problem={null}
          onSaved={reload}
          onLocale={setLocale}
        />
      ) : (
        <Terminal
          key={`${settings.hubUrl}|${settings.token}`}
          hubUrl={settings.hubUrl}
          token={settings.token}
          onLocale={setLocale}
          onSetup={() => setSetup(true)}
          onSaved={reload}
        />
      )}
    </TextContext.Provider>
  );
}

function Terminal({
  hubUrl,
  token,
  onLocale,
  onSetup,
  onSaved,
}: {
  hubUrl: string;
  token: string;
  onLocale: (l: Locale) => void;
  onSetup: () => void;
  onSaved: () => void;
}) {
  const { t, locale } = useText();
  const { client, snapshot, status } = useHub(hubUrl, token);
  const device = useDevice(client);
  const banner = <ConnectionBanner status={status} locale={locale} />;

  const wrongDevice = device && (device.role !== 'counter' || device.counter === null);
  if (status === 'unauthorized' || wrongDevice) {
    const problem = status === 'unauthorized' ? null : t('wrongRole');
    return (
      <>
        {banner}
        <SetupScreen hubUrl={hubUrl} token={token} problem={problem} onSaved={onSaved} onLocale={onLocale} />
      </>
    );
  }
  const n = device?.counter ?? null;
  const cc = snapshot && n !== null ? counterConfig(snapshot.config, n) : undefined;
  const cs = snapshot && n !== null ? snapshot.state.counters[n] : undefined;
  if (!snapshot || n === null || !cc || !cs) {
    return (
      <>
        {banner}
        <div className="loading" role="status">
          {t('loading')}
        </div>
      </>
    );
  }
  const expected = Number(globalThis.localStorage?.getItem(EXPECTED_COUNTER) ?? '');
  const mismatch = expected > 0 && expected !== n;
  // The workspace says in its own words when the hub is unreachable; a floating pill would cover
  // the officer's controls.
  return (
    <>
      {!cs.officer && banner}
      {mismatch && (
        <div className="alert alert-warn alert-top" role="alert">
          {t('counterMismatch', { actual: n, expected })}
        </div>
      )}
      {cs.officer ? (
        <Workspace client={client} snapshot={snapshot} status={status} counter={n} onLocale={onLocale} />
      ) : (
        <SignInScreen
          client={client}
          config={snapshot.config}
          counterConfig={cc}
          counter={cs}
          online={status === 'online'}
          onLocale={onLocale}
          onSetup={onSetup}
        />
      )}
    </>
  );
}
