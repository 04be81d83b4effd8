// Every `extensions.code` the API answers with, in one place. Clients branch on these; they are part
// of the contract (README, docs/operations.md) and never change meaning.

export enum ErrorCode {
  /** An argument is out of range, malformed or names nothing (the message names the argument). */
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  /** The document does not parse. */
  GRAPHQL_PARSE_FAILED = 'GRAPHQL_PARSE_FAILED',
  /** The document does not validate against the schema. */
  GRAPHQL_VALIDATION_FAILED = 'GRAPHQL_VALIDATION_FAILED',
  /** The HTTP request itself is malformed (body, method, headers). */
  BAD_REQUEST = 'BAD_REQUEST',
  /** The operation to run cannot be chosen (operationName missing or unknown). */
  OPERATION_RESOLUTION_FAILURE = 'OPERATION_RESOLUTION_FAILURE',
  PERSISTED_QUERY_NOT_FOUND = 'PERSISTED_QUERY_NOT_FOUND',
  /** The persisted-query protocol version is not 1. */
  PERSISTED_QUERY_NOT_SUPPORTED = 'PERSISTED_QUERY_NOT_SUPPORTED',
  /** The persisted-query hash sent is not the SHA-256 of the query sent with it. */
  PERSISTED_QUERY_HASH_MISMATCH = 'PERSISTED_QUERY_HASH_MISMATCH',
  /** Neo4j does not answer, or the server has too many requests under way; retry later (Retry-After). */
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
  /** A query limit (depth, cost, aliases, directives, tokens, body size, batching) refused the request. */
  QUERY_LIMIT_EXCEEDED = 'QUERY_LIMIT_EXCEEDED',
  /** The request ran past its deadline. */
  DEADLINE_EXCEEDED = 'DEADLINE_EXCEEDED',
  /** A bug: the details are logged, never sent. */
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

/** Codes whose message is meant for the client and is sent as it is. */
export const PUBLIC_CODES: ReadonlySet<string> = new Set(Object.values(ErrorCode).filter((c) => c !== ErrorCode.INTERNAL_SERVER_ERROR));
