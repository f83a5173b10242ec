export * from './client.js';
export * from './mirror.js';
export * from './request-id.js';
export * from './watch.js';
export * from './hub-clock.js';
export * from './snapshot-codec.js';
