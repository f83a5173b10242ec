/**
 * Generates the default announcement clips for the wall display.
 *
 *   npx tsx scripts/make-voice-clips.ts [--out packages/announcer/voice/vi] [--keep-existing]
 *
 * For every id in CLIP_IDS: espeak-ng's northern Vietnamese voice says CLIP_TEXTS[id]; sox trims the silence
 * around it, normalises the level and writes 22050 Hz mono 16-bit WAV to `<out>/<id>.wav`. The chime is a
 * sox-synthesised two-tone ding-dong, `pause.wav` is 400 ms of silence, and `manifest.json` lists every clip.
 *
 * `--keep-existing` only generates missing files, so an office's own recordings are left alone.
 *
 *   npx tsx scripts/make-voice-clips.ts --sample A012 5 call.wav [digits|number] [--out dir]
 *
 * joins the clips of one composed call into a single WAV to listen to (and prints its length).
 * Needs `espeak-ng` and `sox` (Debian: apt-get install espeak-ng sox).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from 'prettier';
import { composeCall } from '../packages/announcer/src/announcement.js';
import { CLIP_IDS, CLIP_TEXTS, type ClipId } from '../packages/announcer/src/clips.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const outArg = args.indexOf('--out');
const outDir = resolve(root, outArg >= 0 ? (args[outArg + 1] ?? '') : 'packages/announcer/voice/vi');
const keepExisting = args.includes('--keep-existing');

const RATE = 22050;
const FORMAT = ['-r', String(RATE), '-c', '1', '-b', '16', '-e', 'signed-integer'];
const ESPEAK = ['-v', 'vi', '-s', '140'];

/** Spellings espeak-ng reads better; the clip still says CLIP_TEXTS[id]. */
const ESPEAK_SPELLING: Partial<Record<ClipId, string>> = {
  // espeak reads "gi" alone as a bare consonant; northern "di" is the same syllable /zi/.
  'letter-j': 'di',
};

const run = (cmd: string, argv: string[]): string => execFileSync(cmd, argv, { encoding: 'utf8' }).trim();
const seconds = (file: string): number => Number(run('soxi', ['-D', file]));

function speech(text: string, out: string, tmp: string): void {
  const raw = join(tmp, 'raw.wav');
  // Hyphenated letter names ("e-lờ") are two syllables; espeak reads a space more naturally.
  run('espeak-ng', [...ESPEAK, '-w', raw, text.replace(/-/g, ' ')]);
  // Trim silence at both ends (the reversed pass also fades the end out), fade in, level to -1 dBFS, pad.
  run('sox', [
    raw,
    ...FORMAT,
    out,
    'silence',
    '1',
    '0.01',
    '0.1%',
    'reverse',
    'silence',
    '1',
    '0.01',
    '0.1%',
    'fade',
    't',
    '0.015',
    'reverse',
    'fade',
    't',
    '0.005',
    'norm',
    '-1',
    'pad',
    '0.02',
    '0.06',
  ]);
}

/** A bell-like tone: fundamental plus two soft partials, quick attack, logarithmic decay. */
function bell(freq: number, length: number, out: string, tmp: string): void {
  const partials = [
    [freq, 1],
    [freq * 2, 0.35],
    [freq * 3, 0.12],
  ] as const;
  const files = partials.map(([f, v], i) => {
    const file = join(tmp, `partial-${i}.wav`);
    run('sox', ['-n', ...FORMAT, file, 'synth', String(length), 'sine', String(f), 'vol', String(v)]);
    return file;
  });
  run('sox', ['-m', ...files, ...FORMAT, out, 'fade', 'l', '0.004', String(length), String(length - 0.01)]);
}

function chime(out: string, tmp: string): void {
  const ding = join(tmp, 'ding.wav');
  const dong = join(tmp, 'dong.wav');
  bell(659.25, 0.45, ding, tmp); // E5
  bell(523.25, 0.75, dong, tmp); // C5
  run('sox', [ding, dong, ...FORMAT, out, 'reverb', '15', '50', '40', 'norm', '-4']);
}

function pause(out: string): void {
  run('sox', ['-n', ...FORMAT, out, 'trim', '0', '0.4']);
}

async function main(): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  const tmp = mkdtempSync(join(tmpdir(), 'luot-voice-'));
  const generator = {
    speech: `${run('espeak-ng', ['--version']).split('  ')[0]} ${ESPEAK.join(' ')}`,
    processing: `${run('sox', ['--version']).replace(/^sox:\s*/, '')}: silence trim, norm -1 dB, ${RATE} Hz mono 16-bit`,
    chime: 'sox synth: E5 then C5 bell tones (3 partials, log decay), reverb, 1.2 s',
    pause: 'sox: 0.4 s of silence',
    script: 'scripts/make-voice-clips.ts',
  };
  let made = 0;
  try {
    for (const id of CLIP_IDS) {
      const out = join(outDir, `${id}.wav`);
      if (keepExisting && existsSync(out)) continue;
      if (id === 'chime') chime(out, tmp);
      else if (id === 'pause') pause(out);
      else speech(ESPEAK_SPELLING[id] ?? CLIP_TEXTS[id], out, tmp);
      made++;
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }

  const clips = CLIP_IDS.map((id: ClipId) => {
    const file = join(outDir, `${id}.wav`);
    const duration = seconds(file);
    if (!(duration > 0)) throw new Error(`${id}.wav is empty`);
    const spelling = ESPEAK_SPELLING[id];
    return {
      id,
      text: CLIP_TEXTS[id],
      ...(spelling !== undefined ? { espeakText: spelling } : {}),
      file: `${id}.wav`,
      seconds: Number(duration.toFixed(3)),
    };
  });
  const manifest = { language: 'vi-VN', format: `WAV ${RATE} Hz mono 16-bit`, generator, clips };
  const json = await format(JSON.stringify(manifest), { parser: 'json', printWidth: 110 });
  writeFileSync(join(outDir, 'manifest.json'), json);

  const known = new Set<string>([...CLIP_IDS.map((id) => `${id}.wav`), 'manifest.json']);
  const extra = readdirSync(outDir).filter((f) => !known.has(f));
  const bytes = readdirSync(outDir).reduce((sum, f) => sum + statSync(join(outDir, f)).size, 0);
  console.log(
    `${made} clips generated, ${CLIP_IDS.length} in the set, ${(bytes / 1024).toFixed(0)} KiB in ${outDir}`,
  );
  if (extra.length > 0) console.warn(`Not in CLIP_IDS (unused): ${extra.join(', ')}`);
}

/** Concatenate the clips of one call into one WAV, to listen to a whole announcement. */
function sample(number: string, counter: string, to: string, style: string | undefined): void {
  const numberStyle = style === 'number' ? 'number' : 'digits';
  const call = composeCall({ number, counter: Number(counter), numberStyle });
  const files = call.clips.map((id) => join(outDir, `${id}.wav`));
  const empty = files.filter((f) => !existsSync(f) || !(seconds(f) > 0));
  if (empty.length > 0) throw new Error(`Missing or empty clips: ${empty.join(', ')}`);
  const out = resolve(process.cwd(), to);
  run('sox', [...files, ...FORMAT, out]);
  console.log(`${call.text}\n${call.clips.length} clips → ${out}, ${seconds(out).toFixed(2)} s`);
}

const sampleArg = args.indexOf('--sample');
if (sampleArg >= 0) {
  const [number, counter, to, style] = args.slice(sampleArg + 1);
  if (!number || !counter || !to)
    throw new Error('usage: --sample <number> <counter> <out.wav> [digits|number]');
  sample(number, counter, to, style);
} else {
  await main();
}
