import {
  parseHm,
  type OfficeConfig,
  type Officer,
  type Outcome,
  type QueueCommand,
  type TicketStatus,
} from '@luot/core';
import { Agenda } from './agenda.js';
import { planCitizens, visitMs, type Citizen } from './plan.js';
import { dayProfile, type DayProfile, type ProfileOptions } from './profile.js';
import { Random } from './random.js';
import { isOpenDay, localMidnight, MINUTE } from './time.js';

/** Who carries out an action: the device a live driver sends it from. */
export type Actor =
  | { role: 'kiosk'; kiosk: string }
  | { role: 'counter'; counter: number }
  | { role: 'rating'; counter: number }
  | { role: 'supervisor' };

/** One thing that happens in the day: a queue command, when, and from which device. */
export interface SimAction {
  /** Virtual time, epoch ms. */
  at: number;
  by: Actor;
  command: QueueCommand;
}

/** What the simulator needs to know of a ticket: a core `Ticket` (in memory or from the hub) is one. */
export interface TicketFacts {
  id: string;
  service: string;
  priority: string | null;
  status: TicketStatus;
}

/**
 * How an action went, as the driver reports it: accepted, with the ticket it concerns (issued,
 * called, or still in hand at sign-in), or refused with the queue's (or the hub's) code.
 */
export type Feedback = { ok: true; ticket?: TicketFacts | null } | { ok: false; code: string };

export interface SimOptions {
  seed: number;
  /** The calendar day, YYYY-MM-DD, in the office's time zone. */
  date: string;
  /** Changes to the profile `dayProfile` derives from the office (a whole `DayProfile` is one too). */
  profile?: ProfileOptions;
}

export interface SimStats {
  /** Tickets the kiosks printed. */
  issued: number;
  /** Citizens who got no ticket, by refusal code (outside the sessions, wait past closing…). */
  turnedAway: Record<string, number>;
  /** Every refusal, as "command:CODE" (QUEUE_EMPTY for an idle counter is the usual one). */
  refusals: Record<string, number>;
  /** Tickets the simulation did not issue but called (a person's, or from before a restart). */
  foreign: number;
}

type VisitStep = 'recall' | 'start' | 'noShow' | 'end';

/** A staffed counter as the simulation sees it: what its officer is doing and plans next. */
interface Desk {
  counter: number;
  officer: Officer;
  /** Epoch ms; shift 0 starts the day. */
  shifts: Array<{ start: number; end: number }>;
  shift: number;
  phase: 'before' | 'free' | 'idle' | 'visit' | 'break' | 'gone';
  /** Bumped whenever the desk's plans change: an agenda entry of an older version is void. */
  version: number;
  rng: Random;
  ticket: string | null;
  citizen: Citizen | null;
  /** The ticket's service at this counter (it changes on a transfer). */
  service: string | null;
  steps: VisitStep[];
  /** "Call next" found nobody after the last shift: sign out. */
  done: boolean;
  received: number;
  /** Who carries its actions out (one object for all of them). */
  actor: Actor;
  /** The counter's and the day's part of its dossier codes ("000.00.07.H38-261207-"). */
  dossierPrefix: string;
  retries: number;
}

type Entry =
  | { kind: 'desk'; desk: Desk; version: number }
  | { kind: 'rate'; counter: number; ticketId: string; citizen: Citizen }
  | { kind: 'close' };

type Pending =
  | { kind: 'issue'; citizen: Citizen }
  | { kind: 'desk'; desk: Desk; action: SimAction }
  | { kind: 'rate' }
  | { kind: 'close' };

/**
 * One office day as a step machine: the one place that decides what happens. It holds an agenda in
 * virtual time; `next()` hands out the next action (a ticket at a kiosk, a call, a finish…) and
 * `report()` takes back how it went. A driver carries the actions out — `execute` on an in-memory
 * day (runSync: fast, for tests, history and planning) or a hub command through a client
 * (runLive: the demo, the benchmarks) — and the same seed and answers give the same day.
 *
 * Every decision reads only the reports, never the queue itself, so both drivers decide alike.
 * The citizens are drawn before the day starts (`citizens`); the officers' pace from a stream per
 * counter, so one counter's extra draws do not change another's.
 */
export class DaySimulator {
  readonly profile: DayProfile;
  readonly citizens: readonly Citizen[];
  readonly stats: SimStats = { issued: 0, turnedAway: {}, refusals: {}, foreign: 0 };
  /** Local midnight of the day (epoch ms). */
  readonly midnight: number;

