export * from './commands.js';
export * from './bookings.js';
export * from './errors.js';
export * from './messages.js';
// The office configuration's schema lives with the rules that read it; it is part of the contract.
export { OfficeConfigSchema, TextSchema, parseOfficeConfig, type OfficeConfig, type Text } from '@luot/core';
export * from './reports.js';
export * from './plan.js';
export * from './uplink.js';
export * from './city-board.js';
export * from './city-reports.js';
