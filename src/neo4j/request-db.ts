// The database as one request sees it: reads only, each counted, so tests and benchmarks can
// check that round trips stay bounded by the query's depth, not by its page sizes.
import type { QueryResult, RecordShape } from 'neo4j-driver';
import type { Db } from './driver.js';

export class RequestDb {
  /** Cypher round trips made for this request so far. */
  roundTrips = 0;

  constructor(private readonly db: Db) {}

  read<R extends RecordShape = RecordShape>(cypher: string, params: Record<string, unknown> = {}): Promise<QueryResult<R>> {
    this.roundTrips += 1;
    return this.db.read<R>(cypher, params);
  }
}
