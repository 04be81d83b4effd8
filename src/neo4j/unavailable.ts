// The one answer to "is this error Neo4j being away?": used by the GraphQL error formatter, the
// exports, the request log and the circuit breaker (src/neo4j/breaker.ts), so a client sees the same
// SERVICE_UNAVAILABLE (or 503) whichever door it came in by.

/** Driver and server codes that mean the database cannot be reached or cannot serve right now. */
const UNAVAILABLE_CODES = new Set(['ServiceUnavailable', 'SessionExpired', 'Neo.TransientError.General.DatabaseUnavailable']);

export function isDatabaseUnavailable(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown } | null | undefined;
  if (typeof e?.code === 'string' && UNAVAILABLE_CODES.has(e.code)) return true;
  // The pool had no connection to give in time (the driver gives that error no code): busy, not a bug.
  return typeof e?.message === 'string' && e.message.startsWith('Connection acquisition timed out');
}

/** Neo4j's codes for a transaction it cancelled at its timeout (a request's deadline). */
const TIMED_OUT = /TransactionTimedOut|TransactionTimedOutClientConfiguration/;

/**
 * A read that got no answer by its deadline, as this process counts (src/neo4j/driver.ts): the
 * server's own transaction timeout never comes when Neo4j hangs (a frozen JVM, a lost network), so
 * every wait on Neo4j also has a bound on this side. Clients see DEADLINE_EXCEEDED.
 */
export class NoAnswerError extends Error {
  readonly code = 'Mlopskg.ClientSide.NoAnswerByDeadline';
  constructor(readonly waitedMs: number) {
    super(`Neo4j gave no answer within ${waitedMs} ms`);
    this.name = 'NoAnswerError';
  }
}

export function isTransactionTimeout(error: unknown): boolean {
  if (error instanceof NoAnswerError) return true;
  const code = (error as { code?: unknown } | null | undefined)?.code;
  return typeof code === 'string' && TIMED_OUT.test(code);
}

/**
 * `work`, or a rejection with `onTimeout()` after `ms`, whichever comes first. What `work` does later
 * is ignored (its rejection is swallowed): the caller has moved on.
 */
export function bounded<T>(work: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(onTimeout()), Math.max(1, ms));
  });
  work.catch(() => undefined);
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
