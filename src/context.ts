// What every resolver gets: the per-request database handle (which counts round trips) and the
// per-request DataLoaders. A new context per request: loaders never share results across requests.
import type { Db } from './neo4j/driver.js';
import { createLoaders, type Loaders } from './loaders/index.js';
import { RequestDb } from './neo4j/request-db.js';

export interface RequestContext {
  readonly db: RequestDb;
  readonly loaders: Loaders;
}

export function createContext(db: Db, timeoutMs?: number): RequestContext {
  const requestDb = new RequestDb(db, timeoutMs);
  return { db: requestDb, loaders: createLoaders(requestDb) };
}
