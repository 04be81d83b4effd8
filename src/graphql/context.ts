// What every resolver gets: the per-request database handle (which counts round trips and keeps the
// request's deadline) and the per-request DataLoaders. A new context per request.
import type { Db } from '../neo4j/driver.js';
import { RequestDb } from '../neo4j/request-db.js';
import { createRequestLoaders, type RequestLoaders } from '../loaders/request-loaders.js';

export interface RequestContext {
  readonly db: RequestDb;
  readonly loaders: RequestLoaders;
}

export function createContext(db: Db, timeoutMs?: number, startedAt?: number): RequestContext {
  const requestDb = new RequestDb(db, timeoutMs, startedAt);
  return { db: requestDb, loaders: createRequestLoaders(requestDb) };
}
