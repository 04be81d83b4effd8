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

export function isTransactionTimeout(error: unknown): boolean {
  const code = (error as { code?: unknown } | null | undefined)?.code;
  return typeof code === 'string' && TIMED_OUT.test(code);
}
