import { useState } from 'react';
import { formatMinutes, formatTime } from '@luot/ui';
import { navigate } from './App.js';
import {
  boardRows,
  officeDate,
  places,
  type BoardFilter,
  type BoardRow,
  type SortKey,
} from './board-view.js';
import { percent, useSay, type Say } from './text.js';
import { useNow, type BoardState } from './use-board.js';

const SORTS: Record<SortKey, { vi: string; en: string }> = {
  place: { vi: 'Tỉnh/thành, xã/phường', en: 'Province, commune' },
  flagged: { vi: 'Cảnh báo trước', en: 'Flagged first' },
  waiting: { vi: 'Đang chờ nhiều nhất', en: 'Most waiting' },
  longest: { vi: 'Chờ lâu nhất', en: 'Longest wait' },
  hall: { vi: 'Sảnh đầy nhất', en: 'Fullest hall' },
  satisfaction: { vi: 'Hài lòng thấp nhất', en: 'Least satisfied' },
};

/** Every office on one screen: a line each, flagged when it needs a look. */
export function Board({ board }: { board: BoardState }) {
  const { say, locale } = useSay();
  const now = useNow(board.offset);
  const [filter, setFilter] = useState<BoardFilter>({ province: '', commune: '', flaggedOnly: false });
  const [sort, setSort] = useState<SortKey>('place');
  if (!board.settings) return <p className="muted pad">{say({ vi: 'Đang tải…', en: 'Loading…' })}</p>;
  const { provinces, communes } = places(board.offices, filter.province);
  const rows = boardRows(board.offices, board.settings, now, filter, sort);
  const all = boardRows(
    board.offices,
    board.settings,
    now,
    { province: '', commune: '', flaggedOnly: false },
    'place',
  );
  const online = all.filter((r) => r.office.online).length;
  const flagged = all.filter((r) => r.offline || r.waitOverTarget).length;
  const waiting = all.reduce((a, r) => a + r.office.waiting, 0);

  return (
    <main className="board">
      <div className="board-head">
        <h1>{say({ vi: 'Bảng theo dõi các văn phòng', en: 'Offices board' })}</h1>
        <div className="totals" data-testid="totals">
          <Total label={say({ vi: 'Văn phòng', en: 'Offices' })} value={all.length} />
          <Total label={say({ vi: 'Đang kết nối', en: 'Online' })} value={online} />
          <Total label={say({ vi: 'Cần chú ý', en: 'Flagged' })} value={flagged} warn={flagged > 0} />
          <Total label={say({ vi: 'Đang chờ', en: 'Waiting' })} value={waiting} />
        </div>
      </div>
      <div className="filters card">
        {board.scope?.province ? (
          <span className="field inline" data-testid="scope-province">
            <span>{say({ vi: 'Tỉnh/thành', en: 'Province' })}</span> {board.scope.province}
          </span>
        ) : (
          <label className="field inline">
            <span>{say({ vi: 'Tỉnh/thành', en: 'Province' })}</span>
            <select
              data-testid="filter-province"
              value={filter.province}
              onChange={(e) => setFilter({ ...filter, province: e.target.value, commune: '' })}
            >
              <option value="">{say({ vi: 'Tất cả', en: 'All' })}</option>
              {provinces.map((p) => (
                <option key={p}>{p}</option>
              ))}
            </select>
          </label>
        )}
        <label className="field inline">
          <span>{say({ vi: 'Xã/phường', en: 'Commune' })}</span>
          <select
            data-testid="filter-commune"
            value={filter.commune}
            onChange={(e) => setFilter({ ...filter, commune: e.target.value })}
          >
            <option value="">{say({ vi: 'Tất cả', en: 'All' })}</option>
            {communes.map((c) => (
              <option key={c}>{c}</option>
            ))}
          </select>
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={filter.flaggedOnly}
            onChange={(e) => setFilter({ ...filter, flaggedOnly: e.target.checked })}
          />
          {say({ vi: 'Chỉ văn phòng cần chú ý', en: 'Flagged offices only' })}
        </label>
        <span className="spacer" />
        <label className="field inline">
          <span>{say({ vi: 'Sắp xếp', en: 'Sort' })}</span>
          <select data-testid="sort" value={sort} onChange={(e) => setSort(e.target.value as SortKey)}>
            {(Object.keys(SORTS) as SortKey[]).map((k) => (
              <option key={k} value={k}>
                {say(SORTS[k])}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="legend muted">
        {say(
          {
            vi: 'Cảnh báo khi văn phòng mất kết nối quá {m} phút, hoặc có người chờ quá thời gian mục tiêu của văn phòng.',
            en: 'Flagged when an office has been offline over {m} min, or someone has waited past the office’s target.',
          },
          {
            m: new Intl.NumberFormat(locale === 'vi' ? 'vi-VN' : 'en-GB').format(
              board.settings.offlineFlagMinutes,
            ),
          },
        )}
      </p>
      <table className="table offices" data-testid="offices">
        <thead>
          <tr>
            <th>{say({ vi: 'Văn phòng', en: 'Office' })}</th>
            <th>{say({ vi: 'Kết nối', en: 'Link' })}</th>
            <th className="num">{say({ vi: 'Đang chờ', en: 'Waiting' })}</th>
            <th className="num">{say({ vi: 'Chờ lâu nhất', en: 'Longest wait' })}</th>
            <th>{say({ vi: 'Sảnh chờ', en: 'Hall' })}</th>
            <th className="num">{say({ vi: 'Quầy mở', en: 'Counters open' })}</th>
            <th className="num">{say({ vi: 'Số hôm nay', en: 'Tickets today' })}</th>
            <th className="num">{say({ vi: 'Hài lòng', en: 'Satisfied' })}</th>
            <th>{say({ vi: 'Cảnh báo', en: 'Flags' })}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <OfficeRow key={r.office.id} row={r} now={now} say={say} locale={locale} />
          ))}
        </tbody>
      </table>
      {rows.length === 0 && (
        <p className="muted pad">
          {say({ vi: 'Không có văn phòng nào phù hợp.', en: 'No office matches.' })}
        </p>
      )}
    </main>
  );
}

