/**
 * Who sits where: officers to services for one interval, covering as much of each service's need
 * as their skills allow, opening no counter that is not needed.
 *
 * It is a bipartite matching with demands, solved exactly as a maximum flow (source → service with
 * capacity "counters needed", service → officer when the officer can serve it, officer → sink with
 * capacity 1). A greedy "most constrained first" is simpler but not always optimal (an officer who
 * can do everything may be spent on a service another officer could have taken); the flow is, and
 * at office sizes (tens of officers, a score of services) it is instant. Tested against brute force.
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
): Assignment {
  const services = Object.keys(need).filter((s) => (need[s] ?? 0) > 0);
  // Nodes: 0 source, 1..S services, S+1..S+O officers, S+O+1 sink, S+O+2 the hall's counters
  // (source → counters → services, so the flow never seats more officers than there are desks).
  const S = services.length;
  const O = officers.length;
  const sink = S + O + 1;
  const desks = S + O + 2;
  const cap = new Map<string, number>();
  const adj: number[][] = Array.from({ length: desks + 1 }, () => []);
  const edge = (u: number, v: number, c: number) => {
    cap.set(`${u}>${v}`, (cap.get(`${u}>${v}`) ?? 0) + c);
    if (!cap.has(`${v}>${u}`)) cap.set(`${v}>${u}`, 0);
    adj[u]!.push(v);
    adj[v]!.push(u);
  };
  edge(0, desks, Math.min(counters, O));
  services.forEach((s, i) => edge(desks, 1 + i, need[s]!));
  officers.forEach((o, j) => {
    services.forEach((s, i) => {
      if (o.services.includes(s)) edge(1 + i, 1 + S + j, 1);
    });
    edge(1 + S + j, sink, 1);
  });
  // Edmonds–Karp: shortest augmenting paths, one unit at a time (every path carries 1 here).
  for (;;) {
    const prev = new Array<number>(desks + 1).fill(-1);
    prev[0] = 0;
    const queue = [0];
    while (queue.length > 0 && prev[sink] === -1) {
      const u = queue.shift()!;
      for (const v of adj[u]!) {
        if (prev[v] === -1 && (cap.get(`${u}>${v}`) ?? 0) > 0) {
          prev[v] = u;
          queue.push(v);
        }
      }
    }
    if (prev[sink] === -1) break;
    for (let v = sink; v !== 0; v = prev[v]!) {
      const u = prev[v]!;
      cap.set(`${u}>${v}`, cap.get(`${u}>${v}`)! - 1);
      cap.set(`${v}>${u}`, cap.get(`${v}>${u}`)! + 1);
    }
  }
  const out: Assignment = {};
  officers.forEach((o, j) => {
    services.forEach((s, i) => {
      // Flow on service → officer shows as capacity on the way back.
      if (o.services.includes(s) && (cap.get(`${1 + S + j}>${1 + i}`) ?? 0) > 0) out[o.id] = s;
    });
  });
  return out;
}

/** Counters each service gets from an assignment. */
export function staffed(assignment: Assignment): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of Object.values(assignment)) out[s] = (out[s] ?? 0) + 1;
  return out;
}
