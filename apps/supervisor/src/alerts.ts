import {
  alertThresholds,
  capacity,
  counterAvailable,
  counterClosure,
  counterServices,
  counterStaffed,
  countersServing,
  IN_HALL,
  occupancy,
  servicesWithoutCounter,
  type AlertConfig,
  type DayState,
  type OfficeConfig,
  type Ticket,
} from '@luot/core';
import type { DevicePresence, PrinterState } from '@luot/protocol';

/**
 * The console's alerts, worked out from the day alone (plus device presence and the hub's time):
 * no memory between two renders, so a reload, a second console and the hub's acknowledgements all
 * agree on the same keys. An alert disappears as soon as its cause is gone.
 *
 * Each alert's `key` is kind + subject + since: while the cause lasts the key stays the same (an
 * acknowledgement holds); a new occurrence starts at another time and is a new, unacknowledged alert.
 */
export type AlertKind =
  | 'wait' // a citizen waits longer than the target
  | 'idle' // a counter calls nobody while its services have people waiting
  | 'noCounter' // a service has people waiting and no counter calling for it
  | 'printer' // a kiosk's printer reports a fault
  | 'offline' // a device has been offline longer than the threshold
  | 'hallFull' // a zone holds as many people as the level allows
  | 'dissatisfied'; // N lowest ratings in a row at one counter

export interface Alert {
  key: string;
  kind: AlertKind;
  /** What it is about: a service prefix, a counter number, a device id or a zone id. */
  subject: string;
  /** Hub time (epoch ms) the cause began. */
  since: number;
  /** Figures for the sentence that describes it (minutes, counts, a fault code…). */
  detail: Record<string, string | number>;
  /** Who acknowledged it and when (state.acks), or null. */
  ack: { officerId: string; at: number } | null;
}

/** What the alerts read: the shape of the protocol's Snapshot, so tests can pass a core Day's. */
export interface AlertInput {
  config: OfficeConfig;
  state: DayState;
  printers: Record<string, PrinterState>;
}

const MINUTE = 60_000;

/** The lowest score of every rating scale: "Không hài lòng" (3 and 4 levels), its strongest form on 5. */
export const LOWEST_SCORE = 1;

/** Severity order on screen: what stops citizens being served first. */
const ORDER: Record<AlertKind, number> = {
  noCounter: 0,
  printer: 1,
  wait: 2,
  hallFull: 3,
  idle: 4,
  offline: 5,
  dissatisfied: 6,
};

export function alertKey(kind: AlertKind, subject: string, since: number): string {
  return `${kind}:${subject}:${since}`;
}

export function computeAlerts(
  day: AlertInput,
  presence: readonly DevicePresence[] | null,
  now: number,
  thresholds: Required<AlertConfig> = alertThresholds(day.config),
): Alert[] {
  const { state } = day;
  const found: Array<Omit<Alert, 'key' | 'ack'>> = [
    ...waitAlerts(state, now, thresholds.waitMinutes),
    ...idleAlerts(day, now, thresholds.idleCounterMinutes),
    ...noCounterAlerts(day),
    ...printerAlerts(day.printers),
    ...offlineAlerts(day, presence ?? [], now, thresholds.deviceOfflineMinutes),
    ...hallAlerts(day),
    ...dissatisfiedAlerts(state, thresholds.dissatisfiedInRow),
  ];
  return found
    .map((a) => {
      const key = alertKey(a.kind, a.subject, a.since);
      return { ...a, key, ack: state.acks[key] ?? null };
    })
    .sort((a, b) => ORDER[a.kind] - ORDER[b.kind] || a.since - b.since || a.subject.localeCompare(b.subject));
}

/** Tickets still in a line, inside or outside the hall. */
function queued(state: DayState): Ticket[] {
  return Object.values(state.tickets).filter((t) => t.status === 'waiting' || t.status === 'outside');
}

/**
 * Per service: the longest-waiting citizen has waited past the target. Since: the moment they
 * passed it. When they are called and the next one is also over, that is a new alert (another
 * citizen), which keeps "since" true to the person it is about.
 */
function waitAlerts(state: DayState, now: number, minutes: number) {
  const oldest = new Map<string, Ticket>();
  for (const t of queued(state)) {
    const o = oldest.get(t.service);
    if (!o || t.issuedAt < o.issuedAt) oldest.set(t.service, t);
  }
  return [...oldest.values()].flatMap((t) => {
    const since = t.issuedAt + minutes * MINUTE;
    if (now < since) return [];
    const waiting = queued(state).filter(
      (q) => q.service === t.service && q.issuedAt + minutes * MINUTE <= now,
    );
    return [
      {
        kind: 'wait' as const,
        subject: t.service,
        since,
        detail: { number: t.number, minutes: Math.floor((now - t.issuedAt) / MINUTE), over: waiting.length },
      },
    ];
  });
}

/**
 * A counter signed in, open, holding nobody, while citizens in the hall wait for one of its services
 * (or were sent to it). Idle since its last action or the first of those citizens' arrival,
 * whichever is later: a counter free for an hour is not idle "for an hour" when somebody came a
 * minute ago.
 */
function idleAlerts(day: AlertInput, now: number, minutes: number) {
  const { config, state } = day;
  return Object.values(state.counters).flatMap((c) => {
    if (c.status !== 'open' || !c.officer || c.current !== null) return [];
    if (!counterAvailable(config, state, c.number)) return [];
    const services = new Set(counterServices(config, state, c.number));
    const mine = Object.values(state.tickets).filter(
      (t) =>
        t.status === 'waiting' &&
        (t.targetCounter === c.number || (t.targetCounter === null && services.has(t.service))),
    );
    if (mine.length === 0) return [];
    const firstArrival = Math.min(...mine.map((t) => t.admittedAt ?? t.issuedAt));
    const since = Math.max(c.lastActionAt ?? 0, firstArrival);
    if (now - since < minutes * MINUTE) return [];
    return [
      {
        kind: 'idle' as const,
        subject: String(c.number),
        since,
        detail: { counter: c.number, waiting: mine.length, minutes: Math.floor((now - since) / MINUTE) },
      },
    ];
  });
}

