import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import type { JumpableRandomGenerator } from 'pure-rand/types/JumpableRandomGenerator';

/**
 * Seeded randomness (pure-rand's xoroshiro128+): the same seed draws the same numbers on every
 * machine. `split()` gives an independent stream, so that one part of the day (a counter's pace)
 * does not shift the draws of another (the citizens) when it draws more or fewer numbers.
 */
export class Random {
  private spare: number | null = null;

  private constructor(private readonly rng: JumpableRandomGenerator) {}

  static seeded(seed: number): Random {
    return new Random(xoroshiro128plusFromState(spread(seed)));
  }

  /** A stream of its own: this one's next 2^64 draws; this one jumps past them. */
  split(): Random {
    const child = this.rng.clone();
    this.rng.jump();
    return new Random(child);
  }

  /** Uniform in [0, 1). */
  float(): number {
    return uniformFloat64(this.rng);
  }

  chance(p: number): boolean {
    return this.float() < p;
  }

  /** Uniform in [lo, hi). */
  between(lo: number, hi: number): number {
    return lo + this.float() * (hi - lo);
  }

  /** Standard normal (Box–Muller; the second value of a pair is kept for the next call). */
  normal(): number {
    if (this.spare !== null) {
      const z = this.spare;
      this.spare = null;
      return z;
    }
    const u = 1 - this.float(); // (0, 1]: log(0) is not a number
    const r = Math.sqrt(-2 * Math.log(u));
    const theta = 2 * Math.PI * this.float();
    this.spare = r * Math.sin(theta);
    return r * Math.cos(theta);
  }

  /** A Poisson count with this mean (a normal approximation above 50, where it is close enough). */
  poisson(mean: number): number {
    if (mean <= 0) return 0;
    if (mean > 50) return Math.max(0, Math.round(mean + Math.sqrt(mean) * this.normal()));
    const limit = Math.exp(-mean);
    let n = 0;
    for (let p = this.float(); p > limit; p *= this.float()) n++;
    return n;
  }

  /** One of the items, with probability proportional to its weight. */
  pick<T>(items: ReadonlyArray<readonly [T, number]>): T {
    // Indexed loops: a day draws a few thousand picks, and destructuring each pair is slower.
    let total = 0;
    for (let i = 0; i < items.length; i++) total += items[i]![1];
    let r = this.float() * total;
    for (let i = 0; i < items.length; i++) if ((r -= items[i]![1]) < 0) return items[i]![0];
    return items[items.length - 1]![0];
  }
}

/**
 * The generator's four state words from a seed, by splitmix32. xoroshiro's own seeding puts a small
 * seed (1, 2, 3…) into the state almost as it is, and the first draws of such seeds are then nearly
 * alike (the first uniform close to 1 for every one of them).
 */
function spread(seed: number): number[] {
  let s = seed | 0;
  const next = () => {
    s = (s + 0x9e3779b9) | 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) | 0;
  };
  return [next(), next(), next(), next()];
}
