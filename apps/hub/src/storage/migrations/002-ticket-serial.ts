import type { Migration } from '../migrations.js';

/**
 * A ticket's number in its daily series was called `seq`, the same word as the log's sequence
 * number; it is `serial` now. Issued tickets live inside the logged `ticket.issued` events (the day
 * is rebuilt from them) and inside stored answers to `ticket.issue` (replayed to a retrying kiosk),
 * so both are rewritten.
 */
export const ticketSerial: Migration = {
  version: 2,
  name: 'ticket-serial',
  up: (db) =>
    db.exec(`
UPDATE events
   SET data = json_set(json_remove(data, '$.ticket.seq'), '$.ticket.serial', json_extract(data, '$.ticket.seq'))
 WHERE type = 'ticket.issued' AND json_type(data, '$.ticket.seq') IS NOT NULL;
UPDATE requests
   SET ack = json_set(json_remove(ack, '$.result.ticket.seq'), '$.result.ticket.serial',
                      json_extract(ack, '$.result.ticket.seq'))
 WHERE json_type(ack, '$.result.ticket.seq') IS NOT NULL;
`),
};
