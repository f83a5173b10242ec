import type { Handlers } from '../context.js';
import { bookingHandlers } from './bookings.js';
import { counterHandlers } from './counter.js';
import { printerHandlers } from './printer.js';
import { ratingHandlers } from './rating.js';
import { supervisorHandlers } from './supervisor.js';
import { ticketHandlers } from './tickets.js';

/**
 * Every command's handler. `satisfies Handlers` makes a missing command, or a handler whose answer
 * does not match the protocol's `COMMANDS[type].result`, a compile error.
 */
export const HANDLERS = {
  ...ticketHandlers,
  ...counterHandlers,
  ...ratingHandlers,
  ...supervisorHandlers,
  ...printerHandlers,
  ...bookingHandlers,
} satisfies Handlers;
