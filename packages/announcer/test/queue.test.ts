import { describe, expect, it } from 'vitest';
import {
  AnnouncementQueue,
  callPriority,
  combineBackends,
  composeCall,
  mergeEntryCalls,
  createRecordingBackend,
  type AudioBackend,
  type ComposedCall,
  type QueueSnapshot,
} from '../src/index.js';

const call = (number: string, counter: number, kind: 'call' | 'entry' | 'recall' = 'call') =>
  composeCall({ number, counter, kind });

describe('AnnouncementQueue', () => {
  it('five enqueued in one tick all play, in order, one at a time', async () => {
    const backend = createRecordingBackend({ manual: true });
    const queue = new AnnouncementQueue<ComposedCall>({ backend });
    const numbers = ['A001', 'B002', 'C003', 'E004', 'G005'];
    for (const [i, n] of numbers.entries()) queue.enqueue(call(n, i + 1));

    expect(queue.current?.announcement).toMatchObject({ number: 'A001' });
    expect(queue.pending.map((e) => e.announcement.number)).toEqual(numbers.slice(1));

    for (let i = 1; i <= numbers.length; i++) {
      await backend.waitForPlays(i);
      // Only the current one has started: the next waits until this one finishes.
      expect(backend.played).toHaveLength(i);
      expect(backend.active).toBe(1);
      backend.finish();
    }
    await queue.whenIdle();
    expect(backend.maxActive).toBe(1);
    expect(backend.played.map((p) => p.clips[2])).toEqual([
      'letter-a',
      'letter-b',
      'letter-c',
      'letter-e',
      'letter-g',
    ]);
    expect(queue.snapshot).toMatchObject({ current: null, pending: [], done: 5, failed: 0 });
  });

  it('plays the whole clip list of each announcement (nothing cut off)', async () => {
    const backend = createRecordingBackend();
    const queue = new AnnouncementQueue({ backend });
    const a = call('A012', 5);
    queue.enqueue(a);
    await queue.whenIdle();
    expect(backend.played).toEqual([{ clips: [...a.clips], text: expect.any(String) }]);
    expect(backend.played[0]?.text).toBe(
      'Xin mời công dân có số thứ tự a không một hai đến quầy số năm Xin mời công dân có số thứ tự a không một hai đến quầy số năm',
    );
  });

  it('a recall of the ticket being announced is played again', async () => {
    const backend = createRecordingBackend({ manual: true });
    const queue = new AnnouncementQueue({ backend });
    queue.enqueue(call('A012', 5));
    queue.enqueue(call('A012', 5, 'recall'));
    queue.enqueue(call('A012', 5, 'recall'));
    for (let i = 1; i <= 3; i++) {
      await backend.waitForPlays(i);
      backend.finish();
    }
    await queue.whenIdle();
    expect(backend.played.map((p) => p.clips[1])).toEqual([
      'xin-moi-cong-dan-co-so-thu-tu',
      'xin-moi-lai-cong-dan-co-so-thu-tu',
      'xin-moi-lai-cong-dan-co-so-thu-tu',
    ]);
  });

  it('backend errors (rejections and throws) are reported and do not stop the queue', async () => {
    const errors: unknown[] = [];
    let calls = 0;
    const backend: AudioBackend = {
      playClips() {
        calls++;
        if (calls === 1) throw new Error('sync boom');
        if (calls === 2) return Promise.reject(new Error('async boom'));
        return Promise.resolve();
      },
    };
    const queue = new AnnouncementQueue({ backend, onError: (e) => errors.push(e) });
    queue.enqueue(call('A001', 1));
    queue.enqueue(call('A002', 1));
    queue.enqueue(call('A003', 1));
    await queue.whenIdle();
    expect(calls).toBe(3);
    expect(errors.map((e) => (e as Error).message)).toEqual(['sync boom', 'async boom']);
    expect(queue.snapshot).toMatchObject({ done: 3, failed: 2, lastError: { entryId: 2 } });
  });

  it('a failure in manual mode moves on to the next announcement', async () => {
    const backend = createRecordingBackend({ manual: true });
    const queue = new AnnouncementQueue({ backend });
    queue.enqueue(call('A001', 1));
    queue.enqueue(call('A002', 2));
    await backend.waitForPlays(1);
    backend.finish(new Error('decode failed'));
    await backend.waitForPlays(2);
    backend.finish();
    await queue.whenIdle();
    expect(queue.snapshot).toMatchObject({ done: 2, failed: 1 });
  });

  it('onChange reports current and pending; listeners can unsubscribe; a broken listener is harmless', async () => {
    const backend = createRecordingBackend({ manual: true });
    const queue = new AnnouncementQueue({ backend });
    const seen: Array<[number | null, number[]]> = [];
    queue.onChange(() => {
      throw new Error('broken listener');
    });
    const off = queue.onChange((s: QueueSnapshot) =>
      seen.push([s.current?.id ?? null, s.pending.map((e) => e.id)]),
    );
    queue.enqueue(call('A001', 1));
    queue.enqueue(call('A002', 2));
    await backend.waitForPlays(1);
    backend.finish();
    await backend.waitForPlays(2);
    off();
    backend.finish();
    await queue.whenIdle();
    expect(seen).toEqual([
      [null, [1]], // enqueued
      [1, []], // playing 1
      [1, [2]], // 2 enqueued
      [null, [2]], // 1 done
      [2, []], // playing 2
    ]);
  });

  it('speech-mode announcements are spoken after the chime; a backend without speak reports an error', async () => {
    const backend = createRecordingBackend();
    const queue = new AnnouncementQueue({ backend });
    const en = composeCall({ number: 'A012', counter: 5, locale: 'en', repeat: 1 });
    queue.enqueue(en);
    await queue.whenIdle();
    expect(backend.played).toEqual([
      { clips: ['chime'], text: '' },
      { clips: [], text: 'Ticket A 0 1 2, please go to counter 5.', lang: 'en-US' },
    ]);

    const errors: unknown[] = [];
    const mute = new AnnouncementQueue({
      backend: { playClips: () => Promise.resolve() },
      onError: (e) => errors.push(e),
    });
    mute.enqueue(en);
    await mute.whenIdle();
    expect(errors).toHaveLength(1);
  });

  it('combineBackends: clips from one backend, speech from another', async () => {
    const clips = createRecordingBackend();
    const speech = createRecordingBackend();
    const queue = new AnnouncementQueue({ backend: combineBackends(clips, speech) });
    queue.enqueue(composeCall({ number: 'A012', counter: 5, locale: 'en', repeat: 1 }));
    queue.enqueue(composeCall({ number: 'A013', counter: 5, repeat: 1 }));
    await queue.whenIdle();
    expect(clips.played.map((p) => p.clips[0])).toEqual(['chime', 'chime']);
    expect(speech.played.map((p) => p.text)).toEqual(['Ticket A 0 1 2, please go to counter 5.']);
  });

  it('setBackend applies from the next announcement', async () => {
    const first = createRecordingBackend({ manual: true });
    const second = createRecordingBackend();
    const queue = new AnnouncementQueue({ backend: first });
    queue.enqueue(call('A001', 1));
    queue.enqueue(call('A002', 1));
    queue.setBackend(second);
    await first.waitForPlays(1);
    first.finish();
    await queue.whenIdle();
    expect(first.played).toHaveLength(1);
    expect(second.played).toHaveLength(1);
  });

  it('an announcement enqueued by a listener while playing is played too', async () => {
    const backend = createRecordingBackend();
    const queue = new AnnouncementQueue({ backend });
    let added = false;
    queue.onChange((s) => {
      if (s.done === 1 && !added) {
        added = true;
        queue.enqueue(call('B002', 2));
      }
    });
    queue.enqueue(call('A001', 1));
    await queue.whenIdle();
    expect(backend.played.map((p) => p.clips[2])).toEqual(['letter-a', 'letter-b']);
  });

  it('keeps working after going idle; dispose stops it', async () => {
    const backend = createRecordingBackend();
    const queue = new AnnouncementQueue({ backend });
    queue.enqueue(call('A001', 1));
    await queue.whenIdle();
    queue.enqueue(call('A002', 1));
    await queue.whenIdle();
    expect(backend.played).toHaveLength(2);
    queue.dispose();
    expect(() => queue.enqueue(call('A003', 1))).toThrow(/disposed/);
  });
});

