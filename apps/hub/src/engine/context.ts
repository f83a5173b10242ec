import type { DayState, OfficeConfig, Officer, QueueCommand, QueueEvent } from '@luot/core';
import type {
  CommandOf,
  CommandResult,
  CommandType,
  HubEvent,
  IssueResult,
  PrinterState,
} from '@luot/protocol';
import type { DeviceConfig } from '../config.js';
import type { Printed, PrintedWithDetail } from '../printing/hub-printers.js';
import type { StoreWriter } from '../storage/store.js';
import type { BookingService } from '../bookings/service.js';

/** What a handler may read and do. It never touches storage or sockets itself. */
export interface HandlerContext<T extends CommandType = CommandType> {
  readonly device: DeviceConfig;
  /** The counter this device belongs to (counter and rating devices), else null. */
  readonly counter: number | null;
  /** The officer whose PIN the hub checked before the command ran (commands with `officer: 'pin'`). */
  readonly officer: Officer | null;
  readonly now: number;
  readonly office: OfficeConfig;
  /** The day, as it is after the commands before this one. */
  readonly state: DayState;
  readonly printers: Readonly<Record<string, PrinterState>>;
  /**
   * Run a queue command through the core: it is checked (a refusal throws and changes nothing),
   * applied to the day, and its events logged with this command. Returns those events.
   */
  run(command: QueueCommand): QueueEvent[];
  /** Log a hub fact that is not a queue rule (a printer's state), applied to the hub's view now. */
  emit(event: HubEvent): void;
  /** Write something more in the same transaction as the command's events (a phone token, a rating row). */
  write(fn: (w: StoreWriter) => void): void;
  /**
   * Work to do once the command is on disk, before the device gets its answer (hub-side printing).
   * It may amend the answer; a replayed request does not run it again.
   */
  afterCommit(fn: (result: CommandResult<T>) => Promise<CommandResult<T>>): void;
  /** Services outside the day that handlers use after a commit. */
  readonly hub: HubServices;
}

export interface HubServices {
  /** The base URL phones reach, for the QR code on a ticket. */
  publicUrl(): string;
  /** Print an issued ticket on the kiosk's network printer (browser kiosks). */
  print(device: string, issued: IssueResult, locale: 'vi' | 'en'): Promise<PrintedWithDetail>;
  /** Note a printer's state (logged and broadcast only when it changed). */
  recordPrinter(device: string, state: Omit<PrinterState, 'device' | 'at'>): void;
  /**
   * Store what happened to a ticket's paper (reports, CSV) and log a failed print as one line.
   * `detail` is the printer's technical detail, for the log only.
   */
  recordPrint(device: string, ticketId: string, printed: Printed, detail?: string): void;
  /** Bookings (check-in reads them and marks them, inside the command's transaction). */
  readonly bookings: BookingService;
  /** How long a supervisor may be idle before the hub signs them out (what the console counts down). */
  readonly supervisorIdleMinutes: number;
}

/** Carries out one validated, authorised command; returns its answer or throws a refusal. */
export type CommandHandler<T extends CommandType> = (
  command: CommandOf<T>,
  ctx: HandlerContext<T>,
) => CommandResult<T>;

/** One handler per command: the compiler checks that every command has one, of the right type. */
export type Handlers = { [T in CommandType]: CommandHandler<T> };
