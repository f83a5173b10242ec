import type { BookingError } from '@luot/protocol';

/**
 * Refusals that mean "this slot is no longer yours to take" — it filled, closed or went with a level
 * change while the citizen typed or confirmed — and send them back to the slots, told at once, with
 * the nearest free ones. Other refusals (a limit, a wrong code) are said where the citizen is.
 */
export function slotLost(error: BookingError): boolean {
  return error.error === 'SLOT_FULL' || error.error === 'BOOKING_CLOSED' || error.error === 'NO_SLOT';
}
