/**
 * The announcement queue: plays announcements strictly in order, one at a time. Nothing is dropped, merged or
 * cut off; a recall is simply another announcement and is played again. A backend error is reported and the
 * queue goes on with the next announcement.
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
  lastError: { entryId: number; error: unknown } | null;
}

export interface AnnouncementQueueOptions<A extends Announcement = Announcement> {
  backend: AudioBackend;
  /** Called when the backend fails on an announcement; the queue continues regardless. */
  onError?: (error: unknown, entry: QueueEntry<A>) => void;
}

export type QueueListener<A extends Announcement = Announcement> = (snapshot: QueueSnapshot<A>) => void;

/**
 * `A` is the announcement type kept in the entries, e.g. `AnnouncementQueue<ComposedCall>` so the UI can show
 * `current.announcement.number`.
 */
export class AnnouncementQueue<A extends Announcement = Announcement> {
  private backend: AudioBackend;
  private readonly onError: ((error: unknown, entry: QueueEntry<A>) => void) | undefined;
  private readonly listeners = new Set<QueueListener<A>>();
  private idleWaiters: Array<() => void> = [];
  private nextId = 1;
  private running = false;
  private disposed = false;
  private snap: QueueSnapshot<A> = { current: null, pending: [], done: 0, failed: 0, lastError: null };

  constructor(options: AnnouncementQueueOptions<A>) {
    this.backend = options.backend;
    this.onError = options.onError;
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

  /** Add an announcement at the end. Playback starts at once when the queue is idle. */
  enqueue(announcement: A): QueueEntry<A> {
    if (this.disposed) throw new Error('AnnouncementQueue is disposed');
    const entry: QueueEntry<A> = { id: this.nextId++, announcement };
    this.update({ pending: [...this.snap.pending, entry] });
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
        const [entry, ...rest] = this.snap.pending;
        if (entry === undefined || this.disposed) break;
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
