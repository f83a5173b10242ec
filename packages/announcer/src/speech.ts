/**
 * Speech synthesis backend (`window.speechSynthesis`): the fallback when no clips are wanted, and the way
 * English announcements are spoken. Clip lists are spoken as the text the clips stand for.
 *
 * Structural types only (no DOM lib): the module loads in Node and tests inject fakes.
 */
import type { SpeechLang } from './announcement.js';
import { CLIP_TEXTS, isClipId } from './clips.js';
import type { AudioBackend } from './queue.js';

export interface SpeechSynthesisVoiceLike {
  readonly lang: string;
  readonly name: string;
  readonly localService: boolean;
}

export interface SpeechSynthesisUtteranceLike {
  lang: string;
  voice: SpeechSynthesisVoiceLike | null;
  rate: number;
  onend: ((ev: never) => unknown) | null;
  onerror: ((ev: never) => unknown) | null;
}

export interface SpeechSynthesisLike {
  speak(utterance: SpeechSynthesisUtteranceLike): void;
  cancel(): void;
  getVoices(): readonly SpeechSynthesisVoiceLike[];
  onvoiceschanged: ((ev: never) => unknown) | null;
}

export interface SpeechSynthesisBackendOptions {
  /** Default `globalThis.speechSynthesis`. */
  synth?: SpeechSynthesisLike;
  /** Default `globalThis.SpeechSynthesisUtterance`. */
  Utterance?: new (text: string) => SpeechSynthesisUtteranceLike;
  /** Speaking rate, default 0.9 (a little slower than normal, for a hall). */
  rate?: number;
  /** Prefer voices that work offline; default true. */
  preferLocalVoice?: boolean;
  /** Plays the 'chime' clip (e.g. a Web Audio backend); without it the chime is skipped. */
  chime?: AudioBackend;
  /** Length of the 'pause' clip; default 400 ms. */
  pauseMs?: number;
  /** Injected for tests; default setTimeout. */
  sleep?: (ms: number) => Promise<void>;
}

export interface SpeechSynthesisBackend extends AudioBackend {
  speak(text: string, lang: SpeechLang): Promise<void>;
  /** False when the browser has no speech synthesis at all. */
  readonly available: boolean;
  /** Whether a Vietnamese voice is installed (voices may load late: see `whenVoicesReady`). */
  hasVietnameseVoice(): boolean;
  /** The voice used for a language, or null (then the browser's default voice reads it, usually badly). */
  voiceFor(lang: SpeechLang): SpeechSynthesisVoiceLike | null;
  /** Resolves once the voice list is known (or after 2 s), with `hasVietnameseVoice()`. */
  whenVoicesReady(): Promise<boolean>;
}

interface SpeechGlobals {
  speechSynthesis?: SpeechSynthesisLike;
  SpeechSynthesisUtterance?: new (text: string) => SpeechSynthesisUtteranceLike;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function langMatches(voiceLang: string, lang: SpeechLang): 'exact' | 'language' | null {
  const v = voiceLang.replace('_', '-').toLowerCase();
  const want = lang.toLowerCase();
  if (v === want) return 'exact';
  if (v.split('-')[0] === want.split('-')[0]) return 'language';
  return null;
}

export function createSpeechSynthesisBackend(
  options: SpeechSynthesisBackendOptions = {},
): SpeechSynthesisBackend {
  const g = globalThis as unknown as SpeechGlobals;
  const synth = options.synth ?? g.speechSynthesis;
  const Utterance = options.Utterance ?? g.SpeechSynthesisUtterance;
  const rate = options.rate ?? 0.9;
  const preferLocal = options.preferLocalVoice ?? true;
  const pauseMs = options.pauseMs ?? 400;
  const sleep = options.sleep ?? defaultSleep;

  const voiceFor = (lang: SpeechLang): SpeechSynthesisVoiceLike | null => {
    if (!synth) return null;
    const scored = synth
      .getVoices()
      .map((voice) => {
        const match = langMatches(voice.lang, lang);
        const score =
          match === null ? -1 : (match === 'exact' ? 2 : 0) + (voice.localService === preferLocal ? 1 : 0);
        return { voice, score };
      })
      .filter((s) => s.score >= 0)
      .sort((a, b) => b.score - a.score);
    return scored[0]?.voice ?? null;
  };

  const speak = (text: string, lang: SpeechLang): Promise<void> => {
    if (!synth || !Utterance) return Promise.reject(new Error('Speech synthesis is not available'));
    const utterance = new Utterance(text);
    utterance.lang = lang;
    utterance.voice = voiceFor(lang);
    utterance.rate = rate;
    return new Promise<void>((resolve, reject) => {
      // Chrome sometimes never fires 'end'; do not hold the queue forever.
      const timer = setTimeout(
        () => {
          synth.cancel();
          resolve();
        },
        4000 + (text.length * 150) / rate,
      );
      utterance.onend = () => {
        clearTimeout(timer);
        resolve();
      };
      utterance.onerror = (ev) => {
        clearTimeout(timer);
        const code = (ev as { error?: string } | undefined)?.error ?? 'unknown';
        reject(new Error(`Speech synthesis failed: ${code}`));
      };
      synth.speak(utterance);
    });
  };

  let voicesReady: Promise<boolean> | null = null;

  return {
    available: synth !== undefined && Utterance !== undefined,
    speak,
    voiceFor,
    hasVietnameseVoice: () => voiceFor('vi-VN') !== null,
    whenVoicesReady() {
      voicesReady ??= new Promise<boolean>((resolve) => {
        if (!synth || synth.getVoices().length > 0) {
          resolve(voiceFor('vi-VN') !== null);
          return;
        }
        const previous = synth.onvoiceschanged;
        const timer = setTimeout(() => resolve(voiceFor('vi-VN') !== null), 2000);
        synth.onvoiceschanged = (ev) => {
          clearTimeout(timer);
          resolve(voiceFor('vi-VN') !== null);
          previous?.(ev);
        };
      });
      return voicesReady;
    },
    async playClips(clips) {
      // Consecutive spoken clips become one utterance; 'pause' waits, 'chime' goes to the chime backend.
      let words: string[] = [];
      const flush = async () => {
        if (words.length === 0) return;
        const text = words.join(' ');
        words = [];
        await speak(text, 'vi-VN');
      };
      for (const id of clips) {
        if (id === 'chime') {
          await flush();
          if (options.chime) await options.chime.playClips(['chime']);
        } else if (id === 'pause') {
          await flush();
          await sleep(pauseMs);
        } else if (isClipId(id)) {
          words.push(CLIP_TEXTS[id]);
        }
      }
      await flush();
    },
  };
}
