export { startHub, type Hub, type HubOptions } from './hub.js';
export { resolveConfig, loadConfigFile, DEMO_CONFIG, type LoadedConfig } from './config.js';
export { hashPin } from './auth.js';
export { BookingFailure, type BookingService } from './bookings/service.js';
