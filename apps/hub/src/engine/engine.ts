import {
  applyEvent,
  createDay,
  execute,
  localTime,
  openDayIfNeeded,
  type DayState,
  type Emitted,
  type OfficeConfig,
  type Officer,
  type Ticket,
} from '@luot/core';
import {
  CommandSchema,
  type Command,
  type CommandAck,
  type CommandFail,
  type HubEvent,
  type PrinterState,
  type Snapshot,
  type StreamEvent,
  type SyncReply,
} from '@luot/protocol';
import type { Logger } from 'pino';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { DeviceConfig, HubConfig } from '../config.js';
import type { Store, StoreWriter } from '../storage/store.js';
import { Batcher } from './batch.js';
import { DayJson } from './day-json.js';
import { authorise, checkSignedIn, OfficerCheck, officerCheckOf, PIN_LOCKOUT } from './checks.js';
import type { Printed } from '../printing/hub-printers.js';
import type { HandlerContext, HubServices } from './context.js';
import { HANDLERS } from './handlers/index.js';
import { Replays, REQUEST_RETENTION_MS, requestHash } from './idempotency.js';
import { applyHubEvent, rebuildDay, type HubView } from './recovery.js';
import { fail, refusalAnswer } from './refusal.js';

/** Largest gap a reconnecting client is sent as events; beyond it, a snapshot is cheaper. */
const MAX_REPLAY = 2000;

const gzipAsync = promisify(gzip);

/**
 * How long a built snapshot serves later seqs too, with the events since it beside it: on a busy day
 * the seq moves with every ticket, and serialising 1.35 MB for each new seq blocks the event loop
 * that answers the kiosks for some 10–30 ms. So the day is serialised at most once a second.
 */
const SNAPSHOT_REUSE_MS = 1000;

/** An event to write; `day` defaults to the current day (yesterday's closing events name theirs). */
export type HubEmitted = { event: HubEvent; at: number; day?: string };

/** A command that passed validation, authorisation and its PIN check, waiting for the next batch. */
interface Job {
  device: DeviceConfig;
  command: Command;
  hash: string;
  officer: Officer | null;
  resolve: (ack: CommandAck) => void;
}

/** What running one job produced, before it is written. */
interface Outcome {
  emitted: HubEmitted[];
  result: unknown;
  writes: Array<(w: StoreWriter) => void>;
  after: Array<(result: unknown) => Promise<unknown>>;
}

export interface EngineOptions {
  office: OfficeConfig;
  hub: HubConfig;
  store: Store;
  clock: () => number;
  logger: Logger;
  /** Printing and the public URL, for handlers that need them after a commit. */
  services: Omit<HubServices, 'recordPrinter' | 'recordPrint' | 'supervisorIdleMinutes'>;
  /** Called after each committed batch, once its acknowledgements are on their way. */
  onCommitted: (events: StreamEvent[], touchedTickets: Set<string>) => void;
}

/**
 * The hub's single writer. A command is validated and checked (engine/checks.ts), replayed if it
 * was seen before (engine/idempotency.ts), then run by its handler (engine/handlers/) against the
 * in-memory day together with the other commands of its batch (engine/batch.ts). Everything the
 * batch produced is written in one transaction (storage/), and only then acknowledged and broadcast.
 * If the write fails, nothing is acknowledged and the day is rebuilt from the log (engine/recovery.ts).
 */
export class Engine {
  private view: HubView;
  seq = 0;
  private readonly batcher = new Batcher<Job>((jobs) => this.runBatch(jobs));
  private readonly replays: Replays;
  private readonly officers: OfficerCheck;
  private readonly services: HubServices;
  private closed = false;
  private reloading = false;
  private lastPrune = 0;
  /** The day as `sync` sends it, for one seq: built by the first device that asks (see `encodedSnapshot`). */
  private encoded: { seq: number; at: number; gzip: Promise<Buffer> } | null = null;
  /** The day's tickets as JSON, kept up to date as they change (see `DayJson`). */
  private readonly dayJson = new DayJson();
  /** Yesterday's tickets, kept until the events that closed them are written. */
  private yesterday: Record<string, Ticket> = {};

