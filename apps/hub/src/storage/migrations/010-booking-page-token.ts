import type { Migration } from '../migrations.js';

/**
 * Each booking gets the token of its own phone page (`/t/<token>`, the same address form as a
 * ticket's): before check-in the page shows the booking and its check-in window, after it the
 * ticket (docs/bookings.md, "The booking's phone page"). A secret of 128 bits, unlike the booking
 * code with the phone's last 3 digits, so the page needs nothing typed. Existing bookings get one.
 */
export const bookingPageToken: Migration = {
  version: 10,
  name: 'booking-page-token',
  up: (db) =>
    db.exec(`
ALTER TABLE bookings ADD COLUMN page_token TEXT;
UPDATE bookings SET page_token = lower(hex(randomblob(16)));
CREATE UNIQUE INDEX bookings_page_token ON bookings (page_token) WHERE page_token IS NOT NULL;
`),
};
