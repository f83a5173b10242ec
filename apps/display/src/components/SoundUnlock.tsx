import { useEffect, useSyncExternalStore } from 'react';
import type { WebAudioBackend } from '@luot/announcer';

/**
 * While the browser keeps sound off (autoplay policy), a discreet button asks for one click; any click or
 * key press on the display does. Wall displays should rather start the browser with
 * --autoplay-policy=no-user-gesture-required.
 */
export function SoundUnlock({ clips, label }: { clips: WebAudioBackend; label: string }) {
  const state = useSyncExternalStore(
    (fn) => clips.onStateChange(fn),
    () => clips.state,
  );
  // 'suspended' only means the start-up check has not answered yet; 'blocked' is the browser saying no.
  const locked = state === 'blocked';
  useEffect(() => {
    if (!locked) return;
    const unlock = () => void clips.unlock();
    window.addEventListener('pointerdown', unlock);
    window.addEventListener('keydown', unlock);
    return () => {
      window.removeEventListener('pointerdown', unlock);
      window.removeEventListener('keydown', unlock);
    };
  }, [clips, locked]);
  if (!locked) return null;
  return (
    <button type="button" className="sound-unlock" onClick={() => void clips.unlock()}>
      <svg viewBox="0 0 24 24" width="1.2em" height="1.2em" aria-hidden="true">
        <path d="M4 9v6h4l5 4V5L8 9H4z" fill="currentColor" />
        <path d="M16 9l5 6M21 9l-5 6" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
      </svg>
      {label}
    </button>
  );
}
