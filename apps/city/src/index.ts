export { createPool, transaction, type Pool } from './db.js';
export { runMigrations } from './migrations.js';
export { createOffice, officeByToken, sha256 } from './offices.js';
export { hello, ingestBatch, type IngestResult } from './ingest.js';
export { Projector } from './projector.js';
export { rebuildProjections } from './rebuild.js';
export { startCity, UPLINK_PATH, type City, type CityOptions } from './server.js';
export {
  attachBoard,
  officeMonitor,
  officeSummaries,
  BOARD_SOCKET_PATH,
  type BoardOptions,
} from './board/index.js';
