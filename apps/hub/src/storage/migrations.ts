import type Database from 'better-sqlite3';
import { MIGRATIONS } from './migrations/index.js';

export interface Migration {
  /** 1, 2, 3…: the `PRAGMA user_version` the database has once this migration ran. */
  version: number;
  name: string;
  up(db: Database.Database): void;
}

/** Refuse a list whose numbers are not 1, 2, 3… in order: a repeat or a gap is a mistake in the code. */
export function checkMigrations(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) {
      const seen = migrations.filter((o) => o.version === m.version).length;
      throw new Error(
        seen > 1
          ? `Migration number ${m.version} is used twice (${migrations.map((o) => o.name).join(', ')})`
          : `Migrations out of order: ${m.name} is number ${m.version} at position ${i + 1}`,
      );
    }
  });
}

/**
 * Bring the database to the newest schema using PRAGMA user_version, each migration in its own
 * transaction. A database written by a newer Lượt is refused rather than guessed at.
 * Returns the version the database is at.
 */
export function runMigrations(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): number {
  checkMigrations(migrations);
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = migrations.at(-1)?.version ?? 0;
  if (current > latest) {
    throw new Error(
      `The database is from a newer version of Lượt (schema ${current}, this hub knows ${latest}). Upgrade the hub.`,
    );
  }
  for (const m of migrations) {
    if (m.version <= current) continue;
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
  return latest;
}