  constructor(private readonly o: EngineOptions) {
    this.view = {
      state: createDay(o.office, localTime(o.clock(), o.office.sessions.timeZone).day),
      printers: {},
    };
    this.replays = new Replays(o.store);
    this.officers = new OfficerCheck(o.hub, o.office, o.store, o.logger);
    this.services = {
      ...o.services,
      recordPrinter: (d, p) => this.recordPrinter(d, p),
      recordPrint: (d, id, printed, detail) => this.recordPrint(d, id, printed, detail),
      supervisorIdleMinutes: o.hub.supervisorIdleMinutes,
    };
  }

  get config(): OfficeConfig {
    return this.o.office;
  }

  /** The hub's clock (a test's fake one in tests). */
  now(): number {
    return this.o.clock();
  }

  /** The day as the hub holds it. Read-only for everything but the engine. */
  get state(): DayState {
    return this.view.state;
  }

  get printers(): Readonly<Record<string, PrinterState>> {
    return this.view.printers;
  }

  /** Rebuild today from the log (after a restart), then open a new day if the date changed. */
  start(): void {
    const now = this.o.clock();
    const rebuilt = rebuildDay(this.o.store, this.o.office, now);
    this.view = { state: rebuilt.state, printers: rebuilt.printers };
    this.seq = rebuilt.seq;
    this.dayJson.reset(this.state.tickets);
    const opening: Emitted[] = [];
    if (!rebuilt.opened) {
      const event = { type: 'day.opened', day: this.state.day, level: this.o.office.initialLevel } as const;
      applyEvent(this.state, event, now, this.o.office);
      opening.push({ event, at: now });
    }
    this.commitInternal([...opening, ...this.rollover(now)]);
    this.prune(now);
  }

  /** Called on a timer: a new calendar day starts even when nobody sends a command. */
  tick(): void {
    if (this.closed) return;
    const now = this.o.clock();
    if (this.commitInternal(this.rollover(now)) && now - this.lastPrune > 3600_000) this.prune(now);
  }

  /** Forget what no longer counts: answers past their replay window, wrong PINs past the lock-out's. */
  private prune(now: number): void {
    this.o.store.pruneRequests(now - REQUEST_RETENTION_MS);
    this.o.store.prunePinFailures(now - PIN_LOCKOUT.windowMs);
    this.lastPrune = now;
  }

  snapshot(): Snapshot {
    return {
      seq: this.seq,
      serverTime: this.o.clock(),
      config: this.o.office,
      state: this.state,
      printers: this.view.printers,
    };
  }

  /** Whether a device that last saw `lastSeq` gets the whole day rather than the events it missed. */
  needsSnapshot(lastSeq: number | null): boolean {
    return lastSeq === null || lastSeq > this.seq || this.seq - lastSeq > MAX_REPLAY;
  }

  /**
   * What a device that last saw `lastSeq` is sent: the events it missed, or the whole day. The whole
   * day is the same bytes for every device that asks within a second (`encodedSnapshot`), with the
   * events since it; only `serverTime` and those events are this answer's own.
   */
  async sync(lastSeq: number | null): Promise<SyncReply> {
    if (!this.needsSnapshot(lastSeq)) {
      return { kind: 'events', events: this.o.store.eventsAfter(lastSeq!, MAX_REPLAY) };
    }
    const { seq, gzip } = this.encodedSnapshot();
    const bytes = await gzip;
    const events = this.seq > seq ? this.o.store.eventsAfter(seq, MAX_REPLAY) : [];
    return { kind: 'snapshot', seq, serverTime: this.o.clock(), gzip: bytes, events };
  }

