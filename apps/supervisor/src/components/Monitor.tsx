import { useState } from 'react';
import { capacity, occupancy, outsideCount, type Level } from '@luot/core';
import type { DevicePresence, Snapshot } from '@luot/protocol';
import { formatElapsed, formatMinutes, formatTime, pick } from '@luot/ui';
import type { Alert } from '../alerts.js';
import { counterRows, entryCalls, serviceRows, type CounterRow } from '../monitor-view.js';
import { useAction, useConsole } from '../session.js';
import { useSay, type Say } from '../text.js';
import { AlertsPanel } from './Alerts.js';
import { CounterDialog } from './CounterDialog.js';
import { CloseDayDialog, LevelDialog, NoticeDialog } from './OfficeDialogs.js';
import { TicketPanel } from './TicketPanel.js';

type OfficeDialog = 'level' | 'notice' | 'closeDay' | null;

/** The live monitor: alerts, counters, lines, the hall, devices; every action starts from here. */
export function Monitor({
  snapshot,
  presence,
  alerts,
  now,
}: {
  snapshot: Snapshot;
  presence: DevicePresence[] | null;
  alerts: Alert[];
  now: number;
}) {
  const { say, locale } = useSay();
  const { client, session } = useConsole();
  const ack = useAction();
  const [ackKey, setAckKey] = useState<string | null>(null);
  const [counter, setCounter] = useState<number | null>(null);
  const [dialog, setDialog] = useState<OfficeDialog>(null);
  const { config, state } = snapshot;
  const tz = config.sessions.timeZone;
  const counters = counterRows(config, state);
  const services = serviceRows(config, state);
  const serviceName = (p: string) =>
    `${p} ${pick(config.services.find((s) => s.prefix === p)?.name, locale)}`;
  // Heads are not in the day's state: the one signed in here is known; another shows by code.
  const officerName = (id: string) => (id === session.officer.id ? session.officer.name : id);
  const onAck = (key: string) => {
    setAckKey(key);
    void ack.run(() => client.send('supervisor.ackAlert', { key })).finally(() => setAckKey(null));
  };
  const selected = counters.find((c) => c.number === counter);

  return (
    <div className="monitor">
      <div className="office-bar card">
        <span data-testid="level">
          {say({ vi: 'Cấp độ giãn cách: {l}', en: 'Distancing level: {l}' }, { l: state.level })}
        </span>
        {config.zones.map((z) => (
          <span key={z.id} data-testid={`hall-${z.id}`}>
            {pick(z.name, locale)}: <b>{occupancy(state, z.id)}</b>/{capacity(config, state, z.id)}
            {' · '}
            {say({ vi: 'chờ ngoài: {n}', en: 'outside: {n}' }, { n: outsideCount(state, z.id) })}
          </span>
        ))}
        {entryCalls(state).length > 0 && (
          <span data-testid="entry-calls">
            {say(
              { vi: 'Vừa mời vào sảnh: {list}', en: 'Just let in: {list}' },
              {
                list: entryCalls(state)
                  .map((t) => `${t.number} (${formatTime(t.admittedAt!, tz)})`)
                  .join(', '),
              },
            )}
          </span>
        )}
        {state.notice && (
          <span className="notice" data-testid="notice">
            {say({ vi: 'Thông báo: “{t}”', en: 'Notice: “{t}”' }, { t: state.notice.text })}
            {state.notice.until !== null &&
              say({ vi: ' đến {t}', en: ' until {t}' }, { t: formatTime(state.notice.until, tz) })}
          </span>
        )}
        {state.closed && (
          <span className="closed-day">{say({ vi: 'Đã kết thúc ngày', en: 'Day closed' })}</span>
        )}
        <span className="spacer" />
        <button type="button" onClick={() => setDialog('level')}>
          {say({ vi: 'Đổi cấp độ', en: 'Change level' })}
        </button>
        <button type="button" onClick={() => setDialog('notice')}>
          {say({ vi: 'Thông báo', en: 'Notice' })}
        </button>
        <button
          type="button"
          className="danger"
          onClick={() => setDialog('closeDay')}
          disabled={state.closed}
        >
          {say({ vi: 'Kết thúc ngày', en: 'Close day' })}
        </button>
      </div>
      {ack.error && (
        <p className="refusal" role="alert">
          {ack.error.vi}
        </p>
      )}
      <AlertsPanel
        alerts={alerts}
        timeZone={tz}
        officerName={officerName}
        serviceName={serviceName}
        onAck={onAck}
        busyKey={ackKey}
      />
      <div className="grid">
        <CountersTable rows={counters} now={now} onOpen={setCounter} say={say} />
        <div className="side">
          <QueuesTable rows={services} now={now} />
          <TicketPanel config={config} state={state} timeZone={tz} />
          <DevicesTable presence={presence} snapshot={snapshot} />
        </div>
      </div>
      {selected && <CounterDialog row={selected} config={config} onClose={() => setCounter(null)} />}
      {dialog === 'level' && (
        <LevelDialog config={config} level={state.level as Level} onClose={() => setDialog(null)} />
      )}
      {dialog === 'notice' && (
        <NoticeDialog
          current={state.notice?.text ?? null}
          day={state.day}
          timeZone={tz}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'closeDay' && <CloseDayDialog onClose={() => setDialog(null)} />}
    </div>
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

function counterState(r: CounterRow, say: Say): string {
  if (r.closure) return say(CLOSURE[r.closure]) + (r.closedReason ? `: ${r.closedReason}` : '');
  if (r.status === 'paused' && r.pauseReason) return `${say(STATUS.paused)}: ${r.pauseReason}`;
  return say(STATUS[r.status]);
}

function CountersTable({
  rows,
  now,
  onOpen,
  say,
}: {
  rows: CounterRow[];
  now: number;
  onOpen: (n: number) => void;
  say: Say;
}) {
  const { locale } = useSay();
  return (
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
            <th className="num">{say({ vi: 'TB/lượt', en: 'Mean' })}</th>
            <th>{say({ vi: 'Lĩnh vực', en: 'Services' })}</th>
            <th>
              <span className="sr-only">{say({ vi: 'Thao tác', en: 'Actions' })}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.number} data-counter={r.number} className={r.closure ? 'row-closed' : ''}>
              <td className="num strong">{r.number}</td>
              <td data-testid="counter-state">{counterState(r, say)}</td>
              <td>{r.officer ?? '—'}</td>
              <td data-testid="counter-current">
                {r.current ? (
                  <>
                    <b>{r.current.number}</b>{' '}
                    <span className="muted">
                      {formatElapsed(now - (r.current.servingAt ?? r.current.calledAt ?? now))}
                    </span>
                  </>
                ) : (
                  '—'
                )}
              </td>
              <td className="num">{r.servedToday}</td>
              <td className="num">
                {r.meanServiceMinutes === null ? '—' : formatMinutes(r.meanServiceMinutes, locale)}
              </td>
              <td>
                {r.services.join(', ')}
                {r.servicesChanged && <span className="tag">{say({ vi: 'hôm nay', en: 'today' })}</span>}
              </td>
              <td>
                <button type="button" className="small" onClick={() => onOpen(r.number)}>
                  {say({ vi: 'Thao tác', en: 'Actions' })}
                  <span className="sr-only">
                    {' '}
                    {say({ vi: 'quầy {n}', en: 'counter {n}' }, { n: r.number })}
                  </span>
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function QueuesTable({ rows, now }: { rows: ReturnType<typeof serviceRows>; now: number }) {
  const { say, locale } = useSay();
  return (
    <section className="card" aria-labelledby="queues-h">
      <h2 id="queues-h">{say({ vi: 'Hàng chờ theo lĩnh vực', en: 'Lines by service' })}</h2>
      <table className="table" data-testid="queues">
        <thead>
          <tr>
            <th>{say({ vi: 'Lĩnh vực', en: 'Service' })}</th>
            <th className="num">{say({ vi: 'Chờ', en: 'Wait' })}</th>
            <th className="num">{say({ vi: 'Lâu nhất', en: 'Longest' })}</th>
            <th className="num">{say({ vi: 'Ước tính', en: 'Estimate' })}</th>
            <th>{say({ vi: 'Quầy mở', en: 'Open counters' })}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.prefix} data-service={r.prefix} className={r.noCounter ? 'row-warn' : ''}>
              <td className="svc-cell" title={pick(r.name, locale)}>
                <b>{r.prefix}</b> <span className="svc-name">{pick(r.name, locale)}</span>
              </td>
              <td className="num" data-testid="queue-waiting">
                {r.waiting}
              </td>
              <td className="num">
                {r.longestSince === null ? '—' : formatMinutes((now - r.longestSince) / 60_000, locale)}
              </td>
              <td className="num nowrap">
                {r.estimate
                  ? say({ vi: '{a}–{b} phút', en: '{a}–{b} min' }, { a: r.estimate[0], b: r.estimate[1] })
                  : '—'}
              </td>
              <td>
                {r.noCounter ? (
                  <span className="warn">
                    {say({ vi: 'Không quầy nào gọi!', en: 'No counter calling!' })}
                  </span>
                ) : r.openCounters.length ? (
                  r.openCounters.join(', ')
                ) : (
                  '—'
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

const ROLE: Record<DevicePresence['role'], { vi: string; en: string }> = {
  ticket: { vi: 'Trang số', en: 'Phone page' },
  kiosk: { vi: 'Ki-ốt', en: 'Kiosk' },
  counter: { vi: 'Máy quầy', en: 'Counter' },
  rating: { vi: 'Đánh giá', en: 'Rating' },
  display: { vi: 'Màn hình', en: 'Display' },
  supervisor: { vi: 'Điều hành', en: 'Console' },
};

function DevicesTable({ presence, snapshot }: { presence: DevicePresence[] | null; snapshot: Snapshot }) {
  const { say } = useSay();
  const tz = snapshot.config.sessions.timeZone;
  const [all, setAll] = useState(false);
  const list = (presence ?? []).filter((d) => all || d.role !== 'rating');
  return (
    <section className="card" aria-labelledby="devices-h">
      <h2 id="devices-h">{say({ vi: 'Thiết bị', en: 'Devices' })}</h2>
      <label className="check">
        <input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} />
        {say({ vi: 'Gồm cả máy đánh giá', en: 'Include rating screens' })}
      </label>
      <table className="table compact" data-testid="devices">
        <tbody>
          {list.map((d) => {
            const printer = snapshot.printers[d.id];
            return (
              <tr key={d.id} data-device={d.id} className={d.online ? '' : 'row-off'}>
                <td>{say(ROLE[d.role])}</td>
                <td>{d.name}</td>
                <td>
                  <span className={d.online ? 'dot on' : 'dot off'} aria-hidden="true" />
                  {d.online
                    ? say({ vi: 'Trực tuyến', en: 'Online' })
                    : say({ vi: 'Mất kết nối', en: 'Offline' })}{' '}
                  <span className="muted">
                    {say({ vi: 'từ {t}', en: 'since {t}' }, { t: formatTime(d.since, tz) })}
                  </span>
                </td>
                <td>
                  {printer &&
                    (printer.ok
                      ? say({ vi: 'Máy in: tốt', en: 'Printer: OK' })
                      : say(
                          { vi: 'Máy in lỗi ({f})', en: 'Printer fault ({f})' },
                          { f: printer.fault ?? '?' },
                        ))}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
