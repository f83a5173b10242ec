import { readFileSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CLIP_IDS, CLIP_TEXTS } from '../src/index.js';

const voiceDir = fileURLToPath(new URL('../voice/vi/', import.meta.url));

/** Duration of a PCM WAV from its header (fmt byte rate and data size). */
function wavSeconds(file: string): number {
  const buf = readFileSync(file);
  expect(buf.toString('ascii', 0, 4)).toBe('RIFF');
  expect(buf.toString('ascii', 8, 12)).toBe('WAVE');
  let offset = 12;
  let byteRate = 0;
  while (offset + 8 <= buf.length) {
    const id = buf.toString('ascii', offset, offset + 4);
    const size = buf.readUInt32LE(offset + 4);
    if (id === 'fmt ') {
      expect(buf.readUInt16LE(offset + 8)).toBe(1); // PCM
      expect(buf.readUInt16LE(offset + 10)).toBe(1); // mono
      expect(buf.readUInt32LE(offset + 12)).toBe(22050);
      byteRate = buf.readUInt32LE(offset + 16);
      expect(buf.readUInt16LE(offset + 22)).toBe(16);
    }
    if (id === 'data') return Math.min(size, buf.length - offset - 8) / byteRate;
    offset += 8 + size + (size % 2);
  }
  throw new Error(`${file}: no data chunk`);
}

describe('clip files in packages/announcer/voice/vi', () => {
  const files = new Set(readdirSync(voiceDir));

  it('every CLIP_ID has a non-empty 22050 Hz mono 16-bit WAV', () => {
    const missing = CLIP_IDS.filter((id) => !files.has(`${id}.wav`));
    expect(missing).toEqual([]);
    for (const id of CLIP_IDS) {
      const seconds = wavSeconds(`${voiceDir}${id}.wav`);
      expect(seconds, id).toBeGreaterThan(0.1);
      expect(seconds, id).toBeLessThan(4);
    }
  });

  it('the manifest lists exactly the clip set, with the same texts', () => {
    const manifest = JSON.parse(readFileSync(`${voiceDir}manifest.json`, 'utf8')) as {
      clips: Array<{ id: string; text: string; file: string }>;
    };
    expect(manifest.clips.map((c) => c.id)).toEqual([...CLIP_IDS]);
    for (const c of manifest.clips) expect(c.text).toBe(CLIP_TEXTS[c.id as (typeof CLIP_IDS)[number]]);
  });

  it('stays small', () => {
    const total = [...files].reduce((sum, f) => sum + statSync(`${voiceDir}${f}`).size, 0);
    expect(total).toBeLessThan(3 * 1024 * 1024);
  });
});
