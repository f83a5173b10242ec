/**
 * Between the hub client and the screen: keeps the call board and the entry calls, decides what is
 * announced and what flashes.
 *
 * The rule that keeps a stale call from being announced as new: only events the client marks as live
 * (broadcast by the hub as they happened) are announced and flashed. The client also hands out events it
 * fetched when resyncing after a reconnection (and replaces its whole copy of the day after a long one); those
 * update the log and the screen silently. After a fresh snapshot ('snapshot') the log is rebuilt from the day's
 * state: the events it would have needed are not coming.
 * The board (latest call and history) is always derived from the day's state, never from the events, so
 * a display opened late shows the same as one that ran all day.
 *
 * Framework-free, so it is tested under Node with a fake client; React reads it with useSyncExternalStore.
 */
import type { Snapshot, StreamEvent } from '@luot/protocol';
import {
  announcementsFor,
  foldEvents,
  LOG_LIMIT,
  logFromState,
  stillDue,
  type AnnouncementRequest,
  type CallLog,
} from './call-log.js';
import { callBoard, type CallBoard } from './view-model.js';

/** The part of LuotClient the store uses. */
export interface StoreClient {
  readonly snapshot: Snapshot | null;
  on(kind: 'events', fn: (events: StreamEvent[], live: boolean) => void): () => void;
  on(kind: 'snapshot', fn: (snapshot: Snapshot) => void): () => void;
}

export interface DisplayView {
  /** Entry calls into the hall. */
  log: CallLog;
  /** The latest call in force and the history, from the day's state. */
  board: CallBoard;
  /** The latest call while it flashes on screen: only after it was called (or recalled) live. */
  flash: { ticketId: string; seq: number } | null;
  /**
   * While the entry calls flash: the seq of the last ticket let into the hall live. An entry call is
   * news for the citizen outside as a counter call is for one inside, and gets the same flash.
   */
  entryFlash: number | null;
}

export interface DisplayStoreOptions {
  /** Called for each live call or admission, in hub order. */
  announce: (request: AnnouncementRequest) => void;
}

/** How long a new call flashes (the CSS animation runs 6 × 1 s). */
export const FLASH_MS = 6000;

const EMPTY: DisplayView = {
  log: { admissions: [], seq: 0 },
  board: { latest: null, history: [], anyCalled: false },
  flash: null,
  entryFlash: null,
};

export class DisplayStore {
  private current: DisplayView = EMPTY;
  private readonly listeners = new Set<() => void>();
  private flashTimer: ReturnType<typeof setTimeout> | undefined;
  private entryFlashTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly client: StoreClient,
    private readonly options: DisplayStoreOptions,
  ) {}

  get view(): DisplayView {
    return this.current;
  }

  readonly subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };

  readonly getView = (): DisplayView => this.current;

  /**
   * Whether an announcement asked for earlier is still worth saying now (see `stillDue`); true while the
   * day is not known yet. The sound asks just before playing a call that had to wait.
   */
  readonly isDue = (request: AnnouncementRequest): boolean => {
    const state = this.client.snapshot?.state;
    return state ? stillDue(request, state) : true;
  };

  /** Start following the client; returns the function that stops. */
  start(): () => void {
    // The client says whether events arrived live or were replayed by a resync after a disconnection.
    const offEvents = this.client.on('events', (events, live) => this.onEvents(events, live));
    const offSnapshot = this.client.on('snapshot', (snap) => this.rebuild(snap));
    if (this.client.snapshot) this.rebuild(this.client.snapshot);
    return () => {
      offEvents();
      offSnapshot();
      clearTimeout(this.flashTimer);
      clearTimeout(this.entryFlashTimer);
    };
  }

  /** The client replaced its copy of the day (first load or a long disconnection): rebuild, silently. */
  private rebuild(snap: Snapshot): void {
    clearTimeout(this.flashTimer);
    clearTimeout(this.entryFlashTimer);
    this.set({
      log: logFromState(snap.state, snap.seq),
      board: callBoard(snap.config, snap.state, LOG_LIMIT),
      flash: null,
      entryFlash: null,
    });
  }

  private onEvents(events: StreamEvent[], live: boolean): void {
    // The day with these events applied (the client applies them before telling).
    const snap = this.client.snapshot;
    if (!snap) return;
    const before = this.current.log;
    const log = foldEvents(before, events, snap.state);
    if (log === before) return;
    // Any event may change the board: a call, a finish, a no-show, a transfer, a counter closing.
    const board = callBoard(snap.config, snap.state, LOG_LIMIT);
    let flash = this.current.flash;
    let entryFlash = this.current.entryFlash;
    if (live) {
      const fresh = events.filter((e) => e.seq > before.seq);
      for (const request of announcementsFor(fresh, snap.state)) this.options.announce(request);
      // The panel flashes when a call heard live put its ticket on it (not when it falls back to an older one).
      const latest = board.latest?.ticketId;
      const call = fresh.findLast((e) => e.event.type === 'ticket.called' && e.event.ticketId === latest);
      if (latest && call) {
        flash = { ticketId: latest, seq: call.seq };
        clearTimeout(this.flashTimer);
        this.flashTimer = setTimeout(() => this.set({ ...this.current, flash: null }), FLASH_MS);
      }
      const admitted = fresh.findLast((e) => e.event.type === 'ticket.admitted');
      if (admitted) {
        entryFlash = admitted.seq;
        clearTimeout(this.entryFlashTimer);
        this.entryFlashTimer = setTimeout(() => this.set({ ...this.current, entryFlash: null }), FLASH_MS);
      }
    }
    this.set({ ...this.current, log, board, flash, entryFlash });
  }

  private set(view: DisplayView): void {
    this.current = view;
    for (const fn of [...this.listeners]) fn();
  }
}