function Total({ label, value, warn = false }: { label: string; value: number; warn?: boolean }) {
  return (
    <div className={`total card${warn ? ' warn' : ''}`}>
      <b>{value}</b>
      <span>{label}</span>
    </div>
  );
}

const LEVEL_CLASS = ['', 'lv1', 'lv2', 'lv3', 'lv4'];

function OfficeRow({ row, now, say, locale }: { row: BoardRow; now: number; say: Say; locale: 'vi' | 'en' }) {
  const o = row.office;
  // Figures of an earlier day (the office has not opened today) say which day they are.
  const earlier = o.day !== null && o.day !== officeDate(now, o.timeZone);
  const open = () => navigate(`/city/office/${encodeURIComponent(o.id)}`);
  const flagged = row.offline || row.waitOverTarget;
  return (
    <tr
      data-office={o.id}
      data-online={o.online}
      data-flagged={flagged}
      className={flagged ? 'row-flag' : o.online ? '' : 'row-off'}
    >
      <td>
        <a
          href={`/city/office/${encodeURIComponent(o.id)}`}
          onClick={(e) => {
            e.preventDefault();
            open();
          }}
          className="office-name"
        >
          {o.name}
        </a>
        <div className="muted small">
          {o.commune} · {o.province}
        </div>
      </td>
      <td data-testid="link">
        <span className={o.online ? 'dot on' : 'dot off'} aria-hidden="true" />
        {o.online ? say({ vi: 'Trực tuyến', en: 'Online' }) : say({ vi: 'Mất kết nối', en: 'Offline' })}
        <div className="muted small">
          {o.since === null
            ? say({ vi: 'chưa kết nối lần nào', en: 'never connected' })
            : say({ vi: 'từ {t}', en: 'since {t}' }, { t: formatTime(o.since, o.timeZone) })}
          {o.online &&
            o.lag > 0 &&
            ` · ${say({ vi: 'còn {n} sự kiện', en: '{n} events behind' }, { n: o.lag })}`}
        </div>
      </td>
      <td className="num strong" data-testid="waiting">
        {o.waiting}
      </td>
      <td className={`num${row.waitOverTarget ? ' warn' : ''}`} data-testid="longest">
        {row.longestMinutes === null ? '—' : formatMinutes(row.longestMinutes, locale)}
      </td>
      <td data-testid="hall">
        {o.capacity === null ? (
          '—'
        ) : (
          <div className="hall">
            <div className="bar" aria-hidden="true">
              <div
                className={(row.hallShare ?? 0) >= 1 ? 'fill full' : 'fill'}
                style={{ width: `${Math.min(100, (row.hallShare ?? 0) * 100)}%` }}
              />
            </div>
            <span>
              {o.inHall}/{o.capacity}
            </span>
            {o.level !== null && (
              <span className={`level ${LEVEL_CLASS[o.level]}`} title={say({ vi: 'Cấp độ', en: 'Level' })}>
                {say({ vi: 'Cấp {l}', en: 'L{l}' }, { l: o.level })}
              </span>
            )}
          </div>
        )}
      </td>
      <td className="num" data-testid="counters">
        {o.counters ? `${o.countersOpen}/${o.counters}` : '—'}
      </td>
      <td className="num" data-testid="tickets">
        {o.ticketsToday}
        <div className="muted small">
          {say({ vi: 'xong {n}', en: '{n} served' }, { n: o.servedToday })}
          {earlier && (
            <span data-testid="earlier-day">
              {' · '}
              {say(
                { vi: 'ngày {d}', en: 'day {d}' },
                { d: o.day!.split('-').reverse().slice(0, 2).join('/') },
              )}
            </span>
          )}
        </div>
      </td>
      <td className="num" data-testid="satisfaction">
        {o.satisfaction === null ? '—' : percent(o.satisfaction, locale)}
        {o.rated > 0 && (
          <div className="muted small">{say({ vi: '{n} đánh giá', en: '{n} rated' }, { n: o.rated })}</div>
        )}
      </td>
      <td data-testid="flags">
        {row.offline && (
          <span className="flag flag-offline" data-flag="offline">
            {o.since === null
              ? say({ vi: 'Chưa kết nối', en: 'Never connected' })
              : say({ vi: 'Mất kết nối lâu', en: 'Offline too long' })}
          </span>
        )}
        {row.waitOverTarget && (
          <span className="flag flag-wait" data-flag="wait">
            {say({ vi: 'Chờ quá {m} phút', en: 'Wait over {m} min' }, { m: o.waitTargetMinutes })}
          </span>
        )}
      </td>
    </tr>
  );
}
