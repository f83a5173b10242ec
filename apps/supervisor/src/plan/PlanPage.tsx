import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { counterServices, LEVELS, type DayState, type Level, type OfficeConfig, type Text } from '@luot/core';
import type { PlanResult } from '@luot/protocol';
import type { PlanBodyInput, PlanOptions } from '@luot/protocol';
import { FormDialog } from '../components/Dialog.js';
import { Chart } from '../reports/Chart.js';
import { ReportError, type HubAccess } from '../reports/api.js';
import { formatDay, formatNumber } from '../reports/format.js';
import { useAction, useConsole } from '../session.js';
import { useSay } from '../text.js';
import { downloadPlan, fetchPlanOptions, makePlan } from './api.js';
import {
  assignmentChanges,
  countWithInterval,
  hallOption,
  inBreak,
  minutesWithInterval,
  needOption,
  servicePeaks,
  shareWithInterval,
  targetText,
  type AssignmentChange,
} from './plan-view.js';
import '../reports/reports.css';
import './plan.css';

const UNEXPECTED: Text = {
  vi: 'Lỗi không xác định; vui lòng thử lại.',
  en: 'Unexpected error; please retry.',
};

interface FormValues {
  date: string;
  level: Level;
  officers: string[];
  /** Arrivals above (or below) the expected, in percent: 30 is arrivalsFactor 1.3. */
  arrivalsPercent: number;
  runs: number;
}

const factorOf = (percent: number) => Math.min(3, Math.max(0.5, 1 + percent / 100));

function bodyOf(v: FormValues): PlanBodyInput {
  return {
    date: v.date,
    level: v.level,
    officers: v.officers,
    arrivalsFactor: factorOf(v.arrivalsPercent),
    runs: v.runs,
  };
}

/** A plan being asked for: the seconds since it was asked, for the progress line. */
function useElapsed(running: boolean): number {
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    if (!running) return;
    setSeconds(0);
    const started = Date.now();
    const timer = setInterval(() => setSeconds(Math.floor((Date.now() - started) / 1000)), 1000);
    return () => clearInterval(timer);
  }, [running]);
  return seconds;
}

/**
 * The "Kế hoạch" page (#16): the day's staffing plan from the hub's planner — the form, where the
 * day breaks, counters needed against staffed, the hall, the seats, the whole day with its 95%
 * intervals — a what-if plan beside it, and today's plan applied to the counters' services.
 */
