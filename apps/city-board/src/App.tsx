import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { loadSettings, saveSetting, type Locale } from '@luot/ui';
import { Board } from './Board.js';
import { OfficePage } from './OfficePage.js';
import { sayer, SayContext, useSay as useSayCtx } from './text.js';
import { useBoard, type FeedStatus } from './use-board.js';

const APP = 'city';

/** /city/office/<id> is an office's page; anything else under /city is the board. */
function officeOf(path: string): string | null {
  const m = /^\/city\/office\/([^/]+)\/?$/.exec(path);
  return m ? decodeURIComponent(m[1]!) : null;
}

/** Go to a page of the app without reloading it. */
export function navigate(to: string): void {
  history.pushState(null, '', to);
  dispatchEvent(new PopStateEvent('popstate'));
}

export function App() {
  const initial = useMemo(() => loadSettings(APP), []);
  const [token, setToken] = useState(initial.token);
  const [locale, setLocale] = useState<Locale>(initial.lang);
  const ctx = useMemo(() => ({ locale, say: sayer(locale) }), [locale]);
  const switchLocale = () => {
    const next = locale === 'vi' ? 'en' : 'vi';
    saveSetting(APP, 'lang', next);
    setLocale(next);
  };
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  return (
    <SayContext.Provider value={ctx}>
      {token ? (
        <Live
          token={token}
          onSwitchLocale={switchLocale}
          onSignOut={() => {
            saveSetting(APP, 'token', null);
            setToken(null);
          }}
        />
      ) : (
        <SignIn
          onToken={(t) => {
            saveSetting(APP, 'token', t);
            setToken(t);
          }}
        />
      )}
    </SayContext.Provider>
  );
}

function Live({
  token,
  onSwitchLocale,
  onSignOut,
}: {
  token: string;
  onSwitchLocale: () => void;
  onSignOut: () => void;
}) {
  const board = useBoard(token);
  const [path, setPath] = useState(location.pathname);
  useEffect(() => {
    const on = () => setPath(location.pathname);
    addEventListener('popstate', on);
    return () => removeEventListener('popstate', on);
  }, []);
  const office = officeOf(path);
  const { say, locale } = useSayCtx();
  return (
    <div className="city">
      <header className="city-bar">
        <a
          className="brand"
          href="/city"
          onClick={(e) => {
            e.preventDefault();
            navigate('/city');
          }}
        >
          <b>Lượt</b> · {say({ vi: 'Trung tâm Phục vụ hành chính công', en: 'Public administration centre' })}
        </a>
        <span className="spacer" />
        <FeedState status={board.status} />
        <button type="button" onClick={onSwitchLocale} lang={locale === 'vi' ? 'en' : 'vi'}>
          {locale === 'vi' ? 'English' : 'Tiếng Việt'}
        </button>
        <button type="button" onClick={onSignOut}>
          {say({ vi: 'Đổi mã xem', en: 'Change token' })}
        </button>
      </header>
      {board.status === 'unauthorized' ? (
        <p className="refusal" role="alert">
          {say({
            vi: 'Mã xem không đúng. Hỏi quản trị hệ thống mã xem của thành phố (CITY_VIEWER_TOKEN).',
            en: 'Wrong viewer token. Ask the administrator for the city viewer token (CITY_VIEWER_TOKEN).',
          })}
        </p>
      ) : office ? (
        <OfficePage id={office} token={token} board={board} />
      ) : (
        <Board board={board} />
      )}
    </div>
  );
}

const FEED: Record<FeedStatus, { vi: string; en: string }> = {
  connecting: { vi: 'Đang kết nối…', en: 'Connecting…' },
  online: { vi: 'Trực tiếp', en: 'Live' },
  offline: { vi: 'Mất kết nối — đang thử lại', en: 'Disconnected — retrying' },
  unauthorized: { vi: 'Không có quyền', en: 'Not authorised' },
};

function FeedState({ status }: { status: FeedStatus }) {
  const { say } = useSayCtx();
  return (
    <span className={`feed feed-${status}`} data-testid="feed" data-status={status} role="status">
      <span className="dot" aria-hidden="true" />
      {say(FEED[status])}
    </span>
  );
}

function SignIn({ onToken }: { onToken: (t: string) => void }) {
  const { say } = useSayCtx();
  const [value, setValue] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (value.trim()) onToken(value.trim());
  };
  return (
    <form className="signin card" onSubmit={submit}>
      <h1>{say({ vi: 'Bảng theo dõi các văn phòng', en: 'Offices board' })}</h1>
      <label className="field">
        <span>{say({ vi: 'Mã xem của thành phố', en: 'City viewer token' })}</span>
        <input value={value} onChange={(e) => setValue(e.target.value)} autoFocus type="password" />
      </label>
      <button type="submit" className="primary">
        {say({ vi: 'Xem bảng', en: 'Open the board' })}
      </button>
    </form>
  );
}
