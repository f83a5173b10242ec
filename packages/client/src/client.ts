import { io, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';
import {
  ERROR_MESSAGES,
  type ClientToServerEvents,
  type CommandAck,
  type CommandFail,
  type CommandInputOf,
  type CommandOk,
  type CommandResult,
  type CommandType,
  type DeviceInfo,
  type DevicePresence,
  type ErrorCode,
  type Text,
  type ProtocolError,
  type ServerToClientEvents,
  type Snapshot,
  type StreamEvent,
  type SyncReply,
} from '@luot/protocol';
import type { Level, Outcome } from '@luot/core';
import { HubClock } from './hub-clock.js';
import { Mirror } from './mirror.js';
import { newRequestId } from './request-id.js';
import { decodeSnapshot } from './snapshot-codec.js';

/** The first wait before asking the hub again after a failed sync; it doubles up to `RESYNC_MAX_MS`. */
const RESYNC_FIRST_MS = 500;
const RESYNC_MAX_MS = 10_000;

export type ConnectionStatus = 'connecting' | 'online' | 'offline' | 'unauthorized';

/** A refused or failed command, with the hub's code and a message in both languages. */
export class LuotError extends Error {
  readonly code: ErrorCode;
  readonly messages: Text;
  readonly details: Record<string, unknown> | undefined;
  constructor(error: ProtocolError) {
    super(`${error.code}: ${error.message.en}`);
    this.name = 'LuotError';
    this.code = error.code;
    this.messages = error.message;
    this.details = error.details;
  }
}

function localError(code: ErrorCode, details?: Record<string, unknown>): LuotError {
  return new LuotError({ code, message: ERROR_MESSAGES[code], ...(details ? { details } : {}) });
}

export interface ClientOptions {
  /** Hub base URL, e.g. http://192.168.1.10:8080 ('' = same origin in a browser). */
  url: string;
  token: string;
  /** How long to wait for an acknowledgement before failing with TIMEOUT. */
  timeoutMs?: number;
  socket?: Partial<ManagerOptions & SocketOptions>;
  /**
   * Keep a copy of the day (default). A device that only sends commands — the simulated kiosks and
   * officers of the demo and the benchmarks — passes false: no snapshot is fetched and events are
   * not applied, so a hundred of them in one process cost what their commands cost.
   */
  mirror?: boolean;
}

type Payload<T extends CommandType> = Omit<CommandInputOf<T>, 'type' | 'requestId'>;
type Listener<T> = (value: T) => void;

/**
 * The one way apps and tests talk to the hub: authenticates with a device token, keeps a live
 * mirror of the day (snapshot + ordered events, resync after any reconnect or gap), knows the hub's
 * time and who this device is, and sends commands with a request id so a retry is never carried
 * out twice. The mirrored day is immutable: every change is a new snapshot object.
 * An action while offline fails at once with OFFLINE; nothing is queued behind the user's back.
 */
export class LuotClient {
  readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  readonly mirror = new Mirror();
  /** The hub's clock, from snapshots and live events: see `now()`. */
  readonly clock = new HubClock();
  status: ConnectionStatus = 'connecting';
  /** Who this device is for the hub, asked again on every (re)connect; null until the first answer. */
  device: DeviceInfo | null = null;
  /** Supervisor devices: which devices are connected, as the hub last said; null before it has. */
  presence: DevicePresence[] | null = null;
  private readonly timeoutMs: number;
  private readonly listeners = {
    change: new Set<Listener<Snapshot>>(),
    snapshot: new Set<Listener<Snapshot>>(),
    events: new Set<(events: StreamEvent[], live: boolean) => void>(),
    status: new Set<Listener<ConnectionStatus>>(),
    device: new Set<Listener<DeviceInfo>>(),
    presence: new Set<Listener<DevicePresence[]>>(),
  };
  private syncing = false;
  /** Failed syncs in a row: each waits twice as long as the one before (see `resync`). */
  private syncFailures = 0;
  private resyncTimer: ReturnType<typeof setTimeout> | undefined;
  /** Live events that arrive while a snapshot is being unpacked, applied right after it. */
  private pending: StreamEvent[][] | null = null;
  private readonly mirrored: boolean;

  constructor(opts: ClientOptions) {
    this.timeoutMs = opts.timeoutMs ?? 8000;
    this.mirrored = opts.mirror ?? true;
    this.socket = io(opts.url, {
      auth: { token: opts.token },
      autoConnect: false,
      reconnectionDelay: 300,
      reconnectionDelayMax: 3000,
      transports: ['websocket'],
      ...opts.socket,
    });
    this.socket.on('connect', () => {
      this.setStatus('online');
      this.socket.emit('whoami', (info) => this.setDevice(info));
      if (this.mirrored) void this.resync();
    });
    this.socket.on('disconnect', () => this.setStatus('offline'));
    this.socket.on('connect_error', (err) => {
      const data = (err as Error & { data?: ProtocolError }).data;
      this.setStatus(data?.code === 'UNAUTHORIZED' ? 'unauthorized' : 'offline');
      // The hub refused this token: retrying with it cannot succeed.
      if (data?.code === 'UNAUTHORIZED') this.socket.disconnect();
    });
    this.socket.on('events', (events) => this.onEvents(events));
    this.socket.on('presence', (devices) => {
      this.presence = devices;
      for (const fn of this.listeners.presence) fn(devices);
    });
  }

  connect(): this {
    this.socket.connect();
    return this;
  }

  close(): void {
    clearTimeout(this.resyncTimer);
    this.socket.disconnect();
    this.setStatus('offline');
  }

  get snapshot(): Snapshot | null {
    return this.mirror.current;
  }

  /** The hub's time now (epoch ms): this device's clock corrected by what the hub last told. */
  now(): number {
    return this.clock.now();
  }

  /** Resolves once the client holds a current copy of the day. */
  ready(timeoutMs = 10_000): Promise<Snapshot> {
    if (!this.mirrored)
      return Promise.reject(new Error('this client keeps no copy of the day (mirror: false)'));
    return this.waitFor(() => true, timeoutMs);
  }

  /** Resolves once connected to the hub (for a client with `mirror: false`, what `ready` is to others). */
  online(timeoutMs = 10_000): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.status === 'online') return resolve();
      const timer = setTimeout(() => {
        off();
        reject(new Error(`not connected within ${timeoutMs} ms (status: ${this.status})`));
      }, timeoutMs);
      const off = this.on('status', (st) => {
        if (st !== 'online') return;
        clearTimeout(timer);
        off();
        resolve();
      });
    });
  }

  /** Resolves when `predicate` holds for the mirrored day (checked now and after each change). */
  waitFor(predicate: (s: Snapshot) => boolean, timeoutMs = 10_000): Promise<Snapshot> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const s = this.mirror.current;
        if (s && predicate(s)) {
          off();
          clearTimeout(timer);
          resolve(s);
        }
      };
      const off = this.on('change', check);
      const timer = setTimeout(() => {
        off();
        reject(new Error('waitFor timed out'));
      }, timeoutMs);
      check();
    });
  }

  /** After every change of the mirrored day, with the new snapshot object. */
  on(kind: 'change', fn: Listener<Snapshot>): () => void;
  /**
   * A whole new copy of the day from the hub (first load, or after a disconnection too long to
   * catch up by events); called before 'change'. What was derived from events should start over.
   */
  on(kind: 'snapshot', fn: Listener<Snapshot>): () => void;
  /** `live` is false for events replayed by a resync: what happened while this screen was away. */
  on(kind: 'events', fn: (events: StreamEvent[], live: boolean) => void): () => void;
  on(kind: 'status', fn: Listener<ConnectionStatus>): () => void;
  /** The hub answered "who am I" (after every connect); `client.device` holds the answer. */
  on(kind: 'device', fn: Listener<DeviceInfo>): () => void;
  /** Supervisor devices: the hub's list of devices and whether each is connected changed. */
  on(kind: 'presence', fn: Listener<DevicePresence[]>): () => void;
  on(kind: keyof LuotClient['listeners'], fn: (...args: never[]) => void): () => void {
    const set = this.listeners[kind] as Set<(...args: never[]) => void>;
    set.add(fn);
    return () => set.delete(fn);
  }

  /**
   * Send a command. Resolves with the hub's acknowledgement, whose `result` has the type the protocol
   * gives this command (`CommandResult<T>`); a refusal rejects with LuotError.
   */
  async send<T extends CommandType>(
    type: T,
    payload: Payload<T>,
    opts: { requestId?: string } = {},
  ): Promise<CommandOk<CommandResult<T>>> {
    if (!this.socket.connected) throw localError('OFFLINE');
    const command = { ...payload, type, requestId: opts.requestId ?? newRequestId(type) };
    let ack: CommandAck;
    try {
      ack = await this.socket.timeout(this.timeoutMs).emitWithAck('command', command);
    } catch {
      throw localError(this.socket.connected ? 'TIMEOUT' : 'OFFLINE', { requestId: command.requestId });
    }
    if (!ack.ok) throw new LuotError(ack.error);
    return ack as CommandOk<CommandResult<T>>;
  }

  /** Send, then wait until this client's mirror has seen what the command did. */
  async sendAndSee<T extends CommandType>(type: T, payload: Payload<T>, opts: { requestId?: string } = {}) {
    const ack = await this.send(type, payload, opts);
    await this.waitFor((s) => s.seq >= ack.seq);
    return ack;
  }

  issue(p: Payload<'ticket.issue'>, requestId?: string) {
    return this.send('ticket.issue', p, requestId ? { requestId } : {});
  }
  signIn(officerId: string, pin: string) {
    return this.send('counter.signIn', { officerId, pin });
  }
  signOut(close = false) {
    return this.send('counter.signOut', { close });
  }
  callNext() {
    return this.send('counter.callNext', {});
  }
  callTicket(ticketId: string) {
    return this.send('counter.callTicket', { ticketId });
  }
  recall() {
    return this.send('counter.recall', {});
  }
  startServing() {
    return this.send('counter.startServing', {});
  }
  finish(outcome: Outcome) {
    return this.send('counter.finish', { outcome });
  }
  noShow() {
    return this.send('counter.noShow', {});
  }
  /** Bring a no-show ticket back into its line (a counter: only one it skipped itself; a supervisor: with a reason). */
  reactivate(ticketId: string, reason?: string) {
    return this.send('ticket.reactivate', reason === undefined ? { ticketId } : { ticketId, reason });
  }
  transfer(to: { toService?: string | null; toCounter?: number | null; note?: string | null }) {
    return this.send('counter.transfer', to);
  }
  pause(reason: string) {
    return this.send('counter.pause', { reason });
  }
  resume() {
    return this.send('counter.resume', {});
  }
  rate(ticketId: string, score: number | null, reasons: string[] = []) {
    return this.send('rating.submit', { ticketId, score, reasons });
  }
  /** Sign a supervisor in on this (supervisor) device; the answer's `session` opens the HTTP routes. */
  signInSupervisor(officerId: string, pin: string) {
    return this.send('supervisor.signIn', { officerId, pin });
  }
  signOutSupervisor() {
    return this.send('supervisor.signOut', {});
  }
  setLevel(level: Level) {
    return this.send('supervisor.setLevel', { level });
  }
  /** Close a counter for the day (a reason is required) or open it again. */
  setCounterClosed(counter: number, closed: boolean, reason?: string) {
    return this.send(
      'supervisor.setCounterClosed',
      reason === undefined ? { counter, closed } : { counter, closed, reason },
    );
  }
  cancelTicket(ticketId: string, reason: string) {
    return this.send('supervisor.cancelTicket', { ticketId, reason });
  }
  closeDay(reason: string) {
    return this.send('supervisor.closeDay', { reason });
  }
  reportPrinter(p: Payload<'printer.report'>) {
    return this.send('printer.report', p);
  }

  /**
   * Ask the hub for what was missed since our last event (or a snapshot) and apply it. While
   * connected, a sync that fails is tried again, never in a tight loop: after 0.5 s, then twice as
   * long each time up to 10 s, and never sooner than the hub asked (`TOO_MANY_SNAPSHOTS` says
   * when). A gap in the reply starts over from a snapshot.
   */
  async resync(): Promise<void> {
    if (this.syncing) return;
    this.syncing = true;
    clearTimeout(this.resyncTimer);
    let wait: number | null = null;
    let held: StreamEvent[][] = [];
    try {
      const reply = (await this.socket
        .timeout(this.timeoutMs)
        .emitWithAck('sync', { lastSeq: this.mirror.seq })) as SyncReply | CommandFail;
      if ('ok' in reply) wait = this.backoff(reply.error.details?.retryAfterMs);
      else if (reply.kind === 'snapshot') {
        this.pending = [];
        const snapshot = await decodeSnapshot(reply);
        this.clock.observe(snapshot.serverTime);
        this.mirror.reset(snapshot);
        // The hub shares one snapshot for a second and sends what happened since beside it: part
        // of the same copy of the day. A gap in them (cannot happen) starts over.
        if (this.mirror.apply(reply.events) === 'gap') {
          this.mirror.clear();
          throw new Error('gap after the snapshot');
        }
        const snap = this.mirror.current!;
        for (const fn of this.listeners.snapshot) fn(snap);
        this.emitChange([], false);
        this.syncFailures = 0;
        held = this.pending;
      } else if (this.mirror.apply(reply.events) === 'gap') {
        this.mirror.clear();
        wait = this.backoff();
      } else {
        this.syncFailures = 0;
        this.emitChange(reply.events, false);
      }
    } catch {
      wait = this.backoff(); // timed out, disconnected or unreadable; a new 'connect' also resyncs
    } finally {
      this.syncing = false;
      this.pending = null;
    }
    // After `syncing` is cleared: a gap among them must be able to start the next sync.
    for (const events of held) this.applyLive(events);
    if (wait !== null && this.socket.connected) {
      this.resyncTimer = setTimeout(() => void this.resync(), wait);
    }
  }

  /**
   * How long to wait before the next sync: doubling from RESYNC_FIRST_MS, at least what the hub
   * asked, plus up to a quarter more at random so devices refused together do not return together.
   */
  private backoff(atLeastMs: unknown = 0): number {
    const doubling = Math.min(RESYNC_MAX_MS, RESYNC_FIRST_MS * 2 ** this.syncFailures++);
    const base = Math.max(doubling, typeof atLeastMs === 'number' ? atLeastMs : 0);
    return Math.round(base * (1 + Math.random() / 4));
  }

  private onEvents(events: StreamEvent[]): void {
    // Broadcast as they happen: the last one's time is the hub's now.
    this.clock.observeEvents(events, true);
    if (!this.mirrored) {
      for (const fn of this.listeners.events) fn(events, true);
      return;
    }
    if (this.pending) this.pending.push(events);
    else this.applyLive(events);
  }

  private applyLive(events: StreamEvent[]): void {
    const r = this.mirror.apply(events);
    if (r === 'gap') void this.resync();
    else if (r === 'ok') this.emitChange(events, true);
  }

  private emitChange(events: StreamEvent[], live: boolean): void {
    const snap = this.mirror.current;
    if (!snap) return;
    if (events.length > 0) for (const fn of this.listeners.events) fn(events, live);
    for (const fn of this.listeners.change) fn(snap);
  }

  private setDevice(info: DeviceInfo): void {
    this.device = info;
    for (const fn of this.listeners.device) fn(info);
  }

  private setStatus(s: ConnectionStatus): void {
    if (this.status === s) return;
    this.status = s;
    for (const fn of this.listeners.status) fn(s);
  }
}
