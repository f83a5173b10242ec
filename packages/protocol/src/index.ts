export * from './commands.js';
export * from './errors.js';
export * from './messages.js';
export * from './office-config.js';
export * from './printable.js';
