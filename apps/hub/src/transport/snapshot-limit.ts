/**
 * How many whole-day snapshots each device may have: a token bucket per device id (not per socket,
 * so a device cannot get around it by opening more connections), holding `burst` tokens and
 * gaining one every `intervalMs`.
 *
 * It runs on the machine's monotonic clock, not the hub's day clock: it protects the hub's CPU and
 * network, which live in real time (and a test's fake day clock does not move by itself).
 */
export class SnapshotLimit {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly burst: number,
    private readonly intervalMs: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Take a snapshot for `device`: 0 if it may have one now, else how many ms until it may. */
  take(device: string): number {
    const now = this.now();
    const b = this.buckets.get(device) ?? { tokens: this.burst, at: now };
    b.tokens = Math.min(this.burst, b.tokens + (now - b.at) / this.intervalMs);
    b.at = now;
    this.buckets.set(device, b);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return 0;
    }
    return Math.ceil((1 - b.tokens) * this.intervalMs);
  }
}
