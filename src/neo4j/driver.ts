// The one road to the database: a driver, a clear error when it cannot connect, and query helpers
// that read with read routing (so the same code runs against a cluster) and write in one transaction.
import neo4j, { type Driver, type ManagedTransaction, type QueryResult, type RecordShape, type Transaction } from 'neo4j-driver';
import type { Neo4jBreaker } from './breaker.js';
import { bounded, isDatabaseUnavailable, NoAnswerError } from './unavailable.js';

export class Neo4jConnectError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Neo4jConnectError';
  }
}

export interface Connection {
  readonly uri: string;
  readonly username: string;
  readonly password?: string;
  readonly database?: string;
}

export interface DriverOptions {
  readonly connectionTimeoutMs?: number;
  /** How long a query waits for a pooled connection (which includes opening one). */
  readonly acquisitionTimeoutMs?: number;
  /** The driver's own retries of a failed transaction (0: none; the API fails fast instead). */
  readonly maxRetryTimeMs?: number;
}

export function createDriver(c: Connection, options: DriverOptions = {}): Driver {
  return neo4j.driver(c.uri, c.password === undefined ? neo4j.auth.basic(c.username, '') : neo4j.auth.basic(c.username, c.password), {
    // Numbers arrive as JS numbers: every count here is far below 2^53.
    disableLosslessIntegers: true,
    connectionTimeout: options.connectionTimeoutMs ?? 5_000,
    connectionAcquisitionTimeout: options.acquisitionTimeoutMs ?? 10_000,
    maxConnectionPoolSize: 50,
    // Fail fast on an outage instead of retrying for the driver's default 30 s.
    maxTransactionRetryTime: options.maxRetryTimeMs ?? 2_000,
    userAgent: 'mlops-kg',
  });
}

/** Checks that the server answers and accepts the credentials; throws one readable line if not. */
export async function verifyNeo4j(driver: Driver, c: Connection): Promise<void> {
  try {
    await driver.verifyAuthentication({ database: c.database });
    await driver.executeQuery('RETURN 1', {}, { database: c.database, routing: neo4j.routing.READ });
  } catch (e) {
    throw new Neo4jConnectError(describeConnectError(e, c));
  }
}

export function describeConnectError(e: unknown, c: Connection): string {
  const err = e as { code?: string; message?: string };
  const code = err.code ?? '';
  if (code.includes('Unauthorized') || code.includes('AuthenticationRateLimit') || /auth/i.test(code)) {
    return `Neo4j at ${c.uri} refused the credentials of user "${c.username}": check NEO4J_USERNAME and NEO4J_PASSWORD.`;
  }
  if (code.includes('DatabaseNotFound')) {
    return `Neo4j at ${c.uri} has no database "${c.database}": check NEO4J_DATABASE.`;
  }
  if (code === 'ServiceUnavailable' || code === 'SessionExpired') {
    const reason = (err.message ?? '').split('\n')[0];
    return `Neo4j at ${c.uri} is unreachable (${reason}): check NEO4J_URI, or unset it to let mlops-kg start a local Neo4j.`;
  }
  return `Neo4j at ${c.uri} could not be used: ${(err.message ?? String(e)).split('\n')[0]}`;
}

/** Anything that runs one read round trip: the process-wide Db, or a request's RequestDb. */
export interface Reader {
  read<R extends RecordShape = RecordShape>(cypher: string, params?: Record<string, unknown>): Promise<QueryResult<R>>;
}

export interface StreamOptions {
  /** The server cancels the transaction after this. */
  readonly timeoutMs: number;
  /** Records pulled per batch: the stream pauses between batches while the consumer is busy. */
  readonly fetchSize: number;
  /** Shown in Neo4j's query log and transaction list. */
  readonly metadata?: Record<string, string>;
}

/** Thin wrapper over the driver that every Cypher module goes through. */
export class Db implements Reader {
  /** Queries running now; each holds a pooled connection (exported as a metric). */
  inFlight = 0;
  /** When set (the API), reads fail at once while Neo4j is known to be down (src/neo4j/breaker.ts). */
  breaker?: Neo4jBreaker;

  constructor(
    readonly driver: Driver,
    readonly database?: string,
    /** Per-transaction timeout: a runaway query is cancelled by the server. */
    readonly txTimeoutMs = 10_000,
  ) {}