  private readonly agenda = new Agenda<Entry>();
  private readonly desks: Desk[] = [];
  /** Desks by the services they call (counters that take every priority ticket under '*'). */
  private readonly desksFor = new Map<string, Desk[]>();
  private readonly ticketCitizens = new Map<string, Citizen>();
  private readonly sentOn = new Set<Citizen>();
  /** Tickets issued to wait outside and not called yet, by service: someone leaving may let them in. */
  private readonly outside = new Map<string, string>();
  /** Tickets known to wait for each service, inside or outside (issued or sent there, not called yet). */
  private readonly waiting = new Map<string, number>();
  private readonly foreignRng: Random;
  private arrived = 0;
  private ratingsDue = 0;
  private closing = false;
  private pending: Pending | null = null;
  /** The time of the last action handed out: the simulation's clock. */
  private now: number;
  private readonly dayEnd: number;
  private readonly outcomes: ReadonlyArray<readonly [Outcome['kind'], number]>;

  constructor(
    readonly config: OfficeConfig,
    readonly options: SimOptions,
  ) {
    this.profile = dayProfile(config, options.profile);
    this.midnight = localMidnight(options.date, config.sessions.timeZone);
    this.now = this.midnight;
    const open = isOpenDay(config.sessions, options.date);
    const rng = Random.seeded(options.seed);
    // Streams in a fixed order: citizens, then each counter, then tickets from elsewhere.
    const citizenRng = rng.split();
    this.citizens = open ? planCitizens(config, this.profile, citizenRng, this.midnight) : [];
    const at = (hm: string) => this.midnight + parseHm(hm) * MINUTE;
    this.dayEnd = Math.max(this.midnight, ...config.sessions.periods.map((p) => at(p.end)));
    this.outcomes = Object.entries(this.profile.outcomes).map(([k, w]) => [k as Outcome['kind'], w ?? 0]);

    const yymmdd = options.date.slice(2).replaceAll('-', '');
    for (const plan of open ? this.profile.staff : []) {
      const cc = config.counters.find((c) => c.number === plan.counter);
      if (!cc || plan.shifts.length === 0) continue;
      const desk: Desk = {
        counter: plan.counter,
        officer: { id: plan.officer.id, name: plan.officer.name, agency: cc.agency },
        shifts: plan.shifts.map((s) => ({ start: at(s.start), end: at(s.end) })),
        shift: 0,
        phase: 'before',
        version: 0,
        rng: rng.split(),
        ticket: null,
        citizen: null,
        service: null,
        steps: [],
        done: false,
        received: 0,
        actor: { role: 'counter', counter: plan.counter },
        dossierPrefix: `000.00.${String(plan.counter).padStart(2, '0')}.H38-${yymmdd}-`,
        retries: 0,
      };
      this.desks.push(desk);
      for (const s of cc.services) this.desksFor.set(s, [...(this.desksFor.get(s) ?? []), desk]);
      if (cc.servesAllPriority) this.desksFor.set('*', [...(this.desksFor.get('*') ?? []), desk]);
      const early = desk.rng.between(this.profile.pace.early[0], this.profile.pace.early[1]) * MINUTE;
      this.schedule(desk, Math.round(desk.shifts[0]!.start - early));
    }
    this.foreignRng = rng.split();
    this.maybeClose();
  }

  /** The next action, in time order, or null when the day is over. Report on it before asking again. */
  next(): SimAction | null {
    if (this.pending) throw new Error('report() on the last action first');
    const action = this.take();
    if (action) this.now = action.at;
    return action;
  }

  private take(): SimAction | null {
    for (;;) {
      const citizen = this.citizens[this.arrived];
      // Arrivals come first at equal times: a ticket printed at 9:00 can be called at 9:00.
      if (citizen && citizen.at <= this.agenda.peekAt()) {
        this.arrived++;
        this.pending = { kind: 'issue', citizen };
        return {
          at: citizen.at,
          by: { role: 'kiosk', kiosk: citizen.kiosk },
          command: {
            type: 'issue',
            service: citizen.service,
            priority: citizen.priority,
            party: 1 + citizen.companions,
            kioskId: citizen.kiosk,
          },
        };
      }
      const due = this.agenda.pop();
      if (!due) return null;
      const entry = due.item;
      if (entry.kind === 'close') {
        this.pending = { kind: 'close' };
        return { at: due.at, by: { role: 'supervisor' }, command: { type: 'closeDay' } };
      }
      if (entry.kind === 'rate') {
        this.ratingsDue--;
        this.pending = { kind: 'rate' };
        const r = entry.citizen.rating!;
        return {
          at: due.at,
          by: { role: 'rating', counter: entry.counter },
          command: { type: 'rate', ticketId: entry.ticketId, score: r.score, reasons: r.reasons },
        };
      }
      if (entry.version !== entry.desk.version) continue; // plans changed since
      const action = this.deskAction(entry.desk, due.at);
      if (action) {
        this.pending = { kind: 'desk', desk: entry.desk, action };
        return action;
      }
    }
  }

