import { useCallback, useEffect, useState } from 'react';
import { formatTime } from '@luot/ui';
import { toCsv } from '../audit-csv.js';
import { useConsole } from '../session.js';
import { actionName, useSay } from '../text.js';

/** One line as `GET /api/audit` answers it (newest first). */
export interface AuditEntry {
  id: number;
  at: number;
  device: string;
  officerId: string | null;
  officerName: string | null;
  action: string;
  reason: string | null;
  details: Record<string, unknown>;
}

/** Details without what the other columns already say. */
function detailText(e: AuditEntry): string {
  const { reason: _r, ...rest } = e.details;
  const parts = Object.entries(rest).map(
    ([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`,
  );
  return parts.join('; ');
}

/** The audit log between two days, as a table, with a CSV download of what is shown. */
export function AuditLog({ today, timeZone }: { today: string; timeZone: string }) {
  const { say, locale } = useSay();
  const { hubUrl, token, session, signedOut } = useConsole();
  const [from, setFrom] = useState(today);
  const [to, setTo] = useState(today);
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    setError(null);
    try {
      const res = await fetch(`${hubUrl.replace(/\/$/, '')}/api/audit?from=${from}&to=${to}`, {
        headers: { authorization: `Bearer ${token}`, 'x-luot-session': session.session },
      });
      const body = (await res.json()) as {
        entries?: AuditEntry[];
        error?: { code: string; message: { vi: string; en: string } } | string;
      };
      if (
        res.status === 401 &&
        typeof body.error === 'object' &&
        body.error.code === 'SUPERVISOR_SIGNED_OUT'
      ) {
        signedOut(body.error.message);
        return;
      }
      if (!res.ok || !body.entries) {
        setError(
          say({
            vi: 'Không đọc được nhật ký (khoảng ngày không hợp lệ?).',
            en: 'Could not read the log (bad date range?).',
          }),
        );
        return;
      }
      setEntries(body.entries);
    } catch {
      setError(say({ vi: 'Mất kết nối máy chủ.', en: 'Lost connection to the hub.' }));
    }
  }, [from, to, hubUrl, token, session, signedOut, say]);

  useEffect(() => {
    void load();
    // Only on opening the page; the form's button reloads with new dates.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const time = (at: number) =>
    `${new Date(at).toLocaleDateString('vi-VN', { timeZone })} ${formatTime(at, timeZone, true)}`;
  const download = () => {
    if (!entries) return;
    const rows = [
      ['Thời gian', 'Cán bộ', 'Thiết bị', 'Thao tác', 'Lý do', 'Chi tiết'],
      ...entries.map((e) => [
        time(e.at),
        e.officerName ?? e.officerId,
        e.device,
        actionName(e.action, 'vi'),
        e.reason,
        detailText(e),
      ]),
    ];
    const url = URL.createObjectURL(new Blob([toCsv(rows)], { type: 'text/csv;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `nhat-ky-${from}_${to}.csv`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  return (
    <section className="card audit" aria-labelledby="audit-h">
      <h2 id="audit-h">{say({ vi: 'Nhật ký thao tác', en: 'Audit log' })}</h2>
      <form
        className="filters"
        onSubmit={(e) => {
          e.preventDefault();
          void load();
        }}
      >
        <label className="field inline">
          <span>{say({ vi: 'Từ ngày', en: 'From' })}</span>
          <input type="date" value={from} max={to} onChange={(e) => setFrom(e.target.value)} required />
        </label>
        <label className="field inline">
          <span>{say({ vi: 'Đến ngày', en: 'To' })}</span>
          <input type="date" value={to} min={from} onChange={(e) => setTo(e.target.value)} required />
        </label>
        <button type="submit" className="primary">
          {say({ vi: 'Xem', en: 'Show' })}
        </button>
        <button type="button" onClick={download} disabled={!entries?.length}>
          {say({ vi: 'Tải CSV', en: 'Download CSV' })}
        </button>
      </form>
      {error && (
        <p className="refusal" role="alert">
          {error}
        </p>
      )}
      {entries && entries.length === 0 && (
        <p className="muted">
          {say({ vi: 'Không có thao tác nào trong khoảng này.', en: 'Nothing in this range.' })}
        </p>
      )}
      {entries && entries.length > 0 && (
        <table className="table" data-testid="audit">
          <thead>
            <tr>
              <th>{say({ vi: 'Thời gian', en: 'Time' })}</th>
              <th>{say({ vi: 'Cán bộ', en: 'Officer' })}</th>
              <th>{say({ vi: 'Thiết bị', en: 'Device' })}</th>
              <th>{say({ vi: 'Thao tác', en: 'Action' })}</th>
              <th>{say({ vi: 'Lý do', en: 'Reason' })}</th>
              <th>{say({ vi: 'Chi tiết', en: 'Details' })}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id} data-action={e.action}>
                <td className="nowrap">{time(e.at)}</td>
                <td>{e.officerName ?? e.officerId ?? '—'}</td>
                <td>{e.device}</td>
                <td>{actionName(e.action, locale)}</td>
                <td>{e.reason ?? ''}</td>
                <td className="details">{detailText(e)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
