// What clients see of errors: intended errors keep their message and code; Neo4j outages become
// SERVICE_UNAVAILABLE; anything else is masked, so no Cypher, stack or internal detail leaks.
import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { ErrorCode, PUBLIC_CODES } from '../domain/error-codes.js';
import { isDatabaseUnavailable, isTransactionTimeout } from '../neo4j/unavailable.js';

export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (isDatabaseUnavailable(original)) {
    return {
      message: 'The graph database is unavailable right now; retry in a few seconds.',
      path: formatted.path,
      extensions: { code: ErrorCode.SERVICE_UNAVAILABLE },
    };
  }
  if (isTransactionTimeout(original)) {
    return {
      message: 'The request ran past its deadline; ask for less (smaller pages, fewer hops) or retry.',
      path: formatted.path,
      extensions: { code: ErrorCode.DEADLINE_EXCEEDED },
    };
  }
  // Limit refusals from validation rules arrive re-coded GRAPHQL_VALIDATION_FAILED: restore the code.
  if (formatted.extensions && 'limit' in formatted.extensions && 'allowed' in formatted.extensions) {
    // A page size out of range is a bad argument (BAD_USER_INPUT naming `first`), refused early.
    const code = formatted.extensions.limit === 'pageSize' ? ErrorCode.BAD_USER_INPUT : ErrorCode.QUERY_LIMIT_EXCEEDED;
    return { ...formatted, extensions: { ...formatted.extensions, code } };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && PUBLIC_CODES.has(code)) return formatted;
  return { message: 'Internal server error', path: formatted.path, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
}
