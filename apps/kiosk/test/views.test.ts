import { openCountersServing } from '@luot/core';
import { describe, expect, it } from 'vitest';
import type { IssuedTicket } from '../src/kiosk/issue';
import { kioskOptions } from '../src/kiosk/options';
import { KIOSK_TEXTS, noticeText, shortWait, tileReason, unstaffedText, waitText } from '../src/kiosk/texts';
import { ticketView } from '../src/kiosk/ticket-view';
import { issue, run, snapshot } from './fixtures';

describe('ticketView', () => {
  function issued(priority: string | null, level?: 3 | 4): IssuedTicket {
    const s = snapshot();
    if (level) run(s, { type: 'setLevel', level });
    run(s, issue('A', priority));
    const ticket = Object.values(s.state.tickets)[0]!;
    return {
      result: {
        ticket,
        token: 't',
        url: 'http://hub/t/t',
        estimate: { peopleAhead: 0, counters: 3, serviceMinutes: 15, minutes: 0, range: [0, 5] },
        counters: openCountersServing(s.config, s.state, 'A', priority !== null),
        entryPlace: null,
        printed: null,
      },
      print: { kind: 'unknown' },
    };
  }

  it('names the counters the hub listed: those that call the ticket and were open', () => {
    const s = snapshot();
    expect(ticketView(s.config, issued(null)).counters).toEqual([1, 2, 3]);
    const v = ticketView(s.config, issued('elderly'));
    expect(v.counters).toEqual([1, 2, 3, 16]);
    expect(v.priorityName?.vi).toBe('Người cao tuổi');
    expect(ticketView(s.config, issued(null, 3)).counters).toEqual([1]); // level 3 closes 2 and 3
  });

  it('says "outside" with the place in the entry line when the hall was full', () => {
    const s = snapshot();
    const t = issued(null);
    t.result.ticket.status = 'outside';
    t.result.entryPlace = 3;
    expect(ticketView(s.config, t).outside).toEqual({ place: 3 });
    expect(ticketView(s.config, issued(null)).outside).toBeNull();
  });
});

describe('kioskOptions', () => {
  const store = () => {
    const m = new Map<string, string>();
    return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v) };
  };

  it('keeps issuing by default and remembers keepIssuing=false', () => {
    const s = store();
    expect(kioskOptions('', s)).toEqual({ keepIssuing: true, ticketSeconds: 15, idleSeconds: 60 });
    expect(kioskOptions('?keepIssuing=false', s).keepIssuing).toBe(false);
    expect(kioskOptions('', s).keepIssuing).toBe(false);
    expect(kioskOptions('?keepIssuing=1', s).keepIssuing).toBe(true);
  });

  it('reads the screen timings, ignoring nonsense', () => {
    expect(kioskOptions('?ticketSeconds=5&idleSeconds=2', undefined)).toMatchObject({
      ticketSeconds: 5,
      idleSeconds: 2,
    });
    expect(kioskOptions('?ticketSeconds=-1&idleSeconds=x', undefined)).toMatchObject({
      ticketSeconds: 15,
      idleSeconds: 60,
    });
  });
});

describe('kiosk texts', () => {
  it('words the reasons and waits plainly', () => {
    expect(tileReason({ kind: 'restricted', level: 4 }).vi).toBe('Tạm dừng tiếp nhận (cấp độ 4)');
    expect(noticeText({ kind: 'outside_session', reason: 'break', opensAt: '13:00' }).vi).toBe(
      'Đang nghỉ giữa buổi. Kiosk cấp số trở lại lúc 13:00.',
    );
    expect(waitText([0, 5], 'vi')).toBe('Dưới 5 phút');
    expect(waitText([15, 20], 'vi')).toBe('Khoảng 15–20 phút');
    expect(waitText([75, 80], 'en')).toBe('About 75–80 min');
    expect(waitText(null, 'en')).toBe('Not known yet');
    expect(shortWait([15, 20], 'vi')).toBe('15–20 phút');
    expect(shortWait(null, 'vi')).toBe('—');
    expect(unstaffedText({ expectedAt: '13:30' }, 'vi')).toBe(
      'Chưa có cán bộ tiếp nhận lĩnh vực này, dự kiến mở lúc 13:30',
    );
    expect(unstaffedText({ expectedAt: null }, 'vi')).toBe('Hiện chưa có quầy tiếp nhận');
  });

  it('has every text in both languages, in NFC', () => {
    for (const [key, t] of Object.entries(KIOSK_TEXTS)) {
      for (const s of [t.vi, t.en]) {
        expect(s, key).not.toBe('');
        expect(s, key).toBe(s.normalize('NFC'));
      }
    }
  });
});
