import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { makePlanWith } from './make-plan.js';
import { startWorker } from './start-worker.js';
import type { PlanRequest, PlanResult } from './request.js';
import { mergeTallies, summarise, type SimulatedPlan, type SimulationSpec, type Tally } from './simulate.js';

/**
 * The simulated days of a plan shared out over worker threads (Node only; the rest of the planner
 * is pure). Each worker runs a range of the runs — run i always has seed + i — and returns its
 * tally; the tallies are merged in run order, so the plan is the same as `makePlan`'s for the same
 * seed, only sooner on a machine with more than one core.
 *
 * `workerUrl` is the module the workers load: this package's `tally-worker.ts` when running from
 * sources (tsx passes its loader on to workers), the bundled worker file in a built hub.
 */
export class PlanWorkers {
  private readonly workers: Worker[];
  private next = 0;

  constructor(
    count = Math.max(1, availableParallelism()),
    workerUrl: URL = new URL('./tally-worker.ts', import.meta.url),
  ) {
    this.workers = Array.from({ length: count }, () => startWorker(workerUrl));
    for (const w of this.workers) w.unref();
  }

  get size(): number {
    return this.workers.length;
  }

  plan(request: PlanRequest): Promise<PlanResult> {
    return makePlanWith(request, (spec) => this.simulate(spec));
  }

  /** The spec's runs, split in one contiguous range per worker. */
  async simulate(spec: SimulationSpec): Promise<SimulatedPlan> {
    const n = this.workers.length;
    const first = spec.firstRun ?? 0;
    const parts = await Promise.all(
      this.workers.map((w, i) => {
        const from = Math.floor((spec.runs * i) / n);
        const to = Math.floor((spec.runs * (i + 1)) / n);
        return to > from ? this.ask(w, { ...spec, firstRun: first + from, runs: to - from }) : null;
      }),
    );
    const tallies = parts.filter((p): p is Tally => p !== null);
    return summarise(spec, mergeTallies(tallies, spec.intervals.length));
  }

  private ask(worker: Worker, spec: SimulationSpec): Promise<Tally> {
    const id = ++this.next;
    return new Promise((resolve, reject) => {
      const onMessage = (m: { id: number; tally?: Tally; error?: string }) => {
        if (m.id !== id) return;
        worker.off('message', onMessage);
        worker.off('error', onError);
        if (m.error !== undefined) reject(new Error(m.error));
        else resolve(m.tally!);
      };
      const onError = (e: Error) => {
        worker.off('message', onMessage);
        reject(e);
      };
      worker.on('message', onMessage);
      worker.once('error', onError);
      worker.ref();
      worker.postMessage({ id, spec });
    }).finally(() => worker.unref()) as Promise<Tally>;
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
