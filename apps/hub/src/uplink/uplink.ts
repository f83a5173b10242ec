/**
 * The hub's uplink to the city service (issue #15, docs/city.md): an outbound WebSocket with the
 * office token that ships the hub's event log, in order, from the city's last acknowledged seq.
 *
 * It never slows the office. It runs on the hub's event loop, so: it reads the log from SQLite in
 * small bounded batches (`batchSize` rows by primary key, a fraction of a millisecond), one batch
 * in flight at a time, the next read only after the city's ack; the rows' JSON goes out as stored,
 * never parsed and re-serialized. Nothing is queued in memory: when the city is away for a day,
 * the log on disk is the queue, and catching up is reading it again from the city's seq.
 *
 * After any cut it reconnects with exponential back-off and jitter (so a city restarting does not
 * meet every office at the same instant), and the city's hello says where to resume.
 */
import pino, { type Logger } from 'pino';
import { WebSocket } from 'ws';
import type { OfficeConfig } from '@luot/core';
import { parseUplink, UplinkFromCitySchema, UPLINK_VERSION, type UplinkFromHub } from '@luot/protocol';

export interface UplinkLog {
  lastSeq(): number;
  /** Events after `seq`, at most `limit`, with their JSON as stored. */
  rawEventsAfter(seq: number, limit: number): Array<{ seq: number; at: number; data: string }>;
}

export interface UplinkOptions {
  /** The city's base URL (http/https or ws/wss); the uplink is at /uplink. */
  url: string;
  officeToken: string;
  log: UplinkLog;
  office: OfficeConfig;
  logger?: Logger;
  /** Events per batch: one SQLite read on the office's event loop and one transaction at the city. */
  batchSize?: number;
  minBackoffMs?: number;
  maxBackoffMs?: number;
  /** A batch the city has not answered within this long: the connection is dropped and made again. */
  ackTimeoutMs?: number;
  /**
   * How often the city is pinged; no pong by the next ping and the connection is dropped. An idle
   * uplink would otherwise not notice a connection a NAT or proxy forgot, and look online for hours.
   */
  heartbeatMs?: number;
}

export type UplinkState = 'connecting' | 'online' | 'offline' | 'stopped';

export interface UplinkStatus {
  state: UplinkState;
  /** When it entered this state (epoch ms, the machine's clock): "offline since". */
  since: number;
  /** The city's last acknowledged seq; null before the first hello of this run. */
  lastAckedSeq: number | null;
  /** The hub's own last seq now. */
  hubSeq: number;
  /** Events the city does not have yet (null until the city said where it is). */
  lag: number | null;
  /** The last refusal or failure, for the console. */
  lastError: string | null;
  /** The city, without credentials. */
  city: string;
}

export class Uplink {
  private ws: WebSocket | null = null;
  private state: UplinkState = 'offline';
  private since = Date.now();
  private lastAcked: number | null = null;
  private inFlight: number | null = null;
  private lastError: string | null = null;
  private attempt = 0;
  private retryTimer: NodeJS.Timeout | null = null;
  private ackTimer: NodeJS.Timeout | null = null;
  private heartbeat: NodeJS.Timeout | null = null;
  private readonly logger: Logger;
  private readonly wsUrl: string;
  private readonly batchSize: number;

  constructor(private readonly o: UplinkOptions) {
    this.logger = o.logger ?? pino({ level: 'silent' });
    const u = new URL(o.url);
    u.protocol = u.protocol === 'https:' || u.protocol === 'wss:' ? 'wss:' : 'ws:';
    u.pathname = u.pathname.replace(/\/$/, '') + '/uplink';
    this.wsUrl = u.toString();
    this.batchSize = o.batchSize ?? 500;
  }

  start(): void {
    if (this.state === 'stopped' || this.ws || this.retryTimer) return;
    this.connect();
  }

  /** New events were committed: send them now if the line is idle. */
  notify(): void {
    this.pump();
  }

  status(): UplinkStatus {
    const hubSeq = this.o.log.lastSeq();
    return {
      state: this.state,
      since: this.since,
      lastAckedSeq: this.lastAcked,
      hubSeq,
      lag: this.lastAcked === null ? null : Math.max(0, hubSeq - this.lastAcked),
      lastError: this.lastError,
      city: new URL(this.wsUrl).origin,
    };
  }

  close(): void {
    this.setState('stopped');
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.clearAckTimer();
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
    this.ws?.terminate();
    this.ws = null;
  }

  /** `since` counts from the last change between online and not: retries keep "offline since". */
  private setState(s: UplinkState): void {
    if (this.state === s || this.state === 'stopped') return;
    if ((this.state === 'online') !== (s === 'online') || s === 'stopped') this.since = Date.now();
    this.state = s;
  }

