// Test helpers over the run's real Neo4j (see global-setup.ts).
import path from 'node:path';
import { inject } from 'vitest';
import { pino } from 'pino';
import { parseSettings } from '../../src/config/settings.js';
import { createDriver, Db } from '../../src/neo4j/driver.js';
import type { ProvisionedNeo4j } from '../../src/provision/provision.js';
import { PROJECT_ROOT } from '../../src/config/paths.js';
import { setupDatabase } from '../../src/neo4j/setup.js';
import { startService, type RunningService } from '../../src/server.js';
import { loadSeedDataset } from '../../src/seed/index.js';
import { graphContentHash, loadDataset } from '../../src/seed/loader.js';

export const SEED_DIR = path.join(PROJECT_ROOT, 'seed');
export const FIXTURES = path.join(PROJECT_ROOT, 'test', 'fixtures');

export function testNeo4j(): ProvisionedNeo4j {
  const n = inject('neo4j');
  return {
    path: n.path as ProvisionedNeo4j['path'],
    uri: n.uri,
    username: n.username,
    password: n.password ?? undefined,
    database: n.database ?? undefined,
    // The run's Neo4j is stopped by global teardown, never by a test file.
    stop: async () => {},
  };
}

/** A Db on the run's Neo4j, with constraints and indexes in place. */
export async function openTestDb(): Promise<Db> {
  const n = testNeo4j();
  const db = new Db(createDriver(n), n.database);
  await setupDatabase(db);
  return db;
}

export async function wipe(db: Db): Promise<void> {
  await db.writeTx(async (tx) => {
    await tx.run('MATCH (n) DETACH DELETE n');
  });
}

/**
 * Makes the run's database hold exactly the dataset of `seedDir`: test files share one database, and
 * an earlier file may have left fixtures behind that a plain (unpruned) load would keep.
 */
export async function resetGraphTo(seedDir = SEED_DIR): Promise<void> {
  const db = await openTestDb();
  try {
    const dataset = await loadSeedDataset(seedDir, PROJECT_ROOT);
    if ((await graphContentHash(db)) === dataset.contentHash && (await strayNodes(db)) === 0) return;
    await wipe(db);
    await setupDatabase(db);
    await loadDataset(db, dataset);
  } finally {
    await db.close();
  }
}

async function strayNodes(db: Db): Promise<number> {
  const res = await db.read('MATCH (n) WHERE NOT n:Entity AND NOT n:Dataset AND NOT n:DatasetLoad RETURN count(n) AS n');
  return res.records[0]!.get('n') as number;
}

/** The whole service on a free port, on the run's Neo4j, holding exactly `seedDir`; `env` adds settings. */
export async function startTestService(seedDir = SEED_DIR, env: Record<string, string> = {}): Promise<RunningService> {
  await resetGraphTo(seedDir);
  return startService({
    // The response cache is off unless a test asks for it (test/response-cache.test.ts does): most
    // tests count the Cypher round trips that executing a query takes, which a cache hit skips.
    settings: parseSettings({ PORT: '0', RESPONSE_CACHE_MB: '0', ...env }),
    logger: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
    neo4j: testNeo4j(),
    seedDir,
  });
}

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  contentType: string | null;
  body: { data?: T | null; errors?: { message: string; path?: unknown; extensions?: Record<string, unknown> }[] };
}

export async function gql<T = Record<string, unknown>>(url: string, query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, contentType: res.headers.get('content-type'), body: (await res.json()) as GraphQLResponse<T>['body'] };
}
