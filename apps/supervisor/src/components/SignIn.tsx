import { useState, type FormEvent } from 'react';
import { LuotError, type LuotClient } from '@luot/client';
import type { Text } from '@luot/core';
import type { Session } from '../session.js';
import { useSay } from '../text.js';

/** The head signs in with their officer code and PIN (the hub checks the PIN, the role and lock-out). */
export function SignIn({
  client,
  officeName,
  notice,
  online,
  onSignedIn,
  onLocale,
}: {
  client: LuotClient;
  officeName: string;
  /** Why the console came back here (idle, the hub ended the session), or null. */
  notice: Text | null;
  online: boolean;
  onSignedIn: (s: Session) => void;
  onLocale: () => void;
}) {
  const { say, locale } = useSay();
  const [officerId, setOfficerId] = useState('');
  const [pin, setPin] = useState('');
  const [error, setError] = useState<Text | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { result } = await client.signInSupervisor(officerId.trim(), pin);
      onSignedIn(result);
    } catch (err) {
      setPin('');
      setError(
        err instanceof LuotError ? err.messages : { vi: 'Lỗi không xác định.', en: 'Unexpected error.' },
      );
    } finally {
      setBusy(false);
    }
  };
  const shown = error ?? notice;
  return (
    <main className="signin">
      <form className="card signin-card" onSubmit={submit}>
        <div className="signin-head">
          <p className="office">{officeName}</p>
          <button type="button" className="link" onClick={onLocale} lang={locale === 'vi' ? 'en' : 'vi'}>
            {locale === 'vi' ? 'English' : 'Tiếng Việt'}
          </button>
        </div>
        <h1>{say({ vi: 'Đăng nhập bảng điều hành', en: 'Console sign-in' })}</h1>
        <label className="field">
          <span>{say({ vi: 'Mã cán bộ', en: 'Officer code' })}</span>
          <input
            value={officerId}
            autoComplete="username"
            autoFocus
            onChange={(e) => setOfficerId(e.target.value)}
          />
        </label>
        <label className="field">
          <span>{say({ vi: 'Mã PIN', en: 'PIN' })}</span>
          <input
            type="password"
            inputMode="numeric"
            autoComplete="current-password"
            value={pin}
            onChange={(e) => setPin(e.target.value.replace(/\D/g, '').slice(0, 8))}
          />
        </label>
        {shown && (
          <p className="refusal" role="alert">
            {shown.vi}
            {locale === 'en' && <span className="en"> — {shown.en}</span>}
          </p>
        )}
        <button
          type="submit"
          className="primary"
          disabled={busy || !online || officerId.trim() === '' || pin.length < 4}
        >
          {say({ vi: 'Đăng nhập', en: 'Sign in' })}
        </button>
      </form>
    </main>
  );
}
