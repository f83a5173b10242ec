import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Logger } from 'pino';
import type { PlanRequest, PlanResult } from '@luot/planner';
import { startWorker } from '@luot/planner/start-worker';

/** Why a plan did not come back: the queue was full, it ran too long, or the planner threw. */
export class PlanRunError extends Error {
  constructor(
    readonly code: 'PLAN_BUSY' | 'PLAN_TIMEOUT' | 'PLAN_FAILED',
    message: string,
  ) {
    super(message);
  }
}

export interface PlanRunnerOptions {
  /** Plans waiting behind the one being made; one more is refused (PLAN_BUSY) [2]. */
  queue?: number;
  /** A plan still running after this is stopped (its worker terminated) [120 s]. */
  timeoutMs?: number;
  /** Where a plan that failed or timed out is reported (the console only shows the code). */
  logger?: Logger;
}

/**
 * How to start the worker. In the bundle (`npm start`) build.mjs writes it as
 * dist/planning-worker.js, and this code may sit in dist/main.js or in a chunk under dist/chunks/.
 * From the TypeScript sources (tests, `tsx`) it is worker.ts next to this file, started through
 * tsx's loader (`startWorker` of @luot/planner/start-worker: that alone, not the planner).
 */
function workerFor(request: PlanRequest): Worker {
  if (import.meta.url.endsWith('.ts')) {
    return startWorker(new URL('./worker.ts', import.meta.url), { workerData: request });
  }
  for (const rel of ['./planning-worker.js', '../planning-worker.js']) {
    const url = new URL(rel, import.meta.url);
    if (existsSync(fileURLToPath(url))) return new Worker(url, { workerData: request });
  }
  throw new PlanRunError('PLAN_FAILED', 'planning-worker.js is missing next to the hub bundle');
}

/**
 * Plans made one at a time, each in a fresh worker thread: the simulation must not run on the hub's
 * event loop, and with two cores one plan at a time leaves the other core to the hub. Up to `queue`
 * requests wait their turn (a head pressing "what if" while the first plan runs gets both); beyond
 * that the hub answers 429 rather than stacking minutes of work. A fresh worker per plan costs a few
 * hundred milliseconds to start, and makes the timeout clean: the worker is terminated, nothing of
 * the stopped plan lingers.
 */
export class PlanRunner {
  private running = false;
  private closed = false;
  private readonly waiting: Array<() => void> = [];
  private readonly workers = new Set<Worker>();
  private readonly queue: number;
  private readonly timeoutMs: number;
  private readonly logger: Logger | undefined;

  constructor(opts: PlanRunnerOptions = {}) {
    this.queue = opts.queue ?? 2;
    this.timeoutMs = opts.timeoutMs ?? 120_000;
    this.logger = opts.logger;
  }

  async run(request: PlanRequest): Promise<PlanResult> {
    if (this.running) {
      if (this.waiting.length >= this.queue) {
        throw new PlanRunError('PLAN_BUSY', 'a plan is being made and the queue is full');
      }
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    this.running = true;
    try {
      return await this.inWorker(request);
    } catch (e) {
      // A plan cut short by the hub closing is no failure worth a log line.
      if (!this.closed)
        this.logger?.error({ err: e, date: request.date, runs: request.runs }, 'plan not made');
      throw e;
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running = false;
    }
  }

  /** Stops every plan being made (the hub is closing). */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.workers].map((w) => w.terminate()));
  }

  private inWorker(request: PlanRequest): Promise<PlanResult> {
    const worker = workerFor(request);
    this.workers.add(worker);
    return new Promise<PlanResult>((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new PlanRunError('PLAN_TIMEOUT', `the plan ran over ${this.timeoutMs} ms`));
        void worker.terminate();
      }, this.timeoutMs);
      const done = () => {
        clearTimeout(timer);
        this.workers.delete(worker);
      };
      worker.once('message', (m: { ok: true; plan: PlanResult } | { ok: false; error: string }) => {
        done();
        if (m.ok) resolve(m.plan);
        else reject(new PlanRunError('PLAN_FAILED', m.error));
        void worker.terminate();
      });
      worker.once('error', (e) => {
        done();
        reject(new PlanRunError('PLAN_FAILED', e.message));
      });
      worker.once('exit', (code) => {
        done();
        // After a message or an error this changes nothing (a promise settles once).
        reject(new PlanRunError('PLAN_FAILED', `the planning worker exited with ${code}`));
      });
    });
  }
}
