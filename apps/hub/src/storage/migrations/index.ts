import { initial } from './001-initial.js';
import { ticketSerial } from './002-ticket-serial.js';
import { pinFailures } from './003-pin-failures.js';
import { ticketPrints } from './004-ticket-prints.js';
import { supervisors } from './005-supervisors.js';
import { reportScan } from './006-report-scan.js';
import { leanLiveWrites } from './007-lean-live-writes.js';
import { bookings } from './008-bookings.js';
import { ticketBookingSlot } from './009-ticket-booking-slot.js';
import { bookingPageToken } from './010-booking-page-token.js';

/**
 * Every schema change, in order. A migration is a module (not a .sql file) so that it ships inside
 * the bundled hub and may rewrite data with code when SQL alone cannot. Never edit one that has
 * shipped: add the next number. `runMigrations` refuses a list with gaps or repeats.
 */
export const MIGRATIONS = [
  initial,
  ticketSerial,
  pinFailures,
  ticketPrints,
  supervisors,
  reportScan,
  leanLiveWrites,
  bookings,
  ticketBookingSlot,
  bookingPageToken,
];
