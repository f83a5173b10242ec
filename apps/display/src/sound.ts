/**
 * The display's sound: a chime and the announcement from recorded clips, played one after another by the
 * announcement queue. See options.ts for the choices an office makes in the display's address.
 *
 * In a burst (the level goes up and twenty people are let in; sixteen counters call at 08:00) the queue keeps
 * counter calls timely: calls and recalls go ahead of entry calls still waiting; entry calls waiting are
 * merged into one sentence ("Xin mời công dân có số thứ tự …, … vào sảnh chờ", said once); and just before
 * an announcement that had to wait starts, it is dropped when its ticket is no longer called at that counter
 * (served, no-show, transferred) or, for an entry call, no longer waiting. The one playing is never cut off.
 */
import {
  AnnouncementQueue,
  CLIP_IDS,
  callPriority,
  combineBackends,
  composeCall,
  composeEntryCall,
  createRecordingBackend,
  createSpeechSynthesisBackend,
  createWebAudioBackend,
  type AudioBackend,
  mergeEntryCalls,
  type ComposedCall,
  type SpeechSynthesisBackend,
  type WebAudioBackend,
} from '@luot/announcer';
import type { Locale } from '@luot/ui';
import type { AnnouncementRequest } from './call-log.js';
import type { DisplayOptions } from './options.js';

/** Served by the hub with the built display (Vite copies public/ into dist/). */
const CLIPS_URL = `${import.meta.env.BASE_URL}voice/vi`;

export interface Sound {
  /** The Web Audio clips, whose state says whether the browser lets the display play sound; null when silent. */
  clips: WebAudioBackend | null;
  announce(request: AnnouncementRequest): void;
  dispose(): void;
}

declare global {
  interface Window {
    /** `?audio=record`: what the display would have said (test and diagnostic mode, see options.ts). */
    __luotAnnouncements?: ReturnType<typeof createRecordingBackend>;
  }
}

/** What the queue holds: the announcement and the requests it says (several for a merged entry call). */
type DisplayCall = ComposedCall & { requests: readonly AnnouncementRequest[] };

const SILENT: AudioBackend = { playClips: () => Promise.resolve(), speak: () => Promise.resolve() };

/**
 * `isDue` tells whether a request is still worth saying (DisplayStore.isDue); asked just before each
 * announcement starts.
 */
export function createSound(
  options: DisplayOptions,
  locale: Locale,
  isDue: (request: AnnouncementRequest) => boolean = () => true,
): Sound {
  let clips: WebAudioBackend | null = null;
  let speech: SpeechSynthesisBackend | null = null;
  let backend: AudioBackend = SILENT;
  if (options.audio === 'record') {
    const recorder = createRecordingBackend();
    window.__luotAnnouncements = recorder;
    backend = recorder;
  } else if (options.audio === 'on') {
    clips = createWebAudioBackend(CLIPS_URL, {
      onMissingClip: (id) => console.warn('missing voice clip', id),
    });
    void clips.preload(CLIP_IDS);
    // English is spoken by speech synthesis after the chime; Vietnamese comes from the clips.
    speech = createSpeechSynthesisBackend({ chime: clips });
    backend = combineBackends(clips, speech);
  }

  const compose = (request: AnnouncementRequest): DisplayCall => ({
    ...composeCall({
      number: request.number,
      counter: request.kind === 'entry' ? null : request.counter,
      kind: request.kind,
      numberStyle: options.numbers,
      repeat: options.repeat,
      locale,
    }),
    requests: [request],
  });
  /** An entry call for these admissions: as composed alone for one, one sentence said once for several. */
  const composeEntries = (requests: readonly AnnouncementRequest[]): DisplayCall =>
    requests.length === 1 && requests[0]
      ? compose(requests[0])
      : {
          ...composeEntryCall({
            numbers: requests.map((r) => r.number),
            numberStyle: options.numbers,
            locale,
          }),
          requests,
        };

  let disposed = false;
  const queue = new AnnouncementQueue<DisplayCall>({
    backend,
    onError: (error, entry) => console.warn('announcement failed', entry.announcement.numbers, error),
    priority: callPriority,
    merge: (waiting, next) => {
      const merged = mergeEntryCalls(waiting, next);
      return merged && { ...merged, requests: [...waiting.requests, ...next.requests] };
    },
    beforePlay: (call) => {
      const due = call.requests.filter(isDue);
      if (due.length === call.requests.length) return call;
      if (due.length === 0 || call.kind !== 'entry') return null;
      return composeEntries(due);
    },
  });
  if (speech && options.voice === 'speech') {
    // The browser's Vietnamese voice, only if it has one (most Linux Chromium builds do not).
    const voice = speech;
    void voice.whenVoicesReady().then((hasVietnamese) => {
      if (!hasVietnamese) console.warn('voice=speech: no Vietnamese voice in this browser; using the clips');
      else if (!disposed) queue.setBackend(voice);
    });
  }

  return {
    clips,
    announce(request) {
      try {
        queue.enqueue(compose(request));
      } catch (error) {
        // A number the announcer cannot read (a misconfigured prefix) must not stop the display.
        console.warn('cannot announce', request, error);
      }
    },
    dispose() {
      disposed = true;
      queue.dispose();
    },
  };
}
