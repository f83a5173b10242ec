/** Why the queue refused a command. Messages for people live in @luot/protocol (Vietnamese and English). */
export type QueueErrorCode =
  | 'DAY_CLOSED'
  | 'OUTSIDE_SESSION'
  | 'UNKNOWN_SERVICE'
  | 'UNKNOWN_PRIORITY'
  | 'SERVICE_RESTRICTED'
  | 'NO_OPEN_COUNTER'
  | 'COUNTER_LOST'
  | 'DAILY_CAP_REACHED'
  | 'WAIT_PAST_CLOSING'
  | 'PARTY_TOO_LARGE'
  | 'UNKNOWN_COUNTER'
  | 'COUNTER_NOT_OPEN'
  | 'COUNTER_CLOSED_AT_LEVEL'
  | 'COUNTER_CLOSED_BY_SUPERVISOR'
  | 'COUNTER_BUSY'
  | 'NO_TICKET_IN_HAND'
  | 'QUEUE_EMPTY'
  | 'UNKNOWN_TICKET'
  | 'TICKET_NOT_WAITING'
  | 'TICKET_OUTSIDE'
  | 'TICKET_NOT_FOR_COUNTER'
  | 'TICKET_NOT_CALLED'
  | 'TICKET_FINAL'
  | 'TICKET_NOT_NO_SHOW'
  | 'REACTIVATE_TOO_LATE'
  | 'INVALID_TRANSFER'
  | 'INVALID_SERVICES'
  | 'OFFICER_ELSEWHERE'
  | 'NOT_RATABLE'
  | 'ALREADY_RATED'
  | 'INVALID_SCORE'
  // Bookings (bookings.ts): refusals of a new booking …
  | 'NO_SLOT'
  | 'OUTSIDE_HORIZON'
  | 'BOOKING_CLOSED'
  | 'BLOCKED_FOR_CANCELLATIONS'
  | 'DAILY_LIMIT'
  | 'SERVICE_DAY_LIMIT'
  | 'SLOT_FULL'
  // … and of a check-in (the `issue` command with a booking).
  | 'CHECK_IN_EARLY'
  | 'CHECK_IN_LATE'
  | 'ALREADY_CHECKED_IN';

export class QueueError extends Error {
  readonly code: QueueErrorCode;
  readonly details: Record<string, string | number | null>;

  constructor(code: QueueErrorCode, details: Record<string, string | number | null> = {}) {
    // A refusal is an answer ("nobody waits"), not a fault: nobody reads its stack, and capturing
    // one was a tenth of a simulated day's time (an idle counter is refused at every look).
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(code);
    Error.stackTraceLimit = limit;
    this.name = 'QueueError';
    this.code = code;
    this.details = details;
  }
}

export function refuse(code: QueueErrorCode, details?: Record<string, string | number | null>): never {
  throw new QueueError(code, details);
}
