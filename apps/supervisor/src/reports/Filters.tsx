import type { Text } from '@luot/core';
import { useSay } from '../text.js';
import type { ReportFilters } from './api.js';
import { PRESET_NAMES, PRESETS, presetRange, type Preset } from './presets.js';

export interface FilterChoices {
  services: Array<{ prefix: string; name: Text }>;
  counters: number[];
  officers: Array<{ id: string; name: string | null }>;
}

/**
 * The report's filters: a preset range (one click shows it) or two dates (then "Xem"), service,
 * counter, officer, and the previous period beside. A reversed or too long custom range goes to the
 * hub as typed: its refusal says what is wrong, in the office's words.
 */
export function Filters({
  value,
  preset,
  today,
  choices,
  busy,
  onChange,
  onShow,
}: {
  value: ReportFilters;
  preset: Preset;
  today: string;
  choices: FilterChoices;
  busy: boolean;
  onChange: (f: ReportFilters, preset: Preset) => void;
  onShow: (f: ReportFilters) => void;
}) {
  const { say, locale } = useSay();
  const set = (patch: Partial<ReportFilters>) => onChange({ ...value, ...patch }, preset);
  return (
    <form
      className="report-filters no-print"
      aria-label={say({ vi: 'Bộ lọc báo cáo', en: 'Report filters' })}
      onSubmit={(e) => {
        e.preventDefault();
        onShow(value);
      }}
    >
      <div className="presets" role="group" aria-label={say({ vi: 'Khoảng thời gian', en: 'Period' })}>
        {PRESETS.map((p) => (
          <button
            key={p}
            type="button"
            aria-pressed={preset === p}
            onClick={() => {
              const range = presetRange(p, today);
              const next = range ? { ...value, ...range } : value;
              onChange(next, p);
              if (range) onShow(next);
            }}
          >
            {say(PRESET_NAMES[p])}
          </button>
        ))}
      </div>
      <div className="filter-fields">
        <label className="field inline">
          <span>{say({ vi: 'Từ ngày', en: 'From' })}</span>
          <input
            type="date"
            value={value.from}
            onChange={(e) => onChange({ ...value, from: e.target.value }, 'custom')}
            required
          />
        </label>
        <label className="field inline">
          <span>{say({ vi: 'Đến ngày', en: 'To' })}</span>
          <input
            type="date"
            value={value.to}
            onChange={(e) => onChange({ ...value, to: e.target.value }, 'custom')}
            required
          />
        </label>
      </div>
      <div className="filter-fields">
        <label className="field inline">
          <span>{say({ vi: 'Dịch vụ', en: 'Service' })}</span>
          <select value={value.service} onChange={(e) => set({ service: e.target.value })}>
            <option value="">{say({ vi: 'Tất cả', en: 'All' })}</option>
            {choices.services.map((s) => (
              <option key={s.prefix} value={s.prefix}>
                {s.prefix} · {s.name[locale]}
              </option>
            ))}
          </select>
        </label>
        <label className="field inline">
          <span>{say({ vi: 'Quầy', en: 'Counter' })}</span>
          <select value={value.counter} onChange={(e) => set({ counter: e.target.value })}>
            <option value="">{say({ vi: 'Tất cả', en: 'All' })}</option>
            {choices.counters.map((n) => (
              <option key={n} value={String(n)}>
                {n}
              </option>
            ))}
          </select>
        </label>
        <label className="field inline">
          <span>{say({ vi: 'Cán bộ', en: 'Officer' })}</span>
          <select value={value.officer} onChange={(e) => set({ officer: e.target.value })}>
            <option value="">{say({ vi: 'Tất cả', en: 'All' })}</option>
            {choices.officers.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name ? `${o.name} (${o.id})` : o.id}
              </option>
            ))}
          </select>
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={value.compare}
            onChange={(e) => set({ compare: e.target.checked })}
          />
          {say({ vi: 'So sánh với kỳ trước', en: 'Compare with the previous period' })}
        </label>
        <button type="submit" className="primary" disabled={busy}>
          {say({ vi: 'Xem', en: 'Show' })}
        </button>
      </div>
    </form>
  );
}
