export {
  DIGIT_WORDS,
  LETTERS,
  LETTER_NAMES,
  digitsToWords,
  letterName,
  lettersToWords,
  numberToWords,
} from './words.js';
export { CLIP_IDS, CLIP_TEXTS, NUMBER_WORD_CLIPS, clipsToText, isClipId, type ClipId } from './clips.js';
export {
  DEFAULT_REPEAT,
  composeCall,
  parseTicketNumber,
  type Announcement,
  type CallKind,
  type CallRequest,
  type ComposedCall,
  type Locale,
  type NumberStyle,
  type SpeechLang,
  type TicketNumberParts,
} from './announcement.js';
export {
  AnnouncementQueue,
  combineBackends,
  createRecordingBackend,
  type AnnouncementQueueOptions,
  type AudioBackend,
  type PlayRecord,
  type QueueEntry,
  type QueueListener,
  type QueueSnapshot,
  type RecordingBackend,
} from './queue.js';
export {
  AudioBlockedError,
  createWebAudioBackend,
  type AudioBufferLike,
  type AudioBufferSourceNodeLike,
  type AudioContextLike,
  type AudioUnlockState,
  type FetchLike,
  type FetchResponseLike,
  type WebAudioBackend,
  type WebAudioBackendOptions,
} from './web-audio.js';
export {
  createSpeechSynthesisBackend,
  type SpeechSynthesisBackend,
  type SpeechSynthesisBackendOptions,
  type SpeechSynthesisLike,
  type SpeechSynthesisUtteranceLike,
  type SpeechSynthesisVoiceLike,
} from './speech.js';
