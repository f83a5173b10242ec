import { MONDAY, quocOai } from '@luot/core/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { makePlan, planIntervals, type PlanRequest } from '../src/index.js';
import { PlanWorkers } from '../src/parallel.js';

describe('the plan over worker threads', () => {
  const workers = new PlanWorkers(2);
  afterAll(() => workers.close());

  it('is the same plan as on one thread, for the same seed', { timeout: 120_000 }, async () => {
    const config = quocOai();
    const intervals = planIntervals(config, 30);
    const request: PlanRequest = {
      config,
      date: MONDAY,
      arrivals: Object.fromEntries(
        config.services.map((s) => [s.prefix, intervals.map((t) => (t < '12:00' || t >= '13:00' ? 2 : 0))]),
      ),
      officers: config.counters.map((c) => ({
        id: `cb${c.number}`,
        name: `Cán bộ ${c.number}`,
        services: c.services,
      })),
      runs: 30,
      seed: 9,
    };
    const one = makePlan(request);
    const two = await workers.plan(request);
    expect({ ...two, elapsedMs: 0 }).toEqual({ ...one, elapsedMs: 0 });
  });
});
