#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import pino from 'pino';
import { DEMO_CONFIG, loadConfigFile } from './config.js';
import { startHub } from './hub.js';

/** `luot-hub [--config file] [--data dir] [--port n] [--host addr]`; env LUOT_CONFIG, LUOT_DATA, PORT, HOST. */
const { values } = parseArgs({
  options: {
    config: { type: 'string' },
    data: { type: 'string' },
    port: { type: 'string' },
    host: { type: 'string' },
    demo: { type: 'boolean', default: false },
  },
});

const logger = pino({ name: 'luot-hub', level: process.env.LOG_LEVEL ?? 'info' });
const configFile = values.config ?? process.env.LUOT_CONFIG ?? DEMO_CONFIG;
if (configFile === DEMO_CONFIG)
  logger.warn('using the demo configuration (demo tokens and PINs): not for a real office');

try {
  const config = loadConfigFile(configFile);
  const hub = await startHub({
    config,
    dataDir: resolve(values.data ?? process.env.LUOT_DATA ?? 'data'),
    port: Number(values.port ?? process.env.PORT ?? 8080),
    host: values.host ?? process.env.HOST ?? '0.0.0.0',
    logger,
  });
  for (const [device, fake] of hub.printers.fakes)
    logger.info({ device, port: fake.port }, 'fake printer for kiosk');
  logger.info(
    `Lượt is running: display ${hub.url}/display · kiosk ${hub.url}/kiosk · counter ${hub.url}/counter`,
  );
  const stop = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    hub.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
} catch (e) {
  logger.fatal((e as Error).message);
  process.exit(1);
}
