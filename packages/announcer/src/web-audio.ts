/**
 * Clips played with Web Audio: each `${baseUrl}/${id}.wav` is fetched and decoded once (cached), and an
 * announcement's clips are scheduled back to back on one AudioContext, so there are no gaps or overlaps.
 *
 * Only structural types are used here (no DOM lib), so the module loads in Node and tests inject fakes.
 */
import type { AudioBackend } from './queue.js';

export interface AudioBufferLike {
  readonly duration: number;
}

export interface AudioBufferSourceNodeLike {
  buffer: AudioBufferLike | null;
  onended: ((ev: never) => unknown) | null;
  connect(destination: object): unknown;
  start(when?: number): void;
}

/** The part of `AudioContext` this backend uses; a real `AudioContext` fits. */
export interface AudioContextLike {
  readonly state: string;
  readonly currentTime: number;
  readonly destination: object;
  onstatechange: ((ev: never) => unknown) | null;
  resume(): Promise<void>;
  decodeAudioData(data: ArrayBuffer): Promise<AudioBufferLike>;
  createBufferSource(): AudioBufferSourceNodeLike;
}

export interface FetchResponseLike {
  readonly ok: boolean;
  readonly status: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}
export type FetchLike = (url: string) => Promise<FetchResponseLike>;

/**
 * - `running`: sound plays.
 * - `suspended`: not started yet (the start-up probe has not answered yet, or `probe: false`).
 * - `blocked`: the browser's autoplay policy keeps the context suspended: show "Bấm để bật âm thanh" and
 *   call `unlock()` from the click handler.
 * - `closed`, `unavailable` (no Web Audio in this browser).
 */
export type AudioUnlockState = 'running' | 'suspended' | 'blocked' | 'closed' | 'unavailable';

export class AudioBlockedError extends Error {
  constructor() {
    super('Audio is blocked by the browser autoplay policy; a user gesture (unlock) is needed');
    this.name = 'AudioBlockedError';
  }
}

export interface WebAudioBackendOptions {
  /** Default: a new `AudioContext` (or `webkitAudioContext`) from `globalThis`. */
  audioContext?: AudioContextLike;
  /** Default: `globalThis.fetch`. */
  fetch?: FetchLike;
  /** How long a `resume()` may stay pending before the context counts as blocked. Default 300 ms. */
  blockedAfterMs?: number;
  /** Lead time before the first clip starts, in seconds. Default 0.05. */
  leadSeconds?: number;
  /**
   * Try to start the context at once, so `state` says 'running' or 'blocked' before the first call.
   * Default true.
   */
  probe?: boolean;
  /** Called once per failed load of a clip (missing file, network error, undecodable). */
  onMissingClip?: (id: string, error: unknown) => void;
}

export interface WebAudioBackend extends AudioBackend {
  readonly state: AudioUnlockState;
  onStateChange(listener: (state: AudioUnlockState) => void): () => void;
  /** Call from a user gesture (click/keypress) to start audio; resolves true when running. */
  unlock(): Promise<boolean>;
  /** Fetch and decode clips ahead of time (all failures are swallowed and reported as missing). */
  preload(ids: readonly string[]): Promise<void>;
  /** Ids that failed to load (a later successful load removes them). */
  readonly missing: ReadonlySet<string>;
}

interface AudioGlobals {
  AudioContext?: new () => AudioContextLike;
  webkitAudioContext?: new () => AudioContextLike;
  fetch?: FetchLike;
}

class NotFound extends Error {}

/**
 * @param baseUrl folder holding the clips, e.g. '/voice/vi' (no trailing slash needed).
 */
