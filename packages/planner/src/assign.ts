/**
 * Who sits where: officers to services for one interval, covering as much of each service's need
 * as their skills allow, opening no counter that is not needed.
 *
 * Each counter a service needs is a unit to be matched to an officer who can serve it: a bipartite
 * matching with demands. Units are matched one at a time, **the most valuable first** (the
 * service whose next counter helps most: `worth`), each by an augmenting path — an officer still
 * free, or one who moves over while another takes their place. Matching in order of worth is
 * the greedy algorithm on a matroid (the sets of units that can be matched together form one), so
 * it ends with as many units matched as any assignment can have (tested against brute force) and,
 * among those, the most valuable ones.
 *
 * Why not "the most constrained first": an officer who can do everything may be spent on a service
 * another officer could have taken; augmenting paths move them. Why worth: when officers are short,
 * every assignment covers the same number of counters, but a third counter for a line that
 * overflows helps more than a second for one that keeps up.
 *
 * Officers stay on the service they had in the interval before (`previous`) when it covers as much:
 * the search tries those edges first.
 */

export interface OfficerSkills {
  id: string;
  /** Service prefixes the officer can receive. */
  services: readonly string[];
}

/** officer id → service prefix, for the officers who open a counter; the rest stay free. */
export type Assignment = Record<string, string>;

export function assign(
  need: Readonly<Record<string, number>>,
  officers: readonly OfficerSkills[],
  /** Counters that can open (the level closes some): no more officers are placed than this. */
  counters = Infinity,
  /** The interval before's assignment: officers are kept on the same service when it covers as much. */
  previous: Assignment = {},
  /** What the k-th counter (k ≥ 1) of a service is worth; by default the need still open. */
  worth: (service: string, k: number) => number = (s, k) => (need[s] ?? 0) - k + 1,
): Assignment {
  const services = Object.keys(need).filter((s) => (need[s] ?? 0) > 0);
  // Who can serve what, the officer's previous service first: the search meets it first.
  const able = new Map(
    services.map((s) => [
      s,
      officers
        .filter((o) => o.services.includes(s))
        .sort((a, b) => Number(previous[b.id] === s) - Number(previous[a.id] === s)),
    ]),
  );
  const at = new Map<string, string>(); // officer id → service
  const count = new Map<string, number>(services.map((s) => [s, 0]));
  const blocked = new Set<string>();
  let placed = 0;

  while (placed < counters) {
    // The open service whose next counter is worth most (ties: the order of `need`).
    let best: string | null = null;
    let bestWorth = -Infinity;
    for (const s of services) {
      const k = count.get(s)!;
      if (blocked.has(s) || k >= need[s]!) continue;
      const w = worth(s, k + 1);
      if (w > bestWorth) {
        best = s;
        bestWorth = w;
      }
    }
    if (best === null) break;
    if (augment(best)) {
      count.set(best, count.get(best)! + 1);
      placed++;
    } else blocked.add(best); // nobody can be found for it now, nor later (matched sets only grow)
  }

  /**
   * Breadth-first from the service to a free officer, through officers who can move to another
   * service while someone else takes their place: the shortest such chain, then everyone on it moves.
   */
  function augment(from: string): boolean {
    const cameFrom = new Map<string, string>(); // officer id → the service whose search reached them
    const reachedVia = new Map<string, string>(); // service → the officer on it through whom it was reached
    const queue = [from];
    reachedVia.set(from, '');
    while (queue.length > 0) {
      const s = queue.shift()!;
      for (const o of able.get(s)!) {
        if (cameFrom.has(o.id) || at.get(o.id) === s) continue;
        cameFrom.set(o.id, s);
        const now = at.get(o.id);
        if (now === undefined) {
          // A free officer takes `s`; whoever `s` was reached through moves on, back to `from`.
          let officer: string | undefined = o.id;
          while (officer) {
            const to: string = cameFrom.get(officer)!;
            at.set(officer, to);
            officer = to === from ? undefined : reachedVia.get(to);
          }
          return true;
        }
        if (!reachedVia.has(now)) {
          reachedVia.set(now, o.id);
          queue.push(now);
        }
      }
    }
    return false;
  }

  return Object.fromEntries([...at].sort(([a], [b]) => a.localeCompare(b)));
}

/** Counters each service gets from an assignment. */
export function staffed(assignment: Assignment): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of Object.values(assignment)) out[s] = (out[s] ?? 0) + 1;
  return out;
}
