import { initial } from './001-initial.js';
import { reports } from './002-reports.js';
import { dayRows } from './003-day-rows.js';

/**
 * Every schema change, in order. A migration is a module (not a .sql file) as in the hub, so it
 * ships with the code. Never edit one that has shipped: add the next number.
 */
export const MIGRATIONS = [initial, reports, dayRows];
