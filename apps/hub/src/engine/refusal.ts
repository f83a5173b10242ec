import { QueueError } from '@luot/core';
import { protocolError, type CommandFail, type ErrorCode, type HubErrorCode } from '@luot/protocol';

/** A refusal by the hub's own rules (who may do what), answered like the queue's refusals. */
export class Refusal extends Error {
  constructor(
    readonly code: HubErrorCode,
    readonly details: Record<string, unknown> = {},
  ) {
    super(code);
    this.name = 'Refusal';
  }
}

export function fail(code: ErrorCode, details?: Record<string, unknown>): CommandFail {
  return { ok: false, error: protocolError(code, details) };
}

/** The answer for a refusal thrown by a rule (the queue's or the hub's), or null for anything unexpected. */
export function refusalAnswer(e: unknown): CommandFail | null {
  return e instanceof QueueError || e instanceof Refusal ? fail(e.code, e.details) : null;
}
