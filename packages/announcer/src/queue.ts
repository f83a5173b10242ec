/**
 * The announcement queue: plays announcements one at a time, never cutting off the one playing; a recall is
 * simply another announcement and is played again. A backend error is reported and the queue goes on with the
 * next announcement.
 *
 * By default it is strictly first in, first out, and nothing is dropped or merged. Three optional rules change
 * what is still waiting (never the one playing):
 * - `priority`: higher goes ahead of lower; equal priorities keep their order (e.g. `callPriority`: calls to
 *   a counter go ahead of entry calls into the hall);
 * - `merge`: a new announcement may be folded into the last one waiting at its priority (e.g.
 *   `mergeEntryCalls`: several entry calls become one);
 * - `beforePlay`: the last look before an announcement starts: play it, a revised one, or drop it (a call
 *   for a ticket already served).
 *
 * Framework-free: the display subscribes with `onChange` (e.g. through `useSyncExternalStore`).
 */
import type { Announcement, SpeechLang } from './announcement.js';
import { clipsToText } from './clips.js';

/** Where sound comes from. Web Audio clips, speech synthesis, or a recorder in tests. */
export interface AudioBackend {
  /** Play the clips back to back; resolve when the last one has finished. */
  playClips(clips: readonly string[]): Promise<void>;
  /** Speak a text; needed for `mode: 'speech'` announcements (English). */
  speak?(text: string, lang: SpeechLang): Promise<void>;
}

export interface QueueEntry<A extends Announcement = Announcement> {
  /** 1, 2, 3… in enqueue order. */
  id: number;
  announcement: A;
}

export interface QueueSnapshot<A extends Announcement = Announcement> {
  current: QueueEntry<A> | null;
  pending: readonly QueueEntry<A>[];
  /** Announcements finished (successfully or not). */
  done: number;
  failed: number;
  /** Announcements dropped by `beforePlay` without being played. */
  dropped: number;
  lastError: { entryId: number; error: unknown } | null;
}

export interface AnnouncementQueueOptions<A extends Announcement = Announcement> {
  backend: AudioBackend;
  /** Called when the backend fails on an announcement; the queue continues regardless. */
  onError?: (error: unknown, entry: QueueEntry<A>) => void;
  /** Higher plays first; equal priorities keep enqueue order. Default: all equal (first in, first out). */
  priority?: (announcement: A) => number;
  /**
   * Fold a new announcement into the last one waiting at the same priority: return the combined
   * announcement (it keeps the waiting entry's place and id), or null to queue the new one on its own.
   * Never applied to the one playing.
   */
  merge?: (waiting: A, next: A) => A | null;
  /**
   * Called when an announcement is about to start: return it (or a revised one) to play it, or null to drop
   * it (counted in `dropped`). If it throws, the announcement is played as it is.
   */
  beforePlay?: (announcement: A) => A | null;
}

export type QueueListener<A extends Announcement = Announcement> = (snapshot: QueueSnapshot<A>) => void;

/**
 * `A` is the announcement type kept in the entries, e.g. `AnnouncementQueue<ComposedCall>` so the UI can show
 * `current.announcement.number`.
 */
export class AnnouncementQueue<A extends Announcement = Announcement> {
  private backend: AudioBackend;
  private readonly onError: ((error: unknown, entry: QueueEntry<A>) => void) | undefined;
  private readonly priorityOf: (announcement: A) => number;
  private readonly merge: ((waiting: A, next: A) => A | null) | undefined;
  private readonly beforePlay: ((announcement: A) => A | null) | undefined;
  private readonly listeners = new Set<QueueListener<A>>();
  private idleWaiters: Array<() => void> = [];
  private nextId = 1;
  private running = false;
  private disposed = false;
  private snap: QueueSnapshot<A> = {
    current: null,
    pending: [],
    done: 0,
    failed: 0,
    dropped: 0,
    lastError: null,
  };

  constructor(options: AnnouncementQueueOptions<A>) {
    this.backend = options.backend;
    this.onError = options.onError;
    this.priorityOf = options.priority ?? (() => 0);
    this.merge = options.merge;
    this.beforePlay = options.beforePlay;
  }

  /** The current state; a new object after every change (safe for `useSyncExternalStore`). */
  get snapshot(): QueueSnapshot<A> {
    return this.snap;
  }

  get current(): QueueEntry<A> | null {
    return this.snap.current;
  }

  get pending(): readonly QueueEntry<A>[] {
    return this.snap.pending;
  }

  /** True while something is playing or waiting. */
  get busy(): boolean {
    return this.snap.current !== null || this.snap.pending.length > 0;
  }

  /**
   * Add an announcement after those waiting with the same or a higher priority, or merge it into the last of
   * them (see `merge`); returns its entry (the merged one's when merged). Playback starts at once when the
   * queue is idle.
   */
  enqueue(announcement: A): QueueEntry<A> {
    if (this.disposed) throw new Error('AnnouncementQueue is disposed');
    const pending = [...this.snap.pending];
    const priority = this.priorityOf(announcement);
    // Waiting entries are sorted by priority, highest first: the new one goes after the last with >= priority.
    let at = pending.length;
    while (at > 0 && this.priorityOf(pending[at - 1]!.announcement) < priority) at--;
    const last = pending[at - 1];
    if (this.merge && last && this.priorityOf(last.announcement) === priority) {
      const merged = this.merge(last.announcement, announcement);
      if (merged !== null) {
        const entry: QueueEntry<A> = { id: last.id, announcement: merged };
        pending[at - 1] = entry;
        this.update({ pending });
        return entry;
      }
    }
    const entry: QueueEntry<A> = { id: this.nextId++, announcement };
    pending.splice(at, 0, entry);
    this.update({ pending });
    if (!this.running) void this.run();
    return entry;
  }