  /** How the last action went. */
  report(feedback: Feedback): void {
    const pending = this.pending;
    if (!pending) throw new Error('no action to report on');
    this.pending = null;
    if (!feedback.ok) {
      const type =
        pending.kind === 'desk'
          ? pending.action.command.type
          : pending.kind === 'close'
            ? 'closeDay'
            : pending.kind;
      const key = `${type}:${feedback.code}`;
      this.stats.refusals[key] = (this.stats.refusals[key] ?? 0) + 1;
    }
    switch (pending.kind) {
      case 'issue':
        this.issued(pending.citizen, feedback);
        break;
      case 'desk':
        this.deskReport(pending.desk, pending.action, feedback);
        break;
      case 'rate':
      case 'close':
        break;
    }
    this.maybeClose();
  }

  /** True once every action has been handed out and reported. */
  get finished(): boolean {
    return !this.pending && this.arrived === this.citizens.length && this.agenda.size === 0;
  }

  private issued(citizen: Citizen, fb: Feedback): void {
    if (!fb.ok) {
      this.stats.turnedAway[fb.code] = (this.stats.turnedAway[fb.code] ?? 0) + 1;
      return;
    }
    this.stats.issued++;
    const ticket = fb.ticket;
    if (!ticket) return;
    this.ticketCitizens.set(ticket.id, citizen);
    this.count(ticket.service, +1);
    // Outside, nobody can call it yet: the counters look up when someone leaves the hall.
    if (ticket.status === 'outside') this.outside.set(ticket.id, ticket.service);
    else this.wakeFor(ticket.service, ticket.priority !== null, citizen.at);
  }

  private count(service: string, change: number): void {
    this.waiting.set(service, Math.max(0, (this.waiting.get(service) ?? 0) + change));
  }

  /** Known to wait inside the hall for the service (those outside cannot be called yet). */
  private waitingInside(service: string): number {
    let outside = 0;
    for (const s of this.outside.values()) if (s === service) outside++;
    return (this.waiting.get(service) ?? 0) - outside;
  }

  /**
   * Someone now waits for this service: one idle counter that calls it looks up and calls. (Waking
   * them all would have all but one find nobody; when that one calls and more wait, it wakes the next.)
   */
  private wakeFor(service: string, priority: boolean, at: number): void {
    const desk = idleDesk(this.desksFor.get(service)) ?? (priority ? idleDesk(this.desksFor.get('*')) : null);
    if (desk) this.wake(desk, at);
  }

  private wake(desk: Desk, at: number): void {
    if (desk.phase !== 'idle') return;
    desk.phase = 'free';
    const notice = this.profile.pace.notice;
    this.schedule(desk, at + Math.round(desk.rng.between(notice[0], notice[1]) * MINUTE));
  }

  /** Someone left the hall: whoever waited outside may be in now. */
  private roomFreed(at: number): void {
    if (this.outside.size === 0) return;
    for (const s of new Set(this.outside.values())) this.wakeFor(s, false, at);
  }

  private schedule(desk: Desk, at: number): void {
    desk.version++;
    this.agenda.push(at, { kind: 'desk', desk, version: desk.version });
  }

  private deskAction(desk: Desk, at: number): SimAction | null {
    const command = this.deskCommand(desk, at);
    return command && { at, by: desk.actor, command };
  }