/**
 * A service whose waiting citizens no counter calls any more (the core's `servicesWithoutCounter`).
 * Since: the last action of its counters (a pause, a sign-out), the best the day tells of when the
 * last one stopped.
 */
function noCounterAlerts(day: AlertInput) {
  const { config, state } = day;
  const lost = servicesWithoutCounter(config, state).map(({ service, waiting }) => {
    const own = config.counters.filter(
      (c) => c.services.includes(service) || counterServices(config, state, c.number).includes(service),
    );
    const since = Math.max(0, ...own.map((c) => state.counters[c.number]?.lastActionAt ?? 0));
    return { kind: 'noCounter' as const, subject: service, since, detail: { service, waiting } };
  });
  return [...lost, ...neverOpenedAlerts(day, new Set(lost.map((a) => a.subject)))];
}

/**
 * A service people wait for whose counters nobody has opened today (the core's "lost its counter"
 * needs a counter that called it earlier): the head must send someone. Since: the oldest waiting
 * ticket's issue, which stays while nobody calls.
 */
function neverOpenedAlerts(day: AlertInput, lost: Set<string>) {
  const { config, state } = day;
  return config.services.flatMap((svc) => {
    const service = svc.prefix;
    const waiting = state.lines.queued[service] ?? 0;
    if (waiting === 0 || lost.has(service)) return [];
    if (countersServing(config, state, service).some((c) => counterStaffed(config, state, c.number)))
      return [];
    const heads = [
      ...Object.values(state.lines.waiting[service] ?? { priority: [], normal: [] }).flat(),
      ...Object.values(state.lines.outside).flatMap((l) => [...l.priority, ...l.normal]),
    ]
      .map((id) => state.tickets[id])
      .filter((t) => t?.service === service);
    const since = Math.min(...heads.map((t) => t!.issuedAt));
    return [
      {
        kind: 'noCounter' as const,
        subject: service,
        since: Number.isFinite(since) ? since : 0,
        detail: { service, waiting, neverOpened: 1 },
      },
    ];
  });
}

/** A printer that reported a fault; since: its report (the hub records a state only when it changes). */
function printerAlerts(printers: Record<string, PrinterState>) {
  return Object.values(printers).flatMap((p) =>
    p.ok
      ? []
      : [
          {
            kind: 'printer' as const,
            subject: p.device,
            since: p.at,
            detail: { device: p.device, fault: p.fault ?? 'unknown' },
          },
        ],
  );
}

/**
 * A device offline longer than the threshold. Not other supervisor devices (a console closed is no
 * fault); a counter's terminal or rating screen only while its counter is in use (an officer signed
 * in, not closed for the day): before opening time every unused counter's PC is off, which the
 * devices table shows without sixteen alerts.
 */
function offlineAlerts(day: AlertInput, presence: readonly DevicePresence[], now: number, minutes: number) {
  return presence.flatMap((d) => {
    if (d.online || d.role === 'supervisor' || now - d.since < minutes * MINUTE) return [];
    if (d.counter !== null) {
      const inUse =
        day.state.counters[d.counter]?.officer && counterClosure(day.config, day.state, d.counter) === null;
      if (!inUse) return [];
    }
    return [
      {
        kind: 'offline' as const,
        subject: d.id,
        since: d.since,
        detail: { device: d.id, name: d.name, role: d.role },
      },
    ];
  });
}

/**
 * A zone at or over the level's capacity. Since: when the last person now inside came in (the
 * day keeps no "full since"); someone leaving and the next coming in is a new occurrence.
 */
function hallAlerts(day: AlertInput) {
  const { config, state } = day;
  return config.zones.flatMap((z) => {
    const inside = occupancy(state, z.id);
    const cap = capacity(config, state, z.id);
    if (inside < cap) return [];
    const inHall = Object.values(state.tickets).filter((t) => t.zone === z.id && IN_HALL.has(t.status));
    const since = Math.max(0, ...inHall.map((t) => t.admittedAt ?? t.issuedAt));
    return [{ kind: 'hallFull' as const, subject: z.id, since, detail: { inside, capacity: cap } }];
  });
}

/**
 * N lowest ratings in a row at one counter: the counter's rated visits in order of their end (a
 * citizen who declined to rate does not break or count); since: the end of the first visit of the
 * run, so the alert keeps its key while the run grows.
 */
function dissatisfiedAlerts(state: DayState, inRow: number) {
  const byCounter = new Map<number, Ticket[]>();
  for (const t of Object.values(state.tickets)) {
    if (t.status !== 'done' || t.counter === null || t.finishedAt === null) continue;
    if (t.rating === null || t.rating === undefined) continue;
    byCounter.set(t.counter, [...(byCounter.get(t.counter) ?? []), t]);
  }
  return [...byCounter.entries()].flatMap(([counter, rated]) => {
    rated.sort((a, b) => a.finishedAt! - b.finishedAt! || a.order - b.order);
    let run = 0;
    while (run < rated.length && rated[rated.length - 1 - run]!.rating === LOWEST_SCORE) run++;
    if (run < inRow) return [];
    const first = rated[rated.length - run]!;
    return [
      {
        kind: 'dissatisfied' as const,
        subject: String(counter),
        since: first.finishedAt!,
        detail: { counter, count: run },
      },
    ];
  });
}
