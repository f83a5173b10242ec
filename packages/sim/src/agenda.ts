/**
 * What is due when: a binary min-heap on (time, insertion order), so that two things due at the
 * same millisecond always come out in the order they were planned and a run is repeatable.
 */
export class Agenda<T> {
  private readonly heap: Array<{ at: number; order: number; item: T }> = [];
  private order = 0;

  get size(): number {
    return this.heap.length;
  }

  /** The time of the next item, or Infinity. */
  peekAt(): number {
    return this.heap[0]?.at ?? Infinity;
  }

  push(at: number, item: T): void {
    const h = this.heap;
    h.push({ at, order: this.order++, item });
    for (let i = h.length - 1; i > 0;) {
      const parent = (i - 1) >> 1;
      if (!this.before(i, parent)) break;
      [h[i], h[parent]] = [h[parent]!, h[i]!];
      i = parent;
    }
  }

  pop(): { at: number; item: T } | undefined {
    const h = this.heap;
    const top = h[0];
    if (!top) return undefined;
    const last = h.pop()!;
    if (h.length > 0) {
      h[0] = last;
      for (let i = 0; ;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && this.before(l, m)) m = l;
        if (r < h.length && this.before(r, m)) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m]!, h[i]!];
        i = m;
      }
    }
    return { at: top.at, item: top.item };
  }

  private before(a: number, b: number): boolean {
    const x = this.heap[a]!;
    const y = this.heap[b]!;
    return x.at < y.at || (x.at === y.at && x.order < y.order);
  }
}
