// Settings -> a Neo4j (configured or provisioned) -> a verified Db, for scripts that run and end.
import { PROJECT_ROOT } from '../config/paths.js';
import { parseSettings } from '../config/settings.js';
import { createDriver, Db, verifyNeo4j } from '../neo4j/driver.js';
import { provisionNeo4j, type ProvisionedNeo4j } from './provision.js';

/** Provisions (or uses the configured) Neo4j and returns a verified Db plus a way to release both. */
export async function openNeo4j(options: { persistent: boolean; log?: (line: string) => void }): Promise<{
  db: Db;
  neo4j: ProvisionedNeo4j;
  close(): Promise<void>;
}> {
  const settings = parseSettings(process.env);
  const neo4j = await provisionNeo4j(settings.neo4j, { root: PROJECT_ROOT, persistent: options.persistent, log: options.log ?? ((l) => console.error(l)) });
  const db = new Db(createDriver(neo4j), neo4j.database);
  try {
    await verifyNeo4j(db.driver, neo4j);
  } catch (e) {
    await db.close();
    await neo4j.stop();
    throw e;
  }
  return {
    db,
    neo4j,
    close: async () => {
      await db.close();
      await neo4j.stop();
    },
  };
}

export async function withNeo4j(options: { persistent: boolean }, work: (db: Db) => Promise<void>): Promise<void> {
  const { db, close } = await openNeo4j(options);
  try {
    await work(db);
  } finally {
    await close();
  }
}
