import type { Migration } from '../migrations.js';

/**
 * A booked ticket says so in its own row: `booking_slot` is the slot start (epoch ms) of the booking
 * the citizen checked in with, null for a walk-in. Reports compare the waits of booked and walk-in
 * citizens from the ticket rows (docs/reports.md, "Bookings"); the booking's row points at its
 * ticket too, but reports read tickets by day and should not need a join per ticket. Tickets
 * checked in before this migration get their slot from the bookings table (same `ticket_id`).
 */
export const ticketBookingSlot: Migration = {
  version: 9,
  name: 'ticket-booking-slot',
  up: (db) =>
    db.exec(`
ALTER TABLE tickets ADD COLUMN booking_slot INTEGER;
UPDATE tickets SET booking_slot = (SELECT b.slot_start FROM bookings b WHERE b.ticket_id = tickets.id)
 WHERE id IN (SELECT ticket_id FROM bookings WHERE ticket_id IS NOT NULL);
`),
};
