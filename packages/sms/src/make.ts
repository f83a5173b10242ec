import type { SmsConfig, SmsGateway } from './gateway.js';
import { HttpGateway } from './http-gateway.js';
import { LogGateway, type LogGatewayOptions } from './log-gateway.js';

/** The gateway the configuration names. */
export function smsGateway(config: SmsConfig, log: LogGatewayOptions['log']): SmsGateway {
  return config.kind === 'http'
    ? new HttpGateway(config)
    : new LogGateway({ log, showSecrets: config.showSecrets });
}
