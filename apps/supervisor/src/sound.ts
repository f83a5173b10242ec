/**
 * An optional chime for a new alert (a setting kept on this PC, off unless the head turns it on):
 * two short tones made by the browser, so no sound file is shipped. Browsers allow sound only after
 * the page has been clicked, which signing in already did.
 */
export const SOUND_SETTING = 'luot.supervisor.sound';

export function soundOn(): boolean {
  return globalThis.localStorage?.getItem(SOUND_SETTING) === 'on';
}

export function setSound(on: boolean): void {
  globalThis.localStorage?.setItem(SOUND_SETTING, on ? 'on' : 'off');
}

export function chime(): void {
  try {
    const ctx = new AudioContext();
    [660, 880].forEach((hz, i) => {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.frequency.value = hz;
      gain.gain.value = 0.15;
      osc.connect(gain).connect(ctx.destination);
      osc.start(ctx.currentTime + i * 0.25);
      osc.stop(ctx.currentTime + i * 0.25 + 0.2);
    });
    setTimeout(() => void ctx.close(), 1000);
  } catch {
    // No audio on this PC: the badge still says it.
  }
}
