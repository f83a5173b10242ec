import { createHash } from 'node:crypto';
import {
  applyEvent,
  openCountersServing,
  createDay,
  entryPlace,
  estimateWait,
  execute,
  localTime,
  openDayIfNeeded,
  QueueError,
  ticketPosition,
  type DayState,
  type Emitted,
  type OfficeConfig,
  type Officer,
  type QueueCommand,
  type Ticket,
} from '@luot/core';
import {
  CommandSchema,
  ROLE_COMMANDS,
  protocolError,
  type Command,
  type CommandAck,
  type CommandFail,
  type HubErrorCode,
  type HubEvent,
  type IssueResult,
  type PrinterState,
  type Snapshot,
  type StreamEvent,
  type SyncReply,
  type TicketWatch,
} from '@luot/protocol';
import type { Logger } from 'pino';
import { AttemptLimiter, newTicketToken, verifyPin } from './auth.js';
import type { DeviceConfig, HubConfig } from './config.js';
import type { Store } from './store.js';

/** Largest gap a reconnecting client is sent as events; beyond it, a snapshot is cheaper. */
const MAX_REPLAY = 2000;
const REQUEST_RETENTION_MS = 48 * 3600_000;

/** An event to write; `day` defaults to the current day (yesterday's closing events name theirs). */
export type HubEmitted = { event: HubEvent; at: number; day?: string };

/** A command that passed validation and authorisation, waiting for the next batch. */
interface Job {
  device: DeviceConfig;
  command: Command;
  hash: string;
  officer: Officer | null;
  resolve: (ack: CommandAck) => void;
}

/** What carrying out one job produced, before it is written. */
interface Outcome {
  emitted: HubEmitted[];
  result: (lastSeq: number) => unknown;
  write?: (store: Store) => void;
}

export interface EngineOptions {
  office: OfficeConfig;
  hub: HubConfig;
  store: Store;
  clock: () => number;
  logger: Logger;
  publicUrl: () => string;
  /** Called after each committed batch, once its acknowledgements are on their way. */
  onCommitted: (events: StreamEvent[], touchedTickets: Set<string>) => void;
}

/** Identifies a request's content for replay checks. A PIN never enters it (the hash is stored). */
function canonicalHash(command: Command): string {
  const { requestId: _r, ...rest } = command;
  if ('pin' in rest) rest.pin = '';
  return createHash('sha256').update(JSON.stringify(rest)).digest('hex');
}

/**
 * The hub's single writer. Commands are validated, then run against the in-memory day in arrival
 * order; everything a batch of commands produced is written in one SQLite transaction
 * (synchronous=FULL), and only then acknowledged and broadcast. Batching is what lets thousands of
 * durable commands a second share one disk flush.
 */
export class Engine {
  state: DayState;
  seq = 0;
  printers: Record<string, PrinterState> = {};
  private queue: Job[] = [];
  private scheduled = false;
  private readonly inflight = new Map<string, { hash: string; promise: Promise<CommandAck> }>();
  private readonly limiter = new AttemptLimiter();
  private closed = false;

  constructor(private readonly o: EngineOptions) {
    this.state = createDay(o.office, localTime(o.clock(), o.office.sessions.timeZone).day);
  }

  get config(): OfficeConfig {
    return this.o.office;
  }

  /** Rebuild today from the log (after a restart), then open a new day if the date changed. */
  start(): void {
    const { store, office } = this.o;
    this.printers = store.printerStates();
    const from = store.lastDayOpenedSeq();
    if (from !== null) {
      let after = from - 1;
      for (;;) {
        const batch = store.eventsAfter(after, 5000);
        if (batch.length === 0) break;
        for (const e of batch) this.applyHub(e.event, e.at);
        after = batch.at(-1)!.seq;
      }
    }
    this.seq = store.lastSeq();
    const now = this.o.clock();
    const opening: Emitted[] =
      from === null
        ? [{ event: { type: 'day.opened', day: this.state.day, level: office.initialLevel }, at: now }]
        : [];
    if (from === null) applyEvent(this.state, opening[0]!.event, now, office);
    this.commitInternal([...opening, ...this.rollover(now)]);
    store.pruneRequests(now - REQUEST_RETENTION_MS);
    this.lastPrune = now;
  }

