/**
 * Recovery policy for the kiosk page: reload with backoff after the renderer dies; after too many deaths in a
 * window of time, show the error page and try again after a long pause. Pure: the clock is passed in.
 */
/** Exponential backoff: attempt 1 waits `baseMs`, then ×2 each time, never more than `maxMs`. */
export declare function backoffDelay(attempt: number, baseMs: number, maxMs: number): number;
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
  | {
      action: 'reload';
      delayMs: number;
      crashesInWindow: number;
    }
  | {
      action: 'give-up';
      retryAfterMs: number;
      crashesInWindow: number;
    };
export interface CrashPolicy {
  recordCrash(nowMs: number): CrashDecision;
}
export declare function createCrashPolicy(options?: CrashPolicyOptions): CrashPolicy;
/** Delay before the next attempt to load the hub after `attempt` failed loads in a row (never gives up). */
export declare function offlineRetryDelay(attempt: number): number;
/** Does this load result mean the hub is unreachable (show the offline page and retry)? */
export declare function isHubUnreachable(load: {
  isMainFrame: boolean;
  errorCode?: number;
  httpStatus?: number;
}): boolean;
/** How long a hung page may stay unresponsive before its renderer is crashed (then reloaded as a crash). */
export declare const UNRESPONSIVE_GRACE_MS = 15000;
