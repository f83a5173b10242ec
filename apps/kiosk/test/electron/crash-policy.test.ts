import { describe, expect, it } from 'vitest';
import {
  backoffDelay,
  createCrashPolicy,
  isHubUnreachable,
  offlineRetryDelay,
} from '../../electron/crash-policy';

describe('backoffDelay', () => {
  it('doubles from the base and stops at the maximum', () => {
    expect([1, 2, 3, 4, 5, 6].map((n) => backoffDelay(n, 1000, 10_000))).toEqual([
      1000, 2000, 4000, 8000, 10_000, 10_000,
    ]);
  });
  it('treats nonsense attempts as the first and never overflows', () => {
    expect(backoffDelay(0, 1000, 10_000)).toBe(1000);
    expect(backoffDelay(-5, 1000, 10_000)).toBe(1000);
    expect(backoffDelay(10_000, 1000, 10_000)).toBe(10_000);
  });
  it('retries the hub from 2 s up to 30 s, forever', () => {
    expect(offlineRetryDelay(1)).toBe(2000);
    expect(offlineRetryDelay(100)).toBe(30_000);
  });
});

describe('crash policy', () => {
  const opts = {
    baseDelayMs: 1000,
    maxDelayMs: 8000,
    maxCrashes: 4,
    windowMs: 60_000,
    giveUpRetryMs: 300_000,
  };

  it('reloads with growing delays, then gives up on the Nth crash within the window', () => {
    const policy = createCrashPolicy(opts);
    expect(policy.recordCrash(0)).toEqual({ action: 'reload', delayMs: 1000, crashesInWindow: 1 });
    expect(policy.recordCrash(5_000)).toEqual({ action: 'reload', delayMs: 2000, crashesInWindow: 2 });
    expect(policy.recordCrash(10_000)).toEqual({ action: 'reload', delayMs: 4000, crashesInWindow: 3 });
    expect(policy.recordCrash(15_000)).toEqual({
      action: 'give-up',
      retryAfterMs: 300_000,
      crashesInWindow: 4,
    });
  });

  it('forgets crashes older than the window', () => {
    const policy = createCrashPolicy(opts);
    policy.recordCrash(0);
    policy.recordCrash(1000);
    policy.recordCrash(2000);
    expect(policy.recordCrash(61_500)).toMatchObject({ action: 'reload', crashesInWindow: 2 });
  });

  it('starts a fresh count after giving up, so the kiosk recovers by itself', () => {
    const policy = createCrashPolicy(opts);
    for (const t of [0, 1, 2, 3]) policy.recordCrash(t);
    expect(policy.recordCrash(300_010)).toEqual({ action: 'reload', delayMs: 1000, crashesInWindow: 1 });
  });

  it('has sane defaults', () => {
    const policy = createCrashPolicy();
    const decisions = [0, 1, 2, 3, 4].map((i) => policy.recordCrash(i * 1000));
    expect(decisions.map((d) => d.action)).toEqual(['reload', 'reload', 'reload', 'reload', 'give-up']);
  });
});

describe('isHubUnreachable', () => {
  it('shows the offline page for network errors of the main frame', () => {
    expect(isHubUnreachable({ isMainFrame: true, errorCode: -102 })).toBe(true); // CONNECTION_REFUSED
    expect(isHubUnreachable({ isMainFrame: true, errorCode: -105 })).toBe(true); // NAME_NOT_RESOLVED
    expect(isHubUnreachable({ isMainFrame: true, errorCode: -7 })).toBe(true); // TIMED_OUT
  });
  it('ignores aborted loads and sub-frames', () => {
    expect(isHubUnreachable({ isMainFrame: true, errorCode: -3 })).toBe(false);
    expect(isHubUnreachable({ isMainFrame: false, errorCode: -102 })).toBe(false);
  });
  it('treats 5xx from the hub as unreachable, but not other statuses', () => {
    expect(isHubUnreachable({ isMainFrame: true, httpStatus: 502 })).toBe(true);
    expect(isHubUnreachable({ isMainFrame: true, httpStatus: 503 })).toBe(true);
    expect(isHubUnreachable({ isMainFrame: true, httpStatus: 200 })).toBe(false);
    expect(isHubUnreachable({ isMainFrame: true, httpStatus: 404 })).toBe(false);
    expect(isHubUnreachable({ isMainFrame: true, httpStatus: -1 })).toBe(false);
  });
});
