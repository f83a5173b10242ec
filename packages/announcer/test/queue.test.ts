import { describe, expect, it } from 'vitest';
import {
  AnnouncementQueue,
  combineBackends,
  composeCall,
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
