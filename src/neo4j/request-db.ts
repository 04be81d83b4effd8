// The database as one request sees it: reads only, each counted, so tests and benchmarks can
// check that round trips stay bounded by the query's depth, not by its page sizes.
// Each request also has a deadline: a query starts only while time is left, and its transaction
// times out when the request's time runs out, so Neo4j cancels work nobody will wait for.
import { GraphQLError } from 'graphql';
import type { QueryResult, RecordShape } from 'neo4j-driver';
import { ErrorCode } from '../domain/error-codes.js';
import type { CypherSpans } from '../observability/cypher-spans.js';
import type { Db, Reader } from './driver.js';

export class RequestDb implements Reader {
  /** Cypher round trips made for this request so far. */
  roundTrips = 0;
  /** Epoch milliseconds by which the request must be answered. */
  readonly deadline: number;
  /** Set while tracing is on (src/http/plugins/tracing.ts): each read is then a span. */
  spans?: CypherSpans;

  constructor(
    private readonly db: Db,
    readonly timeoutMs = db.txTimeoutMs,
    /** When the request arrived (epoch ms): its deadline counts from then, waits before execution included. */
    startedAt = Date.now(),
  ) {
    this.deadline = startedAt + timeoutMs;
  }

  read<R extends RecordShape = RecordShape>(cypher: string, params: Record<string, unknown> = {}): Promise<QueryResult<R>> {
    const left = this.deadline - Date.now();
    if (left <= 0) return Promise.reject(deadlineError(this.timeoutMs));
    this.roundTrips += 1;
    if (this.spans) return this.spans.trace(this.roundTrips, cypher, () => this.db.read<R>(cypher, params, left));
    return this.db.read<R>(cypher, params, left);
  }
}

export function deadlineError(timeoutMs: number): GraphQLError {
  return new GraphQLError(`The request ran past its deadline of ${timeoutMs} ms; ask for less (smaller pages, fewer hops) or retry.`, {
    extensions: { code: ErrorCode.DEADLINE_EXCEEDED, timeoutMs },
  });
}
