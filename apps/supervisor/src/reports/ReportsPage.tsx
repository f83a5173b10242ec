import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Text } from '@luot/core';
import { REPORT_VIEWS, type ReportResponse, type ReportView } from '@luot/protocol';
import { useConsole } from '../session.js';
import { useSay } from '../text.js';
import { downloadExport, fetchReport, ReportError, type HubAccess, type ReportFilters } from './api.js';
import { Charts } from './Charts.js';
import { Filters, type FilterChoices } from './Filters.js';
import { formatDay } from './format.js';
import { officeDay, presetRange, type Preset } from './presets.js';
import { BookingsTable } from './BookingsTable.js';
import { ReportTable } from './ReportTable.js';
import { Summary } from './Summary.js';
import { viewDefs } from './views.js';
import './reports.css';

/** The date line above a signature, as Vietnamese paperwork writes it: "Ngày 30 tháng 11 năm 2026". */
function signedOn(day: string, locale: 'vi' | 'en'): string {
  const [y, m, d] = day.split('-').map(Number);
  return locale === 'vi' ? `Ngày ${d} tháng ${m} năm ${y}` : formatDay(day);
}

const UNEXPECTED: Text = {
  vi: 'Lỗi không xác định; vui lòng thử lại.',
  en: 'Unexpected error; please retry.',
};

/**
 * The reports page (#13, docs/screens.md "Báo cáo"): filters, the headline figures, one table per
 * view, the charts, the XLSX and CSV downloads, and a print layout an office head signs.
 */
