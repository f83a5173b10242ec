import { describe, expect, it } from 'vitest';
import { countersNeeded, mmc, planDay, type PlanInput } from '../src/index.js';

const land = { vi: 'Đất đai', en: 'Land' };
const civil = { vi: 'Tư pháp – Hộ tịch', en: 'Civil status' };
const target = { withinMinutes: 30, share: 0.8 };

/** A morning in 30-minute pieces: land peaks at 10:00–11:30, civil status is steady. */
const morning: PlanInput = {
  intervals: ['08:00', '08:30', '09:00', '09:30', '10:00', '10:30', '11:00', '11:30'],
  intervalMinutes: 30,
  services: [
    { prefix: 'A', name: land, serviceMinutes: 12, arrivals: [3, 3, 4, 4, 14, 14, 12, 3] },
    { prefix: 'C', name: civil, serviceMinutes: 6, arrivals: [3, 3, 3, 3, 3, 3, 3, 3] },
  ],
  officers: [
    { id: 'cb1', services: ['A'] },
    { id: 'cb2', services: ['A'] },
    { id: 'cb3', services: ['A', 'C'] },
    { id: 'cb4', services: ['C'] },
  ],
  target,
};

describe('a day’s plan', () => {
  it('needs, staffing and waits per interval, from Erlang C', () => {
    const plan = planDay(morning);
    const first = plan.intervals[0]!;
    expect(first.services.A!.needed).toBe(countersNeeded(3 / 30, 12, target));
    expect(first.services.A!.staffed).toBe(first.services.A!.needed); // enough officers at 8:00
    expect(first.services.A!.p90WaitMinutes).toBe(
      mmc({ arrivalsPerMinute: 3 / 30, serviceMinutes: 12, counters: first.services.A!.staffed })
        .p90WaitMinutes,
    );
    expect(first.services.A!.withinTarget).toBeGreaterThanOrEqual(0.8);
    // Every officer is placed on a service they can receive.
    for (const iv of plan.intervals) {
      for (const [id, s] of Object.entries(iv.assignment)) {
        expect(morning.officers.find((o) => o.id === id)!.services).toContain(s);
      }
    }
  });

  it('says in plain Vietnamese where the day breaks', () => {
    const plan = planDay(morning);
    // 14 land citizens in half an hour at 12 minutes each is 5.6 Erlangs: three officers cannot keep up.
    const landBreak = plan.breaks.find((b) => b.service === 'A')!;
    expect(landBreak).toMatchObject({ from: '10:00', to: '11:30', staffed: 3 });
    expect(landBreak.needed).toBeGreaterThan(5);
    expect(plan.breaks).toHaveLength(1); // the rest of the morning holds
    expect(landBreak.text.vi).toBe(
      `10:00–11:30 Đất đai cần ${landBreak.needed} quầy, chỉ có 3 cán bộ: hàng chờ dài thêm liên tục`,
    );
    expect(landBreak.text.vi).toBe(landBreak.text.vi.normalize('NFC'));
    // With two more land officers from 10:00 the break is gone.
    const more = planDay({
      ...morning,
      officers: [
        ...morning.officers,
        ...['cb5', 'cb6', 'cb7', 'cb8', 'cb9', 'cb10'].map((id) => ({ id, services: ['A'], from: '10:00' })),
      ],
    });
    expect(more.breaks.filter((b) => b.service === 'A' && b.from >= '10:00')).toEqual([]);
  });

  it('an officer off duty is not placed', () => {
    const plan = planDay({
      ...morning,
      officers: [{ id: 'cb1', services: ['A'], from: '09:00', to: '10:00' }],
    });
    expect(plan.intervals.map((iv) => iv.assignment.cb1 ?? null)).toEqual([
      null,
      null,
      'A',
      'A',
      null,
      null,
      null,
      null,
    ]);
  });
});