  /**
   * What the desk does now. (No closure made per action: under tsx, which keeps function names,
   * each one costs a property definition, and a day has thousands of actions.)
   */
  private deskCommand(desk: Desk, at: number): QueueCommand | null {
    const counter = desk.counter;
    switch (desk.phase) {
      case 'before':
        return { type: 'signIn', counter, officer: desk.officer };
      case 'idle':
      case 'free': {
        desk.phase = 'free';
        const shift = desk.shifts[desk.shift]!;
        if (at >= shift.end) {
          if (desk.shift < desk.shifts.length - 1) return { type: 'pause', counter, reason: 'Nghỉ giữa ca' };
          if (desk.done || at >= shift.end + this.profile.pace.overtime * MINUTE)
            return { type: 'signOut', counter, close: false };
        }
        return { type: 'callNext', counter };
      }
      case 'break':
        return { type: 'resume', counter };
      case 'visit': {
        const step = desk.steps[0];
        if (step === 'recall') return { type: 'recall', counter };
        if (step === 'start') return { type: 'startServing', counter };
        if (step === 'noShow') return { type: 'noShow', counter };
        const citizen = desk.citizen!;
        if (this.transfersNow(desk)) {
          return {
            type: 'transfer',
            counter,
            toService: citizen.transferTo,
            toCounter: null,
            note: null,
          };
        }
        return { type: 'finish', counter, outcome: this.outcome(desk, citizen) };
      }
      case 'gone':
        return null;
    }
  }

  /** The citizen is at the first service of two: the officer sends them on. */
  private transfersNow(desk: Desk): boolean {
    const c = desk.citizen!;
    return c.transferTo !== null && !this.sentOn.has(c) && desk.service === c.service;
  }

  private outcome(desk: Desk, citizen: Citizen): Outcome {
    if (citizen.outcome !== 'received') return { kind: citizen.outcome };
    // A dossier code as the office's e-system prints it on the appointment slip.
    const code = `${desk.dossierPrefix}${String(++desk.received).padStart(4, '0')}`;
    return { kind: 'received', dossierCode: code };
  }

  private deskReport(desk: Desk, action: SimAction, fb: Feedback): void {
    const at = action.at;
    const pace = this.profile.pace;
    const type = action.command.type;
    if (!fb.ok) {
      if (type === 'callNext' && fb.code === 'QUEUE_EMPTY') return this.idle(desk, at);
      // Sent on to a service nobody can take today: the officer finishes the visit instead.
      if (type === 'transfer') {
        this.sentOn.add(desk.citizen!);
        return this.schedule(desk, at);
      }
      return this.recover(desk, at);
    }
    desk.retries = 0;
    switch (type) {
      case 'signIn':
        if (fb.ticket) return this.beginVisit(desk, fb.ticket, at, ['end']);
        desk.phase = 'free';
        return this.schedule(desk, at);
      case 'callNext': {
        const ticket = fb.ticket;
        if (!ticket) return this.recover(desk, at);
        this.outside.delete(ticket.id);
        this.count(ticket.service, -1);
        // More wait for the service: an idle neighbour looks up too.
        if (this.waitingInside(ticket.service) > 0) this.wakeFor(ticket.service, false, at);
        const presence = this.citizenOf(ticket).presence;
        const steps: VisitStep[] =
          presence === 'there'
            ? ['start', 'end']
            : presence === 'late'
              ? ['recall', 'start', 'end']
              : ['recall', 'noShow'];
        return this.beginVisit(desk, ticket, at, steps);
      }
      case 'recall':
      case 'startServing': {
        desk.steps.shift();
        const next = desk.steps[0];
        if (next === 'start') return this.schedule(desk, at + between(desk, pace.walk));
        if (next === 'noShow') return this.schedule(desk, at + Math.round(pace.recallAfter * MINUTE));
        // Now serving: the visit takes the citizen's time for this service (part of it before a transfer).
        const c = desk.citizen!;
        const full = visitMs(this.profile, desk.service!, c.pace);
        return this.schedule(
          desk,
          at + (this.transfersNow(desk) ? Math.round(full * pace.transferAfter) : full),
        );
      }
      case 'noShow':
        this.roomFreed(at);
        return this.endVisit(desk, at + between(desk, pace.gap));
      case 'transfer': {
        const c = desk.citizen!;
        this.sentOn.add(c);
        this.count(c.transferTo!, +1);
        this.wakeFor(c.transferTo!, c.priority !== null, at);
        return this.endVisit(desk, at + between(desk, pace.gap));
      }
      case 'finish': {
        const c = desk.citizen!;
        if (c.rating && desk.ticket) {
          this.ratingsDue++;
          this.agenda.push(at + c.rating.afterMs, {
            kind: 'rate',
            counter: desk.counter,
            ticketId: desk.ticket,
            citizen: c,
          });
        }
        this.roomFreed(at);
        return this.endVisit(desk, at + between(desk, pace.gap));
      }
      case 'pause':
        desk.shift++;
        desk.phase = 'break';
        return this.schedule(desk, desk.shifts[desk.shift]!.start);
      case 'resume':
        desk.phase = 'free';
        return this.schedule(desk, at);
      case 'signOut':
        desk.phase = 'gone';
        desk.version++;
        return;
    }
  }

