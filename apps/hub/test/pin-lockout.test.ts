import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { LuotClient } from '@luot/client';
import { startTestHub, type TestHub } from '@luot/hub/testing';

let t: TestHub;
afterEach(async () => t?.close());

const MINUTE = 60_000;

/** The hub's whole answer to a sign-in, as a device receives it. */
async function signIn(c: LuotClient, officerId: string, pin: string, requestId: string): Promise<unknown> {
  const ack: unknown = await c.socket
    .timeout(5000)
    .emitWithAck('command', { type: 'counter.signIn', requestId, officerId, pin });
  return ack;
}

const code = (ack: unknown) => (ack as { ok: boolean; error?: { code: string } }).error?.code ?? 'OK';

describe('PIN lock-out', () => {
  it('locks an officer out across every counter: 5 wrong PINs from 5 devices, then even the right PIN waits', async () => {
    t = await startTestHub();
    for (let n = 1; n <= 5; n++) {
      const c = await t.counter(n, false);
      expect(code(await signIn(c, 'cb9', '0000', `guess-${n}-0001`))).toBe('WRONG_PIN');
    }
    const c6 = await t.counter(6, false);
    expect(code(await signIn(c6, 'cb9', '1234', 'guess-6-0001'))).toBe('TOO_MANY_ATTEMPTS');
    const c9 = await t.counter(9, false);
    expect(code(await signIn(c9, 'cb9', '1234', 'guess-9-0001'))).toBe('TOO_MANY_ATTEMPTS');
    // Another officer is not locked out.
    expect(code(await signIn(c6, 'cb6', '1234', 'guess-6-0002'))).toBe('OK');
    // The lock lasts the window on the hub's clock, then the officer signs in.
    t.clock.advance(5 * MINUTE);
    expect(code(await signIn(c9, 'cb9', '1234', 'guess-9-0002'))).toBe('OK');
  });

  it('keeps the count in the database: a restart does not clear the lock', async () => {
    t = await startTestHub();
    const c1 = await t.counter(1, false);
    for (let i = 0; i < 5; i++) {
      expect(code(await signIn(c1, 'cb1', '0000', `guess-1-000${i}`))).toBe('WRONG_PIN');
    }
    await t.restart();
    const again = await t.counter(1, false);
    expect(code(await signIn(again, 'cb1', '1234', 'after-restart-1'))).toBe('TOO_MANY_ATTEMPTS');
    // A guess spaced out over the window still counts until it is older than five minutes.
    t.clock.advance(5 * MINUTE - 1);
    expect(code(await signIn(again, 'cb1', '1234', 'after-restart-2'))).toBe('TOO_MANY_ATTEMPTS');
    t.clock.advance(1);
    expect(code(await signIn(again, 'cb1', '1234', 'after-restart-3'))).toBe('OK');
    // A successful sign-in clears the officer's count; the PINs tried are stored nowhere.
    const db = new Database(join(t.dir, 'luot.sqlite'), { readonly: true });
    expect(db.prepare('SELECT COUNT(*) AS n FROM pin_failures').get()).toEqual({ n: 0 });
    db.close();
  });

  it('answers an unknown officer code exactly like a wrong PIN, and locks it out the same way', async () => {
    t = await startTestHub();
    const c1 = await t.counter(1, false);
    const c2 = await t.counter(2, false);
    const known = await signIn(c1, 'cb3', '9999', 'probe-1-0001');
    const unknown = await signIn(c2, 'cb99', '9999', 'probe-2-0001');
    expect(code(known)).toBe('WRONG_PIN');
    expect(JSON.stringify(unknown)).toBe(JSON.stringify(known).replace('"cb3"', '"cb99"'));
    for (let i = 2; i <= 5; i++) {
      expect(code(await signIn(c1, 'cb3', '9999', `probe-1-000${i}`))).toBe('WRONG_PIN');
      expect(code(await signIn(c2, 'cb99', '9999', `probe-2-000${i}`))).toBe('WRONG_PIN');
    }
    const knownLocked = await signIn(c1, 'cb3', '9999', 'probe-1-0006');
    const unknownLocked = await signIn(c2, 'cb99', '9999', 'probe-2-0006');
    expect(code(knownLocked)).toBe('TOO_MANY_ATTEMPTS');
    expect(JSON.stringify(unknownLocked)).toBe(JSON.stringify(knownLocked).replace('"cb3"', '"cb99"'));
  });
});
