export * from './settings.js';
export * from './use-hub.js';
export * from './i18n.js';
export * from './format.js';
export { ConnectionBanner } from './ConnectionBanner.js';
export { CATEGORY_ICONS, Icon } from './icons.js';
