import { useState, type FormEvent } from 'react';
import { saveSetting, type Locale } from '@luot/ui';
import { useText } from '../hooks.js';
import { LangSwitch } from './common.js';

export const EXPECTED_COUNTER = 'luot.counter.number';

/**
 * Once per PC: the hub's address, this counter's number and its device token. The token is what
 * identifies the counter to the hub; the number typed here is only checked against it.
 */
export function SetupScreen({
  hubUrl,
  token,
  problem,
  onSaved,
  onLocale,
}: {
  hubUrl: string;
  token: string | null;
  /** Why set-up is shown again (a refused or wrong token). */
  problem: string | null;
  onSaved: () => void;
  onLocale: (l: Locale) => void;
}) {
  const { t } = useText();
  const [hub, setHub] = useState(hubUrl);
  const [counter, setCounter] = useState(() => globalThis.localStorage?.getItem(EXPECTED_COUNTER) ?? '');
  const [tok, setTok] = useState(token ?? '');

  const save = (e: FormEvent) => {
    e.preventDefault();
    if (!tok.trim()) return;
    saveSetting('counter', 'hub', hub.trim().replace(/\/$/, '') || null);
    saveSetting('counter', 'token', tok.trim());
    if (counter.trim()) globalThis.localStorage?.setItem(EXPECTED_COUNTER, counter.trim());
    else globalThis.localStorage?.removeItem(EXPECTED_COUNTER);
    onSaved();
  };

  return (
    <div className="signin-page">
      <header className="signin-top">
        <span className="brand">Lượt</span>
        <span className="signin-office">{t('appName')}</span>
        <LangSwitch app="counter" onChange={onLocale} />
      </header>
      <main className="signin-main">
        <form className="setup-card" onSubmit={save}>
          <h1>{t('setupTitle')}</h1>
          <p className="muted">{t('setupIntro')}</p>
          {problem && (
            <p className="alert alert-error" role="alert">
              {problem}
            </p>
          )}
          <label className="field">
            <span>{t('hubUrl')}</span>
            <input
              value={hub}
              placeholder={globalThis.location?.origin}
              inputMode="url"
              spellCheck={false}
              onChange={(e) => setHub(e.target.value)}
            />
            <small className="muted">{t('hubUrlHint')}</small>
          </label>
          <label className="field">
            <span>{t('counterNumber')}</span>
            <input
              value={counter}
              inputMode="numeric"
              onChange={(e) => setCounter(e.target.value.replace(/\D/g, '').slice(0, 3))}
            />
          </label>
          <label className="field">
            <span>{t('deviceToken')}</span>
            <input
              value={tok}
              required
              autoFocus
              spellCheck={false}
              autoComplete="off"
              onChange={(e) => setTok(e.target.value)}
            />
          </label>
          <button type="submit" className="btn btn-primary btn-block" disabled={!tok.trim()}>
            {t('save')}
          </button>
        </form>
      </main>
    </div>
  );
}
