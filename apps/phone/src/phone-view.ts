import type { TicketWatch } from '@luot/protocol';

/**
 * The ticket's phone page as pure data: which stage the ticket is at, and when to alert the
 * citizen (vibrate) because a counter calls them.
 */
export type Stage =
  | 'outside'
  | 'admitted'
  | 'waiting'
  | 'transferred'
  | 'called'
  | 'serving'
  | 'done'
  | 'no_show'
  | 'cancelled';

export interface WatchState {
  watch: TicketWatch | null;
  /** The page saw the ticket waiting outside: once inside, say "come into the hall". */
  seenOutside: boolean;
  /** Calls (and recalls) seen so far; each new one alerts. */
  calls: number;
}

export const initialWatchState: WatchState = { watch: null, seenOutside: false, calls: 0 };

export function watchReducer(s: WatchState, next: TicketWatch): WatchState {
  return {
    watch: next,
    seenOutside: s.seenOutside || next.ticket.status === 'outside',
    calls: s.calls + (isNewCall(s.watch, next) ? 1 : 0),
  };
}

/** A counter calls the ticket now: a first call, or a recall (the call count went up). */
export function isNewCall(prev: TicketWatch | null, next: TicketWatch): boolean {
  if (next.ticket.status !== 'called') return false;
  return !prev || prev.ticket.status !== 'called' || next.ticket.callCount > prev.ticket.callCount;
}

export function stageOf(s: WatchState): Stage | null {
  const status = s.watch?.ticket.status;
  if (!status) return null;
  // Sent on by a counter: waiting again, inside, for another service or counter.
  if (status === 'waiting' && s.watch!.ticket.transfers > 0) return 'transferred';
  if (status === 'waiting') return s.seenOutside ? 'admitted' : 'waiting';
  return status;
}

/** Whether the page shows the place in line and the expected wait. */
export function showsPosition(stage: Stage | null): boolean {
  return stage === 'outside' || stage === 'waiting' || stage === 'admitted' || stage === 'transferred';
}

/** The ticket token is the last segment of /t/<token>. */
export function tokenFromPath(pathname: string): string | null {
  const last = pathname.split('/').filter(Boolean).at(-1);
  return last && /^[\w-]{10,64}$/.test(last) ? last : null;
}
