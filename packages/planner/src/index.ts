export * from './erlang.js';
export * from './assign.js';
export * from './plan.js';
