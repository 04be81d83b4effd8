// The one answer to "is this error Neo4j being away?": used by the GraphQL error formatter and by
// the exports, so a client sees the same SERVICE_UNAVAILABLE (or 503) whichever door it came in by.

/** Driver and server codes that mean the database cannot be reached or cannot serve right now. */
const UNAVAILABLE_CODES = new Set(['ServiceUnavailable', 'SessionExpired', 'Neo.TransientError.General.DatabaseUnavailable']);

export function isDatabaseUnavailable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null | undefined)?.code;
  return typeof code === 'string' && UNAVAILABLE_CODES.has(code);
}

/** Neo4j's codes for a transaction it cancelled at its timeout (a request's deadline). */
const TIMED_OUT = /TransactionTimedOut|TransactionTimedOutClientConfiguration/;

export function isTransactionTimeout(error: unknown): boolean {
  const code = (error as { code?: unknown } | null | undefined)?.code;
  return typeof code === 'string' && TIMED_OUT.test(code);
}