  /**
   * The day without `serverTime`, as gzip-compressed JSON, shared by every request for a second
   * (SNAPSHOT_REUSE_MS; later requests get the events since it too): a 3,000-ticket day is 1.35 MB
   * of JSON, and serialising it per request (as Socket.IO does with an object) cost the hub that
   * much CPU and memory for each. The JSON is made now, so it is this seq's day, from tickets kept
   * serialised as they change (`DayJson`); the compression runs on libuv's thread pool, off the event
   * loop that answers the kiosks, and its ~13× smaller result is what goes on the wire. Level 1, not
   * zlib's default 6: on a two-core hub the thread pool shares the CPU with the event loop, and level
   * 1 takes about a third of the time for a result some 17% bigger (100 KB instead of 86 KB).
   */
  encodedSnapshot(): { seq: number; gzip: Promise<Buffer> } {
    const now = performance.now();
    const e = this.encoded;
    if (e && (e.seq === this.seq || (now - e.at < SNAPSHOT_REUSE_MS && this.seq - e.seq <= MAX_REPLAY)))
      return e;
    const encoded = { seq: this.seq, at: now, gzip: gzipAsync(this.dayAsJson(), { level: 1 }) };
    // A failed compression is not kept: the next request tries again.
    encoded.gzip.catch(() => {
      if (this.encoded === encoded) this.encoded = null;
    });
    this.encoded = encoded;
    return encoded;
  }

  /** The day as a snapshot carries it (without `serverTime`), as JSON: see `DayJson`. */
  dayAsJson(): string {
    const { serverTime: _, ...day } = this.snapshot();
    return this.dayJson.build(day);
  }

  /** The supervisor signed in on `device` with this session token (HTTP routes), or the refusal. */
  supervisorSession(device: DeviceConfig, sessionToken: string): Officer | CommandFail {
    return this.officers.supervisor(device, this.o.clock(), sessionToken);
  }

  /** Validate, check and queue a command from a device. Resolves with its acknowledgement. */
  async submit(device: DeviceConfig, raw: unknown): Promise<CommandAck> {
    if (this.closed) return fail('INTERNAL', { reason: 'shutting down' });
    const parsed = CommandSchema.safeParse(raw);
    if (!parsed.success) {
      return fail('INVALID_PAYLOAD', {
        issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
      });
    }
    const command = parsed.data;
    const forbidden = authorise(device, command);
    if (forbidden) return forbidden;
    const hash = requestHash(command);
    const previous = this.replays.previous(device.id, command, hash);
    if (previous) return previous;
    const promise = this.enqueue(device, command, hash);
    this.replays.track(device.id, command.requestId, hash, promise);
    return promise;
  }

  private async enqueue(device: DeviceConfig, command: Command, hash: string): Promise<CommandAck> {
    const officer =
      officerCheckOf(command.type, device.role) === 'supervisor'
        ? this.officers.supervisor(device, this.o.clock())
        : await this.officers.verify(device, command, this.o.clock());
    if (officer && 'ok' in officer) return officer;
    if (this.closed) return fail('INTERNAL', { reason: 'shutting down' });
    return new Promise((resolve) => this.batcher.push({ device, command, hash, officer, resolve }));
  }

  private runBatch(jobs: Job[]): void {
    if (this.closed) {
      for (const job of jobs) job.resolve(fail('INTERNAL', { reason: 'shutting down' }));
      return;
    }
    const now = this.o.clock();
    const rollover = this.rollover(now);
    // Every ticket the batch's events changed, named or not (see core's applyEvent).
    const touched = new Set<string>();
    const done = jobs.map((job) => ({ job, ...this.runJob(job, now, touched) }));
    const unexpected = done.some((d) => d.unexpected);

    const stream: StreamEvent[] = [];
    let acks: CommandAck[];
    try {
      acks = this.o.store.write((w) => {
        for (const e of rollover) stream.push(this.append(w, e, touched));
        const out = done.map(({ job, outcome, error }): CommandAck => {
          if (!outcome) return error!;
          for (const e of outcome.emitted) stream.push(this.append(w, e, touched));
          for (const write of outcome.writes) write(w);
          if (job.device.role === 'supervisor') audit(w, job, now);
          const seq = stream.at(-1)?.seq ?? this.seq;
          const ack: CommandAck = { ok: true, seq, result: outcome.result, replayed: false };
          // Sign-ins are not kept for replay: nothing about a PIN entry is worth storing.
          if (officerCheckOf(job.command.type, job.device.role) !== 'pin') {
            w.putRequest(job.device.id, job.command.requestId, job.hash, ack, now);
          }
          return ack;
        });
        this.saveTouched(w, touched);
        return out;
      });
    } catch (e) {
      // Nothing was written: rebuild the day from the log so memory matches the disk again.
      this.o.logger.error({ err: e }, 'storage failed; rebuilding the day from the database');
      for (const { job } of done) job.resolve(fail('STORAGE_FAILED'));
      this.reload();
      return;
    }
    if (stream.length > 0) this.seq = stream.at(-1)!.seq;
    this.dayJson.changed(this.state.tickets, touched);
    // An unexpected error may have left half a command in memory: go back to what was written.
    if (unexpected) this.reload();
    // Acknowledge, then broadcast (docs/hub.md): the answers are sent from promise callbacks that
    // run before the next turn of the event loop, so a terminal has its answer before it sees the change.
    done.forEach(({ job, outcome }, i) => {
      const ack = acks[i]!;
      if (!ack.ok || !outcome || outcome.after.length === 0) return job.resolve(ack);
      void this.followUp(ack.result, outcome.after).then((result) => job.resolve({ ...ack, result }));
    });
    if (stream.length > 0) setImmediate(() => this.o.onCommitted(stream, touched));
  }