  /** Called on a timer: a new calendar day starts even when nobody sends a command. */
  tick(): void {
    if (this.closed) return;
    const now = this.o.clock();
    if (this.commitInternal(this.rollover(now)) && now - this.lastPrune > 3600_000) {
      this.o.store.pruneRequests(now - REQUEST_RETENTION_MS);
      this.lastPrune = now;
    }
  }

  private lastPrune = 0;

  /** Yesterday's tickets, kept until the events that closed them are written. */
  private yesterday: Record<string, Ticket> = {};

  private rollover(now: number): HubEmitted[] {
    const day = this.state.day;
    const tickets = this.state.tickets;
    const emitted = openDayIfNeeded(this.o.office, this.state, now);
    if (emitted.length === 0) return [];
    this.yesterday = tickets;
    return emitted.map((e) => ({ ...e, day: e.event.type === 'day.opened' ? e.event.day : day }));
  }

  private saveTouched(touched: Set<string>): void {
    for (const id of touched) {
      const t = this.state.tickets[id] ?? this.yesterday[id];
      if (t) this.o.store.saveTicket(t);
    }
    this.yesterday = {};
  }

  snapshot(): Snapshot {
    return {
      seq: this.seq,
      serverTime: this.o.clock(),
      config: this.o.office,
      state: this.state,
      printers: this.printers,
    };
  }

  sync(lastSeq: number | null): SyncReply {
    if (lastSeq === null || lastSeq > this.seq || this.seq - lastSeq > MAX_REPLAY) {
      return { kind: 'snapshot', snapshot: this.snapshot() };
    }
    return { kind: 'events', events: this.o.store.eventsAfter(lastSeq, MAX_REPLAY) };
  }

  watch(ticketId: string): TicketWatch | null {
    const t = this.state.tickets[ticketId];
    if (!t) return null;
    const svc = this.o.office.services.find((s) => s.prefix === t.service);
    const pos = ticketPosition(this.state, ticketId);
    const est = estimateWait(this.o.office, this.state, t.service, t.priority !== null);
    const ahead = pos?.ahead ?? null;
    return {
      ticket: {
        number: t.number,
        service: t.service,
        status: t.status,
        priority: t.priority,
        counter: t.counter,
        issuedAt: t.issuedAt,
        calledAt: t.calledAt,
        callCount: t.callCount,
        transfers: t.transfers,
        targetCounter: t.targetCounter,
      },
      serviceName: svc?.name ?? { vi: t.service, en: t.service },
      officeName: this.o.office.office.shortName ?? this.o.office.office.name,
      ahead,
      entryPlace: pos?.entryPlace ?? null,
      estimatedMinutes:
        ahead === null || est.minutes === null || est.counters === 0
          ? null
          : Math.ceil((ahead / est.counters) * est.serviceMinutes),
    };
  }

  /** Validate, authorise and queue a command from a device. Resolves with its acknowledgement. */
  async submit(device: DeviceConfig, raw: unknown): Promise<CommandAck> {
    if (this.closed) return fail('INTERNAL', { reason: 'shutting down' });
    const parsed = CommandSchema.safeParse(raw);
    if (!parsed.success) {
      return fail('INVALID_PAYLOAD', {
        issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
      });
    }
    const command = parsed.data;
    if (!ROLE_COMMANDS[device.role].includes(command.type)) {
      return fail('FORBIDDEN', { role: device.role, command: command.type });
    }
    const hash = canonicalHash(command);
    const key = `${device.id}\u0000${command.requestId}`;
    const pending = this.inflight.get(key) ?? this.o.store.getRequest(device.id, command.requestId);
    if (pending) {
      if (pending.hash !== hash) return fail('REQUEST_ID_REUSED', { requestId: command.requestId });
      // The same request again (only successes are stored): the same answer, marked as a replay.
      const ack = 'promise' in pending ? await pending.promise : pending.ack;
      return ack.ok ? { ...ack, replayed: true } : ack;
    }
    const promise = this.enqueue(device, command, hash);
    this.inflight.set(key, { hash, promise });
    void promise.finally(() => this.inflight.delete(key));
    return promise;
  }

