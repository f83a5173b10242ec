import { useEffect, useState } from 'react';
import { OfficeMonitorSchema, officeFlags, type OfficeMonitor } from '@luot/protocol';
import { formatElapsed, formatMinutes, formatTime, pick } from '@luot/ui';
import { navigate } from './App.js';
import { percent, useSay } from './text.js';
import { useNow, type BoardState } from './use-board.js';

type Load = { kind: 'loading' } | { kind: 'ok'; monitor: OfficeMonitor } | { kind: 'error'; message: string };

/**
 * One office's read-only monitor, as its supervisor console shows it: the hall, the counters, the
 * lines per service. Read again whenever the feed says the office changed.
 */
export function OfficePage({ id, token, board }: { id: string; token: string; board: BoardState }) {
  const { say, locale } = useSay();
  const now = useNow(board.offset);
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  // The office's latest line (any city process); a new one means its monitor changed.
  const line = board.offices.find((o) => o.id === id);
  const version = line ? JSON.stringify(line) : '';
  useEffect(() => {
    const abort = new AbortController();
    fetch(`/api/board/offices/${encodeURIComponent(id)}`, {
      headers: { authorization: `Bearer ${token}` },
      signal: abort.signal,
    })
      .then(async (res) => {
        const body: unknown = await res.json();
        if (!res.ok) {
          const message = (body as { message?: string }).message ?? `HTTP ${res.status}`;
          return setLoad({ kind: 'error', message });
        }
        setLoad({ kind: 'ok', monitor: OfficeMonitorSchema.parse(body) });
      })
      .catch((e: unknown) => {
        if (!abort.signal.aborted) setLoad({ kind: 'error', message: String(e) });
      });
    return () => abort.abort();
  }, [id, token, version]);

  const back = (
    <button type="button" className="link" onClick={() => navigate('/city')}>
      ← {say({ vi: 'Tất cả văn phòng', en: 'All offices' })}
    </button>
  );
  if (load.kind === 'loading') return <main className="office pad">{back}</main>;
  if (load.kind === 'error') {
    return (
      <main className="office pad">
        {back}
        <p className="refusal" role="alert">
          {load.message}
        </p>
      </main>
    );
  }
  const m = load.monitor;
  const o = line ?? m.office;
  const flags = board.settings
    ? officeFlags(o, board.settings, now)
    : { offline: false, waitOverTarget: false };
  const tz = o.timeZone;
  return (
    <main className="office" data-testid="office-page" data-office={o.id}>
      {back}
      <div className="office-head">
        <h1>{o.name}</h1>
        <span className="muted">
          {o.commune} · {o.province}
          {o.day &&
            ` · ${say({ vi: 'ngày {d}', en: 'day {d}' }, { d: o.day.split('-').reverse().join('/') })}`}
        </span>
        <span data-testid="office-link" className={o.online ? 'online' : 'offline'}>
          <span className={o.online ? 'dot on' : 'dot off'} aria-hidden="true" />
          {o.online ? say({ vi: 'Trực tuyến', en: 'Online' }) : say({ vi: 'Mất kết nối', en: 'Offline' })}
          {o.since !== null && ` ${say({ vi: 'từ {t}', en: 'since {t}' }, { t: formatTime(o.since, tz) })}`}
        </span>
        {flags.offline && (
          <span className="flag flag-offline">{say({ vi: 'Mất kết nối lâu', en: 'Offline too long' })}</span>
        )}
        {flags.waitOverTarget && (
          <span className="flag flag-wait">
            {say({ vi: 'Chờ quá {m} phút', en: 'Wait over {m} min' }, { m: o.waitTargetMinutes })}
          </span>
        )}
      </div>
      <div className="office-bar card">
        {o.level !== null && (
          <span>{say({ vi: 'Cấp độ giãn cách: {l}', en: 'Distancing level: {l}' }, { l: o.level })}</span>
        )}
        {m.zones.map((z) => (
          <span key={z.id} data-testid={`hall-${z.id}`}>
            {pick(z.name, locale)}: <b>{z.inHall}</b>/{z.capacity ?? '—'}
            {' · '}
            {say({ vi: 'chờ ngoài: {n}', en: 'outside: {n}' }, { n: z.outside })}
          </span>
        ))}
        <span>
          {say(
            { vi: 'Số hôm nay: {n}, đã xong {d}', en: 'Tickets today: {n}, {d} served' },
            {
              n: o.ticketsToday,
              d: o.servedToday,
            },
          )}
        </span>
        <span data-testid="office-satisfaction">
          {say(
            { vi: 'Hài lòng: {p}', en: 'Satisfied: {p}' },
            {
              p: o.satisfaction === null ? '—' : `${percent(o.satisfaction, locale)} (${o.rated})`,
            },
          )}
        </span>
        {m.notice && (
          <span className="notice">
            {say({ vi: 'Thông báo: “{t}”', en: 'Notice: “{t}”' }, { t: m.notice })}
          </span>
        )}
        {m.closed && <span className="closed-day">{say({ vi: 'Đã kết thúc ngày', en: 'Day closed' })}</span>}
      </div>
      <div className="grid">
        <section className="card" aria-labelledby="counters-h">
          <h2 id="counters-h">{say({ vi: 'Quầy', en: 'Counters' })}</h2>
          <table className="table" data-testid="counters">
            <thead>
              <tr>
                <th>{say({ vi: 'Quầy', en: 'No.' })}</th>
                <th>{say({ vi: 'Trạng thái', en: 'State' })}</th>
                <th>{say({ vi: 'Cán bộ', en: 'Officer' })}</th>
                <th>{say({ vi: 'Đang phục vụ', en: 'Serving' })}</th>
                <th className="num">{say({ vi: 'Đã xong', en: 'Served' })}</th>
              </tr>
            </thead>
            <tbody>
              {m.counters.map((c) => (
                <tr key={c.number} data-counter={c.number} className={c.closure ? 'row-closed' : ''}>
                  <td className="num strong">{c.number}</td>
                  <td data-testid="counter-state">{counterState(c, say)}</td>
                  <td>{c.officer ?? '—'}</td>
                  <td data-testid="counter-current">
                    {c.current ? (
                      <>
                        <b>{c.current.number}</b>{' '}
                        <span className="muted">{formatElapsed(now - c.current.since)}</span>
                      </>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td className="num">{c.servedToday}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section className="card" aria-labelledby="queues-h">
          <h2 id="queues-h">{say({ vi: 'Hàng chờ theo lĩnh vực', en: 'Lines by service' })}</h2>
          <table className="table" data-testid="queues">
            <thead>
              <tr>
                <th>{say({ vi: 'Lĩnh vực', en: 'Service' })}</th>
                <th className="num">{say({ vi: 'Chờ', en: 'Wait' })}</th>
                <th className="num">{say({ vi: 'Lâu nhất', en: 'Longest' })}</th>
                <th>{say({ vi: 'Quầy mở', en: 'Open counters' })}</th>
              </tr>
            </thead>
            <tbody>
              {m.services.map((s) => (
                <tr
                  key={s.prefix}
                  data-service={s.prefix}
                  className={s.waiting > 0 && s.openCounters.length === 0 ? 'row-warn' : ''}
                >
                  <td className="svc-cell" title={pick(s.name, locale)}>
                    <b>{s.prefix}</b> <span className="svc-name">{pick(s.name, locale)}</span>
                  </td>
                  <td className="num" data-testid="queue-waiting">
                    {s.waiting}
                  </td>
                  <td className="num">
                    {s.longestSince === null ? '—' : formatMinutes((now - s.longestSince) / 60_000, locale)}
                  </td>
                  <td>
                    {s.openCounters.length ? (
                      s.openCounters.join(', ')
                    ) : s.waiting > 0 ? (
                      <span className="warn">
                        {say({ vi: 'Không quầy nào gọi!', en: 'No counter calling!' })}
                      </span>
                    ) : (
                      '—'
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </div>
    </main>
  );
}

const STATUS = {
  open: { vi: 'Đang mở', en: 'Open' },
  paused: { vi: 'Tạm dừng', en: 'Paused' },
  offline: { vi: 'Chưa đăng nhập', en: 'Signed out' },
  closed: { vi: 'Đã đóng', en: 'Closed' },
};
const CLOSURE = {
  supervisor: { vi: 'Lãnh đạo đóng', en: 'Closed by supervisor' },
  level: { vi: 'Đóng theo cấp độ', en: 'Closed by level' },
  officer: { vi: 'Cán bộ đóng', en: 'Closed by officer' },
};

function counterState(c: OfficeMonitor['counters'][number], say: ReturnType<typeof useSay>['say']): string {
  if (c.closure) return say(CLOSURE[c.closure]) + (c.closedReason ? `: ${c.closedReason}` : '');
  if (c.status === 'paused' && c.pauseReason) return `${say(STATUS.paused)}: ${c.pauseReason}`;
  return say(STATUS[c.status]);
}
