import { useRef, useState, type FormEvent } from 'react';
import type { LuotClient } from '@luot/client';
import type { CounterConfig, CounterState, OfficeConfig } from '@luot/core';
import { pick, type Locale } from '@luot/ui';
import { useRunner, useText } from '../hooks.js';
import { ErrorAlert, LangSwitch } from './common.js';
import { Keypad } from './Keypad.js';

const LAST_OFFICER = 'luot.counter.lastOfficer';

/** Officer sign-in: id and PIN, with the on-screen keypad or the keyboard. */
export function SignInScreen({
  client,
  config,
  counterConfig,
  counter,
  online,
  onLocale,
  onSetup,
}: {
  client: LuotClient;
  config: OfficeConfig;
  counterConfig: CounterConfig;
  counter: CounterState;
  online: boolean;
  onLocale: (l: Locale) => void;
  onSetup: () => void;
}) {
  const { t, locale } = useText();
  const runner = useRunner();
  const [officerId, setOfficerId] = useState(() => globalThis.localStorage?.getItem(LAST_OFFICER) ?? '');
  const [pin, setPin] = useState('');
  const [active, setActive] = useState<'id' | 'pin'>(officerId ? 'pin' : 'id');
  const pinRef = useRef<HTMLInputElement>(null);

  const type = (d: string) =>
    active === 'pin' ? setPin((p) => (p + d).slice(0, 8)) : setOfficerId((v) => v + d);
  const backspace = () =>
    active === 'pin' ? setPin((p) => p.slice(0, -1)) : setOfficerId((v) => v.slice(0, -1));
  const clear = () => (active === 'pin' ? setPin('') : setOfficerId(''));

  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    const id = officerId.trim();
    if (!id) return;
    if (!pin) return pinRef.current?.focus();
    const ok = await runner.run('signIn', () => client.signIn(id, pin));
    if (ok) globalThis.localStorage?.setItem(LAST_OFFICER, id);
    else {
      setPin('');
      pinRef.current?.focus();
    }
  };

  return (
    <div className="signin-page">
      <header className="signin-top">
        <span className="brand">Lượt</span>
        <span className="signin-office">{pick(config.office.shortName ?? config.office.name, locale)}</span>
        <LangSwitch app="counter" onChange={onLocale} />
        <button type="button" className="btn btn-link" onClick={onSetup}>
          {t('setupDevice')}
        </button>
      </header>
      <main className="signin-main">
        <section className="signin-card">
          <div className="signin-counter">
            <span className="signin-counter-label">{t('counterLabel')}</span>
            <span className="signin-counter-number" data-testid="counter-number">
              {counter.number}
            </span>
            <span className="signin-agency">{pick(counterConfig.agency, locale)}</span>
            <ul className="signin-services">
              {counterConfig.services.map((p) => (
                <li key={p}>
                  <b>{p}</b> {pick(config.services.find((s) => s.prefix === p)?.name, locale)}
                </li>
              ))}
            </ul>
          </div>
          <form className="signin-form" onSubmit={(e) => void submit(e)}>
            <h1>{t('signInTitle')}</h1>
            {counter.status === 'closed' && <p className="alert alert-warn">{t('counterClosedNote')}</p>}
            <label className={`field${active === 'id' ? ' field-active' : ''}`}>
              <span>{t('officerId')}</span>
              <input
                name="officerId"
                value={officerId}
                autoFocus={!officerId}
                autoComplete="username"
                autoCapitalize="none"
                spellCheck={false}
                onFocus={() => setActive('id')}
                onChange={(e) => setOfficerId(e.target.value)}
              />
            </label>
            <label className={`field${active === 'pin' ? ' field-active' : ''}`}>
              <span>{t('pin')}</span>
              <input
                ref={pinRef}
                name="pin"
                type="password"
                inputMode="numeric"
                autoComplete="current-password"
                value={pin}
                autoFocus={!!officerId}
                onFocus={() => setActive('pin')}
                onChange={(e) => setPin(e.target.value.replace(/\D/g, '').slice(0, 8))}
              />
            </label>
            <Keypad onDigit={type} onBackspace={backspace} onClear={clear} />
            <ErrorAlert error={runner.error} />
            <button
              type="submit"
              className="btn btn-primary btn-block"
              disabled={!online || runner.pending !== null || !officerId.trim() || pin.length < 4}
            >
              {t('signIn')}
            </button>
            <p className="muted small">{t('keypadHint')}</p>
          </form>
        </section>
      </main>
    </div>
  );
}