  /** Run one job's checks and handler against the day. A refusal changes nothing and is the answer. */
  private runJob(job: Job, now: number, changed: Set<string>) {
    const outcome: Outcome = { emitted: [], result: undefined, writes: [], after: [] };
    const ctx: HandlerContext = {
      device: job.device,
      counter: job.device.counter ?? null,
      officer: job.officer,
      now,
      office: this.o.office,
      state: this.state,
      printers: this.view.printers,
      hub: this.services,
      run: (command) => {
        const emitted = execute(this.o.office, this.state, command, now, changed);
        outcome.emitted.push(...emitted);
        return emitted.map((e) => e.event);
      },
      emit: (event) => {
        applyHubEvent(this.view, event, now, this.o.office, changed);
        outcome.emitted.push({ event, at: now });
      },
      write: (fn) => outcome.writes.push(fn),
      afterCommit: (fn) => outcome.after.push(fn as (r: unknown) => Promise<unknown>),
    };
    try {
      checkSignedIn(job.command, job.device.role, this.state, ctx.counter);
      const handler = HANDLERS[job.command.type] as (c: Command, ctx: HandlerContext) => unknown;
      outcome.result = handler(job.command, ctx);
      return { outcome, error: null, unexpected: false };
    } catch (e) {
      const refused = refusalAnswer(e);
      if (refused) return { outcome: null, error: refused, unexpected: false };
      this.o.logger.error({ err: e, command: job.command.type }, 'command failed');
      return { outcome: null, error: fail('INTERNAL'), unexpected: true };
    }
  }

  /** Work a handler asked for after the commit; its failure never turns a committed command into an error. */
  private async followUp(result: unknown, steps: Array<(r: unknown) => Promise<unknown>>): Promise<unknown> {
    for (const step of steps) {
      try {
        result = await step(result);
      } catch (e) {
        this.o.logger.error({ err: e }, 'a step after the commit failed');
      }
    }
    return result;
  }

  private rollover(now: number): HubEmitted[] {
    const day = this.state.day;
    const tickets = this.state.tickets;
    const emitted = openDayIfNeeded(this.o.office, this.state, now);
    if (emitted.length === 0) return [];
    this.yesterday = tickets;
    return emitted.map((e) => ({ ...e, day: e.event.type === 'day.opened' ? e.event.day : day }));
  }

  private append(w: StoreWriter, e: HubEmitted, touched: Set<string>): StreamEvent {
    const seq = w.appendEvent(e.at, e.day ?? this.state.day, e.event);
    const ev = e.event as { ticketId?: string; ticket?: { id: string } };
    if (ev.ticketId) touched.add(ev.ticketId);
    if (ev.ticket) touched.add(ev.ticket.id);
    return { seq, at: e.at, event: e.event };
  }

  private saveTouched(w: StoreWriter, touched: Set<string>): void {
    for (const id of touched) {
      const t = this.state.tickets[id] ?? this.yesterday[id];
      if (t) w.saveTicket(t);
    }
    this.yesterday = {};
  }

