import type { Minutes } from '@luot/protocol';

const MINUTE = 60_000;

/** Round for people: minutes to one decimal, shares (0…1) to four. */
export const round1 = (v: number) => Math.round(v * 10) / 10;
export const round4 = (v: number) => Math.round(v * 10_000) / 10_000;

/**
 * Durations in milliseconds, appended one at a time into a typed array that doubles when full: a
 * year's waits are 200,000 numbers in each of six groupings, kept without a JavaScript array's
 * per-element cost or a copy before the percentiles.
 */
export class Durations {
  private buffer = new Float64Array(64);
  length = 0;
  sum = 0;

  push(ms: number): void {
    if (this.length === this.buffer.length) {
      const bigger = new Float64Array(this.buffer.length * 2);
      bigger.set(this.buffer);
      this.buffer = bigger;
    }
    this.buffer[this.length++] = ms;
    this.sum += ms;
  }

  /** Every value of `other` too, copied at once (a group made of smaller groups). */
  append(other: Durations): void {
    let size = this.buffer.length;
    while (size < this.length + other.length) size *= 2;
    if (size !== this.buffer.length) {
      const bigger = new Float64Array(size);
      bigger.set(this.values());
      this.buffer = bigger;
    }
    this.buffer.set(other.values(), this.length);
    this.length += other.length;
    this.sum += other.sum;
  }

  /** The values, in an order the percentiles may change. */
  values(): Float64Array {
    return this.buffer.subarray(0, this.length);
  }
}

/**
 * Rearrange a[lo…hi] so that a[k] is the value a sort would put there, with values ≤ it before and
 * ≥ it after (Hoare's quickselect): the middle of 200,000 waits in linear time, where sorting them
 * took several times longer.
 */
function select(a: Float64Array, k: number, lo: number, hi: number): number {
  while (lo < hi) {
    const pivot = a[(lo + hi) >> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i++] = a[j]!;
        a[j--] = t;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  return a[k]!;
}

/**
 * Percentiles `ps` (0…1, ascending) of `a`, each interpolated between the two nearest ranks (as
 * Excel's PERCENTILE.INC and numpy's default do): the median of 4, 6 is 5; the p90 of 1…10 is 9.1.
 * Reorders `a`; each selection starts where the previous one left the array partitioned.
 */
export function percentiles(a: Float64Array, ps: number[]): number[] {
  let lo = 0;
  return ps.map((p) => {
    const at = (a.length - 1) * p;
    const k = Math.floor(at);
    const low = select(a, k, lo, a.length - 1);
    lo = k;
    if (k === at) return low;
    // Everything past k is ≥ a[k] now: the next rank is the least of them.
    const next = select(a, k + 1, k + 1, a.length - 1);
    return low + (next - low) * (at - k);
  });
}

/** Mean, median and p90 of durations, in minutes rounded to one decimal. */
export function minutes(d: Durations): Minutes {
  if (d.length === 0) return { count: 0, mean: null, median: null, p90: null };
  const [median, p90] = percentiles(d.values(), [0.5, 0.9]) as [number, number];
  return {
    count: d.length,
    mean: round1(d.sum / d.length / MINUTE),
    median: round1(median / MINUTE),
    p90: round1(p90 / MINUTE),
  };
}
