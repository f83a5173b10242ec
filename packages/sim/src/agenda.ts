/**
 * What is due when: a binary min-heap on (time, insertion order), so that two things due at the
 * same millisecond always come out in the order they were planned and a run is repeatable.
 */
export class Agenda<T> {
  private readonly heap: Array<Due<T>> = [];
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
    const node: Due<T> = { at, order: this.order++, item };
    // Sift up by moving parents down into the hole, then drop the node in once (no swaps).
    let i = h.length;
    h.push(node);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = h[parent]!;
      if (!before(node, p)) break;
      h[i] = p;
      i = parent;
    }
    h[i] = node;
  }

  /** The next item, with its time; the node is the heap's own (read it, do not keep it). */
  pop(): Due<T> | undefined {
    const h = this.heap;
    const top = h[0];
    if (!top) return undefined;
    const last = h.pop()!;
    const n = h.length;
    if (n > 0) {
      // Sift the last node down from the root, moving the smaller child up into the hole.
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const r = l + 1;
        const m = r < n && before(h[r]!, h[l]!) ? r : l;
        if (!before(h[m]!, last)) break;
        h[i] = h[m]!;
        i = m;
      }
      h[i] = last;
    }
    return top;
  }
}

interface Due<T> {
  at: number;
  order: number;
  item: T;
}

function before<T>(x: Due<T>, y: Due<T>): boolean {
  return x.at < y.at || (x.at === y.at && x.order < y.order);
}
