import { describe, expect, it } from 'vitest';
import type { OfficeSummary } from '@luot/protocol';
import { boardRows, officeDate, places, withLine } from '../src/board-view.js';

const NOW = Date.UTC(2026, 11, 7, 3, 0);
const MIN = 60_000;

function office(id: string, o: Partial<OfficeSummary> = {}): OfficeSummary {
  return {
    id,
    name: id,
    province: 'Hà Nội',
    commune: id,
    online: true,
    since: NOW - 60 * MIN,
    lag: 0,
    day: '2026-12-07',
    timeZone: 'Asia/Ho_Chi_Minh',
    level: 1,
    waiting: 0,
    longestSince: null,
    waitTargetMinutes: 30,
    inHall: 0,
    capacity: 100,
    countersOpen: 0,
    counters: 16,
    ticketsToday: 0,
    servedToday: 0,
    rated: 0,
    satisfied: 0,
    satisfaction: null,
    ...o,
  };
}
const settings = { offlineFlagMinutes: 5 };
const all = { province: '', commune: '', flaggedOnly: false };

describe('the board rows', () => {
  it('flag an office offline past the threshold (not before), and a wait past its target', () => {
    const rows = boardRows(
      [
        office('a', { online: false, since: NOW - 4 * MIN }),
        office('b', { online: false, since: NOW - 6 * MIN }),
        office('c', { online: false, since: null }),
        office('d', { waiting: 3, longestSince: NOW - 31 * MIN }),
        office('e', { waiting: 3, longestSince: NOW - 29 * MIN }),
        office('f', { waiting: 3, longestSince: NOW - 11 * MIN, waitTargetMinutes: 10 }),
      ],
      settings,
      NOW,
      all,
      'place',
    );
    expect(rows.map((r) => [r.office.id, r.offline, r.waitOverTarget])).toEqual([
      ['a', false, false],
      ['b', true, false],
      ['c', true, false],
      ['d', false, true],
      ['e', false, false],
      ['f', false, true],
    ]);
    expect(rows[3]!.longestMinutes).toBeCloseTo(31);
  });

  it('filter by province and commune, and to flagged offices', () => {
    const offices = [
      office('qo', { commune: 'Quốc Oai' }),
      office('bv', { commune: 'Ba Vì', online: false, since: NOW - 10 * MIN }),
      office('ha', { province: 'Quảng Nam', commune: 'Hội An' }),
    ];
    const ids = (f: Partial<typeof all>) =>
      boardRows(offices, settings, NOW, { ...all, ...f }, 'place').map((r) => r.office.id);
    expect(ids({ province: 'Hà Nội' })).toEqual(['bv', 'qo']);
    expect(ids({ province: 'Hà Nội', commune: 'Quốc Oai' })).toEqual(['qo']);
    expect(ids({ flaggedOnly: true })).toEqual(['bv']);
    expect(places(offices, '')).toEqual({
      provinces: ['Hà Nội', 'Quảng Nam'],
      communes: ['Ba Vì', 'Hội An', 'Quốc Oai'],
    });
    expect(places(offices, 'Quảng Nam').communes).toEqual(['Hội An']);
  });

  it('sort by waiting, longest wait, hall, satisfaction (lowest first) and flags, ties by place', () => {
    const offices = [
      office('a', { waiting: 2, longestSince: NOW - 5 * MIN, inHall: 90, satisfaction: 0.9 }),
      office('b', { waiting: 7, longestSince: NOW - 2 * MIN, inHall: 10, satisfaction: 0.5 }),
      office('c', { waiting: 2, longestSince: null, inHall: 50, capacity: null, satisfaction: null }),
      office('d', { online: false, since: NOW - 9 * MIN }),
    ];
    const ids = (sort: Parameters<typeof boardRows>[4]) =>
      boardRows(offices, settings, NOW, all, sort).map((r) => r.office.id);
    expect(ids('waiting')).toEqual(['b', 'a', 'c', 'd']);
    expect(ids('longest')).toEqual(['a', 'b', 'c', 'd']);
    expect(ids('hall')).toEqual(['a', 'b', 'd', 'c']);
    expect(ids('satisfaction')).toEqual(['b', 'a', 'c', 'd']);
    expect(ids('flagged')[0]).toBe('d');
  });

  it('replace an office line in place, or add a new office', () => {
    const list = [office('a'), office('b')];
    expect(withLine(list, office('b', { waiting: 4 })).map((o) => [o.id, o.waiting])).toEqual([
      ['a', 0],
      ['b', 4],
    ]);
    expect(withLine(list, office('c')).map((o) => o.id)).toEqual(['a', 'b', 'c']);
  });
});

describe("an office's date", () => {
  it('is its own time zone’s: 23:30 UTC is already the next day in Hà Nội', () => {
    const lateUtc = Date.UTC(2026, 11, 7, 23, 30);
    expect(officeDate(lateUtc, 'Asia/Ho_Chi_Minh')).toBe('2026-12-08');
    expect(officeDate(lateUtc, 'UTC')).toBe('2026-12-07');
  });
});
