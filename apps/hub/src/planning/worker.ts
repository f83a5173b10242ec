/**
 * The worker thread a plan is made in (`PlanRunner`): the day simulator runs for seconds, and the
 * hub's own thread is the office's only writer — it must keep calling tickets meanwhile. One plan
 * per worker: the request comes in `workerData`, the answer (or the error's message) goes back once.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { makePlan, type PlanRequest } from '@luot/planner';

try {
  parentPort!.postMessage({ ok: true, plan: makePlan(workerData as PlanRequest) });
} catch (e) {
  parentPort!.postMessage({ ok: false, error: e instanceof Error ? e.message : String(e) });
}
