import { MONDAY, quocOai } from '@luot/core/testing';
import { describe, expect, it } from 'vitest';
import { countersNeeded, makePlan, planIntervals, type PlanRequest } from '../src/index.js';

/**
 * A small office: land (A, 15 min a visit) on counters 1–3 and civil status (C, 8 min) on
 * counters 4–5; five officers, one of whom can do both. Land peaks 10:00–11:30.
 */
function smallOffice() {
  return quocOai((c) => {
    c.services = c.services.filter((s) => s.prefix === 'A' || s.prefix === 'C');
    c.counters = [1, 2, 3, 4, 5].map((n) => ({
      ...c.counters[0]!,
      number: n,
      services: n <= 3 ? ['A'] : ['C'],
      servesAllPriority: n === 5,
    }));
    c.levels[3] = { ...c.levels[3], closedCounters: [2, 3], restrictedServices: [] };
    c.levels[4] = { ...c.levels[4], closedCounters: [2, 3], restrictedServices: 'non-essential' };
  });
}

function request(change?: (r: PlanRequest) => void): PlanRequest {
  const config = smallOffice();
  const intervals = planIntervals(config, 30);
  const r: PlanRequest = {
    config,
    date: MONDAY,
    arrivals: {
      A: intervals.map((t) => (t >= '10:00' && t < '11:30' ? 10 : t < '12:00' || t >= '13:00' ? 3 : 0)),
      C: intervals.map((t) => (t < '12:00' || t >= '13:00' ? 3 : 0)),
    },
    officers: [
      { id: 'cb1', name: 'Nguyễn Văn An', services: ['A'] },
      { id: 'cb2', name: 'Trần Thị Bình', services: ['A'] },
      { id: 'cb3', name: 'Lê Văn Cường', services: ['A', 'C'] },
      { id: 'cb4', name: 'Phạm Thị Dung', services: ['C'] },
      { id: 'cb5', name: 'Hoàng Văn Em', services: ['A'] },
    ],
    runs: 40,
    seed: 3,
  };
  change?.(r);
  return r;
}

describe('a day’s plan', () => {
  const plan = makePlan(request());

  it('cuts the day in half hours from the first session to the last, break included', () => {
    expect(plan.intervals[0]).toBe('08:00');
    expect(plan.intervals.at(-1)).toBe('16:30');
    expect(plan.intervals).toHaveLength(18);
  });

  it('needs per interval at least what Erlang C says, and staffs no more than it needs', () => {
    plan.intervals.forEach((_, i) => {
      const a = plan.perService.A![i]!;
      expect(a.needed).toBeGreaterThanOrEqual(countersNeeded(a.arrivals / 30, 15, plan.target));
      expect(a.staffed).toBeLessThanOrEqual(a.needed);
    });
    // Nobody comes at lunch: no counter is needed then.
    expect(plan.perService.A![plan.intervals.indexOf('12:00')]!.needed).toBe(0);
  });

  it('seats officers on services they can receive, one officer per counter at a time', () => {
    const officers = request().officers;
    for (const s of plan.seats) {
      const o = officers.find((x) => x.id === s.officerId)!;
      for (const svc of s.services) expect(o.services).toContain(svc);
    }
    for (const a of plan.seats) {
      for (const b of plan.seats) {
        if (a === b || a.counter !== b.counter) continue;
        expect(a.to <= b.from || b.to <= a.from, JSON.stringify([a, b])).toBe(true);
      }
    }
  });

  it('says in plain Vietnamese where the day breaks', () => {
    // 10 land citizens in half an hour at 15 minutes each is 5 Erlangs: four officers cannot keep up.
    const land = plan.breaks.find((b) => b.service === 'A' && b.from <= '10:00' && '10:00' < b.to)!;
    expect(land).toBeDefined();
    // The line the peak built takes a while to clear: the simulation sees the stretch go on past it.
    expect(land.to >= '11:30').toBe(true);
    expect(land.staffed).toBeLessThanOrEqual(4);
    expect(land.needed).toBeGreaterThan(5);
    expect(land.text.vi).toMatch(
      /^\d\d:\d\d–\d\d:\d\d Đất đai – đăng ký, cấp giấy chứng nhận, biến động cần \d+ quầy, chỉ có [1-4] cán bộ: (chờ p90 ≈ \d+ phút|hàng chờ dài thêm liên tục)$/,
    );
    expect(land.text.vi.normalize('NFC')).toBe(land.text.vi);
    // Civil status keeps its counters: the officer who can do both goes where the line overflows.
    const peak = plan.intervals.indexOf('10:30');
    expect(plan.perService.A![peak]!.staffed).toBe(4);
  });

  it('gives simulated figures with their 95% intervals, and the hall under its cap', () => {
    const first = plan.perService.C![0]!;
    expect(first.sim).not.toBeNull();
    const w = first.sim!.meanWaitMinutes;
    expect(w.low).toBeLessThanOrEqual(w.value);
    expect(w.value).toBeLessThanOrEqual(w.high);
    expect(plan.day.withinTarget.value).toBeGreaterThan(0);
    expect(plan.day.withinTarget.high).toBeLessThanOrEqual(1);
    for (const h of plan.hall) expect(h.occupancyP95).toBeLessThanOrEqual(h.capacity);
    expect(plan.runs).toBe(40);
  });

  it('is the same plan for the same seed, and JSON both ways', () => {
    const again = makePlan(request());
    expect({ ...again, elapsedMs: 0 }).toEqual({ ...plan, elapsedMs: 0 });
    expect(JSON.parse(JSON.stringify(plan))).toEqual(plan);
  });
});

