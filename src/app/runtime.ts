import { systemClock, type Clock } from '../core/clock.js';
import { openDb, type OpenDbOptions } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import type { Config } from './config.js';
import { createServices, type Services } from './services.js';

/** Open the configured database, bring its schema up to date and wire the services. */
export async function openRuntime(
  config: Config,
  clock: Clock = systemClock,
  options: Pick<OpenDbOptions, 'sqliteReaders'> = {},
): Promise<Services> {
  const db = openDb(config.db, options);
  try {
    await migrateToLatest(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return createServices(db, clock, config);
}