export function createWebAudioBackend(
  baseUrl: string,
  options: WebAudioBackendOptions = {},
): WebAudioBackend {
  const g = globalThis as unknown as AudioGlobals;
  const base = baseUrl.replace(/\/+$/, '');
  const globalFetch = g.fetch;
  const doFetch: FetchLike | undefined =
    options.fetch ?? (globalFetch ? (url) => globalFetch.call(globalThis, url) : undefined);
  const blockedAfterMs = options.blockedAfterMs ?? 300;
  const lead = options.leadSeconds ?? 0.05;
  const listeners = new Set<(s: AudioUnlockState) => void>();
  const cache = new Map<string, Promise<AudioBufferLike | null>>();
  const missing = new Set<string>();

  let ctx: AudioContextLike | null = options.audioContext ?? null;
  if (!ctx) {
    const Ctor = g.AudioContext ?? g.webkitAudioContext;
    try {
      ctx = Ctor ? new Ctor() : null;
    } catch {
      ctx = null;
    }
  }

  let state: AudioUnlockState = !ctx ? 'unavailable' : fromContext(ctx.state, 'suspended');
  const setState = (s: AudioUnlockState) => {
    if (s === state) return;
    state = s;
    for (const l of [...listeners]) {
      try {
        l(s);
      } catch {
        // ignore listener errors
      }
    }
  };
  if (ctx) {
    const c = ctx;
    c.onstatechange = () => setState(fromContext(c.state, state === 'blocked' ? 'blocked' : 'suspended'));
  }

  /** Resume the context; if it is still not running after `blockedAfterMs`, it is blocked. */
  const ensureRunning = async (c: AudioContextLike): Promise<void> => {
    if (c.state === 'running') {
      setState('running');
      return;
    }
    if (c.state === 'closed') {
      setState('closed');
      throw new Error('AudioContext is closed');
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([
      c.resume().catch(() => undefined),
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, blockedAfterMs);
      }),
    ]);
    clearTimeout(timer);
    if (c.state === 'running') {
      setState('running');
      return;
    }
    setState('blocked');
    throw new AudioBlockedError();
  };

  const load = (c: AudioContextLike, id: string): Promise<AudioBufferLike | null> => {
    const cached = cache.get(id);
    if (cached) return cached;
    const p = (async () => {
      if (!doFetch) throw new Error('fetch is not available');
      const res = await doFetch(`${base}/${encodeURIComponent(id)}.wav`);
      if (!res.ok) throw res.status === 404 ? new NotFound(`HTTP 404`) : new Error(`HTTP ${res.status}`);
      const buffer = await c.decodeAudioData(await res.arrayBuffer());
      missing.delete(id);
      return buffer;
    })().catch((error: unknown) => {
      missing.add(id);
      // A missing file stays missing until reload; other failures are retried next time.
      if (!(error instanceof NotFound)) cache.delete(id);
      options.onMissingClip?.(id, error);
      return null;
    });
    cache.set(id, p);
    return p;
  };

  if (ctx && ctx.state === 'suspended' && (options.probe ?? true)) {
    ensureRunning(ctx).catch(() => undefined);
  }

  return {
    get state() {
      return state;
    },
    missing,
    onStateChange(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    async unlock() {
      if (!ctx) return false;
      try {
        await ctx.resume();
      } catch {
        // stays blocked
      }
      setState(fromContext(ctx.state, 'blocked'));
      return ctx.state === 'running';
    },
    async preload(ids) {
      const c = ctx;
      if (!c) return;
      await Promise.all(ids.map((id) => load(c, id)));
    },
    async playClips(clips) {
      const c = ctx;
      if (!c) throw new Error('Web Audio is not available in this browser');
      const buffers = await Promise.all(clips.map((id) => load(c, id)));
      await ensureRunning(c);
      const present = buffers.filter((b): b is AudioBufferLike => b !== null && b.duration > 0);
      if (present.length === 0) return;
      let at = c.currentTime + lead;
      const endings: Array<Promise<void>> = [];
      for (const buffer of present) {
        const source = c.createBufferSource();
        source.buffer = buffer;
        source.connect(c.destination);
        endings.push(
          new Promise<void>((resolve) => {
            source.onended = () => resolve();
          }),
        );
        source.start(at);
        at += buffer.duration;
      }
      // Safety net: if 'ended' never fires (context suspended mid-way, browser bug), do not hang the queue.
      let timer: ReturnType<typeof setTimeout> | undefined;
      const safety = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, (at - c.currentTime) * 1000 + 2000);
      });
      await Promise.race([endings[endings.length - 1], safety]);
      clearTimeout(timer);
    },
  };
}

function fromContext(s: string, notRunning: 'suspended' | 'blocked'): AudioUnlockState {
  if (s === 'running') return 'running';
  if (s === 'closed') return 'closed';
  return notRunning;
}
