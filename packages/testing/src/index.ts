export * from './browser.js';
export * from './raw-device.js';
export * from './browser-suite.js';
