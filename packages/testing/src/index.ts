export * from './hub.js';
export * from './browser.js';
