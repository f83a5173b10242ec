/**
 * Recovery policy for the kiosk page: reload with backoff after the renderer dies; after too many deaths in a
 * window of time, show the error page and try again after a long pause. Pure: the clock is passed in.
 */

/** Exponential backoff: attempt 1 waits `baseMs`, then ×2 each time, never more than `maxMs`. */
export function backoffDelay(attempt: number, baseMs: number, maxMs: number): number {
  const n = Math.max(1, Math.floor(attempt));
  return Math.min(maxMs, baseMs * 2 ** Math.min(n - 1, 30));
}

export interface CrashPolicyOptions {
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Give up when this many crashes happen within `windowMs`. */
  maxCrashes?: number;
  windowMs?: number;
  /** After giving up, try again this much later (the kiosk recovers by itself). */
  giveUpRetryMs?: number;
}

export type CrashDecision =
  | { action: 'reload'; delayMs: number; crashesInWindow: number }
  | { action: 'give-up'; retryAfterMs: number; crashesInWindow: number };

export interface CrashPolicy {
  recordCrash(nowMs: number): CrashDecision;
}

export function createCrashPolicy(options: CrashPolicyOptions = {}): CrashPolicy {
  const { baseDelayMs = 1_000, maxDelayMs = 30_000, maxCrashes = 5, windowMs = 10 * 60_000 } = options;
  const { giveUpRetryMs = windowMs } = options;
  let crashes: number[] = [];
  return {
    recordCrash(nowMs) {
      crashes = [...crashes.filter((t) => nowMs - t < windowMs), nowMs];
      const n = crashes.length;
      if (n >= maxCrashes) {
        crashes = []; // the retry after the pause starts a fresh count
        return { action: 'give-up', retryAfterMs: giveUpRetryMs, crashesInWindow: n };
      }
      return { action: 'reload', delayMs: backoffDelay(n, baseDelayMs, maxDelayMs), crashesInWindow: n };
    },
  };
}

/** Delay before the next attempt to load the hub after `attempt` failed loads in a row (never gives up). */
export function offlineRetryDelay(attempt: number): number {
  return backoffDelay(attempt, 2_000, 30_000);
}

/** Chromium's net::ERR_ABORTED: a load replaced by another one, not a failure. */
const ERR_ABORTED = -3;

/** Does this load result mean the hub is unreachable (show the offline page and retry)? */
export function isHubUnreachable(load: {
  isMainFrame: boolean;
  errorCode?: number;
  httpStatus?: number;
}): boolean {
  if (!load.isMainFrame) return false;
  if (load.errorCode !== undefined) return load.errorCode !== ERR_ABORTED && load.errorCode < 0;
  return load.httpStatus !== undefined && load.httpStatus >= 500;
}

/** How long a hung page may stay unresponsive before its renderer is crashed (then reloaded as a crash). */
export const UNRESPONSIVE_GRACE_MS = 15_000;