describe('AnnouncementQueue with call rules (priority, merge, beforePlay)', () => {
  const entry = (number: string) => composeCall({ number, kind: 'entry' });
  /** The ticket numbers each play said, e.g. ['A001'] or ['C001', 'C002']. */
  const said = (clips: readonly string[]) => {
    const out: string[] = [];
    for (const [i, c] of clips.entries()) {
      if (!c.startsWith('letter-')) continue;
      let n = c.slice(7).toUpperCase();
      for (const d of clips.slice(i + 1)) {
        if (!d.startsWith('digit-')) break;
        n += d.slice(6);
      }
      out.push(n);
    }
    return out;
  };
  const rules = (beforePlay?: (a: ComposedCall) => ComposedCall | null) =>
    new AnnouncementQueue<ComposedCall>({
      backend,
      priority: callPriority,
      merge: (a, b) => mergeEntryCalls(a, b, 4),
      ...(beforePlay ? { beforePlay } : {}),
    });
  let backend = createRecordingBackend({ manual: true });

  async function playAll(queue: AnnouncementQueue<ComposedCall>) {
    while (queue.busy) {
      if (backend.active > 0) backend.finish();
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  }

  it('calls go ahead of entry calls waiting, in their order; the one playing is not cut off', async () => {
    backend = createRecordingBackend({ manual: true });
    const queue = rules();
    queue.enqueue(entry('C021')); // starts at once
    queue.enqueue(entry('C022'));
    queue.enqueue(call('A001', 1));
    queue.enqueue(entry('C023'));
    queue.enqueue(call('B002', 4));
    queue.enqueue(call('A001', 1, 'recall'));
    expect(queue.current?.announcement.numbers).toEqual(['C021']);
    expect(queue.pending.map((e) => [e.announcement.kind, e.announcement.numbers])).toEqual([
      ['call', ['A001']],
      ['call', ['B002']],
      ['recall', ['A001']],
      ['entry', ['C022', 'C023']],
    ]);
    await playAll(queue);
    // The entry call that was playing was played whole, with its repeat.
    expect(backend.played[0]?.clips).toEqual(entry('C021').clips);
    expect(backend.played.map((p) => said(p.clips))).toEqual([
      ['C021', 'C021'],
      ['A001', 'A001'],
      ['B002', 'B002'],
      ['A001', 'A001'],
      ['C022', 'C023'],
    ]);
    expect(backend.maxActive).toBe(1);
    expect(queue.snapshot).toMatchObject({ done: 5, failed: 0, dropped: 0 });
  });

  it('entry calls waiting merge into one sentence, said once, at most `max` numbers each', async () => {
    backend = createRecordingBackend({ manual: true });
    const queue = rules();
    queue.enqueue(call('A001', 1)); // playing
    const numbers = Array.from({ length: 10 }, (_, i) => `C0${String(21 + i)}`);
    const entries = numbers.map((n) => queue.enqueue(entry(n)));
    // Merged entries keep the id of the entry they were merged into.
    expect(new Set(entries.map((e) => e.id)).size).toBe(3);
    expect(queue.pending.map((e) => e.announcement.numbers)).toEqual([
      numbers.slice(0, 4),
      numbers.slice(4, 8),
      numbers.slice(8),
    ]);
    const merged = queue.pending[0]!.announcement;
    expect(merged.clips).toEqual([
      'chime',
      'xin-moi-cong-dan-co-so-thu-tu',
      ...['1', '2', '3', '4'].flatMap((d, i) => [
        ...(i > 0 ? ['pause'] : []),
        'letter-c',
        'digit-0',
        'digit-2',
        `digit-${d}`,
      ]),
      'vao-sanh-cho',
    ]);
    expect(merged.text).toBe(
      'Xin mời công dân có số thứ tự Xê không hai một, Xê không hai hai, Xê không hai ba, Xê không hai bốn vào sảnh chờ.',
    );
    // A call that comes later still goes ahead of them all.
    queue.enqueue(call('B002', 4));
    await playAll(queue);
    expect(backend.played.map((p) => said(p.clips))).toEqual([
      ['A001', 'A001'],
      ['B002', 'B002'],
      numbers.slice(0, 4),
      numbers.slice(4, 8),
      numbers.slice(8),
    ]);
  });

  it('calls are never merged, and a lone entry call keeps its repeat', async () => {
    backend = createRecordingBackend({ manual: true });
    const queue = rules();
    queue.enqueue(call('A001', 1));
    queue.enqueue(call('A002', 1));
    queue.enqueue(call('A002', 1, 'recall'));
    queue.enqueue(entry('C021'));
    expect(queue.pending.map((e) => e.announcement.kind)).toEqual(['call', 'recall', 'entry']);
    expect(queue.pending[2]?.announcement.clips).toEqual(entry('C021').clips);
    await playAll(queue);
    expect(backend.played).toHaveLength(4);
  });

  it('beforePlay drops a stale call waiting (or revises it), never the one playing', async () => {
    backend = createRecordingBackend({ manual: true });
    const stale = new Set<string>();
    const queue = rules((a) => {
      if (a.kind !== 'entry') return stale.has(a.number) ? null : a;
      const left = a.numbers.filter((n) => !stale.has(n));
      if (left.length === a.numbers.length) return a;
      return left.length === 0 ? null : entry(left[0]!);
    });
    queue.enqueue(call('A001', 1));
    queue.enqueue(call('A002', 2));
    queue.enqueue(call('A003', 3));
    queue.enqueue(entry('C021'));
    queue.enqueue(entry('C022'));
    await backend.waitForPlays(1);
    // A001 is playing; A001 and A002 are served meanwhile, C021 is already called to a counter.
    stale.add('A001');
    stale.add('A002');
    stale.add('C022');
    expect(queue.current?.announcement.number).toBe('A001');
    await playAll(queue);
    expect(backend.played.map((p) => said(p.clips))).toEqual([
      ['A001', 'A001'],
      ['A003', 'A003'],
      ['C021', 'C021'],
    ]);
    expect(queue.snapshot).toMatchObject({ done: 3, dropped: 1, current: null, pending: [] });
  });

  it('a throwing beforePlay plays the announcement as it is', async () => {
    backend = createRecordingBackend();
    const queue = new AnnouncementQueue<ComposedCall>({
      backend,
      beforePlay: () => {
        throw new Error('broken rule');
      },
    });
    queue.enqueue(call('A001', 1));
    await queue.whenIdle();
    expect(backend.played).toHaveLength(1);
  });

  it('without rules it stays first in, first out', async () => {
    backend = createRecordingBackend();
    const queue = new AnnouncementQueue<ComposedCall>({ backend });
    queue.enqueue(entry('C021'));
    queue.enqueue(entry('C022'));
    queue.enqueue(call('A001', 1));
    await queue.whenIdle();
    expect(backend.played.map((p) => said(p.clips)[0])).toEqual(['C021', 'C022', 'A001']);
  });
});
