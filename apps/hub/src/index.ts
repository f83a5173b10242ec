export { startHub, type Hub, type HubOptions } from './server.js';
export { resolveConfig, loadConfigFile, DEMO_CONFIG, type LoadedConfig } from './config.js';
export { hashPin } from './auth.js';
