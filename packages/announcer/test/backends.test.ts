import { describe, expect, it } from 'vitest';
import {
  AudioBlockedError,
  composeCall,
  createSpeechSynthesisBackend,
  createWebAudioBackend,
  type AudioBufferLike,
  type AudioBufferSourceNodeLike,
  type AudioContextLike,
  type FetchLike,
  type SpeechSynthesisLike,
  type SpeechSynthesisUtteranceLike,
  type SpeechSynthesisVoiceLike,
} from '../src/index.js';

/** A fake AudioContext: sources end when the test says so (`endAll`), or at once with `autoEnd`. */
class FakeAudioContext implements AudioContextLike {
  state = 'running';
  currentTime = 10;
  destination = {};
  onstatechange: ((ev: never) => unknown) | null = null;
  started: Array<{ duration: number; when: number; source: AudioBufferSourceNodeLike }> = [];
  decoded = 0;
  allowResume = true;
  autoEnd = true;
  private startWaiters: Array<{ n: number; resolve: () => void }> = [];

  resume(): Promise<void> {
    if (!this.allowResume) return new Promise(() => {}); // autoplay policy: pending until a gesture
    this.setState('running');
    return Promise.resolve();
  }
  setState(s: string) {
    this.state = s;
    this.onstatechange?.(undefined as never);
  }
  decodeAudioData(data: ArrayBuffer): Promise<AudioBufferLike> {
    this.decoded++;
    const text = new TextDecoder().decode(data);
    if (!text.startsWith('wav:')) return Promise.reject(new Error('undecodable'));
    return Promise.resolve({ duration: Number(text.slice(4)) });
  }
  createBufferSource(): AudioBufferSourceNodeLike {
    const source: AudioBufferSourceNodeLike = {
      buffer: null,
      onended: null,
      connect: () => undefined,
      start: (when = 0) => {
        this.started.push({ duration: source.buffer?.duration ?? 0, when, source });
        if (this.autoEnd) queueMicrotask(() => source.onended?.(undefined as never));
        for (const w of this.startWaiters.filter((w) => this.started.length >= w.n)) w.resolve();
      },
    };
    return source;
  }
  waitForStarts(n: number): Promise<void> {
    if (this.started.length >= n) return Promise.resolve();
    return new Promise((resolve) => this.startWaiters.push({ n, resolve }));
  }
  endAll() {
    for (const s of this.started) s.source.onended?.(undefined as never);
  }
}

function fakeFetch(files: Record<string, string>, log: string[] = []): FetchLike {
  return async (url) => {
    log.push(url);
    const body = files[url];
    if (body === undefined) return { ok: false, status: 404, arrayBuffer: async () => new ArrayBuffer(0) };
    if (body === 'network-error') throw new TypeError('Failed to fetch');
    return {
      ok: true,
      status: 200,
      arrayBuffer: async () => new TextEncoder().encode(body).buffer as ArrayBuffer,
    };
  };
}

