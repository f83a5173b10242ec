/**
 * The display's sound: a chime and the announcement from recorded clips, played one after another by the
 * announcement queue. See options.ts for the choices an office makes in the display's address.
 */
import {
  AnnouncementQueue,
  CLIP_IDS,
  combineBackends,
  composeCall,
  createRecordingBackend,
  createSpeechSynthesisBackend,
  createWebAudioBackend,
  type AudioBackend,
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

const SILENT: AudioBackend = { playClips: () => Promise.resolve(), speak: () => Promise.resolve() };

export function createSound(options: DisplayOptions, locale: Locale): Sound {
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

  let disposed = false;
  const queue = new AnnouncementQueue<ComposedCall>({
    backend,
    onError: (error, entry) => console.warn('announcement failed', entry.announcement.number, error),
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
        queue.enqueue(
          composeCall({
            number: request.number,
            counter: request.kind === 'entry' ? null : request.counter,
            kind: request.kind,
            numberStyle: options.numbers,
            repeat: options.repeat,
            locale,
          }),
        );
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
