import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Level } from '@luot/core';
import { isOpenDay } from '@luot/sim';
import {
  MAX_PLAN_RUNS,
  PLAN_ERRORS,
  PlanBodySchema,
  PlanOptionsSchema,
  PlanResultSchema,
  type PlanError,
  type PlanOptions,
} from '@luot/protocol';
import { doc } from './openapi.js';
import { officerSkills, type LoadedConfig } from '../config.js';
import type { Store } from '../storage/store.js';
import type { PlanResult } from '@luot/planner';
import { PlanRunError, type PlanRunner } from '../planning/runner.js';

export interface PlanRouteDeps {
  config: LoadedConfig;
  /** The office's history: what `planRequestFor` (planning/request.ts) learns arrivals from. */
  store: Store;
  runner: PlanRunner;
  /** The hub's current office day (YYYY-MM-DD) and level: today's plan starts from the level in force. */
  today: () => string;
  level: () => Level;
}

const STATUS: Record<PlanRunError['code'], number> = { PLAN_BUSY: 429, PLAN_TIMEOUT: 503, PLAN_FAILED: 500 };

/** A refusal in Vietnamese and English with its code, shaped as the report routes' (the console reads both alike). */
function refuse(reply: FastifyReply, status: number, code: PlanError) {
  const message = PLAN_ERRORS[code];
  return reply.code(status).send({ error: `${message.vi} / ${message.en}`, code, message });
}

/**
 * The staffing planner for supervisors (issue #16), inside the API's supervisor scope:
 *
 *   GET  /api/plan/options → PlanOptions (the form's defaults and the officers to choose from)
 *   POST /api/plan  { date, level?, officers?, arrivalsFactor?, runs? } → PlanResult
 *   POST /api/exports/plan.xlsx  (the same body) → the plan as a workbook (the last plans are kept)
 *
 * The plan is made in a worker thread (`PlanRunner`): one at a time, two more may wait, a fourth is
 * answered 429 PLAN_BUSY; one running over the runner's timeout is stopped and answered 503.
 */
export function registerPlanRoutes(app: FastifyInstance, deps: PlanRouteDeps): void {
  const { config, runner } = deps;
  const known = new Set(config.hub.officers.map((o) => o.id));

  app.get(
    '/api/plan/options',
    {
      schema: doc({
        summary: "The plan form's defaults: the next working day, the level, the officers",
        tags: ['plan'],
        response: PlanOptionsSchema,
        supervisor: true,
      }),
    },
    async (): Promise<PlanOptions> => {
      const today = deps.today();
      let next = addDay(today);
      // A year of holidays at most; an office open no day at all plans tomorrow.
      for (let i = 0; i < 366 && !isOpenDay(config.office.sessions, next); i++) next = addDay(next);
      if (!isOpenDay(config.office.sessions, next)) next = addDay(today);
      return {
        today,
        nextWorkingDay: next,
        level: deps.level(),
        // Those on the rota by default (supervisors run the console; they can still be named).
        officers: config.hub.officers
          .filter((o) => o.role === 'officer')
          .map((o) => ({ id: o.id, name: o.name, services: officerSkills(o, config.office) })),
        maxRuns: MAX_PLAN_RUNS,
      };
    },
  );

  /**
   * The last few plans, by their request: "Tải Excel" right after "Lập kế hoạch" reuses the plan
   * on screen instead of simulating the same thousand days again (a plan is deterministic for its
   * request and seed, so a recomputed one would be equal — only seconds later).
   */
  const recent = new Map<string, PlanResult>();
  const remember = (key: string, plan: PlanResult) => {
    recent.delete(key);
    recent.set(key, plan);
    if (recent.size > 4) recent.delete(recent.keys().next().value!);
  };

  /** The plan a body asks for, or the refusal already sent. */
  async function planOf(body: unknown, reply: FastifyReply): Promise<PlanResult | null> {
    const parsed = PlanBodySchema.safeParse(body ?? null);
    if (!parsed.success) {
      const code = parsed.error.issues[0]?.message ?? '';
      refuse(reply, 400, (code in PLAN_ERRORS ? code : 'BAD_BODY') as PlanError);
      return null;
    }
    const b = parsed.data;
    if (b.officers?.some((id) => !known.has(id))) return (refuse(reply, 400, 'BAD_OFFICERS'), null);
    if (b.officers?.length === 0) return (refuse(reply, 400, 'NO_OFFICERS'), null);
    const level = b.level ?? (b.date === deps.today() ? deps.level() : undefined);
    // Learned from the office's own history (the last 8 same weekdays), as `npm run plan` does.
    // Loaded on the first plan, not with the hub: the planner's learning and the simulator it
    // brings are code every office hub would carry for a page the head opens once a week.
    const { planRequestFor } = await import('../planning/request.js');
    const request = planRequestFor(deps.store, config.office, config.hub, {
      date: b.date,
      ...(level !== undefined ? { level } : {}),
      ...(b.officers !== undefined ? { officers: b.officers } : {}),
      ...(b.arrivalsFactor !== undefined ? { arrivalsFactor: b.arrivalsFactor } : {}),
      ...(b.runs !== undefined ? { runs: b.runs } : {}),
    });
    if (request.officers.length === 0) return (refuse(reply, 400, 'NO_OFFICERS'), null);
    // The history read today may grow by tomorrow: the key holds the day the plan was made.
    const key = JSON.stringify([deps.today(), level ?? null, b]);
    const known_ = recent.get(key);
    if (known_) return known_;
    try {
      const plan = await runner.run(request);
      remember(key, plan);
      return plan;
    } catch (e) {
      if (!(e instanceof PlanRunError)) throw e;
      refuse(reply, STATUS[e.code], e.code);
      return null;
    }
  }

  app.post(
    '/api/plan',
    {
      schema: doc({
        summary: 'A staffing plan for a day (made in a worker thread; seconds)',
        tags: ['plan'],
        body: PlanBodySchema,
        response: PlanResultSchema,
        supervisor: true,
      }),
    },
    async (req, reply) => (await planOf(req.body, reply)) ?? reply,
  );

  // The same body as /api/plan; the plan as a workbook (Kế hoạch theo giờ, Phân công, Điểm nghẽn, Sảnh chờ).
  app.post(
    '/api/exports/plan.xlsx',
    {
      schema: doc({
        summary: 'The plan as an Excel workbook (the plan just made with this body is reused)',
        tags: ['plan'],
        body: PlanBodySchema,
        response: { file: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
        supervisor: true,
      }),
    },
    async (req, reply) => {
      const plan = await planOf(req.body, reply);
      if (!plan) return reply;
      // Loaded on first use: exceljs and its dependencies would add megabytes to every hub's memory.
      const { planWorkbook } = await import('../planning/plan-xlsx.js');
      const file = await planWorkbook(plan, config.office);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="luot-ke-hoach-${plan.date}.xlsx"`)
        .send(file);
    },
  );
}

/** The calendar day after a YYYY-MM-DD date. */
function addDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
