// What clients see of errors: intended errors keep their message and code; Neo4j outages become
// SERVICE_UNAVAILABLE; anything else is masked, so no Cypher, stack or internal detail leaks.
import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';

const PUBLIC_CODES = new Set([
  'BAD_USER_INPUT',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'SERVICE_UNAVAILABLE',
  'QUERY_LIMIT_EXCEEDED',
  'DEADLINE_EXCEEDED',
]);

/** Neo4j's codes for a transaction it cancelled at its timeout (our deadline). */
const NEO4J_TIMED_OUT = /TransactionTimedOut|TransactionTimedOutClientConfiguration/;

const NEO4J_UNAVAILABLE = new Set(['ServiceUnavailable', 'SessionExpired', 'Neo.TransientError.General.DatabaseUnavailable']);

export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error) as { code?: unknown; message?: unknown } | undefined;
  // The pool had no connection to give in time (the driver gives that error no code): busy, not a bug.
  const poolBusy = typeof original?.message === 'string' && original.message.startsWith('Connection acquisition timed out');
  if ((original && typeof original.code === 'string' && NEO4J_UNAVAILABLE.has(original.code)) || poolBusy) {
    return {
      message: 'The graph database is unavailable right now; retry in a few seconds.',
      path: formatted.path,
      extensions: { code: 'SERVICE_UNAVAILABLE' },
    };
  }
  if (original && typeof original.code === 'string' && NEO4J_TIMED_OUT.test(original.code)) {
    return {
      message: 'The request ran past its deadline; ask for less (smaller pages, fewer hops) or retry.',
      path: formatted.path,
      extensions: { code: 'DEADLINE_EXCEEDED' },
    };
  }
  // Limit refusals from validation rules arrive re-coded GRAPHQL_VALIDATION_FAILED: restore the code.
  if (formatted.extensions && 'limit' in formatted.extensions && 'allowed' in formatted.extensions) {
    // A page size out of range is a bad argument (BAD_USER_INPUT naming `first`), refused early.
    const code = formatted.extensions.limit === 'pageSize' ? 'BAD_USER_INPUT' : 'QUERY_LIMIT_EXCEEDED';
    return { ...formatted, extensions: { ...formatted.extensions, code } };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && PUBLIC_CODES.has(code)) return formatted;
  return { message: 'Internal server error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}
