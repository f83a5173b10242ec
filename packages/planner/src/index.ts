export * from './erlang.js';
export * from './assign.js';
export * from './request.js';
export * from './intervals.js';
export * from './seats.js';
export * from './simulate.js';
export * from './make-plan.js';
export * from './mmc-check.js';
