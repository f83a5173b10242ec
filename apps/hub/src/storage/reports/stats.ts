import type { Minutes } from '@luot/protocol';

const MINUTE = 60_000;

/** Round for people: minutes to one decimal, shares (0…1) to four. */
export const round1 = (v: number) => Math.round(v * 10) / 10;
export const round4 = (v: number) => Math.round(v * 10_000) / 10_000;

/**
 * Rearrange `a` so that a[k] is the value a sort would put there, smaller or equal values before
 * it and greater or equal after (Hoare's quickselect): the middle of 200,000 waits in linear time,
 * where sorting them took several times longer.
 */
function select(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
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
 * The value below which `p` (0…1) of the values lie, interpolating between the two nearest ranks
 * (as Excel's PERCENTILE.INC and numpy's default do): the median of 4, 6 is 5; the p90 of 1…10 is
 * 9.1. Reorders `a`.
 */
export function percentile(a: Float64Array, p: number): number {
  const at = (a.length - 1) * p;
  const k = Math.floor(at);
  const low = select(a, k);
  if (k === at) return low;
  // After the selection everything past k is ≥ a[k]: the next rank is the least of them.
  let next = Infinity;
  for (let i = k + 1; i < a.length; i++) if (a[i]! < next) next = a[i]!;
  return low + (next - low) * (at - k);
}

/** Mean, median and p90 of durations given in milliseconds, in minutes rounded to one decimal. */
export function minutes(durations: number[]): Minutes {
  if (durations.length === 0) return { count: 0, mean: null, median: null, p90: null };
  const a = Float64Array.from(durations);
  let sum = 0;
  for (const d of a) sum += d;
  return {
    count: a.length,
    mean: round1(sum / a.length / MINUTE),
    median: round1(percentile(a, 0.5) / MINUTE),
    p90: round1(percentile(a, 0.9) / MINUTE),
  };
}