  /**
   * One read round trip with read routing (a cluster sends it to a follower). The transaction
   * times out after `timeoutMs` (default: txTimeoutMs): the server cancels it then.
   *
   * An auto-commit transaction: one RUN (with its PULL) on the wire. A managed one (executeQuery,
   * executeRead) adds a BEGIN and a COMMIT, each its own socket write and server message: about a
   * tenth of the API's CPU per uncached request (docs/performance.md). What a managed transaction
   * adds besides is its retries, which the API's driver turns off anyway (it fails fast; see
   * createDriver's maxRetryTimeMs), and one statement reads one consistent snapshot on its own.
   *
   * The wait is bounded here too, at `timeoutMs`: a Neo4j that hangs (a frozen JVM, a dead network
   * path) never sends its own timeout, so the read then fails with NoAnswerError (DEADLINE_EXCEEDED to
   * clients) and the breaker is asked to probe; the session is left to finish or fail on its own.
   */
  async read<R extends RecordShape = RecordShape>(cypher: string, params: Record<string, unknown> = {}, timeoutMs = this.txTimeoutMs): Promise<QueryResult<R>> {
    this.breaker?.check();
    this.inFlight += 1;
    const started = performance.now();
    const run = () => {
      const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ });
      const work = (async () => {
        try {
          return await session.run<R>(cypher, params, { timeout: Math.max(1, Math.ceil(timeoutMs)) });
        } finally {
          // The answer (or the error) is what matters; a connection that broke meanwhile is the pool's.
          await session.close().catch(() => undefined);
        }
      })();
      const left = timeoutMs - (performance.now() - started);
      return bounded(work, left, () => new NoAnswerError(Math.round(timeoutMs)));
    };
    try {
      try {
        return await run();
      } catch (e) {
        // A pooled connection left over from before a Neo4j restart fails at once: one more try
        // gets a new one (the driver dropped the dead ones). A slow failure is not retried.
        if (this.breaker && isDatabaseUnavailable(e) && performance.now() - started < 100) return await run();
        throw e;
      }
    } catch (e) {
      this.breaker?.failed(e);
      throw e;
    } finally {
      this.inFlight -= 1;
    }
  }

  /**
   * Runs `work` in one explicit READ transaction whose results are streamed (records pulled in
   * batches of `fetchSize` as the consumer asks for them): the exports. Counted in `inFlight` like
   * every other query; the transaction is rolled back when `work` fails or leaves it open.
   */
  async readStream<T>(work: (tx: Transaction) => Promise<T>, options: StreamOptions): Promise<T> {
    this.breaker?.check();
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ, fetchSize: options.fetchSize });
    this.inFlight += 1;
    let tx: Transaction | undefined;
    try {
      tx = session.beginTransaction({ timeout: options.timeoutMs, metadata: { app: 'mlops-kg', ...options.metadata } });
      const open = tx;
      // Bounded on this side too (a hung Neo4j sends no timeout): a little past the server's own.
      const result = await bounded(
        (async () => {
          const r = await work(open);
          await open.commit();
          return r;
        })(),
        options.timeoutMs + 1_000,
        () => new NoAnswerError(options.timeoutMs + 1_000),
      );
      return result;
    } catch (e) {
      this.breaker?.failed(e);
      throw e;
    } finally {
      this.inFlight -= 1;
      // Not awaited when Neo4j hangs: the rollback and close finish (or fail) on their own.
      const cleanup = (async () => {
        if (tx?.isOpen()) await tx.rollback().catch(() => undefined);
        await session.close().catch(() => undefined);
      })();
      await bounded(cleanup, 1_000, () => new Error('cleanup')).catch(() => undefined);
    }
  }

  /** Runs one schema statement (a constraint, an index, awaiting indexes) on its own: setup only. */
  async schema(statement: string): Promise<void> {
    await this.driver.executeQuery(statement, {}, { database: this.database });
  }

  private readonly writeListeners = new Set<(phase: 'start' | 'end') => void>();

  /**
   * Calls `listener` when a write transaction of this Db starts and when it has ended (committed or
   * not): the process's graph-version watch (src/cache/graph-version-watch.ts) learns of its own
   * loads at once this way. Returns the unsubscribe function.
   */
  onWrite(listener: (phase: 'start' | 'end') => void): () => void {
    this.writeListeners.add(listener);
    return () => this.writeListeners.delete(listener);
  }

  /** Runs `work` in one managed write transaction: it all commits, or nothing does. */
  async writeTx<T>(work: (tx: ManagedTransaction) => Promise<T>, timeoutMs = 120_000): Promise<T> {
    for (const l of this.writeListeners) l('start');
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.WRITE });
    try {
      return await session.executeWrite(work, { timeout: timeoutMs });
    } finally {
      await session.close();
      for (const l of this.writeListeners) l('end');
    }
  }

  close(): Promise<void> {
    return this.driver.close();
  }
}