  private connect(): void {
    this.setState('connecting');
    const ws = new WebSocket(this.wsUrl, {
      headers: { authorization: `Bearer ${this.o.officeToken}` },
      handshakeTimeout: 10_000,
      // Batches are small; nothing to gain from compression but CPU on the office's loop.
      perMessageDeflate: false,
    });
    this.ws = ws;
    ws.on('open', () => {
      let alive = true;
      ws.on('pong', () => (alive = true));
      this.heartbeat = setInterval(() => {
        if (!alive) {
          this.lastError = 'the city stopped answering pings';
          return ws.terminate();
        }
        alive = false;
        ws.ping();
      }, this.o.heartbeatMs ?? 30_000);
      this.heartbeat.unref();
      const hello: UplinkFromHub = {
        type: 'hello',
        version: UPLINK_VERSION,
        config: this.o.office,
        hubSeq: this.o.log.lastSeq(),
      };
      ws.send(JSON.stringify(hello));
    });
    ws.on('message', (data) => this.onMessage(ws, String(data)));
    ws.on('unexpected-response', (_req, res) => {
      this.lastError = `the city refused the uplink: HTTP ${res.statusCode}`;
      ws.terminate();
    });
    ws.on('error', (err) => {
      this.lastError ??= err.message;
      this.logger.debug({ err }, 'uplink error');
    });
    ws.on('close', () => this.onClose(ws));
  }

  private onMessage(ws: WebSocket, raw: string): void {
    if (ws !== this.ws) return;
    const r = parseUplink(UplinkFromCitySchema, raw);
    if (!r.ok) {
      this.lastError = `invalid message from the city: ${r.message}`;
      ws.terminate();
      return;
    }
    const m = r.value;
    switch (m.type) {
      case 'hello': {
        const hubSeq = this.o.log.lastSeq();
        if (m.lastSeq > hubSeq) {
          // The city has events this log does not: a hub started on a new database under an
          // office token that already sent. Sending would make the city skip our events as
          // duplicates, so send nothing and say it loudly.
          this.lastError = `the city has events up to ${m.lastSeq} for office ${m.officeId}, this hub only ${hubSeq}: wrong token or a new database`;
          this.logger.error({ cityLastSeq: m.lastSeq, hubSeq }, 'uplink: the city is ahead of this hub');
          ws.close();
          return;
        }
        this.lastAcked = m.lastSeq;
        this.lastError = null;
        this.attempt = 0;
        this.setState('online');
        this.logger.info({ city: this.status().city, lastSeq: m.lastSeq, hubSeq }, 'uplink online');
        break;
      }
      case 'ack':
        this.lastAcked = Math.max(this.lastAcked ?? 0, m.seq);
        this.inFlight = null;
        this.clearAckTimer();
        break;
      case 'resend':
        this.logger.warn({ fromSeq: m.fromSeq, message: m.message }, 'uplink: the city asks for a resend');
        this.lastAcked = m.fromSeq - 1;
        this.inFlight = null;
        this.clearAckTimer();
        break;
      case 'error':
        this.lastError = m.message;
        this.logger.warn({ message: m.message }, 'uplink: the city refused a message');
        return;
    }
    // The next batch after the office's own work waiting on the loop, not before it.
    setImmediate(() => this.pump());
  }

  private pump(): void {
    const ws = this.ws;
    if (!ws || ws.readyState !== WebSocket.OPEN || this.state !== 'online') return;
    if (this.inFlight !== null || this.lastAcked === null) return;
    const rows = this.o.log.rawEventsAfter(this.lastAcked, this.batchSize);
    const first = rows[0];
    if (!first) return;
    // The stored JSON goes out as it is: no parse and stringify of every event on the office's loop.
    const events = rows.map((r) => `{"seq":${r.seq},"at":${r.at},"event":${r.data}}`).join(',');
    ws.send(`{"type":"batch","fromSeq":${first.seq},"events":[${events}]}`);
    this.inFlight = rows.at(-1)!.seq;
    this.ackTimer = setTimeout(() => {
      this.lastError = 'the city did not answer a batch in time';
      ws.terminate();
    }, this.o.ackTimeoutMs ?? 30_000);
  }

  private clearAckTimer(): void {
    if (this.ackTimer) clearTimeout(this.ackTimer);
    this.ackTimer = null;
  }

  private onClose(ws: WebSocket): void {
    if (ws !== this.ws) return;
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
    this.ws = null;
    this.inFlight = null;
    this.clearAckTimer();
    if (this.state === 'stopped') return;
    this.setState('offline');
    const min = this.o.minBackoffMs ?? 500;
    const max = this.o.maxBackoffMs ?? 60_000;
    const delay = Math.min(max, min * 2 ** Math.min(this.attempt, 20));
    this.attempt++;
    // Half to all of the delay: offices cut by the same outage do not all come back at once.
    const wait = Math.round(delay * (0.5 + Math.random() * 0.5));
    this.logger.info({ retryInMs: wait, error: this.lastError }, 'uplink offline');
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (this.state !== 'stopped') this.connect();
    }, wait);
    this.retryTimer.unref();
  }
}