  private async enqueue(device: DeviceConfig, command: Command, hash: string): Promise<CommandAck> {
    let officer: Officer | null = null;
    if (command.type === 'counter.signIn') {
      const r = await this.checkOfficer(device, command.officerId, command.pin);
      if ('ok' in r) return r;
      officer = r;
    }
    if (this.closed) return fail('INTERNAL', { reason: 'shutting down' });
    return new Promise((resolve) => {
      this.queue.push({ device, command, hash, officer, resolve });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.runBatch());
      }
    });
  }

  private async checkOfficer(
    device: DeviceConfig,
    officerId: string,
    pin: string,
  ): Promise<Officer | CommandFail> {
    const now = this.o.clock();
    const entry = this.o.hub.officers.find((o) => o.id === officerId);
    if (!entry) return fail('UNKNOWN_OFFICER', { officerId });
    // Counted before checking, so a burst of guesses sent at once is limited too; per device and
    // officer, so one counter cannot lock an officer out everywhere.
    const key = `${device.id}\u0000${officerId}`;
    if (this.limiter.blocked(key, now)) return fail('TOO_MANY_ATTEMPTS', { officerId });
    this.limiter.fail(key, now);
    if (!(await verifyPin(pin, entry.pinHash))) {
      this.o.logger.warn({ device: device.id, officerId }, 'wrong PIN');
      return fail('WRONG_PIN', { officerId });
    }
    this.limiter.reset(key);
    const agency = entry.agency ??
      this.o.office.counters.find((c) => c.number === device.counter)?.agency ?? { vi: '', en: '' };
    return { id: entry.id, name: entry.name, agency };
  }

  private runBatch(): void {
    this.scheduled = false;
    const jobs = this.queue;
    this.queue = [];
    if (jobs.length === 0) return;
    if (this.closed) {
      for (const job of jobs) job.resolve(fail('INTERNAL', { reason: 'shutting down' }));
      return;
    }
    const now = this.o.clock();
    const rollover = this.rollover(now);
    const done: Array<{ job: Job; outcome: Outcome | null; error: CommandFail | null }> = [];
    let unexpected = false;
    for (const job of jobs) {
      try {
        done.push({ job, outcome: this.handle(job, now), error: null });
      } catch (e) {
        if (e instanceof QueueError || e instanceof Refusal) {
          done.push({ job, outcome: null, error: fail(e.code, e.details) });
        } else {
          this.o.logger.error({ err: e, command: job.command.type }, 'command failed');
          done.push({ job, outcome: null, error: fail('INTERNAL') });
          unexpected = true;
        }
      }
    }

    const stream: StreamEvent[] = [];
    const touched = new Set<string>();
    const acks: CommandAck[] = [];
    try {
      this.o.store.db.transaction(() => {
        for (const e of rollover) stream.push(this.append(e, touched));
        for (const { job, outcome, error } of done) {
          if (!outcome) {
            acks.push(error!);
            continue;
          }
          for (const e of outcome.emitted) stream.push(this.append(e, touched));
          outcome.write?.(this.o.store);
          const seq = this.seqAfter(stream);
          const ack: CommandAck = { ok: true, seq, result: outcome.result(seq), replayed: false };
          // Sign-ins are not kept for replay: nothing about a PIN entry is worth storing.
          if (job.command.type !== 'counter.signIn') {
            this.o.store.putRequest(job.device.id, job.command.requestId, job.hash, ack, now);
          }
          acks.push(ack);
        }
        this.saveTouched(touched);
      })();
    } catch (e) {
      // Nothing was written: rebuild the day from the log so memory matches the disk again.
      this.o.logger.error({ err: e }, 'storage failed; rebuilding the day from the database');
      for (const { job } of done) job.resolve(fail('STORAGE_FAILED'));
      this.reload();
      return;
    }
    if (stream.length > 0) this.seq = stream.at(-1)!.seq;
    // An unexpected error may have left half a command in memory: go back to what was written.
    if (unexpected) this.reload();
    // Acknowledge, then broadcast (DESIGN §3): the answers are sent from the promise callbacks that
    // run before the next turn of the event loop, so a terminal has its answer before it sees the change.
    done.forEach(({ job }, i) => job.resolve(acks[i]!));
    if (stream.length > 0) setImmediate(() => this.o.onCommitted(stream, touched));
  }

  private seqAfter(stream: StreamEvent[]): number {
    return stream.length > 0 ? stream.at(-1)!.seq : this.seq;
  }

  private append(e: HubEmitted, touched: Set<string>): StreamEvent {
    const seq = this.o.store.appendEvent(e.at, e.day ?? this.state.day, e.event);
    const ev = e.event as { ticketId?: string; ticket?: { id: string } };
    if (ev.ticketId) touched.add(ev.ticketId);
    if (ev.ticket) touched.add(ev.ticket.id);
    return { seq, at: e.at, event: e.event };
  }

  /** Events the hub itself produces (day rollover): written and broadcast without a requester. */
  private commitInternal(emitted: HubEmitted[]): boolean {
    if (emitted.length === 0) return true;
    const stream: StreamEvent[] = [];
    const touched = new Set<string>();
    try {
      this.o.store.db.transaction(() => {
        for (const e of emitted) stream.push(this.append(e, touched));
        this.saveTouched(touched);
      })();
    } catch (e) {
      if (this.reloading) throw e;
      // Memory was already ahead of the disk (a new day, a printer state): go back to the disk.
      this.o.logger.error({ err: e }, 'storage failed; rebuilding the day from the database');
      this.reload();
      return false;
    }
    this.seq = stream.at(-1)!.seq;
    // Through the same queue as batch broadcasts, so clients receive events in seq order.
    setImmediate(() => this.o.onCommitted(stream, touched));
    return true;
  }

  /** Record a printer's state (from a kiosk report or hub-side printing). */
  recordPrinter(device: string, p: Omit<PrinterState, 'device' | 'at'>): void {
    const prev = this.printers[device];
    if (prev && prev.ok === p.ok && prev.fault === p.fault && prev.paperNearEnd === p.paperNearEnd) return;
    const at = this.o.clock();
    const event: HubEvent = { type: 'printer.status', device, ...p, at };
    this.applyHub(event, at);
    this.commitInternal([{ event, at }]);
  }

  private applyHub(event: HubEvent, at: number): void {
    if (event.type === 'printer.status') {
      const { type: _t, ...p } = event;
      this.printers[p.device] = p;
    } else {
      applyEvent(this.state, event, at, this.o.office);
    }
  }

  /** Rebuild memory from the database. If even that fails the hub cannot go on: log it and stop taking commands. */
  private reload(): void {
    this.reloading = true;
    try {
      this.state = createDay(this.o.office, this.state.day);
      this.yesterday = {};
      this.start();
    } catch (e) {
      this.o.logger.fatal({ err: e }, 'cannot rebuild the day from the database; refusing commands');
      this.closed = true;
    } finally {
      this.reloading = false;
    }
  }

  private reloading = false;

  close(): void {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.resolve(fail('INTERNAL', { reason: 'shutting down' }));
  }

  /** Map one validated command to the queue; throws QueueError when the queue refuses. */
  private handle(job: Job, now: number): Outcome {
    const { device, command: c } = job;
    const office = this.o.office;
    const run = (cmd: QueueCommand): HubEmitted[] => execute(office, this.state, cmd, now);
    const counter = device.counter ?? -1;
    const signedIn = () => {
      if (!this.state.counters[counter]?.officer) throw new Refusal('NOT_SIGNED_IN', { counter });
    };
    const counterResult = () => () => ({ counter: this.state.counters[counter] });

    switch (c.type) {
      case 'ticket.issue': {
        const estimate = estimateWait(office, this.state, c.service, c.priority !== null);
        const emitted = run({
          type: 'issue',
          service: c.service,
          priority: c.priority,
          party: 1 + c.companions,
          kioskId: device.id,
        });
        const issued = emitted[0]!.event as Extract<HubEvent, { type: 'ticket.issued' }>;
        const ticket = this.state.tickets[issued.ticket.id]!;
        const token = newTicketToken();
        const result: IssueResult = {
          ticket: structuredClone(ticket),
          token,
          url: `${this.o.publicUrl()}/t/${token}`,
          estimate,
          counters: openCountersServing(office, this.state, ticket.service, ticket.priority !== null),
          entryPlace: entryPlace(this.state, ticket.id),
          printed: null,
        };
        return { emitted, result: () => result, write: (s) => s.saveToken(token, ticket.id) };
      }
      case 'counter.signIn':
        return { emitted: run({ type: 'signIn', counter, officer: job.officer! }), result: counterResult() };
      case 'counter.signOut':
        return { emitted: run({ type: 'signOut', counter, close: c.close }), result: counterResult() };
      case 'counter.callNext':
      case 'counter.callTicket':
      case 'counter.recall':
      case 'counter.startServing':
      case 'counter.finish':
      case 'counter.noShow':
      case 'counter.transfer':
      case 'counter.pause':
      case 'counter.resume': {
        signedIn();
        const held = this.state.counters[counter]?.current ?? null;
        const emitted = run(counterCommand(c, counter));
        const ticketId = this.state.counters[counter]?.current ?? held;
        return {
          emitted,
          result: () => ({
            counter: this.state.counters[counter],
            ticket: ticketId ? this.state.tickets[ticketId] : null,
          }),
        };
      }
      case 'rating.submit': {
        const t = this.state.tickets[c.ticketId];
        if (t && t.counter !== counter) throw new Refusal('FORBIDDEN', { ticketId: c.ticketId, counter });
        const emitted = run({ type: 'rate', ticketId: c.ticketId, score: c.score, reasons: c.reasons });
        const rated = this.state.tickets[c.ticketId]!;
        return {
          emitted,
          result: () => ({ ticketId: c.ticketId, score: c.score }),
          write: (s) =>
            s.saveRating({
              ticketId: rated.id,
              score: c.score,
              reasons: c.reasons,
              officerId: rated.officerId,
              counter: rated.counter,
              service: rated.service,
              at: now,
            }),
        };
      }
      case 'supervisor.setLevel':
        return { emitted: run({ type: 'setLevel', level: c.level }), result: () => ({ level: c.level }) };
      case 'supervisor.setCounterClosed':
        return {
          emitted: run({ type: 'setCounterClosed', counter: c.counter, closed: c.closed }),
          result: () => ({ counter: this.state.counters[c.counter] }),
        };
      case 'supervisor.signOutCounter':
        return {
          emitted: run({ type: 'signOut', counter: c.counter, close: false }),
          result: () => ({ counter: this.state.counters[c.counter] }),
        };
      case 'supervisor.cancelTicket':
        return {
          emitted: run({ type: 'cancel', ticketId: c.ticketId, reason: c.reason }),
          result: () => ({}),
        };
      case 'supervisor.closeDay':
        return { emitted: run({ type: 'closeDay' }), result: () => ({ day: this.state.day }) };
      case 'printer.report': {
        const p = { ok: c.ok, fault: c.ok ? null : c.fault, paperNearEnd: c.paperNearEnd };
        const prev = this.printers[device.id];
        const same =
          prev && prev.ok === p.ok && prev.fault === p.fault && prev.paperNearEnd === p.paperNearEnd;
        const event: HubEvent = { type: 'printer.status', device: device.id, ...p, at: now };
        if (!same) this.applyHub(event, now);
        return { emitted: same ? [] : [{ event, at: now }], result: () => ({ recorded: !same }) };
      }
    }
  }
}