  /** Events the hub itself produces (day rollover, printer states): written and broadcast without a requester. */
  private commitInternal(emitted: HubEmitted[]): boolean {
    if (emitted.length === 0) return true;
    const stream: StreamEvent[] = [];
    const touched = new Set<string>();
    try {
      this.o.store.write((w) => {
        for (const e of emitted) stream.push(this.append(w, e, touched));
        this.saveTouched(w, touched);
      });
    } catch (e) {
      if (this.reloading) throw e;
      // Memory was already ahead of the disk (a new day, a printer state): go back to the disk.
      this.o.logger.error({ err: e }, 'storage failed; rebuilding the day from the database');
      this.reload();
      return false;
    }
    this.seq = stream.at(-1)!.seq;
    this.dayJson.changed(this.state.tickets, touched);
    // Through the same queue as batch broadcasts, so clients receive events in seq order.
    setImmediate(() => this.o.onCommitted(stream, touched));
    return true;
  }

  /** Record a printer's state (hub-side printing); logged and broadcast only when it changed. */
  recordPrinter(device: string, p: Omit<PrinterState, 'device' | 'at'>): void {
    const prev = this.view.printers[device];
    if (prev && prev.ok === p.ok && prev.fault === p.fault && prev.paperNearEnd === p.paperNearEnd) return;
    const at = this.o.clock();
    const event: HubEvent = { type: 'printer.status', device, ...p, at };
    applyHubEvent(this.view, event, at, this.o.office);
    this.commitInternal([{ event, at }]);
  }

  /**
   * A ticket's print outcome, in `ticket_prints` (its own write, after the ticket is on disk: the
   * printer answers only then). A failure is one structured log line, whatever printed the ticket.
   */
  recordPrint(device: string, ticketId: string, printed: Printed, detail?: string): void {
    const outcome = printed.ok ? 'printed' : printed.maybePrinted ? 'maybe_printed' : 'not_printed';
    const fault = printed.ok ? null : printed.fault;
    if (!printed.ok) {
      const number = this.state.tickets[ticketId]?.number ?? null;
      this.o.logger.warn(
        {
          device,
          ticket: number,
          ticketId,
          fault,
          maybePrinted: printed.maybePrinted,
          ...(detail ? { detail } : {}),
        },
        printed.maybePrinted ? 'ticket may have printed' : 'ticket not printed',
      );
    }
    try {
      this.o.store.write((w) => w.savePrint({ ticketId, device, outcome, fault, at: this.o.clock() }));
    } catch (e) {
      // The ticket and the citizen's answer stand; only the report loses this line.
      this.o.logger.error({ err: e, device, ticketId }, 'could not store a print outcome');
    }
  }

  /** Rebuild memory from the database. If even that fails the hub cannot go on: log it and stop taking commands. */
  private reload(): void {
    this.reloading = true;
    try {
      this.yesterday = {};
      this.start();
    } catch (e) {
      this.o.logger.fatal({ err: e }, 'cannot rebuild the day from the database; refusing commands');
      this.closed = true;
    } finally {
      this.reloading = false;
    }
  }

  close(): void {
    this.closed = true;
    for (const job of this.batcher.take()) job.resolve(fail('INTERNAL', { reason: 'shutting down' }));
  }
}

/** Payload fields never written to the audit log: the request's id, and a PIN. */
const NOT_AUDITED = new Set(['type', 'requestId', 'pin']);

/**
 * Every command a supervisor device carried out is on record (docs/hub.md, "Supervisors"), written
 * here for all of them rather than by each handler, so a new action cannot forget it. Only
 * `supervisor.active` (the console saying its user is still there) is not an action.
 */
function audit(w: StoreWriter, job: Job, now: number): void {
  const c = job.command;
  if (c.type === 'supervisor.active') return;
  const details = Object.fromEntries(Object.entries(c).filter(([k]) => !NOT_AUDITED.has(k)));
  w.supervisors.audit({
    at: now,
    device: job.device.id,
    officerId: job.officer?.id ?? ('officerId' in c ? c.officerId : null),
    action: c.type,
    reason: 'reason' in c && typeof c.reason === 'string' ? c.reason : null,
    details,
  });
}