describe('createWebAudioBackend', () => {
  it('schedules the clips back to back and resolves when the last one has ended', async () => {
    const ctx = new FakeAudioContext();
    ctx.autoEnd = false;
    const backend = createWebAudioBackend('/voice/vi/', {
      audioContext: ctx,
      fetch: fakeFetch({
        '/voice/vi/chime.wav': 'wav:1.2',
        '/voice/vi/letter-a.wav': 'wav:0.4',
        '/voice/vi/pause.wav': 'wav:0.4',
      }),
    });
    let done = false;
    const playing = backend.playClips(['chime', 'letter-a', 'pause', 'letter-a']).then(() => {
      done = true;
    });
    await ctx.waitForStarts(4);
    expect(ctx.started.map((s) => [s.duration, Number(s.when.toFixed(3))])).toEqual([
      [1.2, 10.05],
      [0.4, 11.25],
      [0.4, 11.65],
      [0.4, 12.05],
    ]);
    await Promise.resolve();
    expect(done).toBe(false);
    ctx.endAll();
    await playing;
    expect(done).toBe(true);
    expect(backend.state).toBe('running');
  });

  it('fetches and decodes each clip once (cache)', async () => {
    const ctx = new FakeAudioContext();
    const log: string[] = [];
    const backend = createWebAudioBackend('/v', {
      audioContext: ctx,
      fetch: fakeFetch({ '/v/digit-1.wav': 'wav:0.3' }, log),
    });
    await backend.playClips(['digit-1', 'digit-1']);
    await backend.playClips(['digit-1']);
    expect(log).toEqual(['/v/digit-1.wav']);
    expect(ctx.decoded).toBe(1);
    expect(ctx.started).toHaveLength(3);
  });

  it('skips a missing or broken clip and plays the rest; retries network errors later', async () => {
    const ctx = new FakeAudioContext();
    const reported: string[] = [];
    const files: Record<string, string> = {
      '/v/a.wav': 'wav:0.5',
      '/v/broken.wav': 'garbage',
      '/v/flaky.wav': 'network-error',
    };
    const log: string[] = [];
    const backend = createWebAudioBackend('/v', {
      audioContext: ctx,
      fetch: fakeFetch(files, log),
      onMissingClip: (id) => reported.push(id),
    });
    await backend.playClips(['a', 'gone', 'broken', 'flaky', 'a']);
    expect(ctx.started.map((s) => s.duration)).toEqual([0.5, 0.5]);
    expect(reported.sort()).toEqual(['broken', 'flaky', 'gone']);
    expect([...backend.missing].sort()).toEqual(['broken', 'flaky', 'gone']);

    files['/v/flaky.wav'] = 'wav:0.25';
    await backend.playClips(['gone', 'flaky']);
    expect(ctx.started.map((s) => s.duration)).toEqual([0.5, 0.5, 0.25]);
    expect(log.filter((u) => u === '/v/gone.wav')).toHaveLength(1); // a 404 is not fetched again
    expect(backend.missing.has('flaky')).toBe(false);
  });

  it('reports "blocked" when the autoplay policy keeps the context suspended, and recovers on unlock', async () => {
    const ctx = new FakeAudioContext();
    ctx.state = 'suspended';
    ctx.allowResume = false;
    const states: string[] = [];
    const backend = createWebAudioBackend('/v', {
      audioContext: ctx,
      fetch: fakeFetch({ '/v/chime.wav': 'wav:1' }),
      blockedAfterMs: 0,
      probe: false,
    });
    backend.onStateChange((s) => states.push(s));
    expect(backend.state).toBe('suspended');
    await expect(backend.playClips(['chime'])).rejects.toBeInstanceOf(AudioBlockedError);
    expect(backend.state).toBe('blocked');
    expect(ctx.started).toHaveLength(0);

    ctx.allowResume = true; // the user clicked "bấm để bật âm thanh"
    await expect(backend.unlock()).resolves.toBe(true);
    expect(backend.state).toBe('running');
    await backend.playClips(['chime']);
    expect(ctx.started).toHaveLength(1);
    expect(states).toEqual(['blocked', 'running']);
  });

  it('probes at start-up so the UI can ask for a click before the first call', async () => {
    const ctx = new FakeAudioContext();
    ctx.state = 'suspended';
    ctx.allowResume = false;
    const backend = createWebAudioBackend('/v', {
      audioContext: ctx,
      fetch: fakeFetch({}),
      blockedAfterMs: 0,
    });
    expect(backend.state).toBe('suspended');
    await new Promise<void>((resolve) => backend.onStateChange(() => resolve()));
    expect(backend.state).toBe('blocked');

    const allowed = new FakeAudioContext();
    allowed.state = 'suspended'; // e.g. Chromium with --autoplay-policy=no-user-gesture-required resumes at once
    const ok = createWebAudioBackend('/v', { audioContext: allowed, fetch: fakeFetch({}) });
    expect(ok.state).toBe('running'); // the fake resumes synchronously
  });

  it('is "unavailable" without Web Audio (e.g. in Node) and rejects plays', async () => {
    const backend = createWebAudioBackend('/v', { fetch: fakeFetch({}) });
    expect(backend.state).toBe('unavailable');
    await expect(backend.playClips(['chime'])).rejects.toThrow(/not available/);
    await expect(backend.unlock()).resolves.toBe(false);
  });
});