  /** Subscribe to changes; returns the unsubscribe function. */
  onChange(listener: QueueListener<A>): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** Switch backend (e.g. clips → speech synthesis); applies from the next announcement. */
  setBackend(backend: AudioBackend): void {
    this.backend = backend;
  }

  /** Resolves when nothing is playing or pending. */
  whenIdle(): Promise<void> {
    if (!this.busy) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Stop after the current announcement and forget the pending ones (unmount only). */
  dispose(): void {
    this.disposed = true;
    this.update({ pending: [] });
    this.listeners.clear();
  }

  private lastLook(announcement: A): A | null {
    if (!this.beforePlay) return announcement;
    try {
      return this.beforePlay(announcement);
    } catch {
      return announcement;
    }
  }

  private update(patch: Partial<QueueSnapshot<A>>): void {
    this.snap = { ...this.snap, ...patch };
    for (const listener of [...this.listeners]) {
      try {
        listener(this.snap);
      } catch {
        // A broken listener must not stop the announcements.
      }
    }
  }

  private async run(): Promise<void> {
    this.running = true;
    try {
      for (;;) {
        const [next, ...rest] = this.snap.pending;
        if (next === undefined || this.disposed) break;
        const announcement = this.lastLook(next.announcement);
        if (announcement === null) {
          this.update({ pending: rest, dropped: this.snap.dropped + 1 });
          continue;
        }
        const entry = announcement === next.announcement ? next : { id: next.id, announcement };
        this.update({ current: entry, pending: rest });
        let error: unknown = undefined;
        let failed = false;
        try {
          await play(this.backend, entry.announcement);
        } catch (e) {
          failed = true;
          error = e;
        }
        if (failed) {
          try {
            this.onError?.(error, entry);
          } catch {
            // ignore
          }
        }
        this.update({
          current: null,
          done: this.snap.done + 1,
          failed: this.snap.failed + (failed ? 1 : 0),
          lastError: failed ? { entryId: entry.id, error } : this.snap.lastError,
        });
      }
    } finally {
      this.running = false;
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const w of waiters) w();
    }
  }
}

async function play(backend: AudioBackend, a: Announcement): Promise<void> {
  if (a.clips.length > 0) await backend.playClips(a.clips);
  if (a.mode === 'speech') {
    if (!backend.speak) throw new Error('This audio backend cannot speak text');
    await backend.speak(a.text, a.lang);
  }
}

/**
 * Clips from one backend, speech from another: e.g. Web Audio clips (Vietnamese, chime) plus speech
 * synthesis for English announcements.
 */
export function combineBackends(
  clips: AudioBackend,
  speech: Pick<Required<AudioBackend>, 'speak'>,
): AudioBackend {
  return {
    playClips: (ids) => clips.playClips(ids),
    speak: (text, lang) => speech.speak(text, lang),
  };
}

export interface PlayRecord {
  clips: string[];
  /** For `playClips`: the words the clips say; for `speak`: the text. */
  text: string;
  lang?: SpeechLang;
}

export interface RecordingBackend extends AudioBackend {
  speak(text: string, lang: SpeechLang): Promise<void>;
  /** Every play and speak call, in call order (recorded when the call starts). */
  readonly played: PlayRecord[];
  /** Plays started and not yet finished. */
  readonly active: number;
  /** The most plays ever active at once (1 means nothing overlapped). */
  readonly maxActive: number;
  /** Manual mode: finish the oldest unfinished play (resolve, or reject with `error`). */
  finish(error?: unknown): void;
  /** Resolves once at least `count` plays have started. */
  waitForPlays(count: number): Promise<void>;
}

/**
 * A backend that records what it was asked to play, for unit and browser tests.
 * By default every play finishes in a microtask; with `{ manual: true }` each play waits for `finish()`.
 * `failOn` makes plays whose clips or text contain the given string reject.
 */
export function createRecordingBackend(
  options: { manual?: boolean; failOn?: string } = {},
): RecordingBackend {
  const played: PlayRecord[] = [];
  const unfinished: Array<{ resolve: () => void; reject: (e: unknown) => void }> = [];
  const waiters: Array<{ count: number; resolve: () => void }> = [];
  let active = 0;
  let maxActive = 0;

  const start = (record: PlayRecord): Promise<void> => {
    played.push(record);
    active++;
    maxActive = Math.max(maxActive, active);
    for (const w of waiters.filter((w) => played.length >= w.count)) {
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve();
    }
    const fails =
      options.failOn !== undefined &&
      (record.text.includes(options.failOn) || record.clips.includes(options.failOn));
    const done = options.manual
      ? new Promise<void>((resolve, reject) => unfinished.push({ resolve, reject }))
      : Promise.resolve();
    return done
      .then(() => {
        if (fails) throw new Error(`recording backend: asked to fail on ${options.failOn}`);
      })
      .finally(() => {
        active--;
      });
  };

  return {
    played,
    get active() {
      return active;
    },
    get maxActive() {
      return maxActive;
    },
    playClips(clips) {
      return start({ clips: [...clips], text: clipsToText(clips) });
    },
    speak(text, lang) {
      return start({ clips: [], text, lang });
    },
    finish(error?: unknown) {
      const next = unfinished.shift();
      if (!next) throw new Error('recording backend: nothing is playing');
      if (error === undefined) next.resolve();
      else next.reject(error);
    },
    waitForPlays(count) {
      if (played.length >= count) return Promise.resolve();
      return new Promise((resolve) => waiters.push({ count, resolve }));
    },
  };
}
