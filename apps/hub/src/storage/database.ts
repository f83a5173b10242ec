import Database from 'better-sqlite3';
import { runMigrations } from './migrations.js';

/**
 * Open the hub database: WAL for concurrent readers, FULL sync so an acknowledged ticket survives a
 * power cut, then bring it to the newest schema.
 */
export function openDatabase(file: string): Database.Database {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  runMigrations(db);
  return db;
}