export function PlanPage({ config, state }: { config: OfficeConfig; state: DayState }) {
  const { say } = useSay();
  const { hubUrl, token, session, signedOut } = useConsole();
  const access: HubAccess = useMemo(
    () => ({ hubUrl, token, session: session.session }),
    [hubUrl, token, session.session],
  );
  const [options, setOptions] = useState<PlanOptions | null>(null);
  const [form, setForm] = useState<FormValues | null>(null);
  const [plan, setPlan] = useState<PlanResult | null>(null);
  const [asked, setAsked] = useState<FormValues | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Text | null>(null);
  const elapsed = useElapsed(busy);

  const fail = useCallback(
    (e: unknown) => {
      if (e instanceof ReportError && e.signedOut) signedOut(e.text);
      else setError(e instanceof ReportError ? e.text : UNEXPECTED);
    },
    [signedOut],
  );

  useEffect(() => {
    fetchPlanOptions(access).then((o) => {
      setOptions(o);
      setForm({
        date: o.nextWorkingDay,
        level: o.level,
        officers: o.officers.map((x) => x.id),
        arrivalsPercent: 0,
        runs: o.maxRuns,
      });
    }, fail);
  }, [access, fail]);

  const submit = async () => {
    if (!form) return;
    setBusy(true);
    setError(null);
    try {
      setPlan(await makePlan(access, bodyOf(form)));
      setAsked(form);
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };

  if (!options || !form) {
    return (
      <section className="card" aria-labelledby="plan-h">
        <h2 id="plan-h">{say({ vi: 'Kế hoạch', en: 'Plan' })}</h2>
        {error ? (
          <p className="refusal" role="alert">
            {say(error)}
          </p>
        ) : (
          <p role="status">{say({ vi: 'Đang tải…', en: 'Loading…' })}</p>
        )}
      </section>
    );
  }

  const set = (patch: Partial<FormValues>) => setForm({ ...form, ...patch });
  return (
    <section className="card plan" aria-labelledby="plan-h">
      <h2 id="plan-h">{say({ vi: 'Kế hoạch bố trí quầy', en: 'Staffing plan' })}</h2>
      <form
        className="plan-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!busy) void submit();
        }}
      >
        <div className="plan-fields">
          <label className="field inline">
            <span>{say({ vi: 'Ngày', en: 'Date' })}</span>
            <input type="date" required value={form.date} onChange={(e) => set({ date: e.target.value })} />
          </label>
          <label className="field inline">
            <span>{say({ vi: 'Cấp độ', en: 'Level' })}</span>
            <select value={form.level} onChange={(e) => set({ level: Number(e.target.value) as Level })}>
              {LEVELS.map((l) => (
                <option key={l} value={l}>
                  {say({ vi: 'Cấp độ {l}', en: 'Level {l}' }, { l })}
                </option>
              ))}
            </select>
          </label>
          <label className="field inline">
            <span>{say({ vi: 'Lượng người đến (±%)', en: 'Arrivals (±%)' })}</span>
            <input
              type="number"
              min={-50}
              max={200}
              step={10}
              value={form.arrivalsPercent}
              onChange={(e) => set({ arrivalsPercent: Number(e.target.value) })}
              className="narrow"
            />
          </label>
          <label className="field inline">
            <span>{say({ vi: 'Số ngày mô phỏng', en: 'Simulated days' })}</span>
            <input
              type="number"
              min={1}
              max={options.maxRuns}
              value={form.runs}
              onChange={(e) => set({ runs: Number(e.target.value) })}
              className="narrow"
            />
          </label>
          <button type="submit" className="primary" disabled={busy || form.officers.length === 0}>
            {say({ vi: 'Lập kế hoạch', en: 'Make the plan' })}
          </button>
          {busy && (
            <span role="status" className="plan-progress" data-testid="plan-progress">
              <span className="spinner" aria-hidden="true" />
              {say(
                {
                  vi: 'Đang lập kế hoạch (mô phỏng {runs} ngày)… {s} giây',
                  en: 'Planning ({runs} days simulated)… {s} s',
                },
                { runs: form.runs, s: elapsed },
              )}
            </span>
          )}
        </div>
        <fieldset className="plan-officers">
          <legend>
            {say(
              { vi: 'Cán bộ có mặt ({n}/{all})', en: 'Officers present ({n}/{all})' },
              {
                n: form.officers.length,
                all: options.officers.length,
              },
            )}{' '}
            <button
              type="button"
              className="small"
              onClick={() => set({ officers: options.officers.map((o) => o.id) })}
            >
              {say({ vi: 'Chọn tất cả', en: 'All' })}
            </button>{' '}
            <button type="button" className="small" onClick={() => set({ officers: [] })}>
              {say({ vi: 'Bỏ chọn', en: 'None' })}
            </button>
          </legend>
          {options.officers.map((o) => (
            <label key={o.id} className="check" title={o.services.join(', ')}>
              <input
                type="checkbox"
                checked={form.officers.includes(o.id)}
                onChange={(e) =>
                  set({
                    officers: e.target.checked
                      ? options.officers
                          .map((x) => x.id)
                          .filter((id) => id === o.id || form.officers.includes(id))
                      : form.officers.filter((id) => id !== o.id),
                  })
                }
              />
              {o.name}
            </label>
          ))}
        </fieldset>
      </form>
      {error && (
        <p className="refusal" role="alert" data-testid="plan-error">
          {say(error)}
        </p>
      )}
      {plan && asked && (
        <PlanView
          plan={plan}
          asked={asked}
          options={options}
          access={access}
          config={config}
          state={state}
          onFail={fail}
        />
      )}
    </section>
  );
}

