import { openDatabase } from './database.js';
import { Reports } from './reports.js';
import { Store } from './store.js';

export interface Storage {
  store: Store;
  reports: Reports;
  /** Checkpoint the WAL into the main file and close: a copied data folder is then one file. */
  close(): void;
}

/** The hub's SQLite file, brought to the newest schema, with its writer and its reports. */
export function openStorage(file: string): Storage {
  const db = openDatabase(file);
  return {
    store: new Store(db),
    reports: new Reports(db),
    close() {
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
    },
  };
}
