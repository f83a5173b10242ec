export * from './gateway.js';
export { LogGateway, type LoggedSms, type LogGatewayOptions } from './log-gateway.js';
export { HttpGateway } from './http-gateway.js';
export { smsGateway } from './make.js';
