/**
 * `@luot/core/testing`: build office days through the real core for tests (pure, no test runner
 * inside). Not part of the core's public API (`@luot/core`).
 */
export * from './office.js';
export * from './day.js';
export * from './lines.js';