  private beginVisit(desk: Desk, ticket: TicketFacts, at: number, steps: VisitStep[]): void {
    desk.phase = 'visit';
    desk.ticket = ticket.id;
    desk.service = ticket.service;
    desk.citizen = this.citizenOf(ticket);
    desk.steps = steps;
    const pace = this.profile.pace;
    const first = steps[0];
    const delay =
      first === 'recall'
        ? pace.recallAfter * MINUTE
        : first === 'start'
          ? desk.rng.between(pace.walk[0], pace.walk[1]) * MINUTE
          : visitMs(this.profile, ticket.service, desk.citizen.pace); // signed in with a citizen in hand
    this.schedule(desk, at + Math.round(delay));
  }

  private endVisit(desk: Desk, nextCallAt: number): void {
    desk.phase = 'free';
    desk.ticket = null;
    desk.citizen = null;
    desk.service = null;
    desk.steps = [];
    this.schedule(desk, nextCallAt);
  }

  /** Nobody to call: wait to be woken by a new ticket, look again now and then, sign out after hours. */
  private idle(desk: Desk, at: number): void {
    const lastShift = desk.shift === desk.shifts.length - 1;
    const end = desk.shifts[desk.shift]!.end;
    if (lastShift && at >= end) {
      desk.done = true;
      desk.phase = 'free';
      return this.schedule(desk, at);
    }
    desk.phase = 'idle';
    const poll = at + this.profile.pace.idlePoll * MINUTE;
    // Wake at the shift's end in any case: a break or the end of the day is due then.
    const wakeAt = Math.min(poll, at < end ? end : Infinity);
    if (wakeAt === Infinity) {
      desk.version++;
      return;
    }
    this.schedule(desk, Math.round(wakeAt));
  }

  /**
   * Something unexpected (the hub restarted, a supervisor signed the counter out or closed it): sign
   * in again a minute later and carry on with whatever the counter holds. After a few tries, give up.
   */
  private recover(desk: Desk, at: number): void {
    desk.ticket = null;
    desk.citizen = null;
    desk.steps = [];
    if (++desk.retries > 5) {
      desk.phase = 'gone';
      desk.version++;
      return;
    }
    desk.phase = 'before';
    this.schedule(desk, at + MINUTE);
  }

  /** The citizen behind a ticket; one drawn on the spot for a ticket this simulation did not issue. */
  private citizenOf(ticket: TicketFacts): Citizen {
    const known = this.ticketCitizens.get(ticket.id);
    if (known) return known;
    this.stats.foreign++;
    const rng = this.foreignRng;
    const citizen: Citizen = {
      index: -1,
      at: 0,
      kiosk: '',
      service: ticket.service,
      priority: ticket.priority,
      companions: 0,
      presence: 'there',
      pace: rng.normal(),
      transferTo: null,
      outcome: this.outcomes.length > 0 ? rng.pick(this.outcomes) : 'guided',
      rating: null,
    };
    this.ticketCitizens.set(ticket.id, citizen);
    return citizen;
  }

  /** When everyone has gone home, the supervisor closes the day (if the profile says so). */
  private maybeClose(): void {
    if (this.closing || !this.profile.closeDay) return;
    if (this.arrived < this.citizens.length || this.ratingsDue > 0) return;
    if (this.desks.some((d) => d.phase !== 'gone')) return;
    this.closing = true;
    this.agenda.push(Math.max(this.now, this.dayEnd), { kind: 'close' });
  }
}

/** The first idle desk of a list, or null. */
function idleDesk(desks: readonly Desk[] | undefined): Desk | null {
  if (desks) for (const d of desks) if (d.phase === 'idle') return d;
  return null;
}

/** Milliseconds drawn uniformly from a range in minutes, from the desk's stream. */
function between(desk: Desk, range: readonly [number, number]): number {
  return Math.round(desk.rng.between(range[0], range[1]) * MINUTE);
}
