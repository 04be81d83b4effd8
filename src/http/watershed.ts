// GraphQL over HTTP's watershed (the spec's application/json legacy rule): a client that accepts only
// application/json gets 200 for every well-formed request, its GraphQL request errors (parse,
// validation, limits, variables, persisted queries) in the body; a client that accepts
// application/graphql-response+json gets 4xx for them. Requests that are not well-formed (a body that is
// not JSON, a batch, a missing or non-string query, CSRF) keep their 4xx either way.
import { ErrorCode } from '../domain/error-codes.js';

/** Codes of GraphQL request errors: with application/json they come with 200. */
const REQUEST_ERROR_CODES: ReadonlySet<string> = new Set([
  ErrorCode.GRAPHQL_PARSE_FAILED,
  ErrorCode.GRAPHQL_VALIDATION_FAILED,
  ErrorCode.QUERY_LIMIT_EXCEEDED,
  ErrorCode.BAD_USER_INPUT,
  ErrorCode.OPERATION_RESOLUTION_FAILURE,
  ErrorCode.PERSISTED_QUERY_NOT_FOUND,
  ErrorCode.PERSISTED_QUERY_NOT_SUPPORTED,
  ErrorCode.PERSISTED_QUERY_HASH_MISMATCH,
]);

/** Whether a refusal's extensions make it a request error of a well-formed request. */
export function isRequestError(extensions: Record<string, unknown>): boolean {
  return typeof extensions.code === 'string' && REQUEST_ERROR_CODES.has(extensions.code) && extensions.limit !== 'batch' && extensions.limit !== 'bodyBytes';
}

/** Whether the client asked for application/graphql-response+json (then 4xx for request errors). */
export function wantsGraphQLResponse(accept: string | undefined): boolean {
  return /application\/graphql-response\+json/i.test(accept ?? '');
}

/** The status of Apollo's answer under the watershed: its 400 becomes 200 for an application/json answer of request errors. */
export function watershedStatus(status: number, contentType: string | undefined, codes: readonly string[]): number {
  if (status !== 400 || !/^application\/json/i.test(contentType ?? '') || codes.length === 0) return status;
  return codes.every((c) => REQUEST_ERROR_CODES.has(c)) ? 200 : status;
}

/** The error codes of a complete GraphQL answer's text (cheap: only when it has errors). */
export function errorCodesOf(text: string): string[] {
  if (!text.includes('"errors"')) return [];
  try {
    const body = JSON.parse(text) as { errors?: { extensions?: { code?: unknown } }[] };
    return (body.errors ?? []).map((e) => String(e.extensions?.code ?? ErrorCode.INTERNAL_SERVER_ERROR));
  } catch {
    return [];
  }
}
