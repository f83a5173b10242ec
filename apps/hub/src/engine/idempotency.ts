import { createHash } from 'node:crypto';
import type { Command, CommandAck } from '@luot/protocol';
import type { Store } from '../storage/store.js';
import { fail } from './refusal.js';

/** How long answers are kept for replay: a retry comes within minutes, not days. */
export const REQUEST_RETENTION_MS = 48 * 3600_000;

/** Identifies a request's content for replay checks. A PIN never enters it (the hash is stored). */
export function requestHash(command: Command): string {
  const { requestId: _r, ...rest } = command;
  if ('pin' in rest) rest.pin = '';
  return createHash('sha256').update(JSON.stringify(rest)).digest('hex');
}

/**
 * Every command carries a `requestId`; the same request from the same device is carried out once.
 * A retry while the first is still in flight waits for its answer; a retry after it was stored gets
 * the stored answer, marked as a replay. A different command under a used id is refused.
 */
export class Replays {
  private readonly inflight = new Map<string, { hash: string; promise: Promise<CommandAck> }>();

  constructor(private readonly store: Store) {}

  /**
   * The answer to give instead of running the command again, or null when it is new. Synchronous
   * up to the wait, so that a copy arriving in the same instant finds the first one in flight.
   */
  previous(device: string, command: Command, hash: string): Promise<CommandAck> | null {
    const pending =
      this.inflight.get(key(device, command.requestId)) ?? this.store.getRequest(device, command.requestId);
    if (!pending) return null;
    if (pending.hash !== hash)
      return Promise.resolve(fail('REQUEST_ID_REUSED', { requestId: command.requestId }));
    // Only successes are stored; an in-flight copy answers whatever the first one gets.
    const answer = 'promise' in pending ? pending.promise : Promise.resolve(pending.ack);
    return answer.then((ack) => (ack.ok ? { ...ack, replayed: true } : ack));
  }

  /** Remember a request while it runs, so a copy that arrives meanwhile waits for it. */
  track(device: string, requestId: string, hash: string, promise: Promise<CommandAck>): void {
    const k = key(device, requestId);
    this.inflight.set(k, { hash, promise });
    void promise.finally(() => this.inflight.delete(k));
  }
}

const key = (device: string, requestId: string) => `${device}\u0000${requestId}`;
