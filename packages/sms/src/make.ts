import type { SmsConfig, SmsGateway } from './gateway.js';
import { HttpGateway } from './http-gateway.js';
import { LogGateway, type LogGatewayOptions } from './log-gateway.js';

/**
 * The gateway the configuration names. The log gateway shows one-time codes unless told otherwise,
 * or unless this is production (NODE_ENV): a production log is read by people who must not see them.
 */
export function smsGateway(
  config: SmsConfig,
  log: LogGatewayOptions['log'],
  production = process.env.NODE_ENV === 'production',
): SmsGateway {
  return config.kind === 'http'
    ? new HttpGateway(config)
    : new LogGateway({ log, showSecrets: config.showSecrets ?? !production });
}