class FakeUtterance implements SpeechSynthesisUtteranceLike {
  lang = '';
  voice: SpeechSynthesisVoiceLike | null = null;
  rate = 1;
  onend: ((ev: never) => unknown) | null = null;
  onerror: ((ev: never) => unknown) | null = null;
  constructor(readonly text: string) {}
}

function fakeSynth(voices: SpeechSynthesisVoiceLike[], failOn?: string) {
  const spoken: FakeUtterance[] = [];
  const synth: SpeechSynthesisLike = {
    speak(u) {
      const utterance = u as FakeUtterance;
      spoken.push(utterance);
      queueMicrotask(() => {
        if (failOn !== undefined && utterance.text.includes(failOn))
          utterance.onerror?.({ error: 'synthesis-failed' } as never);
        else utterance.onend?.(undefined as never);
      });
    },
    cancel: () => undefined,
    getVoices: () => voices,
    onvoiceschanged: null,
  };
  return { synth, spoken };
}

const VOICES: SpeechSynthesisVoiceLike[] = [
  { lang: 'en-US', name: 'English', localService: true },
  { lang: 'vi-VN', name: 'Google Tiếng Việt', localService: false },
  { lang: 'vi_VN', name: 'Microsoft An', localService: true },
];

describe('createSpeechSynthesisBackend', () => {
  it('picks a Vietnamese voice (offline first) and reports whether one exists', async () => {
    const { synth } = fakeSynth(VOICES);
    const backend = createSpeechSynthesisBackend({ synth, Utterance: FakeUtterance });
    expect(backend.available).toBe(true);
    expect(backend.hasVietnameseVoice()).toBe(true);
    expect(backend.voiceFor('vi-VN')?.name).toBe('Microsoft An');
    await expect(backend.whenVoicesReady()).resolves.toBe(true);

    const none = createSpeechSynthesisBackend({
      synth: fakeSynth(VOICES.slice(0, 1)).synth,
      Utterance: FakeUtterance,
    });
    expect(none.hasVietnameseVoice()).toBe(false);
  });

  it('speaks the clips as text: chime to the chime backend, one utterance per sentence, pauses between', async () => {
    const { synth, spoken } = fakeSynth(VOICES);
    const chimes: string[][] = [];
    const pauses: number[] = [];
    const backend = createSpeechSynthesisBackend({
      synth,
      Utterance: FakeUtterance,
      chime: { playClips: async (c) => void chimes.push([...c]) },
      sleep: async (ms) => void pauses.push(ms),
    });
    await backend.playClips(composeCall({ number: 'L012', counter: 5 }).clips);
    expect(chimes).toEqual([['chime']]);
    expect(pauses).toEqual([400]);
    expect(spoken.map((u) => u.text)).toEqual([
      'Xin mời công dân có số thứ tự e-lờ không một hai đến quầy số năm',
      'Xin mời công dân có số thứ tự e-lờ không một hai đến quầy số năm',
    ]);
    expect(spoken[0]).toMatchObject({ lang: 'vi-VN', rate: 0.9 });
    expect(spoken[0]?.voice?.name).toBe('Microsoft An');
  });

  it('rejects on a synthesis error, and when there is no speech synthesis', async () => {
    const { synth } = fakeSynth(VOICES, 'boom');
    const backend = createSpeechSynthesisBackend({ synth, Utterance: FakeUtterance });
    await expect(backend.speak('boom', 'vi-VN')).rejects.toThrow(/synthesis-failed/);
    await expect(backend.speak('fine', 'en-US')).resolves.toBeUndefined();
    const absent = createSpeechSynthesisBackend();
    expect(absent.available).toBe(false);
    await expect(absent.speak('x', 'vi-VN')).rejects.toThrow(/not available/);
  });
});
