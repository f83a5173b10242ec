import { parentPort } from 'node:worker_threads';
import { tallyRuns, type SimulationSpec } from './simulate.js';

/** A planner worker thread: tallies the runs it is given (see parallel.ts). */
parentPort!.on('message', ({ id, spec }: { id: number; spec: SimulationSpec }) => {
  try {
    parentPort!.postMessage({ id, tally: tallyRuns(spec) });
  } catch (e) {
    parentPort!.postMessage({ id, error: e instanceof Error ? e.message : String(e) });
  }
});