/** A refusal by the hub's own rules (who may do what), answered like the queue's refusals. */
class Refusal extends Error {
  constructor(
    readonly code: HubErrorCode,
    readonly details: Record<string, unknown>,
  ) {
    super(code);
  }
}

function counterCommand(c: Command, counter: number): QueueCommand {
  switch (c.type) {
    case 'counter.callNext':
      return { type: 'callNext', counter };
    case 'counter.callTicket':
      return { type: 'callTicket', counter, ticketId: c.ticketId };
    case 'counter.recall':
      return { type: 'recall', counter };
    case 'counter.startServing':
      return { type: 'startServing', counter };
    case 'counter.finish':
      return { type: 'finish', counter, outcome: c.outcome };
    case 'counter.noShow':
      return { type: 'noShow', counter };
    case 'counter.transfer':
      return { type: 'transfer', counter, toService: c.toService, toCounter: c.toCounter, note: c.note };
    case 'counter.pause':
      return { type: 'pause', counter, reason: c.reason };
    case 'counter.resume':
      return { type: 'resume', counter };
    default:
      throw new Error(`not a counter command: ${c.type}`);
  }
}

function fail(code: Parameters<typeof protocolError>[0], details?: Record<string, unknown>): CommandFail {
  return { ok: false, error: protocolError(code, details) };
}
