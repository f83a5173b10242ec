import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import type { PlanResult } from '@luot/planner';
import { PLAN_ERRORS, PlanOptionsSchema, PlanResultSchema } from '@luot/protocol';
import { startTestHub, testConfig, type TestHub } from '@luot/hub/testing';
import { planRequestFor } from '../src/planning/request.js';
import { PlanRunError, PlanRunner } from '../src/planning/runner.js';
import { openStorage } from '../src/storage/index.js';

// POST /api/plan (issue #16): supervisors only, the body checked with words for each refusal, the
// plan made in a worker thread while the hub goes on answering.

let t: TestHub;
afterEach(async () => t?.close());

const TOMORROW = '2026-12-01'; // the test hub's day is Monday 2026-11-30

async function plan(headers: Record<string, string>, body: unknown): Promise<Response> {
  return fetch(`${t.hub.url}/api/plan`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

// Plans take seconds (the simulator runs in a worker; two cores shared with other test files).
describe('POST /api/plan', { timeout: 60_000 }, () => {
  it('is refused to counter and kiosk devices, and to a supervisor device without a session', async () => {
    t = await startTestHub();
    const body = { date: TOMORROW, runs: 5 };
    for (const token of ['test-counter-3-token', 'test-kiosk-1-token']) {
      const res = await plan({ authorization: `Bearer ${token}` }, body);
      expect(res.status).toBe(403);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('FORBIDDEN');
    }
    const res = await plan({ authorization: 'Bearer test-supervisor-token' }, body);
    expect(res.status).toBe(401);
    expect((await plan({}, body)).status).toBe(401);
  });

  it('gives the form its defaults: the next working day, the level, the officers to seat', async () => {
    t = await startTestHub();
    const res = await fetch(`${t.hub.url}/api/plan/options`, { headers: await t.supervisorHeaders() });
    const options = PlanOptionsSchema.parse(await res.json());
    expect(options).toMatchObject({ today: '2026-11-30', nextWorkingDay: TOMORROW, maxRuns: 1000 });
    expect(options.officers.map((o) => o.id)).toEqual(Array.from({ length: 16 }, (_, i) => `cb${i + 1}`));
    const forbidden = await fetch(`${t.hub.url}/api/plan/options`, {
      headers: { authorization: 'Bearer test-counter-1-token' },
    });
    expect(forbidden.status).toBe(403);
  });

  it('answers a bad body with 400 and the reason in Vietnamese and English', async () => {
    t = await startTestHub();
    const headers = await t.supervisorHeaders();
    const cases: Array<[unknown, keyof typeof PLAN_ERRORS]> = [
      [{}, 'BAD_DATE'],
      [{ date: '2026-02-30' }, 'BAD_DATE'],
      [{ date: TOMORROW, level: 5 }, 'BAD_LEVEL'],
      [{ date: TOMORROW, runs: 5000 }, 'BAD_RUNS'],
      [{ date: TOMORROW, runs: 2.5 }, 'BAD_RUNS'],
      [{ date: TOMORROW, arrivalsFactor: 4 }, 'BAD_ARRIVALS'],
      [{ date: TOMORROW, officers: ['cb1', 'nobody'] }, 'BAD_OFFICERS'],
      [{ date: TOMORROW, officers: [] }, 'NO_OFFICERS'],
      [{ date: TOMORROW, speed: 'fast' }, 'BAD_BODY'],
      [[1, 2], 'BAD_BODY'],
    ];
    for (const [body, code] of cases) {
      const res = await plan(headers, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      const answer = (await res.json()) as {
        code: string;
        message: { vi: string; en: string };
        error: string;
      };
      expect(answer.code, JSON.stringify(body)).toBe(code);
      expect(answer.message).toEqual(PLAN_ERRORS[code]);
      expect(answer.error).toBe(`${PLAN_ERRORS[code].vi} / ${PLAN_ERRORS[code].en}`);
    }
  });

  it('makes the test office’s plan in a worker while the hub goes on answering', async () => {
    t = await startTestHub();
    const headers = await t.supervisorHeaders();
    const kiosk = await t.client('test-kiosk-1-token');
    let done = false;
    const pending = plan(headers, { date: TOMORROW, runs: 20, officers: ['cb1', 'cb2', 'cb5', 'cb6'] }).then(
      (r) => {
        done = true;
        return r;
      },
    );
    // While the plan is made: the health route and a kiosk's command are answered.
    const health = (await (await fetch(`${t.hub.url}/api/health`)).json()) as { ok: boolean };
    expect(health.ok).toBe(true);
    const issued = await kiosk.issue({ service: 'C' });
    expect(issued.result.ticket.number).toBe('C001');
    expect(done).toBe(false);

    const res = await pending;
    expect(res.status).toBe(200);
    // The answer is the protocol's plan, to the letter (the console checks it on arrival too).
    const p = PlanResultSchema.parse(await res.json());
    expect(p.date).toBe(TOMORROW);
    expect(p.runs).toBe(20);
    expect(p.level).toBe(t.hub.engine.state.level);
    expect(p.services.map((s) => s.prefix)).toEqual(testConfig().office.services.map((s) => s.prefix));
    // Four officers for a whole office: seats for them only, and the day breaks somewhere.
    for (const seat of p.seats) expect(['cb1', 'cb2', 'cb5', 'cb6']).toContain(seat.officerId);
    expect(p.seats.length).toBeGreaterThan(0);
    expect(p.breaks.length).toBeGreaterThan(0);
    expect(p.breaks[0]!.text.vi).toMatch(/cần \d+ quầy/);
    expect(p.day.withinTarget.low).toBeLessThanOrEqual(p.day.withinTarget.value);
  });

  it('takes the level, the arrivals factor and the officers asked for', async () => {
    t = await startTestHub();
    const headers = await t.supervisorHeaders();
    const res = await plan(headers, { date: TOMORROW, level: 3, arrivalsFactor: 1.5, runs: 5 });
    expect(res.status).toBe(200);
    const p = (await res.json()) as PlanResult;
    expect(p.level).toBe(3);
    const config = testConfig();
    const base = planRequestFor(t.hub.store, config.office, config.hub, { date: TOMORROW });
    const sum = (r: Record<string, number[]>) =>
      Object.values(r)
        .flat()
        .reduce((a, b) => a + b, 0);
    const expected = sum(base.arrivals) * 1.5;
    const planned = Object.values(p.perService)
      .flat()
      .reduce((a, s) => a + s.arrivals, 0);
    expect(planned).toBeCloseTo(expected, 6);
  });

  it('makes one plan at a time: two more wait, a fourth is answered 429', async () => {
    t = await startTestHub();
    const headers = await t.supervisorHeaders();
    const answers = await Promise.all([1, 2, 3, 4].map(() => plan(headers, { date: TOMORROW, runs: 3 })));
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 200, 200, 429]);
    const busy = (await answers.find((r) => r.status === 429)!.json()) as { code: string };
    expect(busy.code).toBe('PLAN_BUSY');
  });
});

describe('POST /api/exports/plan.xlsx', { timeout: 60_000 }, () => {
  it('is the plan just made, as a workbook (kept, not simulated again), and refused without a session', async () => {
    t = await startTestHub();
    const headers = await t.supervisorHeaders();
    const body = { date: TOMORROW, runs: 10 };
    const made = (await (await plan(headers, body)).json()) as PlanResult;
    let runs = 0;
    const run = t.hub.planner.run.bind(t.hub.planner);
    t.hub.planner.run = (r) => (runs++, run(r));
    const res = await fetch(`${t.hub.url}/api/exports/plan.xlsx`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain(`luot-ke-hoach-${TOMORROW}.xlsx`);
    expect(runs).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
    const texts: string[] = [];
    wb.getWorksheet('Điểm nghẽn')!.eachRow((row) =>
      row.eachCell((c) => void (typeof c.value === 'string' && texts.push(c.value))),
    );
    for (const b of made.breaks) expect(texts).toContain(b.text.vi);

    const anonymous = await fetch(`${t.hub.url}/api/exports/plan.xlsx`, {
      method: 'POST',
      headers: { authorization: 'Bearer test-supervisor-token', 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(anonymous.status).toBe(401);
  });
});

describe('PlanRunner', () => {
  it('stops a plan that runs over its time', async () => {
    const config = testConfig();
    const runner = new PlanRunner({ timeoutMs: 1 });
    const storage = openStorage(':memory:');
    const request = planRequestFor(storage.store, config.office, config.hub, { date: TOMORROW, runs: 50 });
    storage.close();
    const error = await runner.run(request).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlanRunError);
    expect((error as PlanRunError).code).toBe('PLAN_TIMEOUT');
    await runner.close();
  });
});