describe('at a distancing level', () => {
  it('seats nobody at a counter the level closes, and plans nothing for a service it stops', () => {
    const level4 = makePlan(request((r) => (r.level = 4)));
    expect(level4.seats.map((s) => s.counter)).not.toContain(2);
    expect(level4.seats.map((s) => s.counter)).not.toContain(3);
    // Land is not essential: at level 4 nobody is issued a land ticket, so it needs no counter.
    expect(level4.perService.A!.every((x) => x.needed === 0 && x.staffed === 0)).toBe(true);
    expect(level4.hall[0]!.capacity).toBe(20);
  });

  it('with counters closed, says land breaks for want of desks, not officers', () => {
    const level3 = makePlan(request((r) => (r.level = 3)));
    const peak = level3.perService.A![level3.intervals.indexOf('10:00')]!;
    // Counters 1, 4 and 5 are open: at most three officers sit, whatever they can do.
    expect(level3.seats.filter((s) => s.from <= '10:00' && '10:00' < s.to).length).toBeLessThanOrEqual(3);
    expect(peak.staffed).toBeLessThan(peak.needed);
  });
});

describe('seats', () => {
  it('keep an officer at the same counter after the lunch break when their services stay the same', () => {
    const plan = makePlan(request());
    const bySeat = new Map<string, Set<number>>();
    for (const s of plan.seats) {
      const key = `${s.officerId} ${s.services.join(',')}`;
      bySeat.set(key, new Set([...(bySeat.get(key) ?? []), s.counter]));
    }
    expect(plan.seats.some((s) => s.from >= '13:00')).toBe(true);
    for (const [seat, counters] of bySeat) expect(counters.size, seat).toBe(1);
  });
});

describe('the hall', () => {
  it('says where the line outside passes the target’s maximum', () => {
    // Level 4: a hall of 20; 15 civil-status citizens every half hour for two officers.
    const plan = makePlan(
      request((r) => {
        r.level = 4;
        r.arrivals.C = r.arrivals.C!.map((n) => (n > 0 ? 15 : 0));
        r.runs = 20;
      }),
    );
    expect(plan.hall[0]!.capacity).toBe(20);
    const worst = Math.max(...plan.hall.map((h) => h.outsideP95));
    expect(worst).toBeGreaterThan(plan.target.outsideMax);
    expect(plan.hallBreaks.length).toBeGreaterThan(0);
    const b = plan.hallBreaks[0]!;
    expect(b.text.vi).toMatch(
      /^\d\d:\d\d–\d\d:\d\d hàng chờ bên ngoài sảnh p95 ≈ \d+ người \(tối đa 20\): sảnh đầy$/,
    );
    // Never over its cap inside.
    for (const h of plan.hall) expect(h.occupancyP95).toBeLessThanOrEqual(h.capacity);
  });
});