function PlanView({
  plan,
  asked,
  options,
  access,
  config,
  state,
  onFail,
}: {
  plan: PlanResult;
  asked: FormValues;
  options: PlanOptions;
  access: HubAccess;
  config: OfficeConfig;
  state: DayState;
  onFail: (e: unknown) => void;
}) {
  const { say, locale } = useSay();
  const names = new Map(plan.services.map((s) => [s.prefix, s.name[locale]]));
  const need = useMemo(() => needOption(plan, locale), [plan, locale]);
  const hall = useMemo(() => hallOption(plan, locale), [plan, locale]);
  // Full at its p95: people are left waiting outside.
  const hallOver = plan.hall.some((h) => h.occupancyP95 >= h.capacity);
  const outsideMax = Math.max(0, ...plan.hall.map((h) => h.outsideP95));
  const hallMax = Math.max(0, ...plan.hall.map((h) => h.occupancyP95));
  const capacity = Math.min(...plan.hall.map((h) => h.capacity));
  const shown = plan.services.filter((s) =>
    plan.perService[s.prefix]?.some((x) => x.needed > 0 || x.staffed > 0 || x.arrivals > 0),
  );
  return (
    <div className="plan-result" data-testid="plan-result">
      <p className="report-filter-line" data-testid="plan-line">
        <b>{say({ vi: 'Kế hoạch ngày {d}', en: 'Plan for {d}' }, { d: formatDay(plan.date) })}</b> ·{' '}
        {say({ vi: 'Cấp độ {l}', en: 'Level {l}' }, { l: plan.level })} ·{' '}
        {say({ vi: '{n} cán bộ', en: '{n} officers' }, { n: asked.officers.length })} ·{' '}
        {say({ vi: 'Chỉ tiêu', en: 'Target' })}: {say(targetText(plan))}
        {plan.source && (
          <>
            {' '}
            · {say({ vi: 'Nguồn số liệu', en: 'Arrivals from' })}: {say(plan.source)}
          </>
        )}{' '}
        <button
          type="button"
          className="small"
          data-testid="plan-xlsx"
          onClick={() => downloadPlan(access, bodyOf(asked), plan.date).catch(onFail)}
        >
          {say({ vi: 'Tải Excel (.xlsx)', en: 'Download Excel (.xlsx)' })}
        </button>
      </p>
      <DayFigures plan={plan} />

      <div className="plan-top">
        <section className="plan-breaks" aria-labelledby="breaks-h">
          <h3 id="breaks-h">{say({ vi: 'Điểm nghẽn', en: 'Where the day breaks' })}</h3>
          {plan.breaks.length === 0 && plan.hallBreaks.length === 0 ? (
            <p className="plan-ok" data-testid="no-breaks">
              {say({
                vi: 'Không có điểm nghẽn: đủ quầy cho chỉ tiêu cả ngày.',
                en: 'No breaks: enough counters for the target all day.',
              })}
            </p>
          ) : (
            // Scrolls when long: focusable, so the keyboard can scroll it too.
            <ul
              className="break-list"
              data-testid="breaks"
              tabIndex={0}
              aria-label={say({ vi: 'Điểm nghẽn', en: 'Where the day breaks' })}
            >
              {[...plan.breaks, ...plan.hallBreaks].map((b, i) => (
                <li key={i} lang="vi">
                  {b.text.vi}
                  {locale === 'en' && <span className="en"> — {b.text.en}</span>}
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className="plan-hall" aria-labelledby="hall-h">
          <h3 id="hall-h">{say({ vi: 'Sảnh chờ', en: 'The hall' })}</h3>
          <dl className="summary">
            <div className={`figure${hallOver ? ' bad' : ''}`} data-testid="hall-p95">
              <dt>{say({ vi: 'Trong sảnh (p95) / sức chứa', en: 'In the hall (p95) / capacity' })}</dt>
              <dd className="cur">
                {formatNumber(hallMax, 0)} / {formatNumber(capacity, 0)}
              </dd>
            </div>
            <div
              className={`figure${outsideMax > plan.target.outsideMax ? ' bad' : ''}`}
              data-testid="outside-p95"
            >
              <dt>
                {say(
                  { vi: 'Hàng bên ngoài (p95, tối đa {n})', en: 'Line outside (p95, at most {n})' },
                  { n: plan.target.outsideMax },
                )}
              </dt>
              <dd className="cur">{formatNumber(outsideMax, 0)}</dd>
            </div>
          </dl>
        </section>
      </div>

      <div className="plan-charts">
        <Chart
          option={need}
          testId="chart-need"
          label={say({
            vi: 'Số quầy cần và số quầy bố trí theo khung giờ (vùng đỏ: thiếu quầy)',
            en: 'Counters needed and staffed per interval (red: short)',
          })}
        />
        <Chart
          option={hall}
          testId="chart-hall"
          label={say({ vi: 'Sảnh chờ theo khung giờ', en: 'The hall per interval' })}
        />
      </div>

      <section aria-labelledby="grid-h">
        <h3 id="grid-h">
          {say({ vi: 'Quầy bố trí / cần, theo lĩnh vực', en: 'Counters staffed / needed, per service' })}
        </h3>
        <div
          className="plan-grid-wrap"
          tabIndex={0}
          role="region"
          aria-label={say({ vi: 'Bảng quầy theo khung giờ', en: 'Counters per interval' })}
        >
          <table className="table compact plan-grid" data-testid="need-grid">
            <thead>
              <tr>
                <th scope="col">{say({ vi: 'Lĩnh vực', en: 'Service' })}</th>
                {plan.intervals.map((t) => (
                  <th key={t} scope="col" className="num">
                    {t}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {shown.map((s) => (
                <tr key={s.prefix} data-service={s.prefix}>
                  <th scope="row" className="svc-cell" title={s.name[locale]}>
                    <b>{s.prefix}</b> {s.name[locale]}
                  </th>
                  {plan.perService[s.prefix]!.map((x, i) => {
                    const short = x.staffed < x.needed;
                    const idle = x.needed === 0 && x.staffed === 0;
                    return (
                      <td
                        key={i}
                        className={`num${short ? ' short' : ''}${inBreak(plan, i, s.prefix) ? ' broken' : ''}`}
                        title={say(
                          {
                            vi: '{t}: {a} người đến, cần {n}, bố trí {s}',
                            en: '{t}: {a} arrivals, {n} needed, {s} staffed',
                          },
                          {
                            t: plan.intervals[i]!,
                            a: formatNumber(x.arrivals, 1),
                            n: x.needed,
                            s: x.staffed,
                          },
                        )}
                      >
                        {idle ? '·' : `${x.staffed}/${x.needed}`}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="seats-h">
        <div className="plan-seats-head">
          <h3 id="seats-h">{say({ vi: 'Phân công', en: 'Assignment' })}</h3>
          <ApplyAssignment plan={plan} config={config} state={state} />
        </div>
        <table className="table compact" data-testid="seats">
          <thead>
            <tr>
              <th scope="col">{say({ vi: 'Cán bộ', en: 'Officer' })}</th>
              <th scope="col" className="num">
                {say({ vi: 'Quầy', en: 'Counter' })}
              </th>
              <th scope="col">{say({ vi: 'Lĩnh vực', en: 'Services' })}</th>
              <th scope="col">{say({ vi: 'Thời gian', en: 'Hours' })}</th>
            </tr>
          </thead>
          <tbody>
            {plan.seats.map((s) => (
              <tr
                key={`${s.officerId}-${s.counter}-${s.from}`}
                data-officer={s.officerId}
                data-counter={s.counter}
              >
                <td>{s.officerName}</td>
                <td className="num strong">{s.counter}</td>
                <td>{s.services.map((p) => `${p} · ${names.get(p) ?? p}`).join('; ')}</td>
                <td className="nowrap">
                  {s.from}–{s.to}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <WhatIf plan={plan} asked={asked} options={options} access={access} onFail={onFail} />

      <p className="muted plan-foot">
        {say(
          {
            vi: 'Mô phỏng {runs} ngày trên đúng quy tắc xếp hàng của văn phòng ({s} giây). Số trong ngoặc: khoảng tin cậy 95%.',
            en: '{runs} days simulated on the office’s own queue rules ({s} s). In brackets: 95% confidence intervals.',
          },
          { runs: plan.runs, s: formatNumber(plan.elapsedMs / 1000, 1) },
        )}
      </p>
    </div>
  );
}

/** The whole day's figures, each with its 95% interval. */
function DayFigures({ plan }: { plan: PlanResult }) {
  const { say } = useSay();
  return (
    <dl className="summary" data-testid="day-figures">
      <div className="figure">
        <dt>{say(targetText(plan))}</dt>
        <dd className="cur" data-testid="day-within">
          {shareWithInterval(plan.day.withinTarget)}
        </dd>
      </div>
      <div className="figure">
        <dt>{say({ vi: 'Chờ trung bình (phút)', en: 'Mean wait (min)' })}</dt>
        <dd className="cur">{minutesWithInterval(plan.day.meanWaitMinutes)}</dd>
      </div>
      <div className="figure">
        <dt>{say({ vi: 'Công dân trong ngày', en: 'Citizens in the day' })}</dt>
        <dd className="cur">{countWithInterval(plan.day.citizens)}</dd>
      </div>
      <div className="figure">
        <dt>{say({ vi: 'Quầy mở nhiều nhất', en: 'Most counters open' })}</dt>
        <dd className="cur">{plan.day.countersOpenMax}</dd>
      </div>
    </dl>
  );
}

/**
 * Applies the seats to today's counters (`supervisor.setCounterServices`, audited by the hub), once
 * the head has seen every change in a confirmation dialog. Only today's plan: a counter's services
 * set now last until the day ends, so another day's plan would change today's counters.
 */
function ApplyAssignment({
  plan,
  config,
  state,
}: {
  plan: PlanResult;
  config: OfficeConfig;
  state: DayState;
}) {
  const { say } = useSay();
  const { client } = useConsole();
  const { run, busy, error, setError } = useAction();
  const [changes, setChanges] = useState<AssignmentChange[] | null>(null);
  const [applied, setApplied] = useState<number | null>(null);
  const today = plan.date === state.day;
  const open = () => {
    setError(null);
    setApplied(null);
    setChanges(assignmentChanges(plan, (n) => counterServices(config, state, n)));
  };
  const submit = async (list: AssignmentChange[]) => {
    let done = 0;
    const ok = await run(async () => {
      for (const c of list) {
        const configured = config.counters.find((x) => x.number === c.counter)?.services ?? [];
        const same = c.to.length === configured.length && c.to.every((s, i) => s === configured[i]);
        await client.send('supervisor.setCounterServices', {
          counter: c.counter,
          services: same ? null : c.to,
        });
        done++;
      }
    });
    // Changes already made stay made (each is its own audited action); the dialog says where it stopped.
    setApplied(done);
    if (ok) setChanges(null);
    else setChanges(list.slice(done));
  };
  return (
    <div className="plan-apply">
      <button type="button" className="primary" disabled={!today} onClick={open}>
        {say({ vi: 'Áp dụng phân công', en: 'Apply the assignment' })}
      </button>
      {!today && (
        <span className="muted">
          {say({
            vi: 'Chỉ áp dụng được kế hoạch của hôm nay.',
            en: 'Only today’s plan can be applied.',
          })}
        </span>
      )}
      {applied !== null && changes === null && (
        <span role="status" className="plan-applied" data-testid="plan-applied">
          {say({ vi: 'Đã áp dụng cho {n} quầy.', en: 'Applied to {n} counters.' }, { n: applied })}
        </span>
      )}
      {changes && (
        <FormDialog
          title={say({ vi: 'Áp dụng phân công hôm nay', en: 'Apply today’s assignment' })}
          onClose={() => setChanges(null)}
          onSubmit={() => void submit(changes)}
          ready={changes.length > 0}
          busy={busy}
          error={error}
          submitLabel={say({ vi: 'Áp dụng', en: 'Apply' })}
        >
          {changes.length === 0 ? (
            <p>{say({ vi: 'Các quầy đã đúng như kế hoạch.', en: 'The counters already match the plan.' })}</p>
          ) : (
            <>
              <p>
                {say(
                  {
                    vi: 'Đổi lĩnh vực của {n} quầy cho đến hết hôm nay (mỗi thay đổi được ghi nhật ký):',
                    en: 'Change the services of {n} counters until the end of today (each change is audited):',
                  },
                  { n: changes.length },
                )}
              </p>
              <ul className="apply-list" data-testid="apply-changes">
                {changes.map((c) => (
                  <li key={c.counter} data-counter={c.counter} data-to={c.to.join(',')}>
                    <b>{say({ vi: 'Quầy {n}', en: 'Counter {n}' }, { n: c.counter })}</b> (
                    {c.officers.join(', ')}): {c.from.join(', ') || '—'} → <b>{c.to.join(', ')}</b>
                  </li>
                ))}
              </ul>
              {applied !== null && applied > 0 && (
                <p className="muted">
                  {say(
                    {
                      vi: '{n} quầy đã được đổi trước khi bị từ chối.',
                      en: '{n} counters were changed before the refusal.',
                    },
                    { n: applied },
                  )}
                </p>
              )}
            </>
          )}
        </FormDialog>
      )}
    </div>
  );
}

/**
 * A second plan with one or more changes — another level, one officer less, more (or fewer)
 * arrivals — and both side by side: the day's figures and, per service, peak counters needed and
 * staffed and the intervals short.
 */
function WhatIf({
  plan,
  asked,
  options,
  access,
  onFail,
}: {
  plan: PlanResult;
  asked: FormValues;
  options: PlanOptions;
  access: HubAccess;
  onFail: (e: unknown) => void;
}) {
  const { say, locale } = useSay();
  const [level, setLevel] = useState<Level>(asked.level);
  const [without, setWithout] = useState('');
  const [more, setMore] = useState(30);
  const [other, setOther] = useState<{ plan: PlanResult; label: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const elapsed = useElapsed(busy);
  // A new base plan: the comparison made against the old one no longer applies.
  const base = useRef(plan);
  useEffect(() => {
    if (base.current !== plan) setOther(null);
    base.current = plan;
  }, [plan]);
  const present = options.officers.filter((o) => asked.officers.includes(o.id));

  const compare = async () => {
    const changes: string[] = [];
    if (level !== asked.level) changes.push(say({ vi: 'cấp độ {l}', en: 'level {l}' }, { l: level }));
    if (without) {
      const name = present.find((o) => o.id === without)?.name ?? without;
      changes.push(say({ vi: 'bớt {name}', en: 'without {name}' }, { name }));
    }
    if (more !== 0)
      changes.push(say({ vi: 'người đến {p}%', en: 'arrivals {p}%' }, { p: more > 0 ? `+${more}` : more }));
    setBusy(true);
    try {
      const values: FormValues = {
        ...asked,
        level,
        officers: asked.officers.filter((id) => id !== without),
        arrivalsPercent: Math.round((factorOf(asked.arrivalsPercent) * (1 + more / 100) - 1) * 100),
      };
      const label = changes.join(', ') || say({ vi: 'như kế hoạch', en: 'as planned' });
      setOther({ plan: await makePlan(access, bodyOf(values)), label });
    } catch (e) {
      onFail(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="plan-whatif" aria-labelledby="whatif-h">
      <h3 id="whatif-h">{say({ vi: 'Nếu thay đổi thì sao?', en: 'What if?' })}</h3>
      <form
        className="plan-fields"
        onSubmit={(e) => {
          e.preventDefault();
          if (!busy) void compare();
        }}
      >
        <label className="field inline">
          <span>{say({ vi: 'Cấp độ', en: 'Level' })}</span>
          <select value={level} onChange={(e) => setLevel(Number(e.target.value) as Level)}>
            {LEVELS.map((l) => (
              <option key={l} value={l}>
                {say({ vi: 'Cấp độ {l}', en: 'Level {l}' }, { l })}
              </option>
            ))}
          </select>
        </label>
        <label className="field inline">
          <span>{say({ vi: 'Bớt một cán bộ', en: 'One officer less' })}</span>
          <select value={without} onChange={(e) => setWithout(e.target.value)}>
            <option value="">{say({ vi: '(không bớt)', en: '(nobody)' })}</option>
            {present.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field inline">
          <span>{say({ vi: 'Người đến thêm (%)', en: 'More arrivals (%)' })}</span>
          <input
            type="number"
            min={-50}
            max={200}
            step={10}
            value={more}
            onChange={(e) => setMore(Number(e.target.value))}
            className="narrow"
          />
        </label>
        <button type="submit" disabled={busy}>
          {say({ vi: 'Lập phương án so sánh', en: 'Make the comparison' })}
        </button>
        {busy && (
          <span role="status" className="plan-progress" data-testid="whatif-progress">
            <span className="spinner" aria-hidden="true" />
            {say({ vi: 'Đang lập phương án… {s} giây', en: 'Planning… {s} s' }, { s: elapsed })}
          </span>
        )}
      </form>
      {other && <Comparison a={plan} b={other.plan} bLabel={other.label} locale={locale} />}
    </section>
  );
}

function Comparison({
  a,
  b,
  bLabel,
  locale,
}: {
  a: PlanResult;
  b: PlanResult;
  bLabel: string;
  locale: 'vi' | 'en';
}) {
  const { say } = useSay();
  const pa = servicePeaks(a);
  const pb = new Map(servicePeaks(b).map((p) => [p.prefix, p]));
  const head = say({ vi: 'Kế hoạch', en: 'Plan' });
  const rows: Array<[string, (p: PlanResult) => string]> = [
    [say(targetText(a)), (p) => shareWithInterval(p.day.withinTarget)],
    [
      say({ vi: 'Chờ trung bình (phút)', en: 'Mean wait (min)' }),
      (p) => minutesWithInterval(p.day.meanWaitMinutes),
    ],
    [say({ vi: 'Công dân trong ngày', en: 'Citizens in the day' }), (p) => countWithInterval(p.day.citizens)],
    [say({ vi: 'Quầy mở nhiều nhất', en: 'Most counters open' }), (p) => String(p.day.countersOpenMax)],
    [say({ vi: 'Số điểm nghẽn', en: 'Breaks' }), (p) => String(p.breaks.length + p.hallBreaks.length)],
    [
      say({ vi: 'Hàng bên ngoài (p95, cao nhất)', en: 'Line outside (p95, highest)' }),
      (p) => formatNumber(Math.max(0, ...p.hall.map((h) => h.outsideP95)), 0),
    ],
  ];
  return (
    <div className="plan-compare" data-testid="whatif">
      <table className="table compact" data-testid="whatif-day">
        <caption className="muted">{say({ vi: 'Cả ngày', en: 'The whole day' })}</caption>
        <thead>
          <tr>
            <th scope="col" />
            <th scope="col">{head}</th>
            <th scope="col">{say({ vi: 'Phương án: {x}', en: 'Alternative: {x}' }, { x: bLabel })}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, value]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td className="num">{value(a)}</td>
              <td className="num strong">{value(b)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="table compact" data-testid="whatif-services">
        <caption className="muted">
          {say({
            vi: 'Theo lĩnh vực: quầy bố trí / cần lúc cao nhất, số khung giờ thiếu quầy',
            en: 'Per service: counters staffed / needed at the peak, intervals short',
          })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{say({ vi: 'Lĩnh vực', en: 'Service' })}</th>
            <th scope="col" className="num">
              {head}
            </th>
            <th scope="col" className="num">
              {say({ vi: 'Phương án', en: 'Alternative' })}
            </th>
          </tr>
        </thead>
        <tbody>
          {pa.map((p) => {
            const q = pb.get(p.prefix);
            const cell = (x: typeof p | undefined) =>
              x
                ? `${x.staffed} / ${x.needed}${x.short > 0 ? ` · ${say({ vi: 'thiếu {n}', en: '{n} short' }, { n: x.short })}` : ''}`
                : '—';
            return (
              <tr key={p.prefix} data-service={p.prefix}>
                <th scope="row" className="svc-cell">
                  <b>{p.prefix}</b> {p.name[locale]}
                </th>
                <td className={`num${p.short > 0 ? ' short' : ''}`}>{cell(p)}</td>
                <td className={`num strong${q && q.short > 0 ? ' short' : ''}`}>{cell(q)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
