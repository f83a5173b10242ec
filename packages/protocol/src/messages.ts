import type { DayState, OfficeConfig, QueueEvent, Text, Ticket } from '@luot/core';
import type { PrinterFault } from '@luot/printer/faults';
import type { Command, CommandResult, CommandType, Role } from './commands.js';
import type { ProtocolError } from './errors.js';

/** Printer state the hub keeps per device, so supervisors see faults. */
export interface PrinterState {
  device: string;
  ok: boolean;
  fault: PrinterFault | null;
  paperNearEnd: boolean;
  at: number;
}

/** Hub facts that are not queue rules but travel on the same ordered stream. */
export type HubEvent = QueueEvent | ({ type: 'printer.status' } & PrinterState);

/** One entry of the hub's log: `seq` increases by one per event, across restarts. */
export interface StreamEvent {
  seq: number;
  at: number;
  event: HubEvent;
}

export interface Snapshot {
  seq: number;
  serverTime: number;
  config: OfficeConfig;
  state: DayState;
  printers: Record<string, PrinterState>;
}

/**
 * The whole day as `sync` sends it: the Snapshot without `serverTime`, as gzip-compressed UTF-8 JSON
 * in a binary attachment. The hub builds it at most once a second and sends the same bytes to every
 * device that asks meanwhile (docs/hub.md, "Snapshots"), with the events since its `seq`;
 * `serverTime` is the hub's clock when this answer left. `decodeSnapshot` (packages/client) turns
 * it back into a Snapshot (before `events`).
 */
export interface EncodedSnapshot {
  kind: 'snapshot';
  seq: number;
  serverTime: number;
  gzip: Uint8Array | ArrayBuffer;
  /** What happened after `seq`, up to this answer: apply them to the decoded day. */
  events: StreamEvent[];
}

export type SyncReply = { kind: 'events'; events: StreamEvent[] } | EncodedSnapshot;

/**
 * Whether a configured device is connected now, and since when (hub clock). Sent to supervisor
 * devices only (`presence`), on connect and on every change; not in the log: presence is a fact of
 * the sockets, not of the day, and a restart of the hub starts every device's "since" again.
 */
export interface DevicePresence {
  id: string;
  role: Role;
  name: string;
  counter: number | null;
  online: boolean;
  /** When it came online or went offline; the hub's start for a device not seen since. */
  since: number;
}

export interface DeviceInfo {
  id: string;
  role: Role;
  counter: number | null;
  name: string;
}

export interface CommandOk<T = unknown> {
  ok: true;
  /** The last seq the command produced: the caller's view is current once it has seen it. */
  seq: number;
  result: T;
  /** True when this is a replay of an earlier identical request (same requestId). */
  replayed: boolean;
}
export interface CommandFail {
  ok: false;
  error: ProtocolError;
}
export type CommandAck<T = unknown> = CommandOk<T> | CommandFail;
/** The answer to a command of type T. */
export type AckOf<T extends CommandType> = CommandAck<CommandResult<T>>;

/** Public view of one ticket for its phone page. */
export interface TicketWatch {
  ticket: Pick<
    Ticket,
    | 'number'
    | 'service'
    | 'status'
    | 'priority'
    | 'counter'
    | 'issuedAt'
    | 'calledAt'
    | 'callCount'
    | 'callsHere'
    | 'transfers'
    | 'targetCounter'
    // A booked ticket's code and slot ("Đặt lịch 09:15" on the page); absent or null for a walk-in.
    | 'booking'
  >;
  serviceName: Text;
  officeName: Text;
  ahead: number | null;
  entryPlace: number | null;
  estimatedMinutes: number | null;
  /** The wait as the kiosk and the paper tell it: [from, to] minutes (`ticketWait`); null without an estimate. */
  estimatedRange: [number, number] | null;
  /** Its service lost its last calling counter while it waits (`servicesWithoutCounter`): the page says so. */
  counterLost: boolean;
}

export interface ServerToClientEvents {
  /** Ordered events; a client that sees a gap in seq asks for `sync`. */
  events: (events: StreamEvent[]) => void;
  /** Phone page: the watched ticket changed. */
  ticket: (watch: TicketWatch) => void;
  /** Supervisor devices: every configured device, online or not (see DevicePresence). */
  presence: (devices: DevicePresence[]) => void;
}

export interface ClientToServerEvents {
  command: (command: unknown, ack: (reply: CommandAck) => void) => void;
  sync: (req: { lastSeq: number | null }, ack: (reply: SyncReply | CommandFail) => void) => void;
  whoami: (ack: (reply: DeviceInfo) => void) => void;
}

export type { Command };