export function ReportsPage({
  officeName,
  timeZone,
  hubNow,
  choices,
}: {
  officeName: string;
  timeZone: string;
  /** The hub's clock: "today" is the office's day by the hub, not by this PC. */
  hubNow: () => number;
  /** The office's services and counters, and the officers signed in at counters now. */
  choices: FilterChoices;
}) {
  const { say, locale } = useSay();
  const { hubUrl, token, session, signedOut } = useConsole();
  const access: HubAccess = useMemo(
    () => ({ hubUrl, token, session: session.session }),
    [hubUrl, token, session.session],
  );
  const today = officeDay(hubNow(), timeZone);
  const [filters, setFilters] = useState<ReportFilters>(() => ({
    ...presetRange('today', today)!,
    service: '',
    counter: '',
    officer: '',
    compare: false,
  }));
  const [preset, setPreset] = useState<Preset>('today');
  const [data, setData] = useState<ReportResponse | null>(null);
  const [error, setError] = useState<Text | null>(null);
  const [busy, setBusy] = useState(false);
  const [view, setView] = useState<ReportView>('service');
  // Officers met in any report on this page: the hub's officer list is not in the live snapshot.
  const [officers, setOfficers] = useState(new Map<string, string | null>());

  const fail = useCallback(
    (e: unknown) => {
      if (e instanceof ReportError && e.signedOut) signedOut(e.text);
      else setError(e instanceof ReportError ? e.text : UNEXPECTED);
    },
    [signedOut],
  );

  // Presets clicked in quick succession: only the last one's answer is shown, whatever order they come in.
  const latest = useRef(0);
  const show = useCallback(
    async (f: ReportFilters) => {
      const asked = ++latest.current;
      setBusy(true);
      setError(null);
      try {
        const answer = await fetchReport(access, f);
        if (asked !== latest.current) return;
        setData(answer);
        setOfficers((known) => {
          const next = new Map(known);
          for (const o of answer.current.byOfficer) if (o.officer) next.set(o.officer, o.name);
          return next;
        });
      } catch (e) {
        if (asked !== latest.current) return;
        setData(null);
        fail(e);
      } finally {
        if (asked === latest.current) setBusy(false);
      }
    },
    [access, fail],
  );

  useEffect(() => {
    void show(filters);
    // Only on opening the page: then each preset or "Xem" asks again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const download = async (kind: 'xlsx' | 'csv') => {
    setError(null);
    try {
      await downloadExport(access, filters, kind, view);
    } catch (e) {
      fail(e);
    }
  };

  const report = data?.current ?? null;
  const previous = data?.previous ?? null;
  const officerChoices = [...new Map([...choices.officers.map((o) => [o.id, o.name] as const), ...officers])]
    .map(([id, name]) => ({ id, name }))
    .sort((a, b) => a.id.localeCompare(b.id, 'vi', { numeric: true }));
  const views = viewDefs(locale);
  const shown = report?.filter;
  const all = say({ vi: 'Tất cả', en: 'All' });
  const serviceName = choices.services.find((s) => s.prefix === shown?.service)?.name[locale];

  return (
    <section className="card reports" aria-labelledby="reports-h">
      <div className="print-only print-head">
        <p className="print-office">{officeName}</p>
        <h1>{say({ vi: 'BÁO CÁO KẾT QUẢ TIẾP NHẬN VÀ PHỤC VỤ', en: 'SERVICE REPORT' })}</h1>
      </div>
      <div className="reports-head">
        <h2 id="reports-h" className="no-print">
          {say({ vi: 'Báo cáo', en: 'Reports' })}
        </h2>
        <div className="downloads no-print">
          <button type="button" onClick={() => void download('xlsx')} disabled={!report || busy}>
            {say({ vi: 'Tải Excel', en: 'Download Excel' })}
          </button>
          <button type="button" onClick={() => void download('csv')} disabled={!report || busy}>
            {say({ vi: 'Tải CSV (bảng đang xem)', en: 'Download CSV (this table)' })}
          </button>
          <button type="button" onClick={() => window.print()} disabled={!report}>
            {say({ vi: 'In', en: 'Print' })}
          </button>
        </div>
      </div>
      <Filters
        value={filters}
        preset={preset}
        today={today}
        choices={{ ...choices, officers: officerChoices }}
        busy={busy}
        onChange={(f, p) => {
          setFilters(f);
          setPreset(p);
        }}
        onShow={(f) => void show(f)}
      />
      {error && (
        <p className="refusal" role="alert" data-testid="report-error">
          {say(error)}
        </p>
      )}
      {busy && !report && <p role="status">{say({ vi: 'Đang tính…', en: 'Working…' })}</p>}
      {report && shown && (
        <>
          <p className="report-filter-line" data-testid="report-range">
            <b>
              {say({ vi: 'Từ ngày', en: 'From' })} {formatDay(shown.from)} {say({ vi: 'đến ngày', en: 'to' })}{' '}
              {formatDay(shown.to)}
            </b>{' '}
            · {say({ vi: 'Dịch vụ', en: 'Service' })}:{' '}
            {shown.service ? `${shown.service} · ${serviceName ?? ''}` : all} ·{' '}
            {say({ vi: 'Quầy', en: 'Counter' })}: {shown.counter ?? all} ·{' '}
            {say({ vi: 'Cán bộ', en: 'Officer' })}: {shown.officer ?? all} ·{' '}
            {say({ vi: 'Chỉ tiêu chờ', en: 'Wait target' })}: {report.targetMinutes}{' '}
            {say({ vi: 'phút', en: 'min' })}
            {previous && (
              <>
                {' '}
                · {say({ vi: 'Kỳ trước', en: 'Previous period' })}: {formatDay(previous.filter.from)}–
                {formatDay(previous.filter.to)}
              </>
            )}
          </p>
          <Summary report={report} previous={previous} />
          <div className="view-tabs no-print" role="group" aria-label={say({ vi: 'Bảng', en: 'Tables' })}>
            {REPORT_VIEWS.map((v) => (
              <button key={v} type="button" aria-pressed={view === v} onClick={() => setView(v)}>
                {say(views.find((d) => d.id === v)!.name)}
              </button>
            ))}
          </div>
          <ReportTable key={view} view={view} report={report} previous={previous} />
          {report.bookings && <BookingsTable bookings={report.bookings} />}
          {report.total.issued === 0 ? (
            <p className="muted" data-testid="report-empty">
              {say({
                vi: 'Không có phiếu nào trong khoảng này, với bộ lọc này.',
                en: 'No tickets in this range with these filters.',
              })}
            </p>
          ) : (
            <Charts report={report} />
          )}
          <div className="print-only signatures">
            <div>
              <b>{say({ vi: 'Người lập báo cáo', en: 'Prepared by' })}</b>
              <span>{say({ vi: '(Ký, ghi rõ họ tên)', en: '(Signature, full name)' })}</span>
            </div>
            <div>
              <span className="signed-on">{signedOn(today, locale)}</span>
              <b>{say({ vi: 'Lãnh đạo ký duyệt', en: 'Approved by' })}</b>
              <span>{say({ vi: '(Ký, ghi rõ họ tên, đóng dấu)', en: '(Signature, full name, seal)' })}</span>
            </div>
          </div>
        </>
      )}
    </section>
  );
}
