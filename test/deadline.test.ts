// Each request has a deadline: queries start only while time is left, and Neo4j cancels a
// transaction that runs past it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatError } from '../src/http/errors.js';
import type { Db } from '../src/neo4j/driver.js';
import { RequestDb } from '../src/neo4j/request-db.js';
import { openTestDb } from './support/neo4j.js';

let db: Db;
beforeAll(async () => {
  db = await openTestDb();
});
afterAll(async () => {
  await db.close();
});

describe('request deadlines', () => {
  it('a request past its deadline starts no more queries', async () => {
    const rdb = new RequestDb(db, 1);
    await new Promise((r) => setTimeout(r, 10));
    await expect(rdb.read('RETURN 1')).rejects.toMatchObject({ extensions: { code: 'DEADLINE_EXCEEDED', timeoutMs: 1 } });
    expect(rdb.roundTrips).toBe(0);
  });

  it('Neo4j cancels a transaction that runs past the time left, and clients see DEADLINE_EXCEEDED', async () => {
    const rdb = new RequestDb(db, 300);
    const started = Date.now();
    const error = await rdb.read('UNWIND range(1, 2000000000) AS x WITH x WHERE x % 7 = 3 RETURN count(x)').then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeDefined();
    expect(Date.now() - started).toBeLessThan(30_000);
    const shown = formatError({ message: String((error as Error).message) }, error);
    expect(shown.extensions?.code).toBe('DEADLINE_EXCEEDED');
    expect(shown.message).not.toMatch(/UNWIND|Neo\./);
  });
});
