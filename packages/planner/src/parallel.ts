import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { makePlanWith } from './make-plan.js';
import { startWorker } from './start-worker.js';
import type { PlanRequest, PlanResult } from './request.js';
import { mergeTallies, summarise, type SimulatedPlan, type SimulationSpec, type Tally } from './simulate.js';

/** Chunks of runs per worker (see `simulate`). */
const CHUNKS_PER_WORKER = 4;

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

  /**
   * The spec's runs, in contiguous chunks handed to whichever worker is free: on a machine whose
   * cores are shared (with the hub, with other work) a worker slowed down takes fewer chunks,
   * where halves fixed in advance would wait for the slower one. The chunks' tallies are merged
   * in run order, so the result does not depend on who ran what.
   */
  async simulate(spec: SimulationSpec): Promise<SimulatedPlan> {
    const n = this.workers.length;
    const first = spec.firstRun ?? 0;
    // A few chunks per worker: enough to even out, few enough that messages and merging stay small.
    const size = Math.max(1, Math.ceil(spec.runs / (n * CHUNKS_PER_WORKER)));
    const chunks: Array<{ from: number; runs: number }> = [];
    for (let from = 0; from < spec.runs; from += size)
      chunks.push({ from, runs: Math.min(size, spec.runs - from) });
    const tallies: Tally[] = new Array<Tally>(chunks.length);
    let taken = 0;
    const work = async (w: Worker) => {
      while (taken < chunks.length) {
        const i = taken++;
        const c = chunks[i]!;
        tallies[i] = await this.ask(w, { ...spec, firstRun: first + c.from, runs: c.runs });
      }
    };
    await Promise.all(this.workers.map(work));
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
